package dev.strata.runtime;

import static dev.strata.runtime.Fixtures.FAILING;
import static dev.strata.runtime.Fixtures.R1;
import static dev.strata.runtime.Fixtures.R2;
import static dev.strata.runtime.Fixtures.R3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.internal.RevisionInfo;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Migrator on a real PostgreSQL; every test gets a fresh database. */
class MigratorTest {

  private final DataSource db = TestDatabase.createDatabase();
  private final Fixtures.RecordingLogger log = new Fixtures.RecordingLogger();

  @SafeVarargs
  private Migrator migrator(Class<? extends Migration>... revisions) {
    return Migrator.configure().dataSource(db).revisions(revisions).logger(log).build();
  }

  private Migrator chain() {
    return migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class);
  }

  /** The schema the given revisions' upgrades produce, computed without a database. */
  @SafeVarargs
  private static Schema schemaOf(Class<? extends Migration>... revisions) throws ReflectiveOperationException {
    List<Change> changes = new ArrayList<>();
    for (Class<? extends Migration> type : revisions) {
      changes.addAll(RevisionInfo.of(type, type.getDeclaredConstructor().newInstance()).upgrade().changes());
    }
    return Change.applyAll(Schema.EMPTY, changes);
  }

  @Test
  void upgradeAppliesAllRevisionsInOrder() throws Exception {
    MigrationResult result = chain().upgrade();
    assertEquals(List.of(R1, R2, R3), result.ids());
    assertEquals(List.of(R3), result.current());
    assertEquals(List.of(R3), chain().current());
    assertEquals(List.of(), chain().pending());
    assertEquals(CatalogDump.of(schemaOf(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class,
        Fixtures.AddEmail.class)), CatalogDump.of(db));
    assertEquals(1, count("select count(*) from customer"));
  }

  @Test
  void logsOneLinePerRevisionAndASummary() {
    chain().upgrade();
    assertEquals(4, log.lines.size(), log.lines.toString());
    assertTrue(log.lines.get(0).matches("INFO applied 20260101_000000_aaaa \\(create customer\\) in \\d+ ms"),
        log.lines.get(0));
    assertTrue(log.lines.get(2).matches(
        "INFO applied 20260103_000000_cccc \\(add customer.email, order numbers\\) in \\d+ ms"), log.lines.get(2));
    assertTrue(log.lines.get(3).matches("INFO upgraded at 20260103_000000_cccc: 3 revisions applied in \\d+ ms"),
        log.lines.get(3));
  }

  @Test
  void secondUpgradeDoesNothing() {
    chain().upgrade();
    List<AppliedRevision> before = chain().history();
    String dump = CatalogDump.of(db);
    MigrationResult again = chain().upgrade();
    assertEquals(List.of(), again.ids());
    assertEquals(List.of(R3), again.current());
    assertEquals(before, chain().history());
    assertEquals(dump, CatalogDump.of(db));
    assertEquals("INFO the database is up to date at 20260103_000000_cccc", log.lines.get(log.lines.size() - 1));
  }

  @Test
  void upgradeToATargetAndByRelativeSteps() throws Exception {
    assertEquals(List.of(R1, R2, R3), chain().pending());
    assertEquals(List.of(R1, R2), chain().upgrade(R2).ids());
    assertEquals(List.of(R2), chain().current());
    assertEquals(List.of(R3), chain().pending());
    assertEquals(CatalogDump.of(schemaOf(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class)),
        CatalogDump.of(db));
    assertEquals(List.of(R3), chain().upgrade("+1").ids());
    assertEquals(List.of(), chain().upgrade("+1").ids());
  }

  @Test
  void downgradeToBaseLeavesNoTables() {
    chain().upgrade();
    MigrationResult result = chain().downgrade("base");
    assertEquals(List.of(R3, R2, R1), result.ids());
    assertEquals(List.of(), result.current());
    assertEquals("", CatalogDump.of(db));
    assertEquals(List.of(), chain().history());
    assertEquals(List.of(), chain().current());
    assertEquals(List.of(R1, R2, R3), chain().pending());
  }

  @Test
  void downgradeToARevisionAndByRelativeSteps() throws Exception {
    chain().upgrade();
    assertEquals(List.of(R3, R2), chain().downgrade(R1).ids());
    assertEquals(List.of(R1), chain().current());
    assertEquals(CatalogDump.of(schemaOf(Fixtures.CreateCustomer.class)), CatalogDump.of(db));
    chain().upgrade();
    assertEquals(List.of(R3), chain().downgrade("-1").ids());
    assertEquals(List.of(R2, R1), chain().downgrade("-5").ids());
    assertEquals("", CatalogDump.of(db));
  }

  @Test
  void historyRecordsEachRevision() throws Exception {
    chain().upgrade();
    List<AppliedRevision> history = chain().history();
    assertEquals(List.of(R1, R2, R3), history.stream().map(AppliedRevision::id).toList());
    AppliedRevision second = history.get(1);
    assertEquals(List.of(R1), second.parents());
    assertEquals(List.of(), history.get(0).parents());
    assertEquals("create orders", second.message());
    assertEquals(RevisionInfo.of(Fixtures.CreateOrders.class, new Fixtures.CreateOrders()).checksum(), second.checksum());
    assertTrue(second.checksum().matches("sha256:[0-9a-f]{64}"), second.checksum());
    assertEquals("postgres", second.appliedBy());
    assertTrue(second.complete());
    assertFalse(second.duration().isNegative());
    assertTrue(history.get(0).appliedAt().compareTo(history.get(2).appliedAt()) <= 0);
  }

  @Test
  void aFailedRevisionLeavesSchemaAndHistoryAsBefore() {
    chain().upgrade();
    String dumpBefore = CatalogDump.of(db);
    List<AppliedRevision> historyBefore = chain().history();
    Migrator withFailing = migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class,
        Fixtures.FailsAtThird.class);
    MigrationException e = assertThrows(MigrationException.class, withFailing::upgrade);
    assertEquals("""
        upgrade of revision 20260104_000000_dddd (fails at its third statement) failed at statement 3 of 5, \
        SQLState 42P01: ERROR: relation "no_such_table" does not exist
          Position: 8
          statement: update no_such_table set x = 1
        The revision was rolled back; the revisions before it stay applied. Fix the cause and run upgrade again.""",
        e.getMessage());
    assertEquals(FAILING, e.revision().orElseThrow());
    assertEquals("update no_such_table set x = 1", e.statement().orElseThrow());
    assertEquals("42P01", e.sqlState().orElseThrow());
    assertEquals(dumpBefore, CatalogDump.of(db));
    assertEquals(historyBefore, chain().history());
    assertEquals(List.of(FAILING), withFailing.pending());
  }

  @Test
  void anEarlierRevisionStaysAppliedWhenALaterOneFails() {
    Migrator withFailing = migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class,
        Fixtures.FailsAtThird.class);
    assertThrows(MigrationException.class, withFailing::upgrade);
    assertEquals(List.of(R3), withFailing.current());
    assertEquals(List.of(R1, R2, R3), withFailing.history().stream().map(AppliedRevision::id).toList());
  }

  @Test
  void aConnectionLostMidRevisionLeavesSchemaAndHistoryAsBefore() {
    chain().upgrade();
    String dumpBefore = CatalogDump.of(db);
    List<AppliedRevision> historyBefore = chain().history();
    Migrator losing = migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class,
        Fixtures.LosesConnection.class);
    MigrationException e = assertThrows(MigrationException.class, losing::upgrade);
    assertEquals(FAILING, e.revision().orElseThrow());
    assertEquals("select pg_terminate_backend(pg_backend_pid())", e.statement().orElseThrow());
    assertTrue(e.getMessage().startsWith("upgrade of revision 20260104_000000_dddd (loses its connection) failed at"
        + " statement 2 of 3, SQLState 57P01"), e.getMessage());
    assertEquals(dumpBefore, CatalogDump.of(db));
    assertEquals(historyBefore, chain().history());
    // The migration lock went with the failed run: the next run takes it and completes.
    assertEquals(List.of(FAILING), migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class,
        Fixtures.AddEmail.class, Fixtures.FailsAtThird.class).pending());
  }

  @Test
  void worksAsANonSuperuserThatOwnsTheSchema() {
    DataSource owner = TestDatabase.createOwnerRole(TestDatabase.createDatabase(), "strata_owner");
    Migrator migrator = Migrator.configure().dataSource(owner).logger(log)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).build();
    assertEquals(List.of(R1, R2, R3), migrator.upgrade().ids());
    assertEquals("strata_owner", migrator.history().get(0).appliedBy());
    assertEquals(List.of(R3, R2, R1), migrator.downgrade("base").ids());
    assertEquals("", CatalogDump.of(owner));
  }

  @Test
  void findsRevisionsThroughTheClassPathIndex(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("META-INF/strata/revisions");
    Files.createDirectories(index.getParent());
    Files.writeString(index, String.join("\n", Fixtures.AddEmail.class.getName(), Fixtures.CreateCustomer.class.getName(),
        "", Fixtures.CreateOrders.class.getName()) + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Migrator migrator = Migrator.configure().dataSource(db).classLoader(loader).logger(log).build();
      assertEquals(List.of(R1, R2, R3), migrator.upgrade().ids());
    }
  }

  @Test
  void anIndexNamingAMissingClassIsAClearError(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("META-INF/strata/revisions");
    Files.createDirectories(index.getParent());
    Files.writeString(index, "com.example.Gone\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrator.configure().dataSource(db).classLoader(loader).build());
      assertEquals(index.toUri().toURL() + " names revision class com.example.Gone, which cannot be loaded"
          + " (java.lang.ClassNotFoundException: com.example.Gone); rebuild the application so that the index and"
          + " its classes match", e.getMessage());
    }
  }

  // ---- graph errors -------------------------------------------------------------------------------

  @Test
  void twoHeadsAreRejected() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.Branch.class));
    assertEquals("the revision graph has 2 heads, 20260102_000000_bbbb (dev.strata.runtime.Fixtures$CreateOrders)"
        + " and 20260102_000000_eeee (dev.strata.runtime.Fixtures$Branch): branches that both added a revision;"
        + " add a merge revision whose parents are all of them (compile with -Astrata.merge=true to generate it)",
        e.getMessage());
  }

  @Test
  void anUnknownParentIsRejected() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.Orphan.class));
    assertEquals("revision 20260105_000000_ffff (dev.strata.runtime.Fixtures$Orphan) names parent"
        + " 20260101_000000_zzzz, which is not one of the application's revisions; restore revision"
        + " 20260101_000000_zzzz or correct the parent of 20260105_000000_ffff", e.getMessage());
  }

  @Test
  void aDuplicateIdIsRejected() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.Duplicate.class));
    assertEquals("two revisions have the id 20260101_000000_aaaa: dev.strata.runtime.Fixtures$CreateCustomer and"
        + " dev.strata.runtime.Fixtures$Duplicate; give one of them a new id", e.getMessage());
  }

  @Test
  void aCycleIsRejected() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.CycleA.class, Fixtures.CycleB.class));
    assertEquals("revisions 20260106_000000_gggg (dev.strata.runtime.Fixtures$CycleA) and 20260106_000000_hhhh"
        + " (dev.strata.runtime.Fixtures$CycleB) form a cycle through their parents (or descend from one);"
        + " correct the parent of one of them", e.getMessage());
  }

  @Test
  void twoRootsAreRejected() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.SecondRoot.class));
    assertEquals("revisions 20260101_000000_aaaa (dev.strata.runtime.Fixtures$CreateCustomer) and"
        + " 20260107_000000_iiii (dev.strata.runtime.Fixtures$SecondRoot) all have no parent, but the revision graph"
        + " has one root; set the parent of each newer one to the revision it follows", e.getMessage());
  }

  // ---- targets ------------------------------------------------------------------------------------

  @Test
  void unknownAndInvalidTargetsAreClearErrors() {
    assertEquals("upgrade target nope is not one of the application's revisions; give a revision id (the head is"
        + " 20260103_000000_cccc), \"head\" or \"+N\"",
        assertThrows(MigrationException.class, () -> chain().upgrade("nope")).getMessage());
    assertEquals("downgrade target -x is not a relative target; write -N with N a positive number",
        assertThrows(MigrationException.class, () -> chain().downgrade("-x")).getMessage());
    chain().upgrade(R1);
    assertEquals("cannot downgrade to revision 20260103_000000_cccc: it is not applied; the database is at"
        + " 20260101_000000_aaaa. Use upgrade(\"20260103_000000_cccc\") to move forward to it",
        assertThrows(MigrationException.class, () -> chain().downgrade(R3)).getMessage());
  }

  @Test
  void configurationChecksItsArguments() {
    assertEquals("lockTimeout must be positive: PT0S", assertThrows(IllegalArgumentException.class,
        () -> Migrator.configure().lockTimeout(Duration.ZERO)).getMessage());
    assertEquals("dataSource is required: call dataSource(...) before build()",
        assertThrows(IllegalStateException.class, () -> Migrator.configure().build()).getMessage());
    assertEquals("historyTable must be a non-blank name without NUL characters: \" \"",
        assertThrows(IllegalArgumentException.class, () -> Migrator.configure().historyTable(" ")).getMessage());
  }

  @Test
  void historyTableNameAndSchemaAreConfigurable() throws SQLException {
    Migrator custom = Migrator.configure().dataSource(db).revisions(Fixtures.CreateCustomer.class)
        .historyTable("Migrations").historySchema("ops; drop").logger(log).build();
    custom.upgrade();
    assertEquals(1, count("select count(*) from \"ops; drop\".\"Migrations\""));
    assertEquals(List.of(R1), custom.current());
  }

  private int count(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
