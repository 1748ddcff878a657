package dev.strata.runtime;

import java.util.Optional;

/**
 * Why the {@link Migrator} could not do what it was asked. The message says what is wrong, where
 * (the revision, the statement) and what to do; for a failed statement, {@link #revision()},
 * {@link #statement()} and {@link #sqlState()} hold the details.
 */
public class MigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String revision;
  private final String statement;
  private final String sqlState;

  public MigrationException(String message) {
    this(message, null, null, null, null);
  }

  public MigrationException(String message, Throwable cause) {
    this(message, null, null, null, cause);
  }

  /**
   * @param revision the revision id, or null
   * @param statement the SQL statement that failed, or null
   * @param sqlState PostgreSQL's SQLState for the failure, or null
   */
  public MigrationException(String message, String revision, String statement, String sqlState, Throwable cause) {
    super(message, cause);
    this.revision = revision;
    this.statement = statement;
    this.sqlState = sqlState;
  }

  /** The revision concerned, when one is. */
  public Optional<String> revision() {
    return Optional.ofNullable(revision);
  }

  /** The statement that failed, when one did. */
  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }

  /** The SQLState PostgreSQL reported for the failed statement. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
