/** The pipeline of one compile: locating files, diffing entities against the snapshot, writing revisions, the snapshot and the index. */
package dev.strata.processor.internal.generate;
