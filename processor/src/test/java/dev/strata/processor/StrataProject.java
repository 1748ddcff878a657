package dev.strata.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * A project in a temporary directory for processor tests: the snapshot file and the revisions
 * source root live there, and every compile passes fixed {@code strata.now}/{@code strata.seed}, so
 * generated ids and files are the same on every run.
 */
final class StrataProject {
  static final String NOW = "2026-11-26T10:15:00Z";
  static final String PACKAGE = "com.acme.migrations";

  final Path dir;

  StrataProject(Path dir) {
    this.dir = dir;
  }

  Path snapshot() {
    return dir.resolve("schema.strata");
  }

  Path revisionsRoot() {
    return dir.resolve("src");
  }

  Path revisionsDir() {
    return revisionsRoot().resolve("com/acme/migrations");
  }

  List<String> options(String... extra) {
    List<String> options = new ArrayList<>(List.of(
        "-Astrata.snapshot=" + snapshot(),
        "-Astrata.revisions=" + revisionsRoot(),
        "-Astrata.package=" + PACKAGE,
        "-Astrata.now=" + NOW,
        "-Astrata.seed=1"));
    options.addAll(List.of(extra));
    return options;
  }

  Compilation compile(List<String> options, List<JavaFileObject> sources) {
    return javac().withProcessors(new StrataProcessor()).withOptions(options).compile(sources);
  }

  Compilation compile(JavaFileObject... sources) {
    return compile(options(), List.of(sources));
  }

  /** Every source the project holds: {@code sources} plus the revision files on disk, read as files (so messages name their paths). */
  List<JavaFileObject> withRevisions(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.addAll(revisionFiles().values().stream().map(StrataProject::fileObject).toList());
    return all;
  }

  static JavaFileObject fileObject(Path file) {
    try {
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Revision files by file name. */
  Map<String, Path> revisionFiles() {
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(revisionsDir())) {
      return files;
    }
    try (Stream<Path> list = Files.list(revisionsDir())) {
      list.forEach(p -> files.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Writes a file into the revisions package, returning it as a source to compile. */
  JavaFileObject writeRevision(String simpleName, String text) {
    Path file = revisionsDir().resolve(simpleName + ".java");
    write(file, text);
    return fileObject(file);
  }

  void writeSnapshot(String text) {
    write(snapshot(), text);
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under the project with its modification time, to prove a compile touched nothing. */
  Map<Path, FileTime> fileTimes() {
    Map<Path, FileTime> times = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        times.put(p, Files.getLastModifiedTime(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return times;
  }

  /** Runs git in the project's directory (for the rules that depend on what is committed). */
  void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Strata Test",
        "-c", "user.email=test@strata.invalid", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
    }
  }
}
