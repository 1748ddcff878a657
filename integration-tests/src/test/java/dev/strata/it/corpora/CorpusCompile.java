package dev.strata.it.corpora;

import dev.strata.it.ProjectCompiler;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A model's mapping sources compiled with Strata's processor in a throw-away project, against the
 * model's own class path. A source file the compile reports errors in is set aside and the rest is
 * compiled again, until a compile succeeds: the first pass says which classes do not map and why,
 * the last one gives the revisions for everything else.
 *
 * <p>An error that is in no source file (Strata's STRATA-900 "failed unexpectedly", for one) cannot be
 * set aside: the passes stop there and {@link #stoppedBy} holds it.
 *
 * @param passes the errors of each failed pass, by the class of the file they are in
 * @param setAside the classes (source files) left out of the last compile, sorted
 * @param snapshot the snapshot of the successful compile; empty when the passes stopped
 * @param stoppedBy the first line of the error that stopped the passes
 * @param project the project it was compiled in (for its classes and revisions)
 * @param seconds how long all passes took
 */
record CorpusCompile(List<Map<String, List<String>>> passes, Set<String> setAside, Optional<Snapshot> snapshot,
    Optional<String> stoppedBy, ProjectCompiler project, double seconds) {

  /** More passes than this means each pass finds new errors: something else is wrong. */
  private static final int MAX_PASSES = 6;

  static CorpusCompile of(Corpus corpus, Path workDir) {
    return of(corpus, workDir, Map.of());
  }

  /** Compiles with these processor options. */
  static CorpusCompile of(Corpus corpus, Path workDir, Map<String, String> options) {
    long start = System.nanoTime();
    ProjectCompiler project = new ProjectCompiler(workDir);
    try {
      for (Path source : corpus.mappingSources()) {
        project.write(source.toString(), Files.readString(corpus.sources().resolve(source), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, List<String>>> passes = new ArrayList<>();
    Set<String> setAside = new TreeSet<>();
    List<Path> classPath = corpus.classPath();
    for (int pass = 1; ; pass++) {
      ProjectCompiler.Result result = project.compile(options, classPath);
      if (result.success()) {
        return new CorpusCompile(passes, setAside, Optional.of(snapshot(project)), Optional.empty(), project,
            (System.nanoTime() - start) / 1e9);
      }
      if (pass == MAX_PASSES) {
        throw new AssertionError(corpus.id() + ": still failing after " + MAX_PASSES + " passes:\n" + text(result));
      }
      Map<String, List<String>> errors = new TreeMap<>();
      for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) {
          continue;
        }
        if (d.getSource() == null) {
          String first = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
          return new CorpusCompile(passes, setAside, Optional.empty(), Optional.of(first), project,
              (System.nanoTime() - start) / 1e9);
        }
        Path file = Path.of(d.getSource().toUri());
        if (!file.startsWith(project.sources())) {
          throw new AssertionError(corpus.id() + ": an error in a generated file:\n" + text(result));
        }
        String type = Corpus.className(project.sources().relativize(file));
        errors.computeIfAbsent(type, k -> new ArrayList<>())
            .add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
      }
      passes.add(errors);
      for (String type : errors.keySet()) {
        setAside.add(type);
        project.delete(type.replace('.', '/') + ".java");
      }
    }
  }

  /** The classes whose errors made the first pass fail: the model's findings. */
  Map<String, List<String>> firstPassErrors() {
    return passes.isEmpty() ? Map.of() : passes.get(0);
  }

  private static Snapshot snapshot(ProjectCompiler project) {
    try {
      return SnapshotReader.read(Files.readString(project.snapshot(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError("the successful compile wrote no readable snapshot: " + e.getMessage(), e);
    }
  }

  private static String text(ProjectCompiler.Result result) {
    StringBuilder out = new StringBuilder();
    result.diagnostics().forEach(d -> out.append(d).append('\n'));
    return out.toString();
  }
}
