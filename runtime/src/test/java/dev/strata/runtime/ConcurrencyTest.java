package dev.strata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.internal.AdvisoryLock;
import dev.strata.schema.QualifiedName;
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Several Migrators at once, the migration lock, and lock_timeout. */
class ConcurrencyTest {

  private final DataSource db = TestDatabase.createDatabase();

  private Migrator migrator(Fixtures.RecordingLogger log) {
    return Migrator.configure().dataSource(db).logger(log)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class, Fixtures.Slow.class)
        .build();
  }

  @Test
  void concurrentUpgradesApplyEachRevisionOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MigrationResult>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Migrator migrator = migrator(new Fixtures.RecordingLogger());
      results.add(pool.submit(() -> {
        start.await();
        return migrator.upgrade();
      }));
    }
    start.countDown();
    List<String> applied = new ArrayList<>();
    for (Future<MigrationResult> result : results) {
      applied.addAll(result.get().ids());
    }
    pool.shutdown();
    assertEquals(List.of(Fixtures.R1, Fixtures.R2, Fixtures.R3, Fixtures.SLOW), applied.stream().sorted().toList());
    assertEquals(4, migrator(new Fixtures.RecordingLogger()).history().size());
    // The insert in AddEmail ran once.
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery("select count(*) from customer")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void waitingForTheLockIsBoundedAndExplained() throws Exception {
    long key = AdvisoryLock.key(QualifiedName.of("strata_history"));
    try (Connection holder = db.getConnection()) {
      try (PreparedStatement ps = holder.prepareStatement("select pg_advisory_lock(?)")) {
        ps.setLong(1, key);
        ps.execute();
      }
      Fixtures.RecordingLogger log = new Fixtures.RecordingLogger();
      Migrator impatient = Migrator.configure().dataSource(db).revisions(Fixtures.CreateCustomer.class)
          .lockWait(Duration.ofMillis(300)).logger(log).build();
      long started = System.nanoTime();
      MigrationException e = assertThrows(MigrationException.class, impatient::upgrade);
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5000);
      assertEquals("could not take Strata's migration lock (advisory lock " + key + ") within PT0.3S: another"
          + " process is migrating this database, or is stuck holding the lock. Find it with \"select pid,"
          + " backend_start, state, query from pg_stat_activity where pid in (select pid from pg_locks where"
          + " locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = " + key + ")\"; end a stuck one"
          + " with pg_terminate_backend(pid), or configure a longer lockWait", e.getMessage());
      assertEquals(List.of("INFO waiting for another process to finish migrating (advisory lock " + key + ")"),
          log.lines);
      // The query in the message finds the holder.
      try (Statement st = holder.createStatement();
          var rs = st.executeQuery("select count(*) from pg_stat_activity where pid in (select pid from pg_locks where"
              + " locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = " + key + ")")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
    // Released with its session: the next upgrade goes through.
    assertEquals(List.of(Fixtures.R1), Migrator.configure().dataSource(db).revisions(Fixtures.CreateCustomer.class)
        .logger(new Fixtures.RecordingLogger()).build().upgrade().ids());
  }

  @Test
  void aRevisionDoesNotQueueBehindALongTransaction() throws Exception {
    Migrator first = Migrator.configure().dataSource(db)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class)
        .logger(new Fixtures.RecordingLogger()).build();
    first.upgrade();
    try (Connection reader = db.getConnection()) {
      reader.setAutoCommit(false);
      try (Statement st = reader.createStatement()) {
        st.execute("select * from customer");
      }
      Migrator second = Migrator.configure().dataSource(db)
          .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class)
          .lockTimeout(Duration.ofMillis(200)).logger(new Fixtures.RecordingLogger()).build();
      long started = System.nanoTime();
      MigrationException e = assertThrows(MigrationException.class, second::upgrade);
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5000);
      assertEquals("55P03", e.sqlState().orElseThrow());
      assertEquals(Fixtures.R3, e.revision().orElseThrow());
      assertTrue(e.getMessage().startsWith("upgrade of revision 20260103_000000_cccc (add customer.email, order"
          + " numbers) failed at statement 1 of 3, SQLState 55P03: ERROR: canceling statement due to lock timeout"),
          e.getMessage());
      reader.rollback();
      assertEquals(List.of(Fixtures.R3), second.upgrade().ids());
    }
  }

  @Test
  void statementTimeoutStopsALongStatement() {
    Migrator migrator = Migrator.configure().dataSource(db)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class, Fixtures.Slow.class)
        .statementTimeout(Duration.ofMillis(100)).logger(new Fixtures.RecordingLogger()).build();
    MigrationException e = assertThrows(MigrationException.class, migrator::upgrade);
    assertEquals("57014", e.sqlState().orElseThrow());
    assertEquals("select pg_sleep(0.3)", e.statement().orElseThrow());
    assertEquals(List.of(Fixtures.R3), migrator.current());
  }
}
