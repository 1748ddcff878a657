package dev.strata.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlTypeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "varchar(255)                       | varchar(255)",
      "character varying(10)              | varchar(10)",
      "CHARACTER VARYING                  | varchar",
      "char(1)                            | char(1)",
      "character(3)                       | char(3)",
      "bpchar                             | char",
      "int                                | integer",
      "int4                               | integer",
      "int2                               | smallint",
      "int8                               | bigint",
      "bool                               | boolean",
      "decimal(10, 2)                     | numeric(10,2)",
      "numeric( 38 , 2 )                  | numeric(38,2)",
      "float4                             | real",
      "float8                             | double precision",
      "float                              | double precision",
      "float(24)                          | real",
      "float(25)                          | double precision",
      "float(53)                          | double precision",
      "double precision                   | double precision",
      "Double  Precision                  | double precision",
      "timestamp                          | timestamp",
      "timestamp(6)                       | timestamp(6)",
      "timestamp(6) without time zone     | timestamp(6)",
      "timestamp with time zone           | timestamptz",
      "timestamp(6) with time zone        | timestamptz(6)",
      "TIMESTAMP(6) WITH TIME ZONE        | timestamptz(6)",
      "timestamptz(6)                     | timestamptz(6)",
      "time(0)                            | time(0)",
      "time with time zone                | timetz",
      "time(3) with time zone             | timetz(3)",
      "interval                           | interval",
      "interval second(6)                 | interval second(6)",
      "interval day to second(3)          | interval day to second(3)",
      "bit varying(5)                     | bit varying(5)",
      "varbit                             | bit varying",
      "integer[]                          | integer[]",
      "int4[]                             | integer[]",
      "integer[][]                        | integer[]",
      "integer[3]                         | integer[]",
      "integer array                      | integer[]",
      "integer ARRAY[4]                   | integer[]",
      "varchar(255) array                 | varchar(255)[]",
      "varchar(255)[]                     | varchar(255)[]",
      "timestamp(6) with time zone[]      | timestamptz(6)[]",
      "double precision array             | double precision[]",
      "uuid                               | uuid",
      "jsonb                              | jsonb",
      "bytea                              | bytea",
      "oid                                | oid",
  })
  void parsesToCanonicalSpelling(String text, String canonical) {
    assertEquals(canonical, SqlType.parse(text).sql());
    assertEquals(SqlType.parse(canonical), SqlType.parse(text));
  }

  @Test
  void constructorFoldsAliasesSoEqualityIsCanonical() {
    assertEquals(SqlType.of("integer"), SqlType.of("int4"));
    assertEquals(SqlType.of("double precision"), SqlType.of("float", 53));
    assertEquals(SqlType.of("real"), SqlType.of("float", 10));
    assertEquals(SqlType.of("timestamptz", 6), SqlType.of("timestamp with time zone", 6));
    assertEquals(SqlType.of("varchar", 10).asArray(), new SqlType("character varying array", List.of(10), false));
  }

  @Test
  void parseOfSqlIsTheIdentity() {
    for (SqlType type : List.of(SqlType.of("numeric", 38, 2), SqlType.of("timestamptz", 6).asArray(),
        SqlType.of("interval day to second", 3), SqlType.of("bit varying"), SqlType.of("double precision"))) {
      assertEquals(type, SqlType.parse(type.sql()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "varchar(", "varchar(a)", "numeric(1,2,3)", "varchar with time zone",
      "integer with time zone", "foo bar", "double precision(10)", "real(3)", "float(0)", "float(54)", "float(1,2)",
      "1nt", "varchar(99999999999)", "interval day to year", "array"})
  void rejectsWhatIsNotAType(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlType.parse(text));
    assertEquals(true, e.getMessage().startsWith("not a SQL type: " + text), e.getMessage());
  }

  @Test
  void constructorMessagesNameTheProblem() {
    assertEquals("base must be lower-case words separated by single spaces (e.g. double precision), not: Integer",
        assertThrows(IllegalArgumentException.class, () -> SqlType.of("Integer")).getMessage());
    assertEquals("not a PostgreSQL type: foo bar; only double precision, bit varying and interval with fields have"
        + " more than one word", assertThrows(IllegalArgumentException.class, () -> SqlType.of("foo bar")).getMessage());
    assertEquals("modifiers must not be negative: [-1]",
        assertThrows(IllegalArgumentException.class, () -> SqlType.of("varchar", -1)).getMessage());
    assertEquals("double precision takes no modifiers; write float(p) for a precision",
        assertThrows(IllegalArgumentException.class, () -> SqlType.of("float8", 3)).getMessage());
  }
}
