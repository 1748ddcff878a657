package dev.strata.snapshot;

/**
 * Reads a snapshot file (SPEC.md). Only canonical text is accepted, so for every text this returns,
 * {@code SnapshotWriter.write(read(text))} gives the same text back; the exceptions are {@code \r\n}
 * line ends and a leading byte order mark, which are tolerated (editors and git on Windows add them)
 * and dropped.
 */
public final class SnapshotReader {
  private SnapshotReader() {}

  /**
   * @throws SnapshotFormatException naming the line and column of the first problem and what was
   *     expected there
   */
  public static Snapshot read(String text) throws SnapshotFormatException {
    java.util.Objects.requireNonNull(text, "text");
    return Parser.read(text);
  }
}
