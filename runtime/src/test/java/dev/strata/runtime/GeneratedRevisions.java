package dev.strata.runtime;

import dev.strata.schema.Schema;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A chain of revisions compiled at test time (as the processor's output would be) into a directory
 * with its {@code META-INF/strata/revisions} index: revision i creates table {@code t<i>}, sleeps a
 * little, and inserts one row, so a revision cut in half would show as a table without its row.
 */
final class GeneratedRevisions {

  private GeneratedRevisions() {}

  static String id(int i) {
    return String.format("20270101_%06d_g%03d", i, i);
  }

  static String table(int i) {
    return String.format("t%03d", i);
  }

  /** Writes, compiles and indexes {@code count} revisions in {@code dir}; returns {@code dir}. */
  static Path compile(Path dir, int count, double sleepSeconds) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/gen"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = String.format("R%03d", i);
      String parent = i == 1 ? "" : ", parent = \"" + id(i - 1) + "\"";
      Path file = sources.resolve(name + ".java");
      Files.writeString(file, "package gen;\n\n"
          + "import dev.strata.runtime.Migration;\n"
          + "import dev.strata.runtime.Operations;\n"
          + "import dev.strata.runtime.Revision;\n\n"
          + "@Revision(id = \"" + id(i) + "\"" + parent + ", message = \"table " + table(i) + "\")\n"
          + "public final class " + name + " implements Migration {\n"
          + "  @Override public void upgrade(Operations op) {\n"
          + "    op.execute(\"create table " + table(i) + " (id integer)\");\n"
          + "    op.execute(\"select pg_sleep(" + sleepSeconds + ")\");\n"
          + "    op.execute(\"insert into " + table(i) + " values (" + i + ")\");\n"
          + "  }\n\n"
          + "  @Override public void downgrade(Operations op) {\n"
          + "    op.execute(\"drop table " + table(i) + "\");\n"
          + "  }\n"
          + "}\n");
      files.add(file.toString());
      names.add("gen." + name);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath(), "-proc:none"));
    args.addAll(files);
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed on the generated revisions (status " + status + ")");
    }
    Path index = classes.resolve("META-INF/strata/revisions");
    Files.createDirectories(index.getParent());
    Files.writeString(index, String.join("\n", names) + "\n");
    return classes;
  }

  /** What a child JVM needs: the runtime, the schema model, the tests' classes and the JDBC driver. */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : List.of(Migration.class, Schema.class, GeneratedRevisions.class, org.postgresql.Driver.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  static URLClassLoader loader(Path classes) throws IOException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedRevisions.class.getClassLoader());
  }
}
