package dev.strata.examples.quickstart;

import dev.strata.runtime.AppliedRevision;
import dev.strata.runtime.MigrationResult;
import dev.strata.runtime.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the shop's revisions at start-up, as an application's main would, then prints what it
 * applied and the tables it ended with.
 *
 * <p>Usage: {@code Main} (starts an embedded PostgreSQL) or {@code Main jdbc:postgresql://host/db [user [password]]}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    // Strata logs through System.Logger (java.util.logging here): one line per record.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
    }
    if (args.length == 0) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
        System.out.println("Started an embedded PostgreSQL on port " + postgres.getPort());
        run(postgres.getPostgresDatabase(), System.out);
      }
    } else {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(args[0]);
      if (args.length > 1) {
        dataSource.setUser(args[1]);
      }
      if (args.length > 2) {
        dataSource.setPassword(args[2]);
      }
      run(dataSource, System.out);
    }
  }

  /** Upgrades {@code dataSource} to the newest revision and reports to {@code out}. */
  static MigrationResult run(DataSource dataSource, PrintStream out) throws SQLException {
    MigrationResult result = Migrator.using(dataSource).upgrade();
    if (result.revisions().isEmpty()) {
      out.println("Nothing to apply: the database is at " + result.current());
    }
    for (AppliedRevision revision : result.revisions()) {
      out.printf("Applied %s  %s  (%d ms)%n", revision.id(), revision.message(), revision.duration().toMillis());
    }
    out.println("Tables:");
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("""
            select table_name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE'
            order by table_name""")) {
      while (rs.next()) {
        out.println("  " + rs.getString(1));
      }
    }
    return result;
  }
}
