package dev.strata.processor.internal.entity;

/**
 * Qualified names of the annotations the reader understands. They are matched by name so that
 * neither the JPA API nor Hibernate needs to be on the processor's class path.
 */
final class Jpa {
  private Jpa() {}

  private static final String P = "jakarta.persistence.";
  private static final String H = "org.hibernate.annotations.";

  static final String ENTITY = P + "Entity";
  static final String TABLE = P + "Table";
  static final String COLUMN = P + "Column";
  static final String ID = P + "Id";
  static final String GENERATED_VALUE = P + "GeneratedValue";
  static final String TRANSIENT = P + "Transient";
  static final String ENUMERATED = P + "Enumerated";
  static final String BASIC = P + "Basic";
  static final String LOB = P + "Lob";
  static final String TEMPORAL = P + "Temporal";
  static final String ACCESS = P + "Access";
  static final String MAPPED_SUPERCLASS = P + "MappedSuperclass";
  static final String EMBEDDABLE = P + "Embeddable";
  static final String EMBEDDED = P + "Embedded";
  static final String EMBEDDED_ID = P + "EmbeddedId";
  static final String ID_CLASS = P + "IdClass";
  static final String MAPS_ID = P + "MapsId";
  static final String VERSION = P + "Version";
  static final String CONVERT = P + "Convert";
  static final String CONVERTS = P + "Converts";
  static final String CONVERTER = P + "Converter";
  static final String MANY_TO_ONE = P + "ManyToOne";
  static final String ONE_TO_ONE = P + "OneToOne";
  static final String ONE_TO_MANY = P + "OneToMany";
  static final String MANY_TO_MANY = P + "ManyToMany";
  static final String ELEMENT_COLLECTION = P + "ElementCollection";
  static final String JOIN_COLUMN = P + "JoinColumn";
  static final String JOIN_COLUMNS = P + "JoinColumns";
  static final String JOIN_TABLE = P + "JoinTable";
  static final String COLLECTION_TABLE = P + "CollectionTable";
  static final String ORDER_COLUMN = P + "OrderColumn";
  static final String MAP_KEY_COLUMN = P + "MapKeyColumn";
  static final String MAP_KEY = P + "MapKey";
  static final String MAP_KEY_ENUMERATED = P + "MapKeyEnumerated";
  static final String MAP_KEY_TEMPORAL = P + "MapKeyTemporal";
  static final String MAP_KEY_JOIN_COLUMN = P + "MapKeyJoinColumn";
  static final String MAP_KEY_JOIN_COLUMNS = P + "MapKeyJoinColumns";
  static final String MAP_KEY_CLASS = P + "MapKeyClass";
  static final String ORDER_BY = P + "OrderBy";
  static final String ATTRIBUTE_OVERRIDE = P + "AttributeOverride";
  static final String ATTRIBUTE_OVERRIDES = P + "AttributeOverrides";
  static final String ASSOCIATION_OVERRIDE = P + "AssociationOverride";
  static final String ASSOCIATION_OVERRIDES = P + "AssociationOverrides";
  static final String SEQUENCE_GENERATOR = P + "SequenceGenerator";
  static final String SEQUENCE_GENERATORS = P + "SequenceGenerators";
  static final String TABLE_GENERATOR = P + "TableGenerator";
  static final String TABLE_GENERATORS = P + "TableGenerators";
  static final String INHERITANCE = P + "Inheritance";
  static final String DISCRIMINATOR_COLUMN = P + "DiscriminatorColumn";
  static final String DISCRIMINATOR_VALUE = P + "DiscriminatorValue";
  static final String PRIMARY_KEY_JOIN_COLUMN = P + "PrimaryKeyJoinColumn";
  static final String PRIMARY_KEY_JOIN_COLUMNS = P + "PrimaryKeyJoinColumns";
  static final String SECONDARY_TABLE = P + "SecondaryTable";
  static final String SECONDARY_TABLES = P + "SecondaryTables";
  static final String FOREIGN_KEY = P + "ForeignKey";
  static final String ENUMERATED_VALUE = P + "EnumeratedValue";

  static final String H_NATIONALIZED = H + "Nationalized";
  static final String H_JDBC_TYPE_CODE = H + "JdbcTypeCode";
  static final String H_COLUMN_DEFAULT = H + "ColumnDefault";
  static final String H_CHECK = H + "Check";
  static final String H_CHECKS = H + "Checks";
  static final String H_COMMENT = H + "Comment";
  static final String H_FORMULA = H + "Formula";
  static final String H_IMMUTABLE = H + "Immutable";
  static final String H_WHERE = H + "Where";
  static final String H_SQL_RESTRICTION = H + "SQLRestriction";
  static final String H_ON_DELETE = H + "OnDelete";
  static final String H_GENERIC_GENERATOR = H + "GenericGenerator";
  static final String H_GENERIC_GENERATORS = H + "GenericGenerators";
  static final String H_UUID_GENERATOR = H + "UuidGenerator";
  static final String H_DISCRIMINATOR_FORMULA = H + "DiscriminatorFormula";
  static final String H_COLLECTION_ID = H + "CollectionId";
  static final String H_COLLECTION_ID_JAVA_TYPE = H + "CollectionIdJavaType";
  static final String H_COLLECTION_ID_JAVA_CLASS = H + "CollectionIdJavaClass";
  static final String H_COLLECTION_ID_JDBC_TYPE_CODE = H + "CollectionIdJdbcTypeCode";
  static final String H_COLLECTION_ID_JDBC_TYPE = H + "CollectionIdJdbcType";
  static final String H_COLLECTION_ID_TYPE = H + "CollectionIdType";

  static final String RENAMED_FROM = "dev.strata.runtime.RenamedFrom";
}
