package dev.strata.processor.internal.generate;

import dev.strata.processor.internal.Diagnostics;

/** Codes of the messages about the snapshot file and the pipeline itself. */
public enum GenerateCode implements Diagnostics.Code {
  /** The snapshot file is not a valid snapshot. */
  SNAPSHOT_UNREADABLE("STRATA-301"),
  /** The snapshot file cannot be read from disk. */
  SNAPSHOT_IO("STRATA-302"),
  /** {@code strata.mode=check}: the entities differ from the snapshot. */
  CHECK_FAILED("STRATA-303"),
  /** Something unexpected went wrong inside Strata: a bug. */
  INTERNAL("STRATA-900");

  private final String id;

  GenerateCode(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
