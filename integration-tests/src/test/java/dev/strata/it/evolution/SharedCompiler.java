package dev.strata.it.evolution;

import dev.strata.it.ProjectCompiler;
import dev.strata.processor.StrataProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Compiles application projects (laid out as {@link ProjectCompiler} lays them out) with Strata's
 * processor, cheaply enough for a thousand compiles in one test run.
 *
 * <p>What makes a compile cheap here, and why each is safe:
 * <ul>
 *   <li>one {@link StandardJavaFileManager} for all compiles, so the class-path jars are opened and
 *       indexed once (its locations are set anew for every compile);
 *   <li>the class path holds only what entities and revisions use (the runtime, the schema model,
 *       the JPA API and Hibernate's annotations), not the whole test class path;
 *   <li>the processor is an instance of {@link StrataProcessor} loaded once by this test's class
 *       loader (the same class the jar on the class path registers for {@code ServiceLoader}), so its
 *       code is loaded and JIT-compiled once instead of in a fresh class loader per compile.
 * </ul>
 * {@link #compile} is still a clean build of every source under {@code src/main/java} (entities and
 * the revisions written so far) into an emptied {@code target/classes}, as {@code mvn clean compile}
 * does it; {@link #compileEntities} is the incremental build of an IDE, which compiles the entities
 * only.
 *
 * <p>Not thread-safe: one compile at a time. A test class holds one in a static
 * {@code @RegisterExtension} field, which closes it after the class's tests.
 */
final class SharedCompiler implements AutoCloseable, AfterAllCallback {

  /** Jars on the application's compile class path, recognised by their file name's start. */
  private static final List<String> CLASS_PATH_JARS = List.of(
      "strata-runtime-", "strata-snapshot-format-", "jakarta.persistence-api-", "hibernate-core-");

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final StandardJavaFileManager fileManager;
  private final List<File> classPath;

  SharedCompiler() {
    fileManager = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    classPath = applicationClassPath();
  }

  /** The entries of this test's class path that an application with entities and revisions compiles against. */
  private static List<File> applicationClassPath() {
    List<File> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      boolean wanted = CLASS_PATH_JARS.stream().anyMatch(name::startsWith) && !name.endsWith("-tests.jar");
      // Run from an IDE or a reactor build, modules come as directories (target/classes).
      boolean module = entry.endsWith("runtime/target/classes") || entry.endsWith("snapshot-format/target/classes");
      if (wanted || module) {
        jars.add(new File(entry));
      }
    }
    if (jars.size() < CLASS_PATH_JARS.size()) {
      throw new IllegalStateException("the test class path lacks one of " + CLASS_PATH_JARS + ": "
          + System.getProperty("java.class.path"));
    }
    return List.copyOf(jars);
  }

  /**
   * A clean build of the project: {@code target} is deleted, then every {@code .java} file under
   * {@code src/main/java} is compiled with the processor and the given options.
   */
  ProjectCompiler.Result compile(ProjectCompiler project, Map<String, String> options) {
    try {
      deleteTree(project.root().resolve("target"));
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(project.sources())) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      return compile(project, sources, classPath, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An incremental build, as an IDE or Gradle makes it when only entities changed: the sources of
   * package {@code entityPackage} (not its sub-packages, where the revisions are) are compiled
   * again, with the classes of the earlier compiles on the class path; their old class files are
   * deleted first (so a deleted entity is gone), and the revisions are not compiled again.
   */
  ProjectCompiler.Result compileEntities(ProjectCompiler project, String entityPackage, Map<String, String> options) {
    try {
      Path classes = project.classes().resolve(entityPackage.replace('.', '/'));
      if (Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.list(classes)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            Files.delete(f);
          }
        }
      }
      deleteTree(project.root().resolve("target/generated-sources"));
      List<Path> sources;
      try (Stream<Path> files = Files.list(project.sources().resolve(entityPackage.replace('.', '/')))) {
        sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      List<File> path = new ArrayList<>(classPath);
      path.add(project.classes().toFile());
      return compile(project, sources, path, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProjectCompiler.Result compile(ProjectCompiler project, List<Path> sources, List<File> path,
      Map<String, String> options) {
    try {
      Path generated = project.root().resolve("target/generated-sources/annotations");
      Files.createDirectories(project.classes());
      Files.createDirectories(generated);
      fileManager.setLocation(StandardLocation.CLASS_PATH, path);
      fileManager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(project.classes().toFile()));
      fileManager.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      // javac's default source path is the class path: an empty one keeps stale generated copies out.
      fileManager.setLocation(StandardLocation.SOURCE_PATH, List.of());
      List<String> args = new ArrayList<>(List.of("-implicit:class"));
      new TreeMap<>(options).forEach((key, value) -> args.add("-A" + key + "=" + value));
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(out, fileManager, diagnostics, args, null,
          fileManager.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new StrataProcessor()));
      task.setLocale(Locale.ROOT);
      boolean ok = task.call();
      return new ProjectCompiler.Result(ok, diagnostics.getDiagnostics(), out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    fileManager.close();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }
}
