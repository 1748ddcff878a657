/**
 * The snapshot file: reading and writing the canonical text form of a {@link dev.strata.schema.Schema}
 * (specified in {@code snapshot-format/SPEC.md}), and the schema hash that revisions record.
 */
package dev.strata.snapshot;
