package dev.strata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.internal.RevisionInfo;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Index;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import dev.strata.schema.change.Change;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A statement fails at each position of a revision whose six steps mix DDL and DML, on top of an
 * applied revision whose table holds rows, in either direction: afterwards the schema, the history
 * and the rows are exactly as before the run, the exception names the revision, the statement and
 * its SQLState, and the run with the fixed revision succeeds. The class has one database, emptied
 * before each invocation.
 */
class FailureAtEveryStatementTest {

  static final String BASE = "20260201_000000_aaaa";
  static final String PAYMENTS = "20260202_000000_bbbb";

  static final QualifiedName ACCOUNT = QualifiedName.of("account");
  static final QualifiedName PAYMENT = QualifiedName.of("payment");
  static final Table ACCOUNT_TABLE = Table.of(ACCOUNT).withColumns(
          Column.of("id", "bigint").notNull(),
          Column.of("name", "varchar(100)").notNull())
      .withPrimaryKey("account_pkey", "id");
  static final Table PAYMENT_TABLE = Table.of(PAYMENT).withColumns(
          Column.of("id", "bigint").notNull(),
          Column.of("account_id", "bigint").notNull(),
          Column.of("amount", "numeric(10,2)").notNull())
      .withPrimaryKey("payment_pkey", "id");
  static final Column EMAIL = Column.of("email", "varchar(200)");
  static final Index PAYMENT_ACCOUNT_IDX = Index.of("idx_payment_account", "account_id");
  static final ForeignKey PAYMENT_ACCOUNT =
      ForeignKey.of("fk_payment_account", List.of("account_id"), ACCOUNT, List.of("id"));

  /** Statements that fail wherever they stand: one DML, one DDL. */
  enum Failure {
    NOT_NULL("insert into account (id, name) values (99, null)", "23502",
        "ERROR: null value in column \"name\" of relation \"account\" violates not-null constraint"),
    UNDEFINED_TABLE("alter table no_such_table add column x integer", "42P01",
        "ERROR: relation \"no_such_table\" does not exist");

    final String sql;
    final String sqlState;
    final String error;

    Failure(String sql, String sqlState, String error) {
      this.sql = sql;
      this.sqlState = sqlState;
      this.error = error;
    }
  }

  @Revision(id = BASE, message = "create account")
  public static final class CreateAccount implements Migration {
    @Override public void upgrade(Operations op) { op.createTable(ACCOUNT_TABLE); }
    @Override public void downgrade(Operations op) { op.dropTable(ACCOUNT_TABLE); }
  }

  /**
   * Six steps each way; the test injects {@link #failure} before step N of the upgrade or the
   * downgrade (N = 7: after the last), making it a revision of seven statements. The Migrator
   * records a revision's statements when it is built, so each Migrator sees the settings of the
   * moment it was built.
   */
  @Revision(id = PAYMENTS, parent = BASE, message = "add payments")
  public static final class AddPayments implements Migration {
    static Failure failure = Failure.NOT_NULL;
    static int upgradeFailsAt;
    static int downgradeFailsAt;

    @Override public void upgrade(Operations op) {
      run(op, upgradeFailsAt, List.of(
          o -> o.createTable(PAYMENT_TABLE),
          o -> o.addColumn(ACCOUNT, EMAIL),
          o -> o.execute("insert into payment (id, account_id, amount) select id, id, 10.50 * id from account"),
          o -> o.createIndex(PAYMENT, PAYMENT_ACCOUNT_IDX),
          o -> o.addForeignKey(PAYMENT, PAYMENT_ACCOUNT),
          o -> o.execute("update account set email = name || '@example.com'")));
    }

    @Override public void downgrade(Operations op) {
      run(op, downgradeFailsAt, List.of(
          o -> o.dropForeignKey(PAYMENT, PAYMENT_ACCOUNT),
          o -> o.execute("update account set email = null"),
          o -> o.dropIndex(PAYMENT, PAYMENT_ACCOUNT_IDX),
          o -> o.execute("delete from payment"),
          o -> o.dropColumn(ACCOUNT, EMAIL),
          o -> o.dropTable(PAYMENT_TABLE)));
    }

    private static void run(Operations op, int failsAt, List<Consumer<Operations>> steps) {
      for (int i = 0; i < steps.size(); i++) {
        if (failsAt == i + 1) {
          op.execute(failure.sql);
        }
        steps.get(i).accept(op);
      }
      if (failsAt == steps.size() + 1) {
        op.execute(failure.sql);
      }
    }
  }

  private static final int STATEMENTS = 7;

  static Stream<Arguments> positions() {
    return Stream.of(Failure.values())
        .flatMap(f -> IntStream.rangeClosed(1, STATEMENTS).mapToObj(position -> Arguments.of(position, f)));
  }

  private static PGSimpleDataSource db;

  @BeforeAll
  static void database() {
    db = TestDatabase.createDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    TestDatabase.dropDatabase(db);
  }

  /** Empties the class's database (the history table goes with the schema) and applies the base revision. */
  @BeforeEach
  void atTheBaseRevisionWithRows() throws SQLException {
    execute("drop schema public cascade; create schema public");
    AddPayments.failure = Failure.NOT_NULL;
    AddPayments.upgradeFailsAt = 0;
    AddPayments.downgradeFailsAt = 0;
    assertEquals(List.of(BASE), migrator(CreateAccount.class).upgrade().ids());
    execute("insert into account (id, name) values (1, 'alice'), (2, 'bob'), (3, 'carol')");
  }

