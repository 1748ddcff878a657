package dev.strata.it;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A throw-away application project on disk, compiled the way Maven would compile it: every source
 * under {@code src/main/java} with Strata's processor (found on this test's class path), writing
 * classes to {@code target/classes}. Revisions the processor writes land in {@code src/main/java}
 * and the snapshot in {@code src/main/strata}, as in a real project.
 */
public final class ProjectCompiler {
  private final Path root;

  public ProjectCompiler(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path sources() {
    return root.resolve("src/main/java");
  }

  public Path classes() {
    return root.resolve("target/classes");
  }

  public Path snapshot() {
    return root.resolve("src/main/strata/schema.strata");
  }

  /** Writes (or replaces) a source file given its package-relative path, e.g. {@code shop/Order.java}. */
  public void write(String relativePath, String source) {
    try {
      Path file = sources().resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete(String relativePath) {
    try {
      Files.delete(sources().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles every source of the project from scratch (a clean build), with the given processor options. */
  public Result compile(Map<String, String> options) {
    return javac(options, List.of("-classpath", testClassPath()));
  }

  /**
   * Compiles every source of the project from scratch against {@code classPath} instead of this
   * test's class path: for a model that brings its own dependencies (the corpora). Strata's
   * processor still comes from this test's class path (as the processor path), and Strata's runtime
   * and schema model are added to the class path so that the revisions compile.
   */
  public Result compile(Map<String, String> options, List<Path> classPath) {
    List<String> entries = new ArrayList<>();
    classPath.forEach(p -> entries.add(p.toString()));
    entries.add(codeSource(dev.strata.runtime.Migration.class));
    entries.add(codeSource(dev.strata.schema.Schema.class));
    return javac(options, List.of(
        "-classpath", String.join(java.io.File.pathSeparator, entries),
        "-processorpath", testClassPath()));
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type.getName(), e);
    }
  }

  private Result javac(Map<String, String> options, List<String> paths) {
    try {
      deleteTree(root.resolve("target"));
      Files.createDirectories(classes());
      Path generated = root.resolve("target/generated-sources/annotations");
      Files.createDirectories(generated);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(sources())) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> args = new ArrayList<>(List.of("--release", "17"));
        args.addAll(paths);
        args.addAll(List.of(
            "-d", classes().toString(),
            "-s", generated.toString(),
            "-implicit:class"));
        options.forEach((key, value) -> args.add("-A" + key + "=" + value));
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, fm, diagnostics, args, null, fm.getJavaFileObjectsFromPaths(files)).call();
        return new Result(ok, diagnostics.getDiagnostics(), out.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result compile() {
    return compile(Map.of());
  }

  /** A class loader over the compiled classes, child of this test's loader (so the runtime is shared). */
  public URLClassLoader classLoader() {
    try {
      return new URLClassLoader(new URL[] {classes().toUri().toURL()}, ProjectCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A class loader over the compiled classes and {@code extra} (a model's own dependencies), child
   * of this test's loader: classes this test has (Hibernate, the runtime) come from the test.
   */
  public URLClassLoader classLoader(List<Path> extra) {
    try {
      List<URL> urls = new ArrayList<>();
      urls.add(classes().toUri().toURL());
      for (Path p : extra) {
        urls.add(p.toUri().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), ProjectCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * This test's class path: {@code java.class.path} under Surefire; under {@code exec:java} (the
   * benchmarks) the project's class path is only known to the class loader Maven built.
   */
  static String testClassPath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader loader = ProjectCompiler.class.getClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("class path entry is not a file: " + url, e);
          }
        }
      }
    }
    entries.add(System.getProperty("java.class.path"));
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The outcome of one compile. */
  public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
    public List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** Fails with every diagnostic when the compile failed. */
    public Result assertSuccess() {
      if (!success) {
        StringBuilder text = new StringBuilder("compilation failed:\n");
        diagnostics.forEach(d -> text.append(d).append('\n'));
        throw new AssertionError(text + output);
      }
      return this;
    }
  }
}
