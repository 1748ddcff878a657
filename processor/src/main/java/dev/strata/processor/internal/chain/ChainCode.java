package dev.strata.processor.internal.chain;

import dev.strata.processor.internal.Diagnostics;

/** Codes of the messages about revisions and the revision chain ({@code STRATA-2xx}). */
public enum ChainCode implements Diagnostics.Code {
  /** The chain has more than one head (two revisions share a parent). */
  MULTIPLE_HEADS("STRATA-201"),
  /** Two revisions have the same id. */
  DUPLICATE_ID("STRATA-202"),
  /** A revision names a parent that does not exist. */
  MISSING_PARENT("STRATA-203"),
  /** Revisions are their own ancestors. */
  CYCLE("STRATA-204"),
  /** The snapshot's head line does not name the chain's head. */
  SNAPSHOT_HEAD_MISMATCH("STRATA-205"),
  /** The head revision records another snapshot hash than the snapshot file has. */
  SNAPSHOT_HASH_MISMATCH("STRATA-206"),
  /** Revisions exist but the snapshot file does not. */
  SNAPSHOT_MISSING("STRATA-207"),
  /** A revision source file's {@code @Revision} cannot be read. */
  UNREADABLE_REVISION("STRATA-208"),
  /** {@code strata.amend} cannot fold changes into the head revision. */
  AMEND_REFUSED("STRATA-209"),
  /** {@code strata.merge} has nothing to merge or cannot merge. */
  MERGE_REFUSED("STRATA-210"),
  /** {@code strata.merge}: both branches change the same objects. */
  MERGE_CONFLICT("STRATA-211"),
  /** A revision or snapshot file could not be written. */
  WRITE_FAILED("STRATA-212"),
  /** {@code strata.amend} rewrote a revision that this compile built in its previous form. */
  AMENDED("STRATA-213");

  private final String id;

  ChainCode(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
