package dev.strata.processor.internal.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations by their qualified names, with their declared defaults. The defaults come from
 * the annotation types in the compilation's class path (the project's), never from the processor's.
 */
final class Annotations {
  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (nameOf(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /**
   * A repeatable annotation: the single one and those inside its container (javac puts repeated
   * annotations into the container), in source order.
   */
  List<AnnotationMirror> findAll(Element element, String qualifiedName, String container) {
    List<AnnotationMirror> all = new ArrayList<>();
    find(element, qualifiedName).ifPresent(all::add);
    find(element, container).ifPresent(c -> all.addAll(annotations(c, "value")));
    return all;
  }

  static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** Whether the attribute was written in the source (not left to its default). */
  boolean isSet(AnnotationMirror mirror, String attribute) {
    return explicitValue(mirror, attribute).isPresent();
  }

  Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The value, the default when it was not written; empty when the annotation has no such attribute. */
  Optional<AnnotationValue> value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  String string(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).map(v -> (String) v.getValue()).orElse("");
  }

  int integer(AnnotationMirror mirror, String attribute, int absent) {
    return value(mirror, attribute).map(v -> ((Number) v.getValue()).intValue()).orElse(absent);
  }

  long longValue(AnnotationMirror mirror, String attribute, long absent) {
    return value(mirror, attribute).map(v -> ((Number) v.getValue()).longValue()).orElse(absent);
  }

  boolean bool(AnnotationMirror mirror, String attribute, boolean absent) {
    return value(mirror, attribute).map(v -> (Boolean) v.getValue()).orElse(absent);
  }

  /** An enum-valued attribute: the constant's simple name, e.g. {@code STRING}. */
  Optional<String> enumConstant(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).map(v -> ((VariableElement) v.getValue()).getSimpleName().toString());
  }

  /** A class-valued attribute. */
  Optional<TypeMirror> type(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).map(v -> (TypeMirror) v.getValue());
  }

  /**
   * Whether a {@code @ForeignKey} asks for something: a name, or a mode other than
   * {@code PROVIDER_DEFAULT}. The default {@code foreignKey} of {@code @JoinColumns},
   * {@code @CollectionTable} and the like is {@code @ForeignKey(PROVIDER_DEFAULT)}, written out, so
   * only its content tells it from one the mapping wrote.
   */
  boolean saysSomething(AnnotationMirror foreignKey) {
    return !string(foreignKey, "name").isBlank()
        || !enumConstant(foreignKey, "value").orElse("PROVIDER_DEFAULT").equals("PROVIDER_DEFAULT");
  }

  /** An attribute holding annotations (one or an array). */
  List<AnnotationMirror> annotations(AnnotationMirror mirror, String attribute) {
    List<AnnotationMirror> out = new ArrayList<>();
    value(mirror, attribute).ifPresent(v -> {
      Object raw = v.getValue();
      if (raw instanceof AnnotationMirror) {
        out.add((AnnotationMirror) raw);
      } else if (raw instanceof List) {
        for (Object item : (List<?>) raw) {
          out.add((AnnotationMirror) ((AnnotationValue) item).getValue());
        }
      }
    });
    return out;
  }

  /** An attribute holding strings (one or an array). */
  List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    value(mirror, attribute).ifPresent(v -> {
      Object raw = v.getValue();
      if (raw instanceof String) {
        out.add((String) raw);
      } else if (raw instanceof List) {
        for (Object item : (List<?>) raw) {
          out.add((String) ((AnnotationValue) item).getValue());
        }
      }
    });
    return out;
  }
}
