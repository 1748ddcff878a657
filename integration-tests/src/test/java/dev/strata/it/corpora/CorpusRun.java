package dev.strata.it.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.it.HibernateOracle;
import dev.strata.it.oracle.SchemaOracle;
import dev.strata.runtime.MigrationResult;
import dev.strata.runtime.Migrator;
import dev.strata.runtime.internal.SchemaDump;
import dev.strata.schema.Schema;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The steps every corpus test takes, and its part of docs/corpora.md: compile the model's mapping
 * ({@link CorpusCompile}), apply the revisions to a fresh database and check it is the snapshot's
 * schema; where Hibernate boots on the model, let it create its own schema and validate Strata's.
 */
final class CorpusRun {
  /**
   * Jars of the model's class path that the test's own class path replaces when Hibernate runs:
   * the test's Hibernate 7.4 and JPA 3.2 are the judge, whatever versions the model was built with.
   */
  private static final Pattern REPLACED_BY_TEST = Pattern.compile(
      ".*/(org/hibernate/orm|jakarta/persistence/jakarta\\.persistence-api)/.*");

  /**
   * Hibernate without Bean Validation: with a validator on the model's class path Hibernate would
   * also turn {@code @NotNull} and {@code @Size} into DDL, which Strata does not read (docs/mapping.md),
   * and its validator integration would load classes the test's loader cannot see.
   */
  private static final Map<String, Object> HIBERNATE_SETTINGS = Map.of("jakarta.persistence.validation.mode", "none");

  /** The reason of the differences that an entity Strata set aside brings. */
  private static final String NOT_MAPPED = "of an entity Strata did not map (see the classes that do not map)";

  private final Corpus corpus;
  private final String title;
  private final CorpusCompile compile;
  private final Path workDir;
  private Schema applied;
  private double applySeconds;
  private Optional<Schema> hibernate = Optional.empty();
  private Optional<SchemaOracle.Comparison> comparison = Optional.empty();
  private List<SchemaOracle.Allowed> allowed = List.of();
  private DataSource strataDb;
  /** The report's name of the Hibernate that created the compared schema. */
  private String hibernateLabel = "Hibernate 7.4 `create`";

  private CorpusRun(Corpus corpus, String title, CorpusCompile compile, Path workDir) {
    this.corpus = corpus;
    this.title = title;
    this.compile = compile;
    this.workDir = workDir;
  }

  /** Compiles the model's mapping in {@code workDir}. */
  static CorpusRun compile(String id, String title, Path workDir) {
    return compile(id, title, workDir, Map.of());
  }

  /** Compiles the model's mapping in {@code workDir} with these processor options. */
  static CorpusRun compile(String id, String title, Path workDir, Map<String, String> options) {
    Corpus corpus = Corpus.named(id);
    return new CorpusRun(corpus, title, CorpusCompile.of(corpus, workDir, options), workDir);
  }

  Corpus corpus() {
    return corpus;
  }

  CorpusCompile compiled() {
    return compile;
  }

  /** Applies the revisions to a fresh database; the database then holds exactly the snapshot's schema. */
  CorpusRun apply() throws Exception {
    strataDb = TestDatabase.createDatabase();
    long start = System.nanoTime();
    try (URLClassLoader loader = compile.project().classLoader()) {
      if (compile.snapshot().isEmpty()) {
        throw new AssertionError(corpus.id() + ": nothing to apply, the compile stopped: " + compile.stoppedBy().get());
      }
      MigrationResult result = Migrator.configure().dataSource(strataDb).classLoader(loader).build().upgrade();
      assertEquals(1, result.revisions().size(), "one revision creates the whole model");
    }
    applySeconds = (System.nanoTime() - start) / 1e9;
    applied = read(strataDb);
    assertEquals(SchemaDump.entries(compile.snapshot().get().schema()), SchemaDump.entries(applied),
        "the revisions build exactly the snapshot's schema");
    return this;
  }

  /**
   * Lets Hibernate create the schema of all the model's entities in another database (classes
   * Strata set aside come from the model's jar) and compares it with Strata's: the differences must
   * be exactly {@code allowed}, plus every object of the tables and sequences named in
   * {@code setAside} (those of the entities that did not map) on Hibernate's side only.
   */
  CorpusRun compareWithHibernate(List<SchemaOracle.Allowed> allowed, Set<String> setAside) throws Exception {
    DataSource hibernateDb = TestDatabase.createDatabase();
    try (URLClassLoader loader = hibernateClassLoader()) {
      HibernateOracle.create(hibernateDb, loader, corpus.entityClasses(), HIBERNATE_SETTINGS);
    }
    return compare(hibernateDb, allowed, setAside);
  }

  /**
   * {@link #compareWithHibernate} with the model's own Hibernate (from its class path) in place of
   * the test's 7.4, for a model built for another Hibernate whose classes 7.4 cannot load (HAPI's
   * 6.6); {@code allowed} then also lists what the two versions' defaults make differ.
   * {@code services}: see {@link IsolatedHibernate#open}.
   */
  CorpusRun compareWithModelsHibernate(List<SchemaOracle.Allowed> allowed, Map<String, String> services)
      throws Exception {
    DataSource hibernateDb = TestDatabase.createDatabase();
    try (IsolatedHibernate own = IsolatedHibernate.open(corpus, compile, workDir, services)) {
      hibernateLabel = "Hibernate " + own.version() + " `create` (the model's own)";
      own.create(hibernateDb);
    }
    return compare(hibernateDb, allowed, Set.of());
  }

  /** Runs the model's own Hibernate's {@code validate} on the database Strata built. */
  void validateWithModelsHibernate(Map<String, String> services) throws Exception {
    try (IsolatedHibernate own = IsolatedHibernate.open(corpus, compile, workDir, services)) {
      own.validate(strataDb);
    }
  }

