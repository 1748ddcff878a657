package dev.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.AppliedRevision;
import dev.strata.runtime.MigrationException;
import dev.strata.runtime.MigrationResult;
import dev.strata.runtime.Migrator;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotReader;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of issue 2, as a developer lives it: model v1 is compiled (the processor writes
 * the first revision and the snapshot), applied, checked against the snapshot and by Hibernate's
 * {@code validate}; model v2 (a new entity, an added and a dropped column, a changed type and
 * nullability) likewise; then everything is downgraded to base.
 */
class EndToEndTest {

  private static final String CUSTOMER_V1 = """
      package shop;

      import jakarta.persistence.*;
      import java.time.LocalDate;

      @Entity
      @Table(name = "customer")
      public class Customer {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 100) String name;
        String email;
        LocalDate birthday;
        int loyaltyPoints;
      }
      """;

  private static final String PRODUCT_V1 = """
      package shop;

      import jakarta.persistence.*;
      import java.math.BigDecimal;

      @Entity
      public class Product {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 32) String sku;
        @Column(precision = 10, scale = 2) BigDecimal price;
        @Enumerated(EnumType.STRING) Status status;
        public enum Status { ACTIVE, RETIRED }
      }
      """;

  /** v2: email widened and required, birthday dropped, phone added. */
  private static final String CUSTOMER_V2 = """
      package shop;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "customer")
      public class Customer {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 100) String name;
        @Column(nullable = false, length = 320) String email;
        @Column(length = 32) String phone;
        int loyaltyPoints;
      }
      """;

  /** v2: price gets more precision; a new entity. */
  private static final String PRODUCT_V2 = PRODUCT_V1.replace("precision = 10, scale = 2", "precision = 12, scale = 2");

  private static final String ORDER_V2 = """
      package shop;

      import jakarta.persistence.*;
      import java.time.Instant;
      import java.util.UUID;

      @Entity
      @Table(name = "purchase_order")
      public class PurchaseOrder {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false) UUID reference;
        @Column(nullable = false) Instant placedAt;
        long customerId;
      }
      """;

  @TempDir Path dir;

