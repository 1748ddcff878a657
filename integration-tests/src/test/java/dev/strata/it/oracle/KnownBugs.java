package dev.strata.it.oracle;

/**
 * Strata mapping bugs the oracle tests found, reported to the lead, each shared by the tests whose
 * allowed differences name it ({@link SchemaOracle.Allowed#knownBug}). A fixed bug makes those
 * tests fail with "no longer occurs": then delete its entries there and its constant here.
 */
public final class KnownBugs {
  private KnownBugs() {}

  /**
   * Explicit {@code @JoinColumns} to a composite primary key, declared in another order than the key's
   * columns: Hibernate 7.4's {@code create} writes the foreign key's columns in the referenced key's
   * order ({@code InFlightMetadataCollectorImpl} reorders foreign keys after their target key), e.g.
   * {@code (from_line, from_order) references orderline (lineno, order_no)}; Strata keeps the declared
   * order, {@code (from_order, from_line) references orderline (order_no, lineno)}.
   */
  public static final String JOIN_COLUMNS_ORDER = "explicit @JoinColumns to a composite key: Hibernate writes the"
      + " foreign key's columns in the referenced key's order, Strata in the declared order";
}
