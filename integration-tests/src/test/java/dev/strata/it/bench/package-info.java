/** Benchmarks of Strata against a peer (Flyway) measured in the same run; results go to docs/benchmarks.md. */
package dev.strata.it.bench;
