package dev.strata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Index;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Table;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The downgrade of a non-transactional revision that stops part-way records its progress in the
 * history row (state {@code reverting}) and resumes after its last completed statement; its first
 * statement ({@code drop constraint}) cannot run twice. The class has one database, emptied before
 * each test.
 */
class NonTransactionalDowngradeTest {

  static final String BASE = "20260301_000000_aaaa";
  static final String PAYMENTS = "20260302_000000_bbbb";

  static final QualifiedName ACCOUNT = QualifiedName.of("account");
  static final QualifiedName PAYMENT = QualifiedName.of("payment");
  static final Table ACCOUNT_TABLE = Table.of(ACCOUNT).withColumns(
          Column.of("id", "bigint").notNull(),
          Column.of("name", "varchar(100)").notNull())
      .withPrimaryKey("account_pkey", "id");
  static final Table PAYMENT_TABLE = Table.of(PAYMENT).withColumns(
          Column.of("id", "bigint").notNull(),
          Column.of("account_id", "bigint").notNull())
      .withPrimaryKey("payment_pkey", "id");
  static final Column EMAIL = Column.of("email", "varchar(200)");
  static final Index PAYMENT_ACCOUNT_IDX = Index.of("idx_payment_account", "account_id");
  static final ForeignKey PAYMENT_ACCOUNT =
      ForeignKey.of("fk_payment_account", List.of("account_id"), ACCOUNT, List.of("id"));
  static final String FAILING = "alter table no_such_table add column x integer";

  @Revision(id = BASE, message = "create account")
  public static final class CreateAccount implements Migration {
    @Override public void upgrade(Operations op) { op.createTable(ACCOUNT_TABLE); }
    @Override public void downgrade(Operations op) { op.dropTable(ACCOUNT_TABLE); }
  }

  /**
   * Seven downgrade statements; the test injects {@link #FAILING} before statement N (N = 8: after the
   * last), or edits the second. A Migrator records the statements when it is built.
   */
  @Revision(id = PAYMENTS, parent = BASE, message = "add payments", transactional = false)
  public static final class AddPayments implements Migration {
    static int downgradeFailsAt;
    static boolean secondEdited;

    @Override public void upgrade(Operations op) {
      op.createTable(PAYMENT_TABLE);
      op.execute("create table payment_audit (n integer)");
      op.addColumn(ACCOUNT, EMAIL);
      op.execute("insert into payment (id, account_id) select id, id from account");
      op.createIndexConcurrently(PAYMENT, PAYMENT_ACCOUNT_IDX);
      op.addForeignKey(PAYMENT, PAYMENT_ACCOUNT);
      op.execute("update account set email = name || '@example.com'");
    }

    @Override public void downgrade(Operations op) {
      List<Consumer<Operations>> steps = List.of(
          o -> o.dropForeignKey(PAYMENT, PAYMENT_ACCOUNT),
          o -> o.execute(secondEdited ? "update account set email = ''" : "update account set email = null"),
          o -> o.dropIndexConcurrently(PAYMENT, PAYMENT_ACCOUNT_IDX),
          o -> o.execute("delete from payment"),
          o -> o.dropColumn(ACCOUNT, EMAIL),
          o -> o.dropTable(PAYMENT_TABLE),
          o -> o.execute("drop table payment_audit"));
      for (int i = 0; i < steps.size(); i++) {
        if (downgradeFailsAt == i + 1) {
          op.execute(FAILING);
        }
        steps.get(i).accept(op);
      }
      if (downgradeFailsAt == steps.size() + 1) {
        op.execute(FAILING);
      }
    }
  }

  private static PGSimpleDataSource db;
  private final Fixtures.RecordingLogger log = new Fixtures.RecordingLogger();

  @BeforeAll
  static void database() {
    db = TestDatabase.createDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    TestDatabase.dropDatabase(db);
  }

  @BeforeEach
  void atTheBaseRevisionWithRows() throws SQLException {
    execute("drop schema public cascade; create schema public");
    AddPayments.downgradeFailsAt = 0;
    AddPayments.secondEdited = false;
    assertEquals(List.of(BASE), migrator().upgrade(BASE).ids());
    execute("insert into account (id, name) values (1, 'alice'), (2, 'bob')");
  }

