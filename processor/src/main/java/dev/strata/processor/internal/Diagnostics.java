package dev.strata.processor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Every message the processor prints goes through here: attached to the most specific element,
 * annotation or annotation value there is, prefixed with its stable code ({@code [STRATA-101]}),
 * and counted, so that nothing is written once an error has been reported.
 */
public final class Diagnostics {
  private final Messager messager;
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = Objects.requireNonNull(messager, "messager");
  }

  /**
   * Diagnostics that keep their messages, in order, until {@link #replayTo}: for work whose result
   * may be thrown away and done again, so that only the kept attempt reports.
   */
  public static Diagnostics recording() {
    return new Diagnostics(new Recorder());
  }

  /** Prints what this recording diagnostics kept, in order, through {@code target}, and counts its errors there. */
  public void replayTo(Diagnostics target) {
    if (!(messager instanceof Recorder recorder)) {
      throw new IllegalStateException("only recording diagnostics can be replayed");
    }
    recorder.messages.forEach(m -> m.printTo(target.messager));
    target.errors += errors;
  }

  /** Whether any error was reported; generation writes nothing then. */
  public boolean hasErrors() {
    return errors > 0;
  }

  public void error(Code code, String message, Element element) {
    print(Diagnostic.Kind.ERROR, code, message, element, null, null);
  }

  public void error(Code code, String message, Element element, AnnotationMirror annotation) {
    print(Diagnostic.Kind.ERROR, code, message, element, annotation, null);
  }

  public void error(Code code, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    print(Diagnostic.Kind.ERROR, code, message, element, annotation, value);
  }

  /** An error that belongs to no element (an unreadable snapshot, a bad option). */
  public void error(Code code, String message) {
    print(Diagnostic.Kind.ERROR, code, message, null, null, null);
  }

  public void warning(Code code, String message, Element element) {
    print(Diagnostic.Kind.WARNING, code, message, element, null, null);
  }

  public void warning(Code code, String message) {
    print(Diagnostic.Kind.WARNING, code, message, null, null, null);
  }

  public void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, "Strata: " + message);
  }

  public void note(String message, Element element) {
    messager.printMessage(Diagnostic.Kind.NOTE, "Strata: " + message, element);
  }

  /** A note with a code, for advice that needs no action now (e.g. an annotation that can be removed). */
  public void note(Code code, String message, Element element) {
    print(Diagnostic.Kind.NOTE, code, message, element, null, null);
  }

  private void print(Diagnostic.Kind kind, Code code, String message, Element element,
      AnnotationMirror annotation, AnnotationValue value) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    new Message(kind, "[" + code.id() + "] " + message, element, annotation, value).printTo(messager);
  }

  /**
   * A stable message code. Each area keeps its own enum of codes implementing this: entity mapping
   * uses {@code STRATA-1xx}, revisions and the chain {@code STRATA-2xx}, the snapshot
   * {@code STRATA-3xx}, options {@code STRATA-4xx}, review warnings {@code STRATA-5xx}.
   */
  public interface Code {
    /** E.g. {@code STRATA-101}. */
    String id();
  }

  /** A message as {@link Messager} takes it; absent parts are null. */
  private record Message(Diagnostic.Kind kind, CharSequence text, Element element, AnnotationMirror annotation,
      AnnotationValue value) {
    void printTo(Messager messager) {
      if (element == null) {
        messager.printMessage(kind, text);
      } else if (annotation == null) {
        messager.printMessage(kind, text, element);
      } else if (value == null) {
        messager.printMessage(kind, text, element, annotation);
      } else {
        messager.printMessage(kind, text, element, annotation, value);
      }
    }
  }

  private static final class Recorder implements Messager {
    private final List<Message> messages = new ArrayList<>();

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
      messages.add(new Message(kind, msg, null, null, null));
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
      messages.add(new Message(kind, msg, e, null, null));
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      messages.add(new Message(kind, msg, e, a, null));
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a,
        AnnotationValue v) {
      messages.add(new Message(kind, msg, e, a, v));
    }
  }
}
