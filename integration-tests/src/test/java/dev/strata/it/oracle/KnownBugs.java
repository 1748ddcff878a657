package dev.strata.it.oracle;

/**
 * Strata mapping bugs the oracle tests found, reported to the lead, each shared by the tests whose
 * allowed differences name it ({@link SchemaOracle.Allowed#knownBug}). A fixed bug makes those
 * tests fail with "no longer occurs": then delete its entries there and its constant here.
 */
public final class KnownBugs {
  private KnownBugs() {}
}
