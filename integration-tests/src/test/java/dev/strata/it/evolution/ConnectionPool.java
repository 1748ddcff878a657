package dev.strata.it.evolution;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool, as applications put in front of the Migrator (HikariCP and the like):
 * a closed connection goes back to the pool, rolled back and with its session settings reset.
 *
 * <p>Why here: the evolution test opens thousands of connections, and every new PostgreSQL backend
 * starts with cold catalog caches, which made the server's CPU the largest cost of the test.
 */
final class ConnectionPool implements DataSource, AutoCloseable {

  private final DataSource target;
  private final Deque<Connection> idle = new ArrayDeque<>();

  ConnectionPool(DataSource target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical;
    synchronized (idle) {
      physical = idle.pollFirst();
    }
    if (physical == null || physical.isClosed()) {
      physical = target.getConnection();
    }
    return lease(physical);
  }

  private Connection lease(Connection physical) {
    boolean[] returned = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              if (!returned[0]) {
                returned[0] = true;
                release(physical);
              }
              return null;
            case "isClosed":
              return returned[0] || physical.isClosed();
            case "toString":
              return "pooled " + physical;
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            default:
              if (returned[0]) {
                throw new SQLException("connection is closed (returned to the pool)");
              }
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  private void release(Connection physical) {
    try {
      if (physical.isClosed()) {
        return;
      }
      if (!physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
      try (Statement st = physical.createStatement()) {
        // Settings a user made (search_path, timeouts) and session locks end with the lease.
        st.execute("reset all");
        st.execute("select pg_advisory_unlock_all()");
      }
      synchronized (idle) {
        idle.addFirst(physical);
      }
    } catch (SQLException e) {
      try {
        physical.close();
      } catch (SQLException ignored) {
        // Broken already: dropping it is all that is left to do.
      }
    }
  }

  @Override
  public void close() throws SQLException {
    synchronized (idle) {
      for (Connection c : idle) {
        c.close();
      }
      idle.clear();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has one user");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // No logging.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The target's timeout applies.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
