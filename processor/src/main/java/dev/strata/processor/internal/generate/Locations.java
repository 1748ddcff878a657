package dev.strata.processor.internal.generate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Where Strata's files are when the options do not say. The entities' source files tell: their
 * path minus their package's directories is the source root ({@code src/main/java}), which is
 * where revisions go; a source root {@code <module>/src/<set>/java} puts the snapshot at
 * {@code <module>/src/<set>/strata/schema.strata}.
 */
final class Locations {
  private final Trees trees;

  private Locations(Trees trees) {
    this.trees = trees;
  }

  /** Locations for this compiler; without javac's tree API (another compiler) no default can be derived. */
  static Locations of(ProcessingEnvironment env) {
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      trees = null;
    }
    return new Locations(trees);
  }

  /** The source file of {@code element} when it is a file on disk and part of this compile. */
  Optional<Path> sourceFile(Element element) {
    if (trees == null) {
      return Optional.empty();
    }
    TreePath path;
    try {
      path = trees.getPath(element);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    URI uri = unit.getSourceFile().toUri();
    if (!"file".equals(uri.getScheme())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(uri).toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The source root of the entities: the file's directory minus the package's directories. When the
   * entities come from several roots, one named {@code src/<set>/java} wins, then the first by path.
   */
  Optional<Path> sourceRoot(Collection<? extends TypeElement> entities) {
    TreeSet<Path> roots = new TreeSet<>();
    for (TypeElement entity : entities) {
      Optional<Path> file = sourceFile(entity);
      if (file.isEmpty()) {
        continue;
      }
      Path directory = file.get().getParent();
      String packageName = packageOf(entity);
      List<String> parts = packageName.isEmpty() ? List.of() : List.of(packageName.split("\\."));
      boolean matches = true;
      for (int i = parts.size() - 1; i >= 0 && matches; i--) {
        if (directory == null || !directory.getFileName().toString().equals(parts.get(i))) {
          matches = false;
        } else {
          directory = directory.getParent();
        }
      }
      if (matches && directory != null) {
        roots.add(directory);
      }
    }
    return roots.stream().filter(Locations::isStandardLayout).findFirst().or(() -> roots.stream().findFirst());
  }

  /** {@code <module>/src/<set>/java}, as Maven and Gradle lay sources out. */
  private static boolean isStandardLayout(Path root) {
    return root.getNameCount() >= 3 && root.getFileName().toString().equals("java")
        && root.getParent().getParent().getFileName().toString().equals("src");
  }

  /** {@code <module>/src/<set>/strata/schema.strata} for a source root {@code <module>/src/<set>/java}. */
  static Optional<Path> defaultSnapshot(Path sourceRoot) {
    return isStandardLayout(sourceRoot)
        ? Optional.of(sourceRoot.getParent().resolve("strata").resolve("schema.strata"))
        : Optional.empty();
  }

  static String packageOf(Element element) {
    Element e = element;
    while (e != null && !(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
  }

  /** The longest package that contains every one of {@code packages}, e.g. {@code com.acme} for {@code com.acme.a, com.acme.b}. */
  static String commonPackage(Collection<String> packages) {
    String common = null;
    for (String p : packages) {
      if (common == null) {
        common = p;
        continue;
      }
      String[] a = common.split("\\.");
      String[] b = p.split("\\.");
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < Math.min(a.length, b.length) && a[i].equals(b[i]); i++) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(a[i]);
      }
      common = out.toString();
    }
    return common == null ? "" : common;
  }

  /**
   * The package of the revision file {@code R<id>*.java} under {@code root}, found by walking the
   * directories: the revisions package of a project that already has revisions stays where it is
   * even when entities move or new entity packages appear.
   */
  static Optional<String> packageOfRevisionFile(Path root, String id) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    String prefix = "R" + id;
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".java")
            && (name.length() == prefix.length() + 5 || name.charAt(prefix.length()) == '_'
                || name.charAt(prefix.length()) == '.');
      }).sorted().findFirst().map(p -> {
        Path relative = root.relativize(p.getParent());
        return relative.toString().isEmpty() ? "" : relative.toString().replace(relative.getFileSystem().getSeparator(), ".");
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
