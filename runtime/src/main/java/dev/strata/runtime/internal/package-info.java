/**
 * Strata's runtime machinery (SQL dialect, catalog reading, revision graph, history table): internal,
 * with no compatibility guarantees; applications use {@link dev.strata.runtime.Migrator}.
 */
package dev.strata.runtime.internal;
