package dev.strata.snapshot;

import dev.strata.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash a revision records of the schema it produces ({@code @Revision(snapshot = ...)}):
 * {@code "sha256:"} and the lower-case hex SHA-256 of the UTF-8 bytes of the schema body as
 * {@link SnapshotWriter} writes it, i.e. without the header, head and entity lines. It therefore
 * changes exactly when the schema does, not when only the head or the entity list does.
 */
public final class SchemaHash {
  private SchemaHash() {}

  public static String of(Schema schema) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new AssertionError("SHA-256 is missing from this Java runtime", e);
    }
    byte[] hash = digest.digest(SnapshotWriter.body(schema).getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(hash);
  }
}
