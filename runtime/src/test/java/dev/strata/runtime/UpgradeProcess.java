package dev.strata.runtime;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate JVM that runs {@code Migrator.upgrade()} with the revisions indexed on its class path;
 * the fault tests start several at once, or kill one. Arguments: JDBC URL, user, password.
 * Prints the applied ids, one per line, and exits 0; exits 1 with the error otherwise.
 */
public final class UpgradeProcess {
  private UpgradeProcess() {}

  public static void main(String[] args) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[0]);
    ds.setUser(args[1]);
    if (args.length > 2 && !args[2].isEmpty()) {
      ds.setPassword(args[2]);
    }
    try {
      MigrationResult result = Migrator.configure().dataSource(ds).logger(new Fixtures.RecordingLogger()).build()
          .upgrade();
      result.ids().forEach(System.out::println);
      System.out.flush();
      System.exit(0);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
