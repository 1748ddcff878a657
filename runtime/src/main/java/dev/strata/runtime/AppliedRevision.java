package dev.strata.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A revision as recorded in the history table (or, in a {@link MigrationResult}, one just applied
 * or reverted).
 *
 * @param id the revision id
 * @param parents its parents' ids (empty for the first revision)
 * @param message what it does
 * @param checksum {@code sha256:<hex>} of the SQL of its upgrade and downgrade when it was applied
 * @param appliedAt when it was applied
 * @param appliedBy the database user that applied it
 * @param duration how long applying (or reverting) it took
 * @param complete false for a non-transactional revision that stopped part-way (in its upgrade or its
 *     downgrade)
 * @param state where the revision stands: applied, or a non-transactional revision part-way through
 *     its upgrade or its downgrade
 */
public record AppliedRevision(
    String id,
    List<String> parents,
    String message,
    String checksum,
    Instant appliedAt,
    String appliedBy,
    Duration duration,
    boolean complete,
    State state) {

  /** The {@code state} column of the history table. */
  public enum State {
    /** Completely applied. */
    APPLIED,
    /** A non-transactional revision whose upgrade stopped part-way; {@code upgrade()} resumes it. */
    PARTIAL,
    /** A non-transactional revision whose downgrade stopped part-way; {@code downgrade()} resumes it. */
    REVERTING
  }

  /** A revision that is applied ({@code complete}) or stopped part-way through its upgrade. */
  public AppliedRevision(String id, List<String> parents, String message, String checksum, Instant appliedAt,
      String appliedBy, Duration duration, boolean complete) {
    this(id, parents, message, checksum, appliedAt, appliedBy, duration, complete,
        complete ? State.APPLIED : State.PARTIAL);
  }

  public AppliedRevision {
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(appliedBy, "appliedBy");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(state, "state");
    if (complete != (state == State.APPLIED)) {
      throw new IllegalArgumentException("complete must be " + (state == State.APPLIED) + " for state " + state);
    }
  }
}