  @ParameterizedTest(name = "downgrade fails at statement {0} of 8, then resumes")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void aFailedDowngradeResumesAfterItsLastCompletedStatement(int position) throws SQLException {
    State before = state();
    AddPayments.downgradeFailsAt = position;
    Migrator faulty = migrator();
    assertEquals(List.of(PAYMENTS), faulty.upgrade().ids());

    MigrationException e = assertThrows(MigrationException.class, () -> faulty.downgrade(BASE));
    assertEquals(PAYMENTS, e.revision().orElseThrow());
    assertEquals(FAILING, e.statement().orElseThrow());
    assertEquals("42P01", e.sqlState().orElseThrow());
    assertEquals("downgrade of non-transactional revision " + PAYMENTS + " (add payments) failed at statement "
        + position + " of 8, SQLState 42P01: ERROR: relation \"no_such_table\" does not exist\n"
        + "  statement: " + FAILING + "\n"
        + "It ran outside a transaction: " + ranBefore(position) + ", nothing was rolled back. Check what the failed statement may have left behind, fix the"
        + " cause, and run downgrade again: it resumes at statement " + position + ". Until the downgrade has"
        + " finished, upgrade() refuses to run.", e.getMessage());
    AppliedRevision reverting = faulty.history().get(1);
    assertEquals(AppliedRevision.State.REVERTING, reverting.state());
    assertFalse(reverting.complete());
    assertEquals(List.of("reverting " + (position - 1) + " statement " + position + " of 8, SQLState 42P01"),
        query("select state || ' ' || cardinality(progress) || ' ' || split_part(failure, ':', 1)"
            + " from strata_history where revision = '" + PAYMENTS + "'"));
    assertEquals(List.of(BASE), faulty.current());

    // Fixed: the next downgrade resumes where the failed one stopped (statement 1 would fail: the
    // constraint is gone) and ends exactly at the state before the upgrade.
    AddPayments.downgradeFailsAt = 0;
    Migrator fixed = migrator();
    assertEquals(List.of(PAYMENTS), fixed.downgrade(BASE).ids());
    assertEquals(before, state());
    assertTrue(log.lines.contains("INFO resuming the downgrade of non-transactional revision " + PAYMENTS
        + " (add payments) at statement " + position + " of 7"), log.lines.toString());

    // And the revision applies again from there.
    assertEquals(List.of(PAYMENTS), fixed.upgrade().ids());
    assertEquals(List.of(PAYMENTS), fixed.current());
  }

  @Test
  void whileADowngradeIsPartWayUpgradeAndOtherTargetsAreRefusedAndVerifySaysSo() throws SQLException {
    AddPayments.downgradeFailsAt = 3;
    Migrator faulty = migrator();
    faulty.upgrade();
    assertThrows(MigrationException.class, () -> faulty.downgrade("-1"));
    State reverting = state();
    String failure = "statement 3 of 8, SQLState 42P01: ERROR: relation \"no_such_table\" does not exist";

    AddPayments.downgradeFailsAt = 0;
    Migrator fixed = migrator();
    MigrationException e = assertThrows(MigrationException.class, fixed::upgrade);
    assertEquals(PAYMENTS, e.revision().orElseThrow());
    assertEquals("cannot upgrade: the downgrade of non-transactional revision " + PAYMENTS + " (add payments) stopped"
        + " part-way: 2 of its 8 downgrade statements ran, then it failed at " + failure + ".\n"
        + "Finish the downgrade first: fix the cause and run downgrade(\"-1\"), which resumes at statement 3, then"
        + " upgrade", e.getMessage());
    assertEquals("cannot downgrade to " + PAYMENTS + ": the downgrade of non-transactional revision " + PAYMENTS
        + " (add payments) stopped part-way: 2 of its 8 downgrade statements ran, then it failed at " + failure
        + ", so it can only be finished: downgrade to a revision it descends from (downgrade(\"-1\") resumes it at"
        + " statement 3)", assertThrows(MigrationException.class, () -> fixed.downgrade(PAYMENTS)).getMessage());
    assertEquals(reverting, state());
    assertEquals(List.of(BASE), fixed.current());
    assertEquals(List.of(PAYMENTS), fixed.pending());
    List<String> differences = fixed.verify();
    assertEquals("the downgrade of non-transactional revision " + PAYMENTS + " (add payments) stopped part-way: 2 of"
        + " its 8 downgrade statements ran, then it failed at " + failure + "; run downgrade(\"-1\") to finish it (it"
        + " resumes at statement 3)", differences.get(0));
    // What the remaining statements would remove is there, compared with the revision's parent.
    assertTrue(differences.contains("not expected, found in the database: table account column email"
        + " (varchar(200) null)"), differences.toString());

    assertEquals(List.of(PAYMENTS), fixed.downgrade("-1").ids());
    assertEquals(List.of(), fixed.verify());
  }

