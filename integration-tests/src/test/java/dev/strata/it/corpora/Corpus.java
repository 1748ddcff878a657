package dev.strata.it.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One model as Maven fetched it (src/test/corpora/&lt;id&gt;/pom.xml): its sources under
 * {@code <corpora dir>/<id>/sources} and its dependencies, one jar per entry, in
 * {@code <corpora dir>/<id>/classpath.txt}.
 *
 * @param id the model's directory name, e.g. {@code kogito}
 * @param root where Maven put it
 */
record Corpus(String id, Path root) {

  /** The system property the failsafe configuration of the {@code corpora} profile sets. */
  static final String DIR_PROPERTY = "strata.corpora.dir";

  /** A top-level type annotated as a JPA entity, embeddable, mapped superclass or converter. */
  private static final Pattern MAPPING = Pattern.compile(
      "(?m)^@(jakarta\\.persistence\\.)?(Entity|Embeddable|MappedSuperclass|Converter)\\b");
  private static final Pattern ENTITY = Pattern.compile("(?m)^@(jakarta\\.persistence\\.)?Entity\\b");

  /** The model {@code id} fetched by the {@code corpora} profile; fails saying how to fetch it otherwise. */
  static Corpus named(String id) {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null) {
      throw new IllegalStateException("system property " + DIR_PROPERTY + " is not set; run the corpora with"
          + " mvn -B verify -pl integration-tests -Pcorpora, which fetches them first");
    }
    Corpus corpus = new Corpus(id, Path.of(dir, id));
    if (!Files.isDirectory(corpus.sources()) || !Files.isRegularFile(corpus.root.resolve("classpath.txt"))) {
      throw new IllegalStateException(corpus.root + " has no sources or classpath.txt; the corpora profile's"
          + " maven-invoker-plugin run did not fetch " + id + " (see target/corpora-fetch/" + id + "/build.log)");
    }
    return corpus;
  }

  Path sources() {
    return root.resolve("sources");
  }

  /** The model's jar and its dependencies, as Maven resolved them. */
  List<Path> classPath() {
    try {
      String text = Files.readString(root.resolve("classpath.txt"), StandardCharsets.UTF_8).trim();
      return Arrays.stream(text.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The source files (relative to {@link #sources()}) of the model's mapping: every entity,
   * embeddable, mapped superclass and converter, sorted. The rest of the model comes from its jar.
   */
  List<Path> mappingSources() {
    return javaFiles().stream().filter(p -> MAPPING.matcher(read(sources().resolve(p))).find()).toList();
  }

  /** The fully-qualified names of the model's {@code @Entity} classes, sorted. */
  List<String> entityClasses() {
    return javaFiles().stream().filter(p -> ENTITY.matcher(read(sources().resolve(p))).find())
        .map(Corpus::className).sorted().toList();
  }

  /** {@code org/x/Y.java} → {@code org.x.Y}. */
  static String className(Path relative) {
    String s = relative.toString().replace(java.io.File.separatorChar, '/');
    return s.substring(0, s.length() - ".java".length()).replace('/', '.');
  }

  private List<Path> javaFiles() {
    try (Stream<Path> walk = Files.walk(sources())) {
      return walk.filter(p -> p.toString().endsWith(".java")).map(sources()::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
