package dev.strata.it.oracle;

/**
 * Strata mapping bugs the oracle tests found, reported to the lead, each shared by the tests whose
 * allowed differences name it ({@link SchemaOracle.Allowed#knownBug}). A fixed bug makes those
 * tests fail with "no longer occurs": then delete its entries there and its constant here.
 */
final class KnownBugs {
  private KnownBugs() {}

  /**
   * Hibernate makes a primitive NOT NULL only when it builds the column implicitly (no
   * {@code @Column}, {@code AnnotatedColumn.buildImplicitColumn}); an explicit {@code @Column} keeps
   * its own {@code nullable}, default true. {@code @Basic} alone and {@code @Column(nullable = false)}
   * agree with Strata.
   */
  static final String PRIMITIVE_WITH_COLUMN =
      "a primitive with @Column (nullable left at its default) is nullable in Hibernate 7.4, NOT NULL in Strata";

  /**
   * Hibernate 7.4 makes the element column alone the primary key of a unidirectional one-to-many
   * Set's join table (it is unique by itself), with no separate unique constraint.
   */
  static final String ONE_TO_MANY_SET_KEY = "the join table of a unidirectional @OneToMany Set: Hibernate's primary"
      + " key is the element column alone; Strata makes (owner, element) plus a unique constraint on the element";

  /**
   * Hibernate 7.4 orders the columns of every composite primary key it builds (entity keys from
   * {@code @IdClass}, collection and join tables) with {@code ColumnOrderingStrategyStandard}: by the
   * column's size in bytes (at least 4), then whether that is over 2048, then by name; a composite
   * foreign key, explicit {@code @JoinColumns} included, then follows the referenced key's order.
   */
  static final String KEY_COLUMN_ORDER = "composite key column order: Hibernate orders primary key columns by byte"
      + " size (at least 4), then size > 2048, then name, and foreign keys follow the referenced key's order;"
      + " Strata keeps owner columns first (join tables), names in alphabetical order (@IdClass), and the declared"
      + " order of @JoinColumns";
}
