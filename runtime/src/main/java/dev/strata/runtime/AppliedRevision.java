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
 * @param complete false for a non-transactional revision that stopped part-way
 */
public record AppliedRevision(
    String id,
    List<String> parents,
    String message,
    String checksum,
    Instant appliedAt,
    String appliedBy,
    Duration duration,
    boolean complete) {

  public AppliedRevision {
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(appliedBy, "appliedBy");
    Objects.requireNonNull(duration, "duration");
  }
}
