package dev.strata.it.oracle;

/**
 * Strata mapping bugs the oracle tests found, reported to the lead, each shared by the tests whose
 * allowed differences name it ({@link SchemaOracle.Allowed#knownBug}). A fixed bug makes those
 * tests fail with "no longer occurs": then delete its entries there and its constant here.
 */
final class KnownBugs {
  private KnownBugs() {}

  /**
   * Hibernate 7.4 makes the element column alone the primary key of a unidirectional one-to-many
   * Set's join table (it is unique by itself), with no separate unique constraint.
   */
  static final String ONE_TO_MANY_SET_KEY = "the join table of a unidirectional @OneToMany Set: Hibernate's primary"
      + " key is the element column alone; Strata makes (owner, element) plus a unique constraint on the element";

  /**
   * Hibernate 7.4 reorders the columns of a composite primary key ({@code ColumnOrderingStrategyStandard}
   * through {@code InFlightMetadataCollectorImpl.orderColumns}): by the column's size in bytes (at
   * least 4), then whether that is over 2048, then by name, unless a unique key it made on the same
   * columns fixes the order ({@code PrimaryKey.setOrderingUniqueKey}: an element-collection Set keeps
   * (owner, element)). Seen for {@code @IdClass} keys, many-to-many join tables and lists with an
   * {@code @OrderColumn} (the order column, an {@code integer}, comes before a {@code bigint} owner).
   * A composite foreign key, explicit {@code @JoinColumns} included, then follows the referenced
   * key's order.
   */
  static final String KEY_COLUMN_ORDER = "composite key column order: Hibernate orders primary key columns by byte"
      + " size (at least 4), then size > 2048, then name, and foreign keys follow the referenced key's order;"
      + " Strata keeps owner columns first (join tables), names in alphabetical order (@IdClass), and the declared"
      + " order of @JoinColumns";

  /**
   * A column-level check names its constraint ({@code @Column(check = @CheckConstraint(name = ...))},
   * Hibernate's {@code @Check(name = ...)} on an attribute): Hibernate 7.4 uses that name.
   */
  static final String COLUMN_CHECK_NAME = "the name of a column-level check (@Column(check = @CheckConstraint(name)),"
      + " @Check(name) on an attribute) is ignored: Strata lets PostgreSQL name it <table>_<column>_check";

  /**
   * Hibernate hashes an unnamed index's name ({@code IDX...}, {@code NamingHelper}) from the physical
   * table name and the column names as written in {@code @Index(columnList)}, before the physical
   * naming turns {@code unitPrice} into {@code unit_price}: IDXh6x9w74i0o2hhqdojpkx0oeaj for
   * {@code order_line (unitPrice, lineNo)}, where Strata hashes {@code unit_price, line_no}.
   */
  static final String SNAKE_CASE_INDEX_NAME = "with strata.naming=snake_case, an unnamed index's IDX hash is taken over"
      + " the physical column names; Hibernate hashes the column names as written in @Index(columnList)";
}
