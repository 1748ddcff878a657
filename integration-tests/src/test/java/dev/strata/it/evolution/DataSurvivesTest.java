package dev.strata.it.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.it.ProjectCompiler;
import dev.strata.runtime.Migrator;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.SqlType;
import dev.strata.schema.change.Change;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
 * Renames and widened types keep the data: rows are written into the tables, then entities are
 * edited (a table and a column renamed with {@code @RenamedFrom}; then varchar(20) → varchar(100),
 * integer → bigint, numeric(10,2) → numeric(12,2)), compiled with the processor and migrated; the
 * rows are still there, with the same values, and values only the wider types hold fit afterwards.
 * Downgrading takes the same rows back to the old names and types.
 */
class DataSurvivesTest {

  private static final String HEADER = """
      package shop;

      import dev.strata.runtime.RenamedFrom;
      import jakarta.persistence.*;
      import java.math.BigDecimal;

      """;

  private static final String CUSTOMER_V1 = HEADER + """
      @Entity
      @Table(name = "customer")
      public class Customer {
        @Id Long id;
        @Column(name = "name", length = 20) String name;
        Integer visits;
        @Column(precision = 10, scale = 2) BigDecimal balance;
      }
      """;

  /** v2: the table and a column renamed, nothing else. */
  private static final String CUSTOMER_V2 = HEADER + """
      @Entity
      @Table(name = "client")
      @RenamedFrom("customer")
      public class Customer {
        @Id Long id;
        @RenamedFrom("name") @Column(name = "full_name", length = 20) String name;
        Integer visits;
        @Column(precision = 10, scale = 2) BigDecimal balance;
      }
      """;

  /** v3: wider types; the @RenamedFrom annotations are still there (their rename is done). */
  private static final String CUSTOMER_V3 = CUSTOMER_V2
      .replace("length = 20", "length = 100")
      .replace("Integer visits;", "Long visits;")
      .replace("precision = 10, scale = 2", "precision = 12, scale = 2");

  private static final String PURCHASE = HEADER + """
      @Entity
      @Table(name = "purchase")
      public class Purchase {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "customer_id") Customer customer;
        @Column(length = 20) String note;
      }
      """;

  private static final List<String> CUSTOMERS = List.of(
      "1|Ada Lovelace|3|12345678.91",
      "2|Grace Hopper|2147483647|-0.01",
      "3|null|null|null");

  private static final List<String> PURCHASES = List.of("10|1|first", "11|2|second", "12|null|nobody's");

  @RegisterExtension static final SharedCompiler compiler = new SharedCompiler();

  @TempDir Path dir;

