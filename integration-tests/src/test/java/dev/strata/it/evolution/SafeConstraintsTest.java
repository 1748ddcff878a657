package dev.strata.it.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.it.ProjectCompiler;
import dev.strata.runtime.MigrationException;
import dev.strata.runtime.Migrator;
import dev.strata.runtime.Revision;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata.safeConstraints} on PostgreSQL, with rows in the tables: the revision it generates
 * (a NOT NULL, a check and a foreign key on an existing table, each added NOT VALID and validated
 * statement by statement) leaves exactly the catalog the plain revision leaves, every constraint
 * validated; it downgrades exactly; and rows that violate a constraint stop it at that constraint's
 * VALIDATE, naming the revision, the statement and the SQLState, after which a re-run resumes there.
 */
class SafeConstraintsTest {

  @RegisterExtension static final SharedCompiler compiler = new SharedCompiler();

  @TempDir Path dir;

  private static final String HEADER = """
      package shop;

      import jakarta.persistence.*;

      """;

  private static final String CUSTOMER = HEADER + """
      @Entity @Table(name = "customer")
      public class Customer {
        @Id Long id;
        String name;
      }
      """;

  private static final String ORDER_V1 = HEADER + """
      @Entity @Table(name = "orders")
      public class Order {
        @Id Long id;
        String note;
        Integer total;
        @Column(name = "customer_id") Long customerId;
      }
      """;

  /** note becomes NOT NULL, total gets a check, customer_id a foreign key: no new column, no new table. */
  private static final String ORDER_V2 = HEADER + """
      @Entity @Table(name = "orders")
      public class Order {
        @Id Long id;
        @Column(nullable = false) String note;
        @Column(check = @CheckConstraint(name = "orders_total_check", constraint = "total >= 0")) Integer total;
        @ManyToOne @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_orders_customer"))
        Customer customer;
      }
      """;

  private static final Map<String, String> SAFE = Map.of("strata.safeConstraints", "true");

  /** Every constraint of the public schema with its validation state, which {@link CatalogDump} leaves out. */
  private static final String CONSTRAINTS = """
      select concat_ws(' ', conrelid::regclass, conname, contype,
             case when convalidated then 'valid' else 'NOT VALID' end, pg_get_constraintdef(oid))
      from pg_constraint where connamespace = 'public'::regnamespace and conrelid <> 0
        and conrelid::regclass::text <> 'strata_history'
      order by 1""";

  /** A project at v1, and one more revision (or two) for v2 compiled with {@code options}. */
  private ProjectCompiler project(String name, Map<String, String> options) {
    ProjectCompiler project = new ProjectCompiler(dir.resolve(name));
    project.write("shop/Customer.java", CUSTOMER);
    project.write("shop/Order.java", ORDER_V1);
    // Fixed times, so that the v2 revisions' ids (and class names, by which the index is sorted) sort after v1's.
    compiler.compile(project, Map.of("strata.now", "2026-01-01T00:00:00Z")).assertSuccess();
    assertEquals(1, Revisions.index(project).size());
    project.write("shop/Order.java", ORDER_V2);
    Map<String, String> withTime = new java.util.TreeMap<>(options);
    withTime.put("strata.now", "2026-01-02T00:00:00Z");
    compiler.compile(project, withTime).assertSuccess();
    return project;
  }

  private static Migrator migrator(DataSource db, ClassLoader loader) {
    return Migrator.configure().dataSource(db).classLoader(loader).build();
  }

