package dev.strata.it.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.it.ProjectCompiler;
import dev.strata.runtime.Migrator;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type change PostgreSQL has no cast for (integer to uuid; a join column whose relation moves from
 * an integer-keyed to a uuid-keyed entity) is refused at compile time, because its revision would
 * fail on every database, even with no rows; once the developer accepts losing the values with
 * {@code @AcceptDataLoss}, the revision drops and adds the column, and it runs on PostgreSQL with
 * rows in the table, up and down, also for a primary key and the foreign key that references it.
 */
class UncastableTypeChangeTest {

  private static final String HEADER = """
      package shop;

      import dev.strata.runtime.AcceptDataLoss;
      import jakarta.persistence.*;
      import java.util.Set;
      import java.util.UUID;

      """;

  @RegisterExtension static final SharedCompiler compiler = new SharedCompiler();

  @TempDir Path dir;

  @Test
  void integerToUuidIsRefusedUntilTheLossIsAccepted() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Item.java", HEADER + "@Entity public class Item { @Id Long id; Integer code; }\n");
    compiler.compile(project, at("2030-01-01T00:00:00Z")).assertSuccess();
    upgrade(project, db);
    sql(db, "insert into item (id, code) values (1, 10), (2, null)");
    String before = CatalogDump.of(db);
    String snapshot = Files.readString(project.snapshot());

    project.write("shop/Item.java", HEADER + "@Entity public class Item { @Id Long id; UUID code; }\n");
    ProjectCompiler.Result refused = compiler.compile(project, at("2030-01-01T00:01:00Z"));
    assertFalse(refused.success(), refused.output());
    assertTrue(refused.messages(Diagnostic.Kind.ERROR).stream().anyMatch(m -> m.contains("[STRATA-505] the revision"
        + " would change item.code from integer to uuid, but PostgreSQL has no cast from integer to uuid")),
        refused.messages(Diagnostic.Kind.ERROR).toString());
    assertEquals(snapshot, Files.readString(project.snapshot()), "a refused change writes no revision");

    project.write("shop/Item.java", HEADER
        + "@Entity public class Item { @Id Long id; @AcceptDataLoss UUID code; }\n");
    compiler.compile(project, at("2030-01-01T00:02:00Z")).assertSuccess();
    upgrade(project, db);
    assertEquals(List.of("1|null", "2|null"), rows(db, "select id, code from item order by id"));
    sql(db, "insert into item (id, code) values (3, '6f1c9c1e-5a43-4c3e-9a57-2f0e6f9d1b20')");

