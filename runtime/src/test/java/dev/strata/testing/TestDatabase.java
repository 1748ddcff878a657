package dev.strata.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, empty PostgreSQL databases for tests.
 *
 * <p>One server per JVM: the embedded PostgreSQL (started lazily on first use, stopped when the JVM
 * exits), or, when the environment variable {@code STRATA_TEST_JDBC_URL} is set, that server (with
 * {@code STRATA_TEST_JDBC_USER} and {@code STRATA_TEST_JDBC_PASSWORD}, both optional). Every call of
 * {@link #createDatabase()} creates a new database with a unique name, so test classes never see each
 * other's tables.
 */
public final class TestDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Server server;

  private TestDatabase() {}

  /** Where the server is and how to log in. */
  private record Server(String host, int port, String adminDatabase, String user, String password, String query) {
    PGSimpleDataSource dataSource(String database) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL("jdbc:postgresql://" + host + ":" + port + "/" + database + query);
      ds.setUser(user);
      if (password != null) {
        ds.setPassword(password);
      }
      return ds;
    }
  }

  /**
   * Creates a new, empty database and returns a data source for it (its URL, user and password are
   * available from the data source, e.g. to hand to a child process).
   */
  public static PGSimpleDataSource createDatabase() {
    Server s = server();
    // Unique across JVMs that share an external server: pid and a counter.
    String name = "strata_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = s.dataSource(s.adminDatabase()).getConnection(); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + name);
      st.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return s.dataSource(name);
  }

  /**
   * Drops a database made by {@link #createDatabase()}, ending its sessions first; for tests that
   * create many, so that the server's data directory stays small.
   */
  public static void dropDatabase(PGSimpleDataSource database) {
    Server s = server();
    String name = database.getDatabaseName();
    if (!name.startsWith("strata_test_")) {
      throw new IllegalArgumentException("only databases made by createDatabase() can be dropped, not " + name);
    }
    try (Connection c = s.dataSource(s.adminDatabase()).getConnection(); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates a role that can log in (password = its name) and is not a superuser, and gives it
   * ownership of the data source's database and its {@code public} schema.
   */
  public static PGSimpleDataSource createOwnerRole(PGSimpleDataSource database, String role) {
    try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
      String dbName = database.getDatabaseName();
      st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then "
          + "create role " + role + " login password '" + role + "' nosuperuser nocreatedb nocreaterole; "
          + "end if; end $$");
      st.execute("alter database " + dbName + " owner to " + role);
      st.execute("alter schema public owner to " + role);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create role " + role + ": " + e.getMessage(), e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(database.getURL());
    ds.setUser(role);
    ds.setPassword(role);
    return ds;
  }

  private static synchronized Server server() {
    if (server == null) {
      String url = System.getenv("STRATA_TEST_JDBC_URL");
      server = url != null && !url.isBlank() ? external(url) : embedded();
    }
    return server;
  }

  private static Server external(String url) {
    // jdbc:postgresql://host[:port]/database[?query]
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      throw new IllegalStateException("STRATA_TEST_JDBC_URL must look like jdbc:postgresql://host:port/database, not " + url);
    }
    String rest = url.substring(prefix.length());
    int q = rest.indexOf('?');
    String query = q >= 0 ? rest.substring(q) : "";
    rest = q >= 0 ? rest.substring(0, q) : rest;
    int slash = rest.indexOf('/');
    String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
    String database = slash >= 0 && slash < rest.length() - 1 ? rest.substring(slash + 1) : "postgres";
    int colon = hostPort.lastIndexOf(':');
    String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    int port = colon >= 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 5432;
    String user = System.getenv().getOrDefault("STRATA_TEST_JDBC_USER", "postgres");
    return new Server(host, port, database, user, System.getenv("STRATA_TEST_JDBC_PASSWORD"), query);
  }

  private static Server embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException e) {
          // The JVM is exiting; the server's directory is temporary and goes with it.
        }
      }, "strata-test-postgres-shutdown"));
      return new Server("localhost", pg.getPort(), "postgres", "postgres", null, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
    }
  }
}