  private CorpusRun compare(DataSource hibernateDb, List<SchemaOracle.Allowed> allowed, Set<String> setAside)
      throws Exception {
    hibernate = Optional.of(read(hibernateDb));
    SchemaOracle.Comparison c = new SchemaOracle.Comparison(SchemaDump.entries(applied),
        SchemaDump.entries(hibernate.get()));
    List<SchemaOracle.Allowed> all = new ArrayList<>(allowed);
    for (SchemaOracle.Difference d : c.differences()) {
      String[] key = d.key().split(" ");
      if (d.strata().isEmpty() && setAside.contains(key[1])) {
        all.add(SchemaOracle.Allowed.onlyHibernate(d.key(), d.hibernate().orElseThrow(),
            NOT_MAPPED));
      }
    }
    this.allowed = all;
    comparison = Optional.of(c);
    writeReport();
    c.assertOnly(all);
    return this;
  }

  /** Runs Hibernate's {@code validate} with all the model's entities on the database Strata built. */
  void validate() throws Exception {
    try (URLClassLoader loader = hibernateClassLoader()) {
      HibernateOracle.validate(strataDb, loader, corpus.entityClasses(), HIBERNATE_SETTINGS);
    }
  }

  /** The compiled classes and the model's class path, with the test's Hibernate and JPA. */
  private URLClassLoader hibernateClassLoader() {
    return compile.project().classLoader(corpus.classPath().stream()
        .filter(p -> !REPLACED_BY_TEST.matcher(p.toString().replace('\\', '/')).matches()).toList());
  }

  /** Writes this model's section of docs/corpora.md to {@code target/corpora/report/<id>.md}. */
  void writeReport() {
    StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
    List<String> entities = corpus.entityClasses();
    out.append("Entities: ").append(entities.size()).append(" (").append(corpus.mappingSources().size())
        .append(" mapping sources: entities, embeddables, mapped superclasses, converters). ");
    compile.snapshot().ifPresent(s -> out.append("Mapped by Strata: ").append(s.entities().size()).append(". "));
    out.append(String.format(java.util.Locale.ROOT, "Compile: %.1f s in %d pass(es)", compile.seconds(),
        compile.passes().size() + 1));
    out.append(applied == null ? ".\n\n" : String.format(java.util.Locale.ROOT, "; apply: %.1f s.%n%n", applySeconds));
    if (compile.snapshot().isPresent()) {
      out.append(SchemaCounts.header());
      out.append(SchemaCounts.of(compile.snapshot().get().schema()).row("Strata"));
      hibernate.ifPresent(h -> out.append(SchemaCounts.of(h).row(hibernateLabel)));
      out.append('\n');
    }
    if (compile.firstPassErrors().isEmpty() && compile.stoppedBy().isEmpty()) {
      out.append("Every entity maps without error.\n\n");
    } else {
      out.append("Classes that do not map (first pass; each line is the processor's error):\n\n");
      compile.firstPassErrors().forEach((type, errors) -> {
        out.append("- `").append(type).append("`\n");
        errors.forEach(e -> out.append("  - ").append(e).append('\n'));
      });
      out.append('\n');
      if (compile.passes().size() > 1) {
        out.append("Set aside in later passes (they failed once the classes above were left out):\n\n");
        for (int i = 1; i < compile.passes().size(); i++) {
          compile.passes().get(i).forEach((type, errors) ->
              out.append("- `").append(type).append("`: ").append(errors.get(0)).append('\n'));
        }
        out.append('\n');
      }
      compile.stoppedBy().ifPresent(error -> out.append("With those classes left out, the next compile stopped on an")
          .append(" error in no source file, so nothing was applied:\n\n    ").append(error).append("\n\n"));
      compile.snapshot().ifPresent(s -> out.append("The other ").append(s.entities().size())
          .append(" entities compiled, and their revision applied, without the classes set aside.\n\n"));
    }
    comparison.ifPresent(c -> {
      List<SchemaOracle.Difference> differences = c.differences();
      out.append("Differences from Hibernate's schema: ").append(differences.size())
          .append(differences.isEmpty() ? ".\n\n" : ", by reason (object: Strata's definition / Hibernate's).\n\n");
      Map<String, List<SchemaOracle.Difference>> byReason = new java.util.LinkedHashMap<>();
      for (SchemaOracle.Difference d : differences) {
        String reason = allowed.stream().filter(a -> a.difference().equals(d)).map(SchemaOracle.Allowed::reason)
            .findFirst().orElse("NOT ALLOWED: a mapping difference to investigate");
        byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(d);
      }
      byReason.forEach((reason, list) -> {
        out.append("- ").append(reason).append(" (").append(list.size()).append("):\n");
        if (reason.equals(NOT_MAPPED)) {
          // Only the tables and sequences: their columns and constraints are all missing alike.
          list.stream().filter(d -> d.key().split(" ").length == 2)
              .forEach(d -> out.append("  - `").append(d.key()).append('`')
                  .append(d.key().startsWith("table ") ? " with its columns and constraints" : "").append('\n'));
          return;
        }
        list.forEach(d -> out.append("  - `").append(d.key()).append("`: ")
            .append(d.strata().map(v -> "`" + v + "`").orElse("absent")).append(" / ")
            .append(d.hibernate().map(v -> "`" + v + "`").orElse("absent")).append('\n'));
      });
      out.append('\n');
    });
    try {
      Path dir = Path.of("target", "corpora", "report");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(corpus.id() + ".md"), out.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema read(DataSource db) throws Exception {
    try (Connection c = db.getConnection()) {
      return CatalogDump.read(c);
    }
  }
}
