package dev.strata.it.oracle;

/**
 * Strata mapping bugs the oracle tests found, reported to the lead, each shared by the tests whose
 * allowed differences name it ({@link SchemaOracle.Allowed#knownBug}). A fixed bug makes those
 * tests fail with "no longer occurs": then delete its entries there and its constant here.
 */
public final class KnownBugs {
  private KnownBugs() {}

  /**
   * Hibernate 7.4 makes the element column alone the primary key of a unidirectional one-to-many
   * Set's join table (it is unique by itself), with no separate unique constraint.
   */
  public static final String ONE_TO_MANY_SET_KEY = "the join table of a unidirectional @OneToMany Set: Hibernate's primary"
      + " key is the element column alone; Strata makes (owner, element) plus a unique constraint on the element";

  /**
   * Hibernate 7.4's {@code create} (and only a create: {@code InFlightMetadataCollectorImpl.orderColumns}
   * runs for the CREATE actions) reorders the columns of every primary key of two or more columns
   * with {@code ColumnOrderingStrategyStandard}: by the column's size in bytes, at least 4
   * ({@code smallint} and {@code integer} 4, {@code bigint} and timestamps 8, {@code varchar(n)} n, but a
   * {@code varchar} of the default length 255 counts as 10485760), then whether that is over 2048,
   * then by the column's name as Hibernate spells it, case-sensitively (the implicit owner column of
   * a collection table is {@code Person_id}, after the entity name, so it sorts before lower-case
   * names). A composite foreign key to such a key, explicit {@code @JoinColumns} included, follows
   * the key's new order. Seen for {@code @IdClass} keys, join tables, lists with an
   * {@code @OrderColumn}, and Kogito's element collections with explicit join columns.
   */
  public static final String KEY_COLUMN_ORDER = "composite key column order: Hibernate's create orders primary key"
      + " columns by byte size (at least 4; default-length varchar last), then name (case-sensitive), and foreign"
      + " keys follow the referenced key's order; Strata keeps owner columns first (join and collection tables),"
      + " names in alphabetical order (@IdClass), and the declared order of @JoinColumns";

  /**
   * A column-level check names its constraint ({@code @Column(check = @CheckConstraint(name = ...))},
   * Hibernate's {@code @Check(name = ...)} on an attribute): Hibernate 7.4 uses that name.
   */
  public static final String COLUMN_CHECK_NAME = "the name of a column-level check (@Column(check = @CheckConstraint(name)),"
      + " @Check(name) on an attribute) is ignored: Strata lets PostgreSQL name it <table>_<column>_check";

  /**
   * Hibernate hashes an unnamed index's name ({@code IDX...}, {@code NamingHelper}) from the physical
   * table name and the column names as written in {@code @Index(columnList)}, before the physical
   * naming turns {@code unitPrice} into {@code unit_price}: IDXh6x9w74i0o2hhqdojpkx0oeaj for
   * {@code order_line (unitPrice, lineNo)}, where Strata hashes {@code unit_price, line_no}.
   */
  public static final String SNAKE_CASE_INDEX_NAME = "with strata.naming=snake_case, an unnamed index's IDX hash is taken over"
      + " the physical column names; Hibernate hashes the column names as written in @Index(columnList)";

  /**
   * A collection table's owner join column can name its foreign key itself
   * ({@code @CollectionTable(joinColumns = @JoinColumn(name = "process_id", foreignKey = @ForeignKey(name =
   * "fk_processes_roles_processes")))}, as Kogito does); Hibernate 7.4 uses that name.
   */
  public static final String COLLECTION_JOIN_COLUMN_FK_NAME = "@ForeignKey(name) on a @CollectionTable's join column"
      + " is ignored (Strata names the foreign key FK<hash>; only @CollectionTable(foreignKey) is read)";

  /**
   * A unique constraint on exactly the primary key's columns ({@code Table.isRedundantUniqueKey}):
   * Hibernate 7.4 drops it and orders the key's columns as the constraint lists them. DSpace's
   * {@code Group2GroupCache} (two {@code @Id @ManyToOne} and {@code @UniqueConstraint(parent_id,
   * child_id)}) gets the key (parent_id, child_id) and no unique constraint.
   */
  public static final String UNIQUE_SAME_AS_KEY = "a unique constraint on the primary key's columns: Hibernate drops"
      + " it and gives the key the constraint's column order; Strata keeps both, the key in name order";

  /**
   * Hibernate's {@code @CollectionId} (an "idbag": a List element collection with its own
   * generated key column, as DSpace's {@code BitstreamFormat.fileExtensions}) gives the collection
   * table that column as its primary key and creates the generator's sequence. Strata ignores the
   * annotation silently, where the rule is to map it or refuse it.
   */
  public static final String COLLECTION_ID_IGNORED = "Hibernate's @CollectionId is ignored without an error: the"
      + " collection table lacks its id column, primary key and the generator's sequence";
}
