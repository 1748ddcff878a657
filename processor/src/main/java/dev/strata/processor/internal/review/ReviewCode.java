package dev.strata.processor.internal.review;

import dev.strata.processor.internal.Diagnostics;

/** Codes of the review warnings ({@code STRATA-5xx}). */
public enum ReviewCode implements Diagnostics.Code {
  /** A table is dropped with its rows. */
  DROP_TABLE("STRATA-501"),
  /** A column is dropped with its values. */
  DROP_COLUMN("STRATA-502"),
  /** A column type narrows: values may be cut or fail to convert. */
  NARROWING_TYPE("STRATA-503"),
  /** A default is removed from a NOT NULL column: inserts that relied on it fail. */
  DROP_DEFAULT("STRATA-504"),
  /**
   * A type change PostgreSQL has no cast for: the revision would fail on every database. An error
   * unless the loss of the column's values is accepted; then the column is dropped and added.
   */
  NO_CAST("STRATA-505"),
  /** {@code SET NOT NULL} on an existing table scans it under an ACCESS EXCLUSIVE lock. */
  SET_NOT_NULL("STRATA-510"),
  /** A foreign key added to an existing table locks and scans both tables. */
  FOREIGN_KEY("STRATA-511"),
  /** An index created on an existing table blocks writes while it is built. */
  INDEX("STRATA-512"),
  /** A column added with a volatile default (or identity) rewrites the table. */
  VOLATILE_DEFAULT("STRATA-513"),
  /** A type change that rewrites the table and its indexes. */
  REWRITING_TYPE("STRATA-514"),
  /** A NOT NULL column without default added to an existing table fails when it has rows. */
  REQUIRED_COLUMN("STRATA-515"),
  /** A unique constraint or primary key added to an existing table locks it while its index is built. */
  UNIQUE_CONSTRAINT("STRATA-516"),
  /** A check constraint added to an existing table scans it under an ACCESS EXCLUSIVE lock. */
  CHECK_CONSTRAINT("STRATA-517"),
  /** A drop and an add of the same type in one revision look like a rename. */
  POSSIBLE_RENAME("STRATA-520"),
  /** A {@code @RenamedFrom} whose rename is already in an earlier revision. */
  RENAME_DONE("STRATA-521"),
  /** An {@code @AcceptDataLoss} that accepts no loss of this compile's changes, so it can be removed. */
  ACCEPTANCE_DONE("STRATA-522"),
  /** An {@code @AcceptDataLoss} with names where they mean nothing (on a field, or columns on a package). */
  ACCEPTANCE_MISPLACED("STRATA-523"),
  /** A swap of names between columns (or tables) that look the same: it is not made (a warning). */
  RENAME_UNDECIDABLE("STRATA-524"),
  /** A {@code @RenamedFrom} on a column that names no column of the table (an error). */
  RENAME_UNKNOWN("STRATA-525");

  private final String id;

  ReviewCode(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
