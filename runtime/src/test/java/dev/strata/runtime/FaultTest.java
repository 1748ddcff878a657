package dev.strata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.TestDatabase;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Faults across processes: JVMs killed with SIGKILL in the middle of a long upgrade, and several
 * JVMs upgrading at once. Trials: {@code -Dstrata.killTrials} (default 30) and
 * {@code -Dstrata.loadTrials} (default 20).
 */
class FaultTest {

  private static final int REVISIONS = 50;
  private static Path classes;

  @BeforeAll
  static void revisions(@TempDir Path dir) throws IOException {
    classes = GeneratedRevisions.compile(dir, REVISIONS, 0.01);
  }

  private static Process start(PGSimpleDataSource db) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(javaBin, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        GeneratedRevisions.classPath() + java.io.File.pathSeparator + classes, UpgradeProcess.class.getName(),
        db.getURL(), db.getUser(), db.getPassword() == null ? "" : db.getPassword());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  private static Migrator migrator(PGSimpleDataSource db, URLClassLoader loader) {
    return Migrator.configure().dataSource(db).classLoader(loader).logger(new Fixtures.RecordingLogger()).build();
  }

  /** The applied revisions must be exactly those whose table exists, each table with its one row. */
  private static int checkAtRevisionBoundary(PGSimpleDataSource db, Migrator migrator, String context)
      throws SQLException {
    TreeSet<String> expected = new TreeSet<>();
    for (AppliedRevision r : migrator.history()) {
      int i = Integer.parseInt(r.id().substring(r.id().length() - 3));
      expected.add(GeneratedRevisions.table(i));
    }
    TreeSet<String> tables = new TreeSet<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select relname from pg_class where relkind = 'r' and relname ~ '^t[0-9]{3}$'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertEquals(expected, tables, context);
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
          rs.next();
          assertEquals(1, rs.getInt(1), context + ": rows in " + table);
        }
      }
    }
    return expected.size();
  }

  @Test
  void aJvmKilledAtAnyMomentLeavesTheDatabaseAtARevisionBoundary() throws Exception {
    int trials = Integer.getInteger("strata.killTrials", 30);
    Random random = new Random(20270101L);
    List<Integer> appliedWhenKilled = new ArrayList<>();
    try (URLClassLoader loader = GeneratedRevisions.loader(classes)) {
      for (int trial = 0; trial < trials; trial++) {
        PGSimpleDataSource db = TestDatabase.createDatabase();
        Migrator migrator = migrator(db, loader);
        Process child = start(db);
        // JVM start-up takes a few hundred milliseconds; the upgrade about a second more.
        Thread.sleep(300 + random.nextInt(1500));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child did not exit");
        String context = "trial " + trial + " (exit " + child.exitValue() + ")";
        appliedWhenKilled.add(checkAtRevisionBoundary(db, migrator, context));
        MigrationResult rest = migrator.upgrade();
        assertEquals(REVISIONS, migrator.history().size(), context);
        assertEquals(REVISIONS - appliedWhenKilled.get(trial), rest.ids().size(), context);
        assertEquals(REVISIONS, checkAtRevisionBoundary(db, migrator, context));
        TestDatabase.dropDatabase(db);
      }
    }
    // The kills landed at different points, including in the middle of the chain.
    assertTrue(appliedWhenKilled.stream().anyMatch(n -> n > 0 && n < REVISIONS), appliedWhenKilled.toString());
  }

  @Test
  void eightProcessesUpgradingAtOnceApplyEachRevisionOnce() throws Exception {
    int trials = Integer.getInteger("strata.loadTrials", 20);
    try (URLClassLoader loader = GeneratedRevisions.loader(classes)) {
      for (int trial = 0; trial < trials; trial++) {
        PGSimpleDataSource db = TestDatabase.createDatabase();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          children.add(start(db));
        }
        List<String> applied = new ArrayList<>();
        for (Process child : children) {
          String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertTrue(child.waitFor(120, TimeUnit.SECONDS), "trial " + trial + ": a process did not finish");
          assertEquals(0, child.exitValue(), "trial " + trial + ": " + output);
          output.lines().filter(line -> !line.isBlank()).forEach(applied::add);
        }
        assertEquals(REVISIONS, applied.size(), "trial " + trial + ": " + applied);
        assertEquals(REVISIONS, new TreeSet<>(applied).size(), "trial " + trial + ": " + applied);
        Migrator migrator = migrator(db, loader);
        assertEquals(REVISIONS, checkAtRevisionBoundary(db, migrator, "trial " + trial));
        assertEquals(List.of(), migrator.pending());
        TestDatabase.dropDatabase(db);
      }
    }
  }
}
