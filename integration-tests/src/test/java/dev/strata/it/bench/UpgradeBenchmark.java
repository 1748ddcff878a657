package dev.strata.it.bench;

import dev.strata.it.ProjectCompiler;
import dev.strata.runtime.Migration;
import dev.strata.runtime.Migrator;
import dev.strata.runtime.internal.PostgresDialect;
import dev.strata.schema.Column;
import dev.strata.schema.Index;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Table;
import dev.strata.schema.change.Change;
import dev.strata.testing.TestDatabase;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applying N pending revisions to an empty database, and the no-op check of an up-to-date database
 * (what every application start pays), Strata's {@link Migrator} against Flyway on the same
 * embedded PostgreSQL, with the same SQL statements: each revision creates one table of six columns
 * with a primary key, and one index.
 *
 * <p>Run: {@code mvn -B -q -pl integration-tests -am test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.strata.it.bench.UpgradeBenchmark}
 * (system properties {@code bench.revisions}, default 100, and {@code bench.trials}, default 7).
 * Each trial uses fresh databases; the tools alternate which goes first; medians are reported.
 */
public final class UpgradeBenchmark {

  public static void main(String[] args) throws Exception {
    // Both tools log each migration at INFO; the benchmark reports only its table.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int revisions = Integer.getInteger("bench.revisions", 100);
    int trials = Integer.getInteger("bench.trials", 7);
    Path work = Files.createTempDirectory("strata-bench");

    List<List<Change>> steps = new ArrayList<>();
    for (int i = 1; i <= revisions; i++) {
      steps.add(revisionChanges(i));
    }
    List<Class<? extends Migration>> strataRevisions = compileStrataRevisions(work.resolve("strata"), steps);
    Path flywayDir = writeFlywayScripts(work.resolve("flyway"), steps);

    // One untimed round of each warms up the JVM, the driver and the server.
    runStrata(TestDatabase.createDatabase(), strataRevisions);
    runFlyway(TestDatabase.createDatabase(), flywayDir);

    long[][] strata = new long[2][trials];
    long[][] flyway = new long[2][trials];
    for (int t = 0; t < trials; t++) {
      if (t % 2 == 0) {
        strata[0][t] = runStrata(TestDatabase.createDatabase(), strataRevisions)[0];
        flyway[0][t] = runFlyway(TestDatabase.createDatabase(), flywayDir)[0];
      } else {
        flyway[0][t] = runFlyway(TestDatabase.createDatabase(), flywayDir)[0];
        strata[0][t] = runStrata(TestDatabase.createDatabase(), strataRevisions)[0];
      }
    }
    DataSource strataDb = TestDatabase.createDatabase();
    DataSource flywayDb = TestDatabase.createDatabase();
    runStrata(strataDb, strataRevisions);
    runFlyway(flywayDb, flywayDir);
    for (int t = 0; t < trials; t++) {
      strata[1][t] = runStrata(strataDb, strataRevisions)[0];
      flyway[1][t] = runFlyway(flywayDb, flywayDir)[0];
    }

    System.out.printf(Locale.ROOT, "%d revisions, %d trials, medians; JVM %s, %d cores%n", revisions, trials,
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    System.out.println("| measurement | Strata (ms) | Flyway (ms) | Strata / Flyway |");
    System.out.println("|---|---:|---:|---:|");
    row("apply " + revisions + " revisions to an empty database", strata[0], flyway[0]);
    row("up-to-date check (nothing pending)", strata[1], flyway[1]);
  }

  private static void row(String what, long[] strataNanos, long[] flywayNanos) {
    double s = median(strataNanos) / 1e6;
    double f = median(flywayNanos) / 1e6;
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", what, s, f, s / f);
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static long[] runStrata(DataSource db, List<Class<? extends Migration>> revisions) {
    return timed(() -> Migrator.configure().dataSource(db).revisions(toArray(revisions)).build().upgrade());
  }

  private static long[] runFlyway(DataSource db, Path scripts) {
    return timed(() -> Flyway.configure().dataSource(db).locations("filesystem:" + scripts)
        .loggers("slf4j").load().migrate());
  }

  private static long[] timed(Supplier<?> action) {
    long start = System.nanoTime();
    action.get();
    return new long[] {System.nanoTime() - start};
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Migration>[] toArray(List<Class<? extends Migration>> revisions) {
    return revisions.toArray(new Class[0]);
  }

  private static List<Change> revisionChanges(int i) {
    QualifiedName name = QualifiedName.of("bench_" + i);
    Table table = Table.of(name).withColumns(
            Column.of("id", "bigint").notNull(),
            Column.of("code", "varchar(64)").notNull(),
            Column.of("title", "varchar(255)"),
            Column.of("amount", "numeric(38,2)"),
            Column.of("created_at", "timestamptz(6)").notNull(),
            Column.of("payload", "jsonb"))
        .withPrimaryKey("bench_" + i + "_pkey", "id");
    return List.of(new Change.CreateTable(table),
        new Change.CreateIndex(name, Index.of("bench_" + i + "_code_idx", "code")));
  }

  /** The same steps as Strata revisions: Java sources compiled here, as the processor would write them. */
  private static List<Class<? extends Migration>> compileStrataRevisions(Path root, List<List<Change>> steps)
      throws IOException, ClassNotFoundException {
    ProjectCompiler project = new ProjectCompiler(root);
    for (int i = 1; i <= steps.size(); i++) {
      String parent = i == 1 ? "" : "parent = \"" + id(i - 1) + "\", ";
      project.write("bench/R" + i + ".java", """
          package bench;

          import dev.strata.runtime.*;
          import dev.strata.schema.*;

          @Revision(id = "%s", %smessage = "create table bench_%d")
          public final class R%d implements Migration {
            private static final QualifiedName TABLE = QualifiedName.of("bench_%d");

            @Override
            public void upgrade(Operations op) {
              op.createTable(Table.of(TABLE).withColumns(
                      Column.of("id", "bigint").notNull(),
                      Column.of("code", "varchar(64)").notNull(),
                      Column.of("title", "varchar(255)"),
                      Column.of("amount", "numeric(38,2)"),
                      Column.of("created_at", "timestamptz(6)").notNull(),
                      Column.of("payload", "jsonb"))
                  .withPrimaryKey("bench_%d_pkey", "id"));
              op.createIndex(TABLE, Index.of("bench_%d_code_idx", "code"));
            }

            @Override
            public void downgrade(Operations op) {
              op.dropIndex(TABLE, Index.of("bench_%d_code_idx", "code"));
              op.execute("drop table bench_%d");
            }
          }
          """.formatted(id(i), parent, i, i, i, i, i, i, i));
    }
    project.compile(Map.of("strata.mode", "off")).assertSuccess();
    URLClassLoader loader = project.classLoader();
    List<Class<? extends Migration>> classes = new ArrayList<>();
    for (int i = 1; i <= steps.size(); i++) {
      classes.add(loader.loadClass("bench.R" + i).asSubclass(Migration.class));
    }
    return classes;
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "20260101_%06d_bnch", i);
  }

  /** The same steps as Flyway SQL scripts, rendered by Strata's dialect so both run identical SQL. */
  private static Path writeFlywayScripts(Path dir, List<List<Change>> steps) throws IOException {
    Files.createDirectories(dir);
    for (int i = 1; i <= steps.size(); i++) {
      StringBuilder sql = new StringBuilder();
      for (Change change : steps.get(i - 1)) {
        for (String statement : change.accept(PostgresDialect.INSTANCE)) {
          sql.append(statement).append(";\n");
        }
      }
      Files.writeString(dir.resolve("V" + i + "__create_bench_" + i + ".sql"), sql, StandardCharsets.UTF_8);
    }
    return dir;
  }
}
