/**
 * Strata's public runtime API: {@link dev.strata.runtime.Migrator} applies revisions; revisions are
 * {@link dev.strata.runtime.Migration}s annotated with {@link dev.strata.runtime.Revision} that
 * describe their steps through {@link dev.strata.runtime.Operations}. {@link dev.strata.runtime.RenamedFrom}
 * and {@link dev.strata.runtime.AcceptDataLoss} state a developer's intent to the processor.
 */
package dev.strata.runtime;
