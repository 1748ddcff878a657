package dev.strata.processor.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcKindTest {

  @Test
  void sizesBecomePostgresqlTypes() {
    assertEquals("varchar(255)", JdbcKind.VARCHAR.sqlType(255, 0, 0, 0).sql());
    assertEquals("varchar(10485760)", JdbcKind.VARCHAR.sqlType(10_485_760, 0, 0, 0).sql());
    assertEquals("text", JdbcKind.VARCHAR.sqlType(10_485_761, 0, 0, 0).sql());
    assertEquals("numeric(38,2)", JdbcKind.NUMERIC.sqlType(0, 38, 2, 0).sql());
    assertEquals("real", JdbcKind.FLOAT.sqlType(0, 24, 0, 0).sql());
    assertEquals("double precision", JdbcKind.FLOAT.sqlType(0, 25, 0, 0).sql());
    assertEquals("timestamptz(6)", JdbcKind.TIMESTAMPTZ.sqlType(0, 0, 0, 6).sql());
    assertEquals("time(0)", JdbcKind.TIME.sqlType(0, 0, 0, 0).sql());
  }

  @Test
  void decimalPrecisionOfFloatsBecomesBinary() {
    assertEquals(34, JdbcKind.binaryPrecision(10));
    assertEquals(20, JdbcKind.binaryPrecision(6));
    assertEquals(24, JdbcKind.binaryPrecision(7));
  }
}
