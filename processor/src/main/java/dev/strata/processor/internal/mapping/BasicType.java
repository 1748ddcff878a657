package dev.strata.processor.internal.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Java type Hibernate 7 maps to one column without any annotation, with its default DDL kind and
 * size on PostgreSQL ({@code type/descriptor/java/*JavaType.getDefaultSql*}, {@code Dialect}
 * defaults: decimal precision 38, timestamp precision 6, {@code Size.DEFAULT_SCALE} 2,
 * {@code Length.DEFAULT} 255). docs/type-mapping.md has the table with its sources.
 *
 * @param javaType the qualified name ({@code java.lang.String}), primitive ({@code int}) or array
 *     ({@code byte[]})
 * @param kind the DDL type code
 * @param length default length ({@link JdbcKind#VARCHAR}, {@link JdbcKind#CHAR})
 * @param precision default precision ({@link JdbcKind#NUMERIC}, binary digits for {@link JdbcKind#FLOAT})
 * @param scale default scale ({@link JdbcKind#NUMERIC})
 * @param secondPrecision default fractional-second digits (temporal kinds)
 * @param primitive whether the Java type is primitive, so the column is NOT NULL
 */
public record BasicType(String javaType, JdbcKind kind, long length, int precision, int scale,
    int secondPrecision, boolean primitive) {

  public static final long DEFAULT_LENGTH = 255;
  public static final int DEFAULT_DECIMAL_PRECISION = 38;
  public static final int DEFAULT_DECIMAL_SCALE = 2;
  public static final int DEFAULT_TIMESTAMP_PRECISION = 6;

  private static final Map<String, BasicType> TYPES = new TreeMap<>();

  static {
    text("java.lang.String", JdbcKind.VARCHAR, DEFAULT_LENGTH);
    text("char[]", JdbcKind.VARCHAR, DEFAULT_LENGTH);
    text("java.lang.Character", JdbcKind.CHAR, 1);
    primitive("char", JdbcKind.CHAR, 1);
    simple("java.lang.Boolean", JdbcKind.BOOLEAN);
    primitive("boolean", JdbcKind.BOOLEAN, 0);
    simple("java.lang.Byte", JdbcKind.SMALLINT);
    primitive("byte", JdbcKind.SMALLINT, 0);
    simple("java.lang.Short", JdbcKind.SMALLINT);
    primitive("short", JdbcKind.SMALLINT, 0);
    simple("java.lang.Integer", JdbcKind.INTEGER);
    primitive("int", JdbcKind.INTEGER, 0);
    simple("java.lang.Long", JdbcKind.BIGINT);
    primitive("long", JdbcKind.BIGINT, 0);
    // FloatJavaType: FLOAT with precision 24; DoubleJavaType: DDL code FLOAT with precision 53.
    put(new BasicType("java.lang.Float", JdbcKind.FLOAT, 0, 24, 0, 0, false));
    put(new BasicType("float", JdbcKind.FLOAT, 0, 24, 0, 0, true));
    put(new BasicType("java.lang.Double", JdbcKind.FLOAT, 0, 53, 0, 0, false));
    put(new BasicType("double", JdbcKind.FLOAT, 0, 53, 0, 0, true));
    put(new BasicType("java.math.BigDecimal", JdbcKind.NUMERIC, 0, DEFAULT_DECIMAL_PRECISION,
        DEFAULT_DECIMAL_SCALE, 0, false));
    put(new BasicType("java.math.BigInteger", JdbcKind.NUMERIC, 0, DEFAULT_DECIMAL_PRECISION, 0, 0, false));
    // DurationJavaType: NUMERIC(21,0) unless hibernate.type.preferred_duration_jdbc_type says otherwise.
    put(new BasicType("java.time.Duration", JdbcKind.NUMERIC, 0, 21, 0, 0, false));
    simple("java.time.LocalDate", JdbcKind.DATE);
    simple("java.sql.Date", JdbcKind.DATE);
    temporal("java.time.LocalTime", JdbcKind.TIME, 0);
    temporal("java.time.OffsetTime", JdbcKind.TIME, 0);
    temporal("java.sql.Time", JdbcKind.TIME, 0);
    temporal("java.time.LocalDateTime", JdbcKind.TIMESTAMP, DEFAULT_TIMESTAMP_PRECISION);
    temporal("java.sql.Timestamp", JdbcKind.TIMESTAMP, DEFAULT_TIMESTAMP_PRECISION);
    temporal("java.util.Date", JdbcKind.TIMESTAMP, DEFAULT_TIMESTAMP_PRECISION);
    temporal("java.util.Calendar", JdbcKind.TIMESTAMP, DEFAULT_TIMESTAMP_PRECISION);
    // Instant: preferred_instant_jdbc_type TIMESTAMP_UTC; Offset/ZonedDateTime: NORMALIZE_UTC time-zone
    // storage, because PostgreSQLDialect.getTimeZoneSupport() is NORMALIZE.
    temporal("java.time.Instant", JdbcKind.TIMESTAMPTZ, DEFAULT_TIMESTAMP_PRECISION);
    temporal("java.time.OffsetDateTime", JdbcKind.TIMESTAMPTZ, DEFAULT_TIMESTAMP_PRECISION);
    temporal("java.time.ZonedDateTime", JdbcKind.TIMESTAMPTZ, DEFAULT_TIMESTAMP_PRECISION);
    simple("java.util.UUID", JdbcKind.UUID);
    simple("byte[]", JdbcKind.BYTEA);
    simple("java.sql.Blob", JdbcKind.OID);
    simple("java.sql.Clob", JdbcKind.OID);
    simple("java.sql.NClob", JdbcKind.OID);
    simple("java.time.Year", JdbcKind.INTEGER);
    text("java.time.ZoneOffset", JdbcKind.VARCHAR, 6);
    text("java.util.Currency", JdbcKind.VARCHAR, 3);
    text("java.util.Locale", JdbcKind.VARCHAR, DEFAULT_LENGTH);
    text("java.util.TimeZone", JdbcKind.VARCHAR, DEFAULT_LENGTH);
    text("java.time.ZoneId", JdbcKind.VARCHAR, DEFAULT_LENGTH);
    text("java.net.URL", JdbcKind.VARCHAR, DEFAULT_LENGTH);
    text("java.lang.Class", JdbcKind.VARCHAR, DEFAULT_LENGTH);
  }

  private static void put(BasicType type) {
    TYPES.put(type.javaType(), type);
  }

  private static void simple(String javaType, JdbcKind kind) {
    put(new BasicType(javaType, kind, 0, 0, 0, 0, false));
  }

  private static void primitive(String javaType, JdbcKind kind, long length) {
    put(new BasicType(javaType, kind, length, 0, 0, 0, true));
  }

  private static void text(String javaType, JdbcKind kind, long length) {
    put(new BasicType(javaType, kind, length, 0, 0, 0, false));
  }

  private static void temporal(String javaType, JdbcKind kind, int secondPrecision) {
    put(new BasicType(javaType, kind, 0, 0, 0, secondPrecision, false));
  }

  /** The Hibernate default for a Java type, if Strata knows it. */
  public static Optional<BasicType> of(String javaType) {
    return Optional.ofNullable(TYPES.get(javaType));
  }

  /** The enum mapping: ORDINAL is TINYINT/SMALLINT, STRING is VARCHAR(255) (CHAR when the length is 1). */
  public static BasicType enumType(String javaType, boolean string) {
    return string
        ? new BasicType(javaType, JdbcKind.VARCHAR, DEFAULT_LENGTH, 0, 0, 0, false)
        : new BasicType(javaType, JdbcKind.SMALLINT, 0, 0, 0, 0, false);
  }

  public BasicType withKind(JdbcKind newKind) {
    return new BasicType(javaType, newKind, length, precision, scale, secondPrecision, primitive);
  }

  public BasicType withSize(long newLength, int newPrecision, int newScale, int newSecondPrecision) {
    return new BasicType(javaType, kind, newLength, newPrecision, newScale, newSecondPrecision, primitive);
  }

  /** Whether {@code @Temporal} applies (the legacy date types). */
  public boolean isLegacyTemporal() {
    return javaType.equals("java.util.Date") || javaType.equals("java.util.Calendar");
  }
}
