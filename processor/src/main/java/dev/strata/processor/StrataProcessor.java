package dev.strata.processor;

import com.google.auto.service.AutoService;
import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.generate.GenerateCode;
import dev.strata.processor.internal.generate.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Strata's annotation processor: compares the {@code jakarta.persistence} entities being compiled
 * with the committed schema snapshot and, when they differ, writes a revision and the updated
 * snapshot into the source tree. Options and messages are described in {@code docs/processor.md}.
 *
 * <p>It looks at every round ({@code "*"}) and claims no annotation, so other processors still see
 * the entities' annotations. It never throws: an unexpected failure is reported as an error.
 */
@AutoService(Processor.class)
public final class StrataProcessor extends AbstractProcessor {
  private Diagnostics diagnostics;
  private Pipeline pipeline;
  private boolean broken;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    diagnostics = new Diagnostics(processingEnv.getMessager());
    pipeline = new Pipeline(processingEnv, diagnostics);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Pipeline.supportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (broken) {
      return false;
    }
    try {
      pipeline.round(round);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      broken = true;
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diagnostics.error(GenerateCode.INTERNAL, "Strata failed unexpectedly and wrote nothing: " + e
          + ". This is a bug in Strata; please file it with this message and the stack trace:\n" + trace);
    }
    return false;
  }
}
