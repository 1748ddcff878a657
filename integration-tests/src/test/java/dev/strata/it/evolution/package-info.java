/** Issue 4's evolution tests: random and per-change-kind entity models compiled, migrated up and down on PostgreSQL. */
package dev.strata.it.evolution;