  private static void execute(DataSource db, String... statements) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  private static List<String> rows(DataSource db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The first revision's id: the state before the edit. */
  private static String firstId(ProjectCompiler project, ClassLoader loader) throws ClassNotFoundException {
    return loader.loadClass(Revisions.index(project).get(0)).getAnnotation(Revision.class).id();
  }

  private static void rowsOfV1(DataSource db) throws SQLException {
    execute(db, "insert into customer (id, name) values (1, 'Ada'), (2, 'Bob')",
        "insert into orders (id, note, total, customer_id) values (10, 'first', 5, 1), (11, 'second', 0, 2)");
  }

  @Test
  void theSafeRevisionEndsWithTheCatalogOfThePlainOneAndEveryConstraintValidated() throws Exception {
    ProjectCompiler plain = project("plain", Map.of());
    ProjectCompiler safe = project("safe", SAFE);
    assertEquals(2, Revisions.index(plain).size(), "the plain edit makes one revision");
    List<String> safeRevisions = Revisions.index(safe);
    assertEquals(2, safeRevisions.size(), "the safe edit makes one revision: nothing is left for a first one");
    String source = Revisions.source(safe, safeRevisions.get(1));
    assertTrue(source.contains("transactional = false"), source);
    assertTrue(source.contains("op.setNotNullViaCheck(QualifiedName.of(\"orders\"), \"note\");"), source);
    assertTrue(source.contains("op.validateConstraint(QualifiedName.of(\"orders\"), \"fk_orders_customer\");"),
        source);
    assertTrue(source.contains("op.validateConstraint(QualifiedName.of(\"orders\"), \"orders_total_check\");"),
        source);
    assertEquals(Revisions.snapshot(plain).schema(), Revisions.snapshot(safe).schema());

    DataSource plainDb = TestDatabase.createDatabase();
    DataSource safeDb = TestDatabase.createDatabase();
    try (URLClassLoader plainLoader = plain.classLoader(); URLClassLoader safeLoader = safe.classLoader()) {
      Migrator plainMigrator = migrator(plainDb, plainLoader);
      Migrator safeMigrator = migrator(safeDb, safeLoader);
      plainMigrator.upgrade(firstId(plain, plainLoader));
      safeMigrator.upgrade(firstId(safe, safeLoader));
      rowsOfV1(plainDb);
      rowsOfV1(safeDb);
      String before = CatalogDump.of(safeDb);
      List<String> constraintsBefore = rows(safeDb, CONSTRAINTS);

      // For a DBA's script: one statement after the other, each its own transaction in psql.
      String script = safeMigrator.sql(firstId(safe, safeLoader), "head");
      assertTrue(script.contains("""
          alter table orders add constraint strata_not_null_note check (note is not null) not valid;
          alter table orders validate constraint strata_not_null_note;
          alter table orders alter column note set not null;
          alter table orders drop constraint strata_not_null_note;
          """), script);
      assertFalse(script.contains("begin;"), script);

      plainMigrator.upgrade();
      assertEquals(1, safeMigrator.upgrade().revisions().size());
      assertEquals(CatalogDump.of(Revisions.snapshot(safe).schema()), CatalogDump.of(safeDb));
      assertEquals(CatalogDump.of(plainDb), CatalogDump.of(safeDb));
      assertEquals(rows(plainDb, CONSTRAINTS), rows(safeDb, CONSTRAINTS));
      assertEquals(List.of(
          "customer customer_pkey p valid PRIMARY KEY (id)",
          "orders fk_orders_customer f valid FOREIGN KEY (customer_id) REFERENCES customer(id)",
          "orders orders_pkey p valid PRIMARY KEY (id)",
          "orders orders_total_check c valid CHECK ((total >= 0))"), rows(safeDb, CONSTRAINTS));
      assertEquals(List.of(), safeMigrator.verify());
      assertEquals(List.of("10 first 5 1", "11 second 0 2"),
          rows(safeDb, "select concat_ws(' ', id, note, total, customer_id) from orders order by id"));

      safeMigrator.downgrade(firstId(safe, safeLoader));
      assertEquals(before, CatalogDump.of(safeDb), "the downgrade restores the catalog exactly");
      assertEquals(constraintsBefore, rows(safeDb, CONSTRAINTS));
      safeMigrator.upgrade();
      assertEquals(rows(plainDb, CONSTRAINTS), rows(safeDb, CONSTRAINTS), "upgrading again");
    }
  }

  @Test
  void aViolationStopsTheRevisionAtItsValidateAndARerunResumesThere() throws Exception {
    ProjectCompiler safe = project("safe", SAFE);
    DataSource db = TestDatabase.createDatabase();
    try (URLClassLoader loader = safe.classLoader()) {
      Migrator migrator = migrator(db, loader);
      migrator.upgrade(firstId(safe, loader));
      rowsOfV1(db);
      // A NULL note, a negative total and an order of a customer that does not exist.
      execute(db, "insert into orders (id, note, total, customer_id) values (12, null, -1, 3)");
      String id = loader.loadClass(Revisions.index(safe).get(1)).getAnnotation(Revision.class).id();
      List<String> statements = new ArrayList<>();
      for (String line : Revisions.source(safe, Revisions.index(safe).get(1)).split("\n")) {
        if (line.startsWith(" * alter table")) {
          statements.add(line.substring(3, line.length() - 1).replace("&gt;", ">"));
        }
      }
      assertEquals(8, statements.size(), statements.toString());

      // Each fix lets the next run go one constraint further.
      String[] fixes = {"update orders set note = '' where note is null", "update orders set total = 0 where total < 0",
          "update orders set customer_id = 2 where customer_id = 3"};
      String[] failing = {"alter table orders validate constraint strata_not_null_note",
          "alter table orders validate constraint orders_total_check",
          "alter table orders validate constraint fk_orders_customer"};
      String[] sqlStates = {"23514", "23514", "23503"};
      for (int i = 0; i < fixes.length; i++) {
        MigrationException e = assertThrows(MigrationException.class, migrator::upgrade);
        assertEquals(id, e.revision().orElseThrow());
        assertEquals(failing[i], e.statement().orElseThrow());
        assertEquals(sqlStates[i], e.sqlState().orElseThrow());
        int at = statements.indexOf(failing[i]) + 1;
        assertTrue(at > 0, failing[i] + " in " + statements);
        assertTrue(e.getMessage().startsWith("upgrade of non-transactional revision " + id), e.getMessage());
        assertTrue(e.getMessage().contains(" failed at statement " + at + " of 8, SQLState " + sqlStates[i]),
            e.getMessage());
        assertTrue(e.getMessage().contains("it resumes at statement " + at + "."), e.getMessage());
        // The constraint is there, NOT VALID: it already holds for new rows.
        String name = failing[i].substring(failing[i].lastIndexOf(' ') + 1);
        assertEquals(List.of("false"),
            rows(db, "select convalidated::text from pg_constraint where conname = '" + name + "'"));
        assertFalse(migrator.history().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().complete());
        execute(db, fixes[i]);
      }
      assertEquals(List.of(id), migrator.upgrade().ids());
      assertEquals(CatalogDump.of(Revisions.snapshot(safe).schema()), CatalogDump.of(db));
      assertEquals(List.of(), rows(db, "select conname from pg_constraint where not convalidated"));
      assertEquals(List.of(), rows(db, "select conname from pg_constraint where conname like 'strata_not_null_%'"));
      assertEquals(List.of(), migrator.verify());
    }
  }
}
