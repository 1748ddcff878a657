package dev.strata.processor.internal.mapping;

import dev.strata.schema.SqlType;
import java.util.List;

/**
 * The DDL type codes Hibernate 7 uses for basic values, and how {@code PostgreSQLDialect} spells each
 * (its {@code columnType()}), with the size rules of {@code Dialect.SizeStrategyImpl.resolveSize}.
 */
public enum JdbcKind {
  /** {@code varchar(n)}; above PostgreSQL's limit of 10485760 characters Hibernate uses {@code text}. */
  VARCHAR,
  CHAR,
  BOOLEAN,
  /** TINYINT and SMALLINT: PostgreSQL has no tinyint. */
  SMALLINT,
  INTEGER,
  BIGINT,
  /** {@code float(p)}: PostgreSQL makes it {@code real} up to 24 binary digits, else {@code double precision}. */
  FLOAT,
  NUMERIC,
  DATE,
  TIME,
  TIMESTAMP,
  /** TIMESTAMP_UTC and TIMESTAMP_WITH_TIMEZONE: {@code timestamp(p) with time zone}. */
  TIMESTAMPTZ,
  UUID,
  /** BINARY, VARBINARY, LONG32VARBINARY: all {@code bytea} on PostgreSQL. */
  BYTEA,
  /** CLOB, BLOB, NCLOB: PostgreSQL's large objects, {@code oid}. */
  OID,
  /** JSON: Hibernate prefers {@code jsonb} on PostgreSQL. */
  JSONB,
  /** LONG32VARCHAR, LONGVARCHAR: {@code text}. */
  TEXT,
  XML,
  INET;

  /** PostgreSQL's maximum {@code varchar} length ({@code PostgreSQLDialect.getMaxVarcharLength()}). */
  public static final long MAX_VARCHAR_LENGTH = 10_485_760L;

  private static final double LOG_BASE2_OF_10 = Math.log(10) / Math.log(2);

  /**
   * The column type for this kind and the size attributes that apply to it; the others are ignored,
   * as Hibernate ignores them.
   *
   * @param length the character length for {@link #VARCHAR} and {@link #CHAR}
   * @param precision numeric precision, or for {@link #FLOAT} the binary precision
   * @param scale numeric scale
   * @param secondPrecision fractional-second digits for {@link #TIME}, {@link #TIMESTAMP},
   *     {@link #TIMESTAMPTZ}
   */
  public SqlType sqlType(long length, int precision, int scale, int secondPrecision) {
    switch (this) {
      case VARCHAR:
        return length > MAX_VARCHAR_LENGTH ? SqlType.of("text") : SqlType.of("varchar", (int) length);
      case CHAR:
        return length > MAX_VARCHAR_LENGTH ? SqlType.of("text") : SqlType.of("char", (int) length);
      case BOOLEAN: return SqlType.of("boolean");
      case SMALLINT: return SqlType.of("smallint");
      case INTEGER: return SqlType.of("integer");
      case BIGINT: return SqlType.of("bigint");
      case FLOAT: return SqlType.of(precision <= 24 ? "real" : "double precision");
      case NUMERIC: return SqlType.of("numeric", precision, scale);
      case DATE: return SqlType.of("date");
      case TIME: return SqlType.of("time", secondPrecision);
      case TIMESTAMP: return SqlType.of("timestamp", secondPrecision);
      case TIMESTAMPTZ: return SqlType.of("timestamptz", secondPrecision);
      case UUID: return SqlType.of("uuid");
      case BYTEA: return SqlType.of("bytea");
      case OID: return SqlType.of("oid");
      case JSONB: return SqlType.of("jsonb");
      case TEXT: return SqlType.of("text");
      case XML: return SqlType.of("xml");
      case INET: return SqlType.of("inet");
      default: throw new AssertionError(this);
    }
  }

  /**
   * {@code @Column(precision)} is in decimal digits; for floating-point columns Hibernate converts
   * it to binary digits ({@code Column.getColumnSize}: {@code ceil(p * log2(10))}).
   */
  public static int binaryPrecision(int decimalDigits) {
    return (int) Math.ceil(decimalDigits * LOG_BASE2_OF_10);
  }

  /** Kinds whose size attribute is a length. */
  public boolean hasLength() {
    return this == VARCHAR || this == CHAR;
  }

  public boolean isTemporal() {
    return this == TIME || this == TIMESTAMP || this == TIMESTAMPTZ;
  }

  /** The integral kinds, the only ones PostgreSQL allows as identity columns. */
  public boolean isIntegral() {
    return List.of(SMALLINT, INTEGER, BIGINT).contains(this);
  }
}
