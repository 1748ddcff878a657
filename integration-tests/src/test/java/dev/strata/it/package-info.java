/** End-to-end scenarios: entity models compiled with the processor and applied to a real PostgreSQL. */
package dev.strata.it;