  @ParameterizedTest(name = "upgrade fails at statement {0} of 7: {1}")
  @MethodSource("positions")
  void aFailedUpgradeLeavesSchemaHistoryAndRowsAsBefore(int position, Failure failure) throws Exception {
    State before = state();
    AddPayments.failure = failure;
    AddPayments.upgradeFailsAt = position;
    Migrator failing = migrator(CreateAccount.class, AddPayments.class);
    assertEquals(failure.sql, recorded(addPaymentsAsRecorded(), true).get(position - 1));

    MigrationException e = assertThrows(MigrationException.class, failing::upgrade);
    assertFailure(e, "upgrade", position, failure);
    assertEquals(before, state());
    assertEquals(List.of(BASE), failing.current());
    assertEquals(List.of(PAYMENTS), failing.pending());

    AddPayments.upgradeFailsAt = 0;
    Migrator fixed = migrator(CreateAccount.class, AddPayments.class);
    assertEquals(List.of(PAYMENTS), fixed.upgrade().ids());
    assertEquals(List.of(PAYMENTS), fixed.current());
    assertEquals(CatalogDump.of(schemaOf(new CreateAccount(), new AddPayments())), CatalogDump.of(db));
    assertEquals(List.of(
        "account (1,alice,alice@example.com)", "account (2,bob,bob@example.com)",
        "account (3,carol,carol@example.com)",
        "payment (1,1,10.50)", "payment (2,2,21.00)", "payment (3,3,31.50)"), rows());
  }

  @ParameterizedTest(name = "downgrade fails at statement {0} of 7: {1}")
  @MethodSource("positions")
  void aFailedDowngradeLeavesSchemaHistoryAndRowsAsBefore(int position, Failure failure) throws Exception {
    State atBase = state();
    // The revision is applied with the faulty downgrade: its checksum covers the downgrade too.
    AddPayments.failure = failure;
    AddPayments.downgradeFailsAt = position;
    Migrator faulty = migrator(CreateAccount.class, AddPayments.class);
    assertEquals(failure.sql, recorded(addPaymentsAsRecorded(), false).get(position - 1));
    assertEquals(List.of(PAYMENTS), faulty.upgrade().ids());
    State applied = state();

    MigrationException e = assertThrows(MigrationException.class, () -> faulty.downgrade(BASE));
    assertFailure(e, "downgrade", position, failure);
    assertEquals(applied, state());
    assertEquals(List.of(PAYMENTS), faulty.current());

    // The fixed downgrade is an edit of an applied revision, which has to be accepted by name.
    AddPayments.downgradeFailsAt = 0;
    Migrator fixed = Migrator.configure().dataSource(db).revisions(CreateAccount.class, AddPayments.class)
        .logger(new Fixtures.RecordingLogger()).acceptChanged(PAYMENTS).build();
    assertEquals(List.of(PAYMENTS), fixed.downgrade(BASE).ids());
    assertEquals(List.of(BASE), fixed.current());
    assertEquals(atBase, state());
  }

  private static void assertFailure(MigrationException e, String direction, int position, Failure failure) {
    assertEquals(PAYMENTS, e.revision().orElseThrow());
    assertEquals(failure.sql, e.statement().orElseThrow());
    assertEquals(failure.sqlState, e.sqlState().orElseThrow());
    String message = e.getMessage();
    assertTrue(message.startsWith(direction + " of revision " + PAYMENTS + " (add payments) failed at statement "
        + position + " of " + STATEMENTS + ", SQLState " + failure.sqlState + ": " + failure.error), message);
    assertTrue(message.contains("\n  statement: " + failure.sql + "\n"), message);
    assertTrue(message.endsWith(direction.equals("upgrade")
        ? "\nThe revision was rolled back; the revisions before it stay applied. Fix the cause and run upgrade again."
        : "\nThe revision was rolled back and stays applied; the revisions reverted before it stay reverted. Fix the"
            + " cause and run downgrade again."), message);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** Everything a failed run must leave as it was. */
  record State(String schema, List<AppliedRevision> history, List<String> rows) {}

  private State state() throws SQLException {
    return new State(CatalogDump.of(db), migrator(CreateAccount.class).history(), rows());
  }

  @SafeVarargs
  private Migrator migrator(Class<? extends Migration>... revisions) {
    return Migrator.configure().dataSource(db).revisions(revisions).logger(new Fixtures.RecordingLogger()).build();
  }

  /** The revision as the Migrator records it now. */
  private static RevisionInfo addPaymentsAsRecorded() {
    return RevisionInfo.of(AddPayments.class, new AddPayments());
  }

  private static List<String> recorded(RevisionInfo revision, boolean upgrade) {
    List<String> statements = (upgrade ? revision.upgrade() : revision.downgrade()).statements();
    assertEquals(STATEMENTS, statements.size(), statements.toString());
    return statements;
  }

  private static Schema schemaOf(Migration... revisions) {
    List<Change> changes = new ArrayList<>();
    for (Migration revision : revisions) {
      changes.addAll(RevisionInfo.of(revision.getClass(), revision).upgrade().changes());
    }
    return Change.applyAll(Schema.EMPTY, changes);
  }

  /** Every row of every table of the public schema except the history, as {@code table (row)}, sorted. */
  private List<String> rows() throws SQLException {
    List<String> tables = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("select relname from pg_class where relkind = 'r' and relnamespace ="
          + " 'public'::regnamespace and relname <> '" + CatalogDump.HISTORY_TABLE + "' order by relname")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("select t::text from " + table + " t order by t::text")) {
          while (rs.next()) {
            rows.add(table + " " + rs.getString(1));
          }
        }
      }
    }
    return rows;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