  @Test
  void aPartWayDowngradeWhoseRanStatementsChangedDoesNotResume() throws SQLException {
    AddPayments.downgradeFailsAt = 3;
    Migrator faulty = migrator();
    faulty.upgrade();
    assertThrows(MigrationException.class, () -> faulty.downgrade(BASE));
    State reverting = state();

    AddPayments.downgradeFailsAt = 0;
    AddPayments.secondEdited = true;
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().downgrade(BASE));
    assertEquals(PAYMENTS, e.revision().orElseThrow());
    assertEquals("""
        the downgrade of non-transactional revision 20260302_000000_bbbb (add payments) stopped part-way after 2 \
        statements, and its first 2 downgrade statements have changed since, so it cannot resume:
            downgrade statement 2 was: update account set email = null
                                  now: update account set email = ''
        Restore them as they were; or finish the downgrade by hand (do what its remaining statements do), then \
        delete its row from strata_history""", e.getMessage());
    assertEquals(reverting, state());

    AddPayments.secondEdited = false;
    assertEquals(List.of(PAYMENTS), migrator().downgrade(BASE).ids());
    assertEquals(List.of(BASE), migrator().current());
  }

  @Test
  void aLockTimeoutPartWayThroughTheDowngradeResumesOnceTheLockIsGone() throws SQLException {
    State before = state();
    Migrator migrator = Migrator.configure().dataSource(db).revisions(CreateAccount.class, AddPayments.class)
        .logger(log).lockTimeout(Duration.ofMillis(300)).build();
    migrator.upgrade();
    MigrationException e;
    try (Connection reader = db.getConnection(); Statement st = reader.createStatement()) {
      // A long transaction that read payment_audit: dropping it (the last statement) waits and times out.
      reader.setAutoCommit(false);
      st.executeQuery("select count(*) from payment_audit").close();
      e = assertThrows(MigrationException.class, () -> migrator.downgrade(BASE));
      reader.rollback();
    }
    assertEquals("55P03", e.sqlState().orElseThrow());
    assertEquals("drop table payment_audit", e.statement().orElseThrow());
    assertTrue(e.getMessage().startsWith("downgrade of non-transactional revision " + PAYMENTS + " (add payments)"
        + " failed at statement 7 of 7, SQLState 55P03"), e.getMessage());
    // Statement 1 (drop constraint) would now fail: the constraint is gone. The downgrade resumes at 7.
    assertEquals(List.of(PAYMENTS), migrator.downgrade(BASE).ids());
    assertTrue(log.lines.contains("INFO resuming the downgrade of non-transactional revision " + PAYMENTS
        + " (add payments) at statement 7 of 7"), log.lines.toString());
    assertEquals(before, state());
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** The catalog, the history and the rows. */
  record State(String schema, List<AppliedRevision> history, List<String> rows) {}

  private State state() throws SQLException {
    return new State(CatalogDump.of(db), migrator().history(), query("select a::text from account a order by id"));
  }

  private Migrator migrator() {
    return Migrator.configure().dataSource(db).revisions(CreateAccount.class, AddPayments.class).logger(log).build();
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** How the failure message tells what ran before the failed statement. */
  private static String ranBefore(int position) {
    return switch (position) {
      case 1 -> "no statement before it ran";
      case 2 -> "statement 1 stays applied and is recorded in strata_history";
      default -> "statements 1 to " + (position - 1) + " stay applied and are recorded in strata_history";
    };
  }
}
