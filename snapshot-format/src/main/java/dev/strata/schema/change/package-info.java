/**
 * Schema changes: one record per kind of change, each with its exact inverse and its effect on a
 * {@link dev.strata.schema.Schema}.
 */
package dev.strata.schema.change;
