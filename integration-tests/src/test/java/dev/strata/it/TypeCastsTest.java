package dev.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.processor.internal.review.TypeChanges;
import dev.strata.runtime.internal.PostgresDialect;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.SqlType;
import dev.strata.schema.change.Change;
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The processor's table of the type changes PostgreSQL can make ({@link TypeChanges#canCast})
 * against PostgreSQL itself: every ordered pair of types, each as the statement the dialect renders
 * for it, run on an empty table. A pair the table allows must run; a pair it refuses must fail
 * with "cannot cast" (42846), or, where the dialect writes no USING, "cannot be cast automatically"
 * (42804). Whether the rows' values convert is not the question here.
 */
class TypeCastsTest {

  /**
   * Every type the entity mapping produces (JdbcKind), the extra ones the cast table knows for
   * {@code columnDefinition}, and arrays of some of them.
   */
  private static final List<String> TYPES = List.of("varchar(20)", "char(5)", "text", "boolean", "smallint",
      "integer", "bigint", "real", "double precision", "numeric(10,2)", "numeric(38,2)", "date", "time(6)",
      "timetz", "timestamp(6)", "timestamptz(6)", "interval", "uuid", "bytea", "oid", "json", "jsonb", "xml",
      "inet", "integer[]", "bigint[]", "text[]", "varchar(10)[]", "uuid[]", "boolean[]", "date[]");

  @Test
  void theCastTableIsWhatPostgresqlDoes() throws SQLException {
    DataSource db = TestDatabase.createDatabase();
    List<String> wrong = new ArrayList<>();
    int pairs = 0;
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      for (String fromText : TYPES) {
        for (String toText : TYPES) {
          SqlType from = SqlType.parse(fromText);
          SqlType to = SqlType.parse(toText);
          if (from.equals(to)) {
            continue;
          }
          pairs++;
          assertTrue(TypeChanges.knows(from) && TypeChanges.knows(to), from + " or " + to + " is not known");
          List<String> sql = PostgresDialect.INSTANCE.alterColumnType(
              new Change.AlterColumnType(QualifiedName.of("probe"), "c", from, to));
          Savepoint savepoint = connection.setSavepoint();
          String failure = null;
          try (Statement statement = connection.createStatement()) {
            statement.execute("create table probe (c " + PostgresDialect.type(from) + ")");
            for (String s : sql) {
              statement.execute(s);
            }
          } catch (SQLException e) {
            failure = e.getSQLState() + " " + e.getMessage();
          }
          connection.rollback(savepoint);
          boolean expected = TypeChanges.canCast(from, to);
          if (expected && failure != null) {
            wrong.add(from + " -> " + to + ": the table allows it, but " + sql + " failed: " + failure);
          } else if (!expected && failure == null) {
            wrong.add(from + " -> " + to + ": the table refuses it, but " + sql + " ran");
          } else if (!expected && !failure.startsWith("42846") && !failure.startsWith("42804")) {
            wrong.add(from + " -> " + to + ": refused, but failed for another reason: " + failure);
          }
        }
      }
      connection.rollback();
    }
    assertEquals(List.of(), wrong, wrong.size() + " of " + pairs + " pairs differ");
  }

  @Test
  void typesOutsideTheTableAreNotRefused() {
    SqlType money = SqlType.of("money");
    assertFalse(TypeChanges.knows(money));
    assertTrue(TypeChanges.canCast(SqlType.of("uuid"), money));
    assertTrue(TypeChanges.canCast(money, SqlType.of("uuid")));
    assertFalse(TypeChanges.canCast(SqlType.of("integer"), SqlType.of("uuid")));
  }
}
