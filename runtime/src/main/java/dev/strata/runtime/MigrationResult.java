package dev.strata.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Migrator} operation did.
 *
 * @param revisions the revisions applied (by an upgrade) or reverted (by a downgrade), in the order
 *     it happened, each with the time it took; empty when there was nothing to do
 * @param current the heads of what is applied afterwards (one id; none at base)
 * @param duration how long the whole operation took
 */
public record MigrationResult(List<AppliedRevision> revisions, List<String> current, Duration duration) {

  public MigrationResult {
    revisions = List.copyOf(revisions);
    current = List.copyOf(current);
    Objects.requireNonNull(duration, "duration");
  }

  /** The ids of {@link #revisions()}. */
  public List<String> ids() {
    return revisions.stream().map(AppliedRevision::id).toList();
  }
}