    downgradeOne(project, db);
    assertEquals(before, CatalogDump.of(db));
    assertEquals(List.of("1|null", "2|null", "3|null"), rows(db, "select id, code from item order by id"));
  }

  /**
   * The join columns of a many-to-one and of a many-to-many relation whose target moves from a
   * bigint-keyed to a uuid-keyed entity: refused, then dropped and added with their foreign keys.
   * (The join table is named: by default its name follows the target entity, and would be dropped
   * and created.) The join table's rows must go first: its new key column is NOT NULL.
   */
  @Test
  void aRelationRetargetedToAUuidKeyIsRefusedUntilTheLossIsAccepted() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Customer.java", HEADER + "@Entity public class Customer { @Id Long id; }\n");
    project.write("shop/Account.java", HEADER + "@Entity public class Account { @Id UUID id; }\n");
    project.write("shop/Purchase.java", HEADER + "@Entity public class Purchase { @Id Long id;"
        + " @ManyToOne Customer owner; @ManyToMany @JoinTable(name = \"purchase_watchers\") Set<Customer> watchers; }\n");
    compiler.compile(project, at("2030-01-01T00:00:00Z")).assertSuccess();
    upgrade(project, db);
    sql(db, "insert into customer (id) values (1), (2)");
    sql(db, "insert into purchase (id, owner_id) values (10, 1), (11, null)");
    sql(db, "insert into purchase_watchers (purchase_id, watchers_id) values (10, 1), (10, 2)");
    String before = CatalogDump.of(db);

    project.write("shop/Purchase.java", HEADER + "@Entity public class Purchase { @Id Long id;"
        + " @ManyToOne Account owner; @ManyToMany @JoinTable(name = \"purchase_watchers\") Set<Account> watchers; }\n");
    ProjectCompiler.Result refused = compiler.compile(project, at("2030-01-01T00:01:00Z"));
    assertFalse(refused.success(), refused.output());
    List<String> errors = refused.messages(Diagnostic.Kind.ERROR);
    assertTrue(errors.stream().anyMatch(m -> m.contains("[STRATA-505] the revision would change purchase.owner_id"
        + " from bigint to uuid, but PostgreSQL has no cast from bigint to uuid")), errors.toString());
    assertTrue(errors.stream().anyMatch(m -> m.contains("[STRATA-505] the revision would change"
        + " purchase_watchers.watchers_id from bigint to uuid")), errors.toString());

    project.write("shop/Purchase.java", HEADER + "@Entity public class Purchase { @Id Long id;"
        + " @AcceptDataLoss @ManyToOne Account owner;"
        + " @AcceptDataLoss @ManyToMany @JoinTable(name = \"purchase_watchers\") Set<Account> watchers; }\n");
    compiler.compile(project, at("2030-01-01T00:02:00Z")).assertSuccess();
    sql(db, "delete from purchase_watchers");
    upgrade(project, db);
    assertEquals(List.of("10|null", "11|null"), rows(db, "select id, owner_id from purchase order by id"));
    sql(db, "insert into account (id) values ('6f1c9c1e-5a43-4c3e-9a57-2f0e6f9d1b20')");
    sql(db, "update purchase set owner_id = '6f1c9c1e-5a43-4c3e-9a57-2f0e6f9d1b20' where id = 10");
    sql(db, "insert into purchase_watchers (purchase_id, watchers_id)"
        + " values (10, '6f1c9c1e-5a43-4c3e-9a57-2f0e6f9d1b20')");

    sql(db, "delete from purchase_watchers");
    downgradeOne(project, db);
    assertEquals(before, CatalogDump.of(db));
    assertEquals(List.of("10|null", "11|null"), rows(db, "select id, owner_id from purchase order by id"));
  }

  /**
   * A primary key that becomes a uuid, with the join column that references it: the foreign key and
   * the key are dropped before the columns and added after them. The key column is NOT NULL without
   * a default, so the referenced table must be empty (STRATA-515 says so).
   */
  @Test
  void aPrimaryKeyAndItsForeignKeyMoveToUuidWhenTheLossIsAccepted() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Customer.java", HEADER + "@Entity public class Customer { @Id Long id; String name; }\n");
    project.write("shop/Purchase.java", HEADER
        + "@Entity public class Purchase { @Id Long id; @ManyToOne Customer owner; }\n");
    compiler.compile(project, at("2030-01-01T00:00:00Z")).assertSuccess();
    upgrade(project, db);
    sql(db, "insert into purchase (id, owner_id) values (10, null)");
    String before = CatalogDump.of(db);

    project.write("shop/Customer.java", HEADER
        + "@Entity public class Customer { @Id @AcceptDataLoss UUID id; String name; }\n");
    project.write("shop/Purchase.java", HEADER
        + "@Entity public class Purchase { @Id Long id; @AcceptDataLoss @ManyToOne Customer owner; }\n");
    ProjectCompiler.Result accepted = compiler.compile(project, at("2030-01-01T00:01:00Z")).assertSuccess();
    assertTrue(accepted.messages(Diagnostic.Kind.WARNING).stream().anyMatch(m -> m.contains("[STRATA-502] the"
        + " revision drops column customer.id (bigint) with all its values and adds it again as uuid")),
        accepted.messages(Diagnostic.Kind.WARNING).toString());
    upgrade(project, db);
    sql(db, "insert into customer (id, name) values ('6f1c9c1e-5a43-4c3e-9a57-2f0e6f9d1b20', 'Ada')");
    sql(db, "update purchase set owner_id = '6f1c9c1e-5a43-4c3e-9a57-2f0e6f9d1b20'");
    SQLException orphan = assertThrows(SQLException.class,
        () -> sql(db, "update purchase set owner_id = 'a0a0a0a0-5a43-4c3e-9a57-2f0e6f9d1b20'"));
    assertEquals("23503", orphan.getSQLState(), "the foreign key is back, on the uuid columns");

    sql(db, "update purchase set owner_id = null");
    sql(db, "delete from customer");
    downgradeOne(project, db);
    assertEquals(before, CatalogDump.of(db));
  }

  private static Map<String, String> at(String instant) {
    return Map.of("strata.now", instant);
  }

  private static void upgrade(ProjectCompiler project, DataSource db) throws Exception {
    try (URLClassLoader loader = project.classLoader()) {
      Migrator.configure().dataSource(db).classLoader(loader).build().upgrade();
    }
    assertEquals(CatalogDump.of(Revisions.snapshot(project).schema()), CatalogDump.of(db),
        "the database equals the snapshot");
  }

  private static void downgradeOne(ProjectCompiler project, DataSource db) throws Exception {
    try (URLClassLoader loader = project.classLoader()) {
      Migrator.configure().dataSource(db).classLoader(loader).build().downgrade("-1");
    }
  }

  private static void sql(DataSource db, String statement) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  /** Each row as its columns' text joined by {@code |}. */
  private static List<String> rows(DataSource db, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }
}