  @Test
  void renamesAndWidenedTypesKeepTheRows() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);

    // v1, with rows.
    project.write("shop/Customer.java", CUSTOMER_V1);
    project.write("shop/Purchase.java", PURCHASE);
    compiler.compile(project, at("2030-01-01T00:00:00Z")).assertSuccess();
    upgrade(project, db, 1);
    sql(db, "insert into customer (id, name, visits, balance) values"
        + " (1, 'Ada Lovelace', 3, 12345678.91), (2, 'Grace Hopper', 2147483647, -0.01), (3, null, null, null)");
    sql(db, "insert into purchase (id, customer_id, note) values (10, 1, 'first'), (11, 2, 'second'),"
        + " (12, null, 'nobody''s')");
    assertEquals(CUSTOMERS, rows(db, "select id, name, visits, balance from customer order by id"));
    String v1 = CatalogDump.of(db);

    // v2: renames, and only renames.
    project.write("shop/Customer.java", CUSTOMER_V2);
    compiler.compile(project, at("2030-01-01T00:01:00Z")).assertSuccess();
    List<Change> renames = newRevisionUpgrade(project, 2);
    assertEquals(List.of(
        new Change.RenameTable(QualifiedName.of("customer"), "client"),
        new Change.RenameColumn(QualifiedName.of("client"), "name", "full_name")),
        renames.stream().filter(c -> !(c instanceof Change.DropPrimaryKey || c instanceof Change.AddPrimaryKey
            || c instanceof Change.DropForeignKey || c instanceof Change.AddForeignKey)).toList(),
        "the revision renames; it neither drops nor adds tables or columns: " + renames);
    upgrade(project, db, 1);
    assertEquals(CUSTOMERS, rows(db, "select id, full_name, visits, balance from client order by id"));
    assertEquals(PURCHASES, rows(db, "select id, customer_id, note from purchase order by id"));
    SQLException orphan = assertThrows(SQLException.class,
        () -> sql(db, "insert into purchase (id, customer_id) values (13, 99)"));
    assertEquals("23503", orphan.getSQLState(), "the foreign key still guards the renamed table");
    String v2 = CatalogDump.of(db);

    // v3: wider types. The leftover @RenamedFrom annotations rename nothing again, and the
    // processor says they can go.
    project.write("shop/Customer.java", CUSTOMER_V3);
    ProjectCompiler.Result third = compiler.compile(project, at("2030-01-01T00:02:00Z")).assertSuccess();
    List<String> notes = third.messages(Diagnostic.Kind.NOTE);
    assertTrue(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains("\"customer\"")), notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains("\"name\"")), notes.toString());
    QualifiedName client = QualifiedName.of("client");
    assertEquals(List.of(
        new Change.AlterColumnType(client, "balance", SqlType.parse("numeric(10,2)"), SqlType.parse("numeric(12,2)")),
        new Change.AlterColumnType(client, "full_name", SqlType.parse("varchar(20)"), SqlType.parse("varchar(100)")),
        new Change.AlterColumnType(client, "visits", SqlType.parse("integer"), SqlType.parse("bigint"))),
        newRevisionUpgrade(project, 3));
    upgrade(project, db, 1);
    assertEquals(CUSTOMERS, rows(db, "select id, full_name, visits, balance from client order by id"));
    assertEquals(PURCHASES, rows(db, "select id, customer_id, note from purchase order by id"));
    // Values that only the wider types hold.
    String longName = "Augusta Ada King, Countess of Lovelace, née Byron";
    sql(db, "insert into client (id, full_name, visits, balance) values (4, '" + longName + "', 9000000000,"
        + " 9999999999.99)");
    assertEquals(List.of("4|" + longName + "|9000000000|9999999999.99"),
        rows(db, "select id, full_name, visits, balance from client where id = 4"));
    sql(db, "delete from client where id = 4");

    // Down again: the same rows under the old types, then under the old names.
    try (URLClassLoader loader = project.classLoader()) {
      Migrator migrator = Migrator.configure().dataSource(db).classLoader(loader).build();
      migrator.downgrade("-1");
      assertEquals(v2, CatalogDump.of(db));
      assertEquals(CUSTOMERS, rows(db, "select id, full_name, visits, balance from client order by id"));
      migrator.downgrade("-1");
      assertEquals(v1, CatalogDump.of(db));
      assertEquals(CUSTOMERS, rows(db, "select id, name, visits, balance from customer order by id"));
      assertEquals(PURCHASES, rows(db, "select id, customer_id, note from purchase order by id"));
    }
  }

  /**
   * {@code @RenamedFrom} on a {@code @ManyToOne} and a {@code @OneToOne} renames their join columns:
   * the values stay, the foreign keys (whose hashed names follow the column) still guard them, and
   * the one-to-one's unique constraint too. Compiling again writes nothing and says the annotations
   * can go; downgrading brings the old names back with the same values.
   */
  @Test
  void aRenamedRelationKeepsItsJoinColumnValues() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Customer.java", HEADER + "@Entity public class Customer { @Id Long id; }\n");
    project.write("shop/Purchase.java", HEADER + """
        @Entity public class Purchase {
          @Id Long id;
          @ManyToOne Customer owner;
          @OneToOne @JoinColumn(name = "contact") Customer contact;
        }
        """);
    compiler.compile(project, at("2030-01-01T00:00:00Z")).assertSuccess();
    upgrade(project, db, 1);
    sql(db, "insert into customer (id) values (1), (2), (3)");
    sql(db, "insert into purchase (id, owner_id, contact) values (10, 1, 2), (11, 1, 3), (12, null, null)");
    List<String> purchases = List.of("10|1|2", "11|1|3", "12|null|null");
    String v1 = CatalogDump.of(db);

    project.write("shop/Purchase.java", HEADER + """
        @Entity public class Purchase {
          @Id Long id;
          @RenamedFrom("owner_id") @ManyToOne Customer buyer;
          @RenamedFrom("contact") @OneToOne Customer reachable;
        }
        """);
    ProjectCompiler.Result second = compiler.compile(project, at("2030-01-01T00:01:00Z")).assertSuccess();
    assertTrue(second.messages(Diagnostic.Kind.WARNING).stream().noneMatch(w -> w.contains("STRATA-520")),
        second.messages(Diagnostic.Kind.WARNING).toString());
    QualifiedName purchase = QualifiedName.of("purchase");
    assertEquals(List.of(
        new Change.RenameColumn(purchase, "contact", "reachable_id"),
        new Change.RenameColumn(purchase, "owner_id", "buyer_id")),
        newRevisionUpgrade(project, 2).stream().filter(c -> c instanceof Change.RenameColumn
            || c instanceof Change.AddColumn || c instanceof Change.DropColumn).toList());
    upgrade(project, db, 1);
    assertEquals(purchases, rows(db, "select id, buyer_id, reachable_id from purchase order by id"));
    SQLException orphan = assertThrows(SQLException.class,
        () -> sql(db, "insert into purchase (id, buyer_id) values (13, 99)"));
    assertEquals("23503", orphan.getSQLState(), "the foreign key guards the renamed join column");
    SQLException twice = assertThrows(SQLException.class,
        () -> sql(db, "insert into purchase (id, reachable_id) values (14, 2)"));
    assertEquals("23505", twice.getSQLState(), "the one-to-one's join column is still unique");

    ProjectCompiler.Result third = compiler.compile(project, at("2030-01-01T00:02:00Z")).assertSuccess();
    assertEquals(2, Revisions.index(project).size(), "compiling again writes no revision");
    List<String> notes = third.messages(Diagnostic.Kind.NOTE);
    assertTrue(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains("\"owner_id\"")), notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains("\"contact\"")), notes.toString());

    try (URLClassLoader loader = project.classLoader()) {
      Migrator.configure().dataSource(db).classLoader(loader).build().downgrade("-1");
    }
    assertEquals(v1, CatalogDump.of(db));
    assertEquals(purchases, rows(db, "select id, owner_id, contact from purchase order by id"));
  }

  /**
   * Two columns exchange their names: the values move with them. The annotations left in the source
   * afterwards exchange nothing again (the snapshot already has each definition under its new name),
   * and the processor says they can go.
   */
  @Test
  void aSwapMovesTheValuesOnceAndTheAnnotationsLeftBehindDoNothing() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Item.java", HEADER + "@Entity public class Item { @Id Long id;"
        + " @Column(length = 10) String a; @Column(length = 20) String b; }\n");
    compiler.compile(project, at("2030-01-01T00:00:00Z")).assertSuccess();
    upgrade(project, db, 1);
    sql(db, "insert into item (id, a, b) values (1, 'short', 'a longer value')");
    String v1 = CatalogDump.of(db);

    project.write("shop/Item.java", HEADER + "@Entity public class Item { @Id Long id;"
        + " @RenamedFrom(\"b\") @Column(length = 20) String a; @RenamedFrom(\"a\") @Column(length = 10) String b; }\n");
    compiler.compile(project, at("2030-01-01T00:01:00Z")).assertSuccess();
    upgrade(project, db, 1);
    assertEquals(List.of("1|a longer value|short"), rows(db, "select id, a, b from item"));

    ProjectCompiler.Result again = compiler.compile(project, at("2030-01-01T00:02:00Z")).assertSuccess();
    assertEquals(2, Revisions.index(project).size(), "compiling the swapped entity again writes no revision");
    List<String> notes = again.messages(Diagnostic.Kind.NOTE);
    assertTrue(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains("@RenamedFrom(\"b\") on the field"
        + " of column item.a: an earlier revision already made this exchange of names")), notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains("@RenamedFrom(\"a\") on the field"
        + " of column item.b: an earlier revision already made this exchange of names")), notes.toString());

    try (URLClassLoader loader = project.classLoader()) {
      Migrator.configure().dataSource(db).classLoader(loader).build().downgrade("-1");
    }
    assertEquals(v1, CatalogDump.of(db));
    assertEquals(List.of("1|short|a longer value"), rows(db, "select id, a, b from item"));
  }

  /** Revision ids sort by their time: the compiles' times are given so that the newest sorts last. */
  private static Map<String, String> at(String instant) {
    return Map.of("strata.now", instant);
  }

  /** The upgrade of the revision a compile added, checking that it is the {@code count}th. */
  private static List<Change> newRevisionUpgrade(ProjectCompiler project, int count) throws Exception {
    List<String> index = Revisions.index(project);
    assertEquals(count, index.size(), "revisions: " + index);
    String newest = index.stream().sorted().reduce((a, b) -> b).orElseThrow();
    try (URLClassLoader loader = project.classLoader()) {
      return Revisions.upgrade(loader.loadClass(newest));
    }
  }

  private static void upgrade(ProjectCompiler project, DataSource db, int expectedRevisions) throws Exception {
    try (URLClassLoader loader = project.classLoader()) {
      Migrator migrator = Migrator.configure().dataSource(db).classLoader(loader).build();
      assertEquals(expectedRevisions, migrator.upgrade().revisions().size());
    }
    assertEquals(CatalogDump.of(Revisions.snapshot(project).schema()), CatalogDump.of(db),
        "the database equals the snapshot");
  }

  private static void sql(DataSource db, String statement) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  /** Each row as its columns' text joined by {@code |} ({@code null} for SQL NULL). */
  private static List<String> rows(DataSource db, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          values.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }
}
