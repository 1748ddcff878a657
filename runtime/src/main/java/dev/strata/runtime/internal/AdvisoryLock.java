package dev.strata.runtime.internal;

import dev.strata.runtime.MigrationException;
import dev.strata.schema.QualifiedName;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Strata's migration lock: a session-level PostgreSQL advisory lock held on a connection of its own
 * for as long as a migration runs. Never a lock row (nothing is left behind when a process dies: the
 * lock goes with its session), and never a transaction-scoped lock (which a non-transactional
 * revision's {@code CREATE INDEX CONCURRENTLY} would wait for forever).
 */
public final class AdvisoryLock implements AutoCloseable {

  private final Connection connection;
  private final long key;

  private AdvisoryLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /** The lock key for a history table: the first 8 bytes of SHA-256 of its qualified name. */
  public static long key(QualifiedName historyTable) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("strata:" + historyTable).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * Tries the lock, backing off (50 ms doubling to 2 s, with jitter) until it is free or
   * {@code wait} has passed.
   */
  public static AdvisoryLock acquire(DataSource dataSource, long key, Duration wait, System.Logger logger) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + wait.toNanos();
      long pause = 50;
      boolean logged = false;
      while (true) {
        if (tryLock(connection, key)) {
          return new AdvisoryLock(connection, key);
        }
        if (System.nanoTime() >= deadline) {
          break;
        }
        if (!logged) {
          logger.log(Level.INFO, "waiting for another process to finish migrating (advisory lock " + key + ")");
          logged = true;
        }
        long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        Thread.sleep(Math.min(remainingMillis, pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1)));
        pause = Math.min(2000, pause * 2);
      }
      connection.close();
      throw new MigrationException("could not take Strata's migration lock (advisory lock " + key + ") within "
          + wait + ": another process is migrating this database, or is stuck holding the lock. Find it with"
          + " \"select pid, backend_start, state, query from pg_stat_activity where pid in (select pid from pg_locks"
          + " where locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = " + key + ")\";"
          + " end a stuck one with pg_terminate_backend(pid), or configure a longer lockWait");
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new MigrationException("could not take Strata's migration lock: " + e.getMessage(), null, null,
          e.getSQLState(), e);
    } catch (InterruptedException e) {
      closeQuietly(connection);
      Thread.currentThread().interrupt();
      throw new MigrationException("interrupted while waiting for Strata's migration lock", e);
    }
  }

  private static boolean tryLock(Connection connection, long key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(PostgresDialect.tryAdvisoryLock())) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing ends the session, which releases the lock if it was taken.
      }
    }
  }

  /** Releases the lock and closes its connection (closing alone would release it too). */
  @Override
  public void close() {
    try (PreparedStatement ps = connection.prepareStatement(PostgresDialect.advisoryUnlock())) {
      ps.setLong(1, key);
      ps.execute();
    } catch (SQLException ignored) {
      // The connection is closed below, which ends the session and with it the lock.
    } finally {
      closeQuietly(connection);
    }
  }
}
