/** Test support shared through the test-jar: seeded random schemas and evolutions of them. */
package dev.strata.schema.testing;