  @Test
  void entitiesToRevisionsToPostgresAndBack() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);

    // v1: the first compile writes the first revision and the snapshot.
    project.write("shop/Customer.java", CUSTOMER_V1);
    project.write("shop/Product.java", PRODUCT_V1);
    project.compile().assertSuccess();
    assertEquals(1, revisionFiles(project).size(), "one revision after the first compile");
    String snapshotV1 = Files.readString(project.snapshot(), StandardCharsets.UTF_8);
    MigrationResult first = upgrade(project, db);
    assertEquals(1, first.revisions().size());
    assertDatabaseMatchesSnapshot(db, project);
    try (URLClassLoader loader = project.classLoader()) {
      HibernateOracle.validate(db, loader, List.of("shop.Customer", "shop.Product"));
    }

    // Compiling again with no change writes nothing new.
    project.compile().assertSuccess();
    assertEquals(1, revisionFiles(project).size(), "an unchanged compile adds no revision");
    assertEquals(snapshotV1, Files.readString(project.snapshot(), StandardCharsets.UTF_8));

    // v2: added entity, added and dropped column, changed type and nullability.
    project.write("shop/Customer.java", CUSTOMER_V2);
    project.write("shop/Product.java", PRODUCT_V2);
    project.write("shop/PurchaseOrder.java", ORDER_V2);
    project.compile().assertSuccess();
    assertEquals(2, revisionFiles(project).size(), "v2 adds a second revision");
    MigrationResult second = upgrade(project, db);
    assertEquals(1, second.revisions().size());
    assertDatabaseMatchesSnapshot(db, project);
    try (URLClassLoader loader = project.classLoader()) {
      HibernateOracle.validate(db, loader, List.of("shop.Customer", "shop.Product", "shop.PurchaseOrder"));
      Migrator migrator = Migrator.configure().dataSource(db).classLoader(loader).build();
      assertEquals(2, migrator.history().size());

      // Downgrading to base leaves an empty schema (the history table aside).
      migrator.downgrade("base");
      assertEquals(CatalogDump.of(dev.strata.schema.Schema.EMPTY), CatalogDump.of(db));
      assertTrue(migrator.current().isEmpty());
      assertTrue(migrator.history().isEmpty());

      // And up again to the same state.
      migrator.upgrade();
      assertDatabaseMatchesSnapshot(db, project);
    }
  }

  @Test
  void failingRevisionLeavesSchemaAndHistoryAsBefore() throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Customer.java", CUSTOMER_V1);
    project.write("shop/Product.java", PRODUCT_V1);
    project.compile().assertSuccess();
    upgrade(project, db);

    // A hand-written revision on top, made as a developer would: an empty revision, then steps
    // written into it. Its third step fails.
    String firstId = revisionId(revisionFiles(project).get(0));
    project.compile(Map.of("strata.empty", "true", "strata.message", "broken on purpose")).assertSuccess();
    List<Path> revisions = revisionFiles(project);
    assertEquals(2, revisions.size(), "the empty revision was written");
    Path broken = revisions.stream().filter(p -> read(p).contains("broken on purpose")).findFirst().orElseThrow();
    String brokenId = revisionId(broken);
    Files.writeString(broken, fillIn(read(broken),
        """
            op.execute("alter table customer add column nickname varchar(40)");
            op.execute("update customer set nickname = name");
            op.execute("alter table customer add constraint no_such check (no_such_column > 0)");
        """,
        """
            op.execute("alter table customer drop column nickname");
        """));
    project.compile().assertSuccess();

    String before = CatalogDump.of(db);
    try (URLClassLoader loader = project.classLoader()) {
      Migrator migrator = Migrator.configure().dataSource(db).classLoader(loader).build();
      List<AppliedRevision> historyBefore = migrator.history();
      MigrationException e = assertThrows(MigrationException.class, migrator::upgrade);
      assertTrue(e.getMessage().contains(brokenId), e.getMessage());
      assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
      assertTrue(e.getMessage().contains("42703"), "SQLState of an undefined column: " + e.getMessage());
      assertEquals(before, CatalogDump.of(db), "the schema is exactly as before the failed revision");
      assertEquals(historyBefore, migrator.history(), "the history is exactly as before the failed revision");
      assertEquals(List.of(firstId), migrator.current());
    }
  }

  private static MigrationResult upgrade(ProjectCompiler project, DataSource db) throws Exception {
    try (URLClassLoader loader = project.classLoader()) {
      return Migrator.configure().dataSource(db).classLoader(loader).build().upgrade();
    }
  }

  private static void assertDatabaseMatchesSnapshot(DataSource db, ProjectCompiler project) throws Exception {
    Snapshot snapshot = SnapshotReader.read(Files.readString(project.snapshot(), StandardCharsets.UTF_8));
    assertFalse(snapshot.schema().isEmpty());
    assertEquals(CatalogDump.of(snapshot.schema()), CatalogDump.of(db));
  }

  private static List<Path> revisionFiles(ProjectCompiler project) throws Exception {
    try (Stream<Path> walk = Files.walk(project.sources())) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("@Revision(");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .sorted().toList();
    }
  }

  /** Puts hand-written steps into an empty revision's upgrade and downgrade. */
  private static String fillIn(String source, String upgrade, String downgrade) {
    return fillMethod(fillMethod(source, "upgrade", upgrade), "downgrade", downgrade);
  }

  private static String fillMethod(String source, String method, String body) {
    String head = "public void " + method + "(Operations op) {";
    int open = source.indexOf(head);
    if (open < 0) {
      throw new AssertionError("no " + method + " method in:\n" + source);
    }
    int from = open + head.length();
    int depth = 1;
    int close = from;
    while (depth > 0) {
      char c = source.charAt(close++);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    return source.substring(0, from) + "\n" + body + "  " + source.substring(close - 1);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String revisionId(Path revisionFile) throws Exception {
    String text = Files.readString(revisionFile);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("id = \"([^\"]+)\"").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no revision id in " + revisionFile + ":\n" + text);
    }
    return m.group(1);
  }
}
