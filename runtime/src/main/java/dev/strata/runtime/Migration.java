package dev.strata.runtime;

/**
 * The steps of one revision. Implementations are annotated with {@link Revision} and have a public
 * no-argument constructor. Both methods only describe steps through {@link Operations}; the
 * {@link Migrator} decides when and in which transaction they run.
 */
public interface Migration {

  /** Moves the schema from the parent revision's state to this revision's state. */
  void upgrade(Operations op);

  /** Moves the schema back from this revision's state to the parent revision's state. */
  void downgrade(Operations op);
}
