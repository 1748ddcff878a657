package dev.strata.runtime.internal;

import dev.strata.runtime.Migration;
import dev.strata.runtime.Revision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One revision of the application, with what its upgrade and downgrade do (recorded once, without a
 * database) and its checksum.
 *
 * @param className the revision class, for messages
 * @param checksum {@code sha256:<hex>} over the SQL of the upgrade and the downgrade
 */
public record RevisionInfo(
    String id,
    List<String> parents,
    String message,
    String snapshot,
    boolean transactional,
    String className,
    RecordingOperations.Recorded upgrade,
    RecordingOperations.Recorded downgrade,
    String checksum) {

  public RevisionInfo {
    parents = List.copyOf(parents);
  }

  /** Reads the annotation and records both directions. */
  public static RevisionInfo of(Class<? extends Migration> type, Migration migration) {
    Revision revision = type.getAnnotation(Revision.class);
    RecordingOperations up = new RecordingOperations();
    RecordingOperations down = new RecordingOperations();
    String where = "revision " + revision.id() + " (" + type.getName() + ")";
    try {
      migration.upgrade(up);
    } catch (RuntimeException e) {
      throw new IllegalStateException(where + ": upgrade() failed while Strata recorded its steps: " + e, e);
    }
    try {
      migration.downgrade(down);
    } catch (RuntimeException e) {
      throw new IllegalStateException(where + ": downgrade() failed while Strata recorded its steps: " + e, e);
    }
    RecordingOperations.Recorded upgrade = up.result();
    RecordingOperations.Recorded downgrade = down.result();
    if (revision.transactional()) {
      for (RecordingOperations.Recorded recorded : List.of(upgrade, downgrade)) {
        for (RecordingOperations.Step step : recorded.steps()) {
          if (step.concurrent()) {
            throw new IllegalStateException(where + " runs \"" + step.sql() + "\", which cannot run inside a"
                + " transaction; mark the revision @Revision(transactional = false), or use the"
                + " non-concurrent operation");
          }
        }
      }
    }
    return new RevisionInfo(revision.id(), List.of(revision.parent()), revision.message(), revision.snapshot(),
        revision.transactional(), type.getName(), upgrade, downgrade, checksum(upgrade, downgrade));
  }

  /**
   * SHA-256 over the statements of both directions, each length-prefixed so that no two different
   * lists of statements hash alike.
   */
  static String checksum(RecordingOperations.Recorded upgrade, RecordingOperations.Recorded downgrade) {
    StringBuilder text = new StringBuilder();
    for (String direction : List.of("upgrade", "downgrade")) {
      RecordingOperations.Recorded recorded = direction.equals("upgrade") ? upgrade : downgrade;
      text.append(direction).append('\n');
      for (RecordingOperations.Step step : recorded.steps()) {
        text.append(step.sql().length()).append(step.concurrent() ? "c:" : ":").append(step.sql()).append('\n');
      }
    }
    return "sha256:" + sha256(text.toString());
  }

  /** Hex SHA-256 of UTF-8 text. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** {@code id (message)} or {@code id}, for messages and logs. */
  public String describe() {
    return message.isEmpty() ? id : id + " (" + message + ")";
  }
}
