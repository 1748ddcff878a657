package dev.strata.runtime;

import static dev.strata.runtime.Fixtures.NON_TX;
import static dev.strata.runtime.Fixtures.R3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Revisions marked transactional = false: statement by statement, recorded, resumable. */
class NonTransactionalTest {

  private final DataSource db = TestDatabase.createDatabase();
  private final Fixtures.RecordingLogger log = new Fixtures.RecordingLogger();

  private Migrator migrator(Class<? extends Migration> last) {
    return Migrator.configure().dataSource(db).logger(log)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class, last).build();
  }

  private int count(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static final String INVALID_INDEX = "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
      + " where c.relname = 'uk_customer_name_idx' and not i.indisvalid";

  @Test
  void runsStatementByStatementAndRecordsProgress() throws SQLException {
    Migrator migrator = migrator(Fixtures.UniqueNamesConcurrently.class);
    String before = CatalogDump.of(db);
    assertEquals(List.of(Fixtures.R1, Fixtures.R2, R3, NON_TX), migrator.upgrade().ids());
    assertEquals(List.of(NON_TX), migrator.current());
    assertTrue(migrator.history().get(3).complete());
    assertEquals(3, count("select cardinality(progress) from strata_history where revision = '" + NON_TX + "'"));
    assertEquals(1, count("select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
        + " where c.relname = 'uk_customer_name_idx' and i.indisvalid and i.indisunique"));
    assertEquals(List.of(NON_TX), migrator.downgrade("-1").ids());
    assertEquals(0, count("select count(*) from pg_class where relname in ('uk_customer_name_idx', 'audit_log')"));
    assertEquals(List.of(R3), migrator.current());
    migrator.downgrade("base");
    assertEquals(before, CatalogDump.of(db));
  }

  @Test
  void aFailedConcurrentBuildStopsThenResumesAfterTheLastCompletedStatement() throws SQLException {
    migrator(Fixtures.UniqueNamesConcurrently.class).upgrade(R3);
    execute("insert into customer (name) values ('first')");
    Migrator migrator = migrator(Fixtures.UniqueNamesConcurrently.class);
    MigrationException e = assertThrows(MigrationException.class, migrator::upgrade);
    assertEquals(NON_TX, e.revision().orElseThrow());
    assertEquals("23505", e.sqlState().orElseThrow());
    assertEquals("create unique index concurrently uk_customer_name_idx on customer (name)", e.statement().orElseThrow());
    assertTrue(e.getMessage().startsWith("upgrade of non-transactional revision 20260109_000000_kkkk (unique customer"
        + " names) failed at statement 2 of 3, SQLState 23505: ERROR: could not create unique index"
        + " \"uk_customer_name_idx\""), e.getMessage());
    assertTrue(e.getMessage().endsWith("""
          statement: create unique index concurrently uk_customer_name_idx on customer (name)
        It ran outside a transaction: statement 1 stays applied and is recorded in strata_history, nothing \
        was rolled back. Check what the failed statement may have left behind (the INVALID index left by the failed \
        concurrent build is dropped before the retry), fix the cause, and run upgrade again: it resumes at \
        statement 2."""), e.getMessage());
    assertEquals(1, count(INVALID_INDEX));
    assertEquals(List.of(R3), migrator.current());
    assertEquals(List.of(NON_TX), migrator.pending());
    AppliedRevision partial = migrator.history().get(3);
    assertFalse(partial.complete());
    assertEquals(AppliedRevision.State.PARTIAL, partial.state());
    assertEquals(1, count("select cardinality(progress) from strata_history where revision = '" + NON_TX + "'"));
    assertEquals(1, count("select count(*) from strata_history where failure like 'statement 2 of 3, SQLState 23505%'"));
    assertEquals("cannot downgrade: non-transactional revision 20260109_000000_kkkk stopped part-way (1 of its"
        + " statements ran); run upgrade() to finish it first, then downgrade",
        assertThrows(MigrationException.class, () -> migrator.downgrade("base")).getMessage());

    // Fixed data: the next run drops the INVALID index and resumes at statement 2 (statement 1 would fail again).
    execute("delete from customer where id = (select max(id) from customer)");
    assertEquals(List.of(NON_TX), migrator.upgrade().ids());
    assertEquals(0, count(INVALID_INDEX));
    assertEquals(1, count("select count(*) from audit_log"));
    assertTrue(migrator.history().get(3).complete());
    assertTrue(log.lines.contains("INFO resuming non-transactional revision 20260109_000000_kkkk (unique customer"
        + " names) at statement 2 of 3"), log.lines.toString());
    assertTrue(log.lines.contains("INFO dropped INVALID index uk_customer_name_idx left by a failed concurrent build,"
        + " before building it again"), log.lines.toString());
  }

  @Test
  void aStoppedRevisionWhoseRanStatementsChangedDoesNotResume() throws SQLException {
    migrator(Fixtures.UniqueNamesConcurrently.class).upgrade(R3);
    execute("insert into customer (name) values ('first')");
    assertThrows(MigrationException.class, () -> migrator(Fixtures.UniqueNamesConcurrently.class).upgrade());
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.UniqueNamesConcurrentlyEdited.class).upgrade());
    assertEquals("non-transactional revision 20260109_000000_kkkk (unique customer names) stopped part-way after 1"
        + " statement, and the revision's first 1 statement has changed since, so it cannot resume. Restore them as"
        + " they were; or make the database as it was before the revision (undo what those statements did), delete its"
        + " row from strata_history and run upgrade again", e.getMessage());
  }

  @Test
  void aConcurrentOperationInATransactionalRevisionIsRejected() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.ConcurrentInTransaction.class));
    assertEquals("revision 20260109_000000_kkkk (dev.strata.runtime.Fixtures$ConcurrentInTransaction) runs \"create"
        + " unique index concurrently uk_customer_name_idx on customer (name)\", which cannot run inside a transaction;"
        + " mark the revision @Revision(transactional = false), or use the non-concurrent operation", e.getMessage());
  }

  @Test
  void theOfflineScriptRunsItOutsideATransaction() {
    String script = migrator(Fixtures.UniqueNamesConcurrently.class).sql(R3, "head");
    assertTrue(script.contains("""

        -- 20260109_000000_kkkk (unique customer names), not transactional
        create table audit_log (n integer);
        create unique index concurrently uk_customer_name_idx on customer (name);
        insert into audit_log values (1);
        insert into strata_history"""), script);
    assertFalse(script.contains("begin;"), script);
  }
}
