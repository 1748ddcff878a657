package dev.strata.processor.internal.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.schema.SqlType;
import org.junit.jupiter.api.Test;

class TypeChangesTest {
  private static boolean narrows(String from, String to) {
    return TypeChanges.isNarrowing(SqlType.parse(from), SqlType.parse(to));
  }

  private static boolean rewrites(String from, String to) {
    return TypeChanges.rewrites(SqlType.parse(from), SqlType.parse(to));
  }

  @Test
  void narrowing() {
    assertTrue(narrows("varchar(255)", "varchar(100)"));
    assertTrue(narrows("text", "varchar(100)"));
    assertTrue(narrows("bigint", "integer"));
    assertTrue(narrows("numeric(38,2)", "numeric(38,0)"));
    assertTrue(narrows("numeric(10,2)", "numeric(9,2)"));
    assertTrue(narrows("double precision", "real"));
    assertTrue(narrows("timestamp(6)", "timestamp(0)"));
    assertTrue(narrows("varchar(255)", "integer"));
  }

  @Test
  void widening() {
    assertFalse(narrows("varchar(100)", "varchar(255)"));
    assertFalse(narrows("varchar(100)", "text"));
    assertFalse(narrows("integer", "bigint"));
    assertFalse(narrows("integer", "numeric(38,0)"));
    assertFalse(narrows("numeric(10,2)", "numeric(12,2)"));
    assertFalse(narrows("real", "double precision"));
    assertFalse(narrows("timestamp(6)", "timestamptz(6)"));
    assertFalse(narrows("date", "timestamp(6)"));
  }

  @Test
  void inPlaceChanges() {
    assertFalse(rewrites("varchar(100)", "varchar(255)"));
    assertFalse(rewrites("varchar(100)", "text"));
    assertFalse(rewrites("text", "varchar"));
    assertFalse(rewrites("numeric(10,2)", "numeric(12,2)"));
  }

  @Test
  void rewritingChanges() {
    assertTrue(rewrites("varchar(255)", "varchar(100)"));
    assertTrue(rewrites("integer", "bigint"));
    assertTrue(rewrites("numeric(10,2)", "numeric(12,3)"));
    assertTrue(rewrites("timestamp(6)", "timestamptz(6)"));
  }
}
