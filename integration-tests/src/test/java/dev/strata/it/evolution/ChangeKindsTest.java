package dev.strata.it.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.it.ProjectCompiler;
import dev.strata.runtime.Migrator;
import dev.strata.runtime.Revision;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.snapshot.Snapshot;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of schema change, made the way a developer makes it (by editing an entity), through
 * the whole path: the processor writes a revision whose upgrade holds that kind of change, the
 * Migrator applies it and the database equals the new snapshot; downgrading restores the database
 * exactly as it was, and upgrading again reaches the snapshot again.
 *
 * <p>The SQL of each kind is tested by the runtime's dialect tests, and the generated Java by the
 * processor's tests; this test is about the three together.
 */
class ChangeKindsTest {

  @RegisterExtension static final SharedCompiler compiler = new SharedCompiler();

  @TempDir Path dir;

  /** One edit of the entities, the kinds of change its revision must hold, and processor options. */
  record Case(String name, Map<String, String> before, Map<String, String> after,
      Set<Class<? extends Change>> kinds, Map<String, String> options) {
    @Override public String toString() {
      return name;
    }
  }

  private static final String HEADER = """
      package shop;

      import jakarta.persistence.*;
      import dev.strata.runtime.RenamedFrom;
      import org.hibernate.annotations.*;

      """;

  private static Map<String, String> entities(String... classes) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String body : classes) {
      String name = body.replaceFirst("(?s).*?class (\\w+).*", "$1");
      out.put("shop/" + name + ".java", HEADER + body);
    }
    return out;
  }

  private static final String ITEM = """
      @Entity @jakarta.persistence.Table(name = "item")
      public class Item {
        @Id Long id;
        @Column(length = 40) String title;
        Integer quantity;
      }
      """;

  private static final String SHELF = """
      @Entity @jakarta.persistence.Table(name = "shelf")
      public class Shelf {
        @Id Long id;
        String label;
      }
      """;

  @SafeVarargs
  private static Case change(String name, String before, String after, Class<? extends Change>... kinds) {
    return new Case(name, entities(before), entities(after), Set.of(kinds), Map.of());
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("create table", entities(ITEM), entities(ITEM, SHELF), Set.of(Change.CreateTable.class), Map.of()),
        new Case("drop table", entities(ITEM, SHELF), entities(ITEM), Set.of(Change.DropTable.class), Map.of()),
        change("rename table", ITEM, ITEM.replace("""
            @Entity @jakarta.persistence.Table(name = "item")""", """
            @Entity @jakarta.persistence.Table(name = "article") @RenamedFrom("item")"""),
            Change.RenameTable.class, Change.DropPrimaryKey.class, Change.AddPrimaryKey.class),
        new Case("create schema", entities(ITEM), entities(ITEM, SHELF.replace("name = \"shelf\"",
            "name = \"shelf\", schema = \"store\"")), Set.of(Change.CreateNamespace.class, Change.CreateTable.class),
            Map.of()),
        new Case("drop schema", entities(ITEM, SHELF.replace("name = \"shelf\"",
            "name = \"shelf\", schema = \"store\"")), entities(ITEM),
            Set.of(Change.DropNamespace.class, Change.DropTable.class), Map.of()),
        change("table comment", ITEM, ITEM.replace("name = \"item\"", "name = \"item\", comment = \"Things we sell\""),
            Change.AlterTableComment.class),
        change("add column", ITEM, ITEM.replace("Integer quantity;", "Integer quantity;\n  java.time.LocalDate added;"),
            Change.AddColumn.class),
        change("drop column", ITEM, ITEM.replace("Integer quantity;", ""), Change.DropColumn.class),
        change("rename column", ITEM, ITEM.replace("Integer quantity;", "@RenamedFrom(\"quantity\") Integer stock;"),
            Change.RenameColumn.class),
        change("longer varchar", ITEM, ITEM.replace("length = 40", "length = 200"), Change.AlterColumnType.class),
        change("shorter varchar", ITEM, ITEM.replace("length = 40", "length = 10"), Change.AlterColumnType.class),
        change("integer to bigint", ITEM, ITEM.replace("Integer quantity;", "Long quantity;"),
            Change.AlterColumnType.class),
        change("numeric precision and scale", ITEM.replace("Integer quantity;",
            "@Column(precision = 10, scale = 2) java.math.BigDecimal price;"), ITEM.replace("Integer quantity;",
            "@Column(precision = 14, scale = 4) java.math.BigDecimal price;"), Change.AlterColumnType.class),
        change("varchar to integer, with a cast", ITEM, ITEM.replace("@Column(length = 40) String title;",
            "Integer title;"), Change.AlterColumnType.class),
        change("timestamp to timestamptz", ITEM.replace("Integer quantity;", "java.time.LocalDateTime seen;"),
            ITEM.replace("Integer quantity;", "java.time.Instant seen;"), Change.AlterColumnType.class),
        change("not null", ITEM, ITEM.replace("@Column(length = 40)", "@Column(length = 40, nullable = false)"),
            Change.AlterColumnNullable.class),
        change("nullable", ITEM.replace("@Column(length = 40)", "@Column(length = 40, nullable = false)"), ITEM,
            Change.AlterColumnNullable.class),
        change("default", ITEM, ITEM.replace("Integer quantity;", "@ColumnDefault(\"0\") Integer quantity;"),
            Change.AlterColumnDefault.class),
        change("identity", ITEM, ITEM.replace("@Id Long id;", "@Id @GeneratedValue(strategy = GenerationType.IDENTITY)"
            + " Long id;"), Change.AlterColumnIdentity.class),
        change("column comment", ITEM, ITEM.replace("@Column(length = 40)", "@Column(length = 40, comment = \"shown\")"),
            Change.AlterColumnComment.class),
        change("primary key", ITEM.replace("@Id Long id;", "@Id Long id;\n  @Column(nullable = false) String sku;"),
            ITEM.replace("@Id Long id;", "Long id;\n  @Id String sku;"),
            Change.DropPrimaryKey.class, Change.AddPrimaryKey.class),
        new Case("add foreign key", entities(ITEM, SHELF), entities(ITEM.replace("Integer quantity;",
            "Integer quantity;\n  @ManyToOne Shelf shelf;"), SHELF),
            Set.of(Change.AddColumn.class, Change.AddForeignKey.class), Map.of()),
        new Case("drop foreign key", entities(ITEM.replace("Integer quantity;",
            "Integer quantity;\n  @ManyToOne Shelf shelf;"), SHELF), entities(ITEM, SHELF),
            Set.of(Change.DropForeignKey.class, Change.DropColumn.class), Map.of()),
        new Case("foreign key on delete", entities(ITEM.replace("Integer quantity;",
            "Integer quantity;\n  @ManyToOne Shelf shelf;"), SHELF), entities(ITEM.replace("Integer quantity;",
            "Integer quantity;\n  @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Shelf shelf;"), SHELF),
            Set.of(Change.DropForeignKey.class, Change.AddForeignKey.class), Map.of()),
        change("unique column", ITEM, ITEM.replace("@Column(length = 40)", "@Column(length = 40, unique = true)"),
            Change.AddUniqueConstraint.class),
        change("unique constraint dropped", ITEM.replace("name = \"item\"",
            "name = \"item\", uniqueConstraints = @UniqueConstraint(name = \"uk_item\", columnNames = {\"title\","
                + " \"quantity\"})"), ITEM, Change.DropUniqueConstraint.class),
        change("enum gains a constant", ITEM.replace("Integer quantity;",
            "@Enumerated(EnumType.STRING) Size size;\n  public enum Size { S, M }"), ITEM.replace("Integer quantity;",
            "@Enumerated(EnumType.STRING) Size size;\n  public enum Size { S, M, L }"),
            Change.DropCheckConstraint.class, Change.AddCheckConstraint.class),
        change("check constraint", ITEM, ITEM.replace("Integer quantity;",
            "@Column(check = @CheckConstraint(name = \"quantity_positive\", constraint = \"quantity >= 0\"))"
                + " Integer quantity;"), Change.AddCheckConstraint.class),
        change("index", ITEM, ITEM.replace("name = \"item\"",
            "name = \"item\", indexes = @jakarta.persistence.Index(name = \"ix_item_title\","
                + " columnList = \"title desc, quantity\")"), Change.CreateIndex.class),
        change("index dropped", ITEM.replace("name = \"item\"",
            "name = \"item\", indexes = @jakarta.persistence.Index(columnList = \"quantity\")"), ITEM,
            Change.DropIndex.class),
        change("sequence", ITEM, ITEM.replace("@Id Long id;",
            "@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\")"
                + " @SequenceGenerator(name = \"g\", sequenceName = \"item_ids\", allocationSize = 10) Long id;"),
            Change.CreateSequence.class),
        change("sequence dropped", ITEM.replace("@Id Long id;", "@Id @GeneratedValue Long id;"), ITEM,
            Change.DropSequence.class),
        change("sequence increment and start", ITEM.replace("@Id Long id;",
            "@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\")"
                + " @SequenceGenerator(name = \"g\", sequenceName = \"item_ids\", allocationSize = 10) Long id;"),
            ITEM.replace("@Id Long id;", "@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\")"
                + " @SequenceGenerator(name = \"g\", sequenceName = \"item_ids\", allocationSize = 25,"
                + " initialValue = 100) Long id;"),
            Change.AlterSequence.class),
        new Case("index built concurrently", entities(ITEM), entities(ITEM.replace("name = \"item\"",
            "name = \"item\", indexes = @jakarta.persistence.Index(name = \"ix_item_quantity\","
                + " columnList = \"quantity\")")), Set.of(Change.CreateIndex.class),
            Map.of("strata.concurrentIndexes", "true")),
        new Case("not null through a validated check", entities(ITEM), entities(ITEM.replace("@Column(length = 40)",
            "@Column(length = 40, nullable = false)")), Set.of(Change.AlterColumnNullable.class), SAFE),
        new Case("foreign key added NOT VALID, then validated", entities(ITEM.replace("Integer quantity;",
            "Integer quantity;\n  @Column(name = \"shelf_id\") Long shelfId;"), SHELF), entities(ITEM.replace(
            "Integer quantity;", "Integer quantity;\n  @ManyToOne @JoinColumn(name = \"shelf_id\") Shelf shelf;"),
            SHELF), Set.of(Change.AddForeignKey.class), SAFE),
        new Case("check added NOT VALID, then validated", entities(ITEM), entities(ITEM.replace("Integer quantity;",
            "@Column(check = @CheckConstraint(name = \"quantity_positive\", constraint = \"quantity >= 0\"))"
                + " Integer quantity;")), Set.of(Change.AddCheckConstraint.class), SAFE),
        new Case("enum gains a constant, its check validated apart", entities(ITEM.replace("Integer quantity;",
            "@Enumerated(EnumType.STRING) Size size;\n  public enum Size { S, M }")), entities(ITEM.replace(
            "Integer quantity;", "@Enumerated(EnumType.STRING) Size size;\n  public enum Size { S, M, L }")),
            Set.of(Change.DropCheckConstraint.class, Change.AddCheckConstraint.class), SAFE));
  }

  /** The safe forms: constraints on existing tables added NOT VALID and validated in a non-transactional revision. */
  private static final Map<String, String> SAFE = Map.of("strata.safeConstraints", "true");

  /** Together the cases make every kind of change the schema model has. */
  @Test
  void everyKindOfChangeIsCovered() {
    Set<String> covered = cases().flatMap(c -> c.kinds().stream()).map(Class::getSimpleName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> all = Arrays.stream(Change.class.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(all, covered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upgradeThenDowngradeRestoresTheDatabase(Case c) throws Exception {
    DataSource db = TestDatabase.createDatabase();
    ProjectCompiler project = new ProjectCompiler(dir);

    c.before().forEach(project::write);
    compiler.compile(project, Map.of()).assertSuccess();
    List<String> revisionsBefore = Revisions.index(project);
    assertEquals(1, revisionsBefore.size(), "the first model makes one revision");
    Snapshot first = Revisions.snapshot(project);
    try (URLClassLoader loader = project.classLoader()) {
      migrator(db, loader).upgrade();
    }
    String before = CatalogDump.of(db);
    assertEquals(CatalogDump.of(first.schema()), before, "the first revision makes the first snapshot");

    c.before().keySet().forEach(project::delete);
    c.after().forEach(project::write);
    compiler.compile(project, c.options()).assertSuccess();
    List<String> added = new ArrayList<>(Revisions.index(project));
    added.removeAll(revisionsBefore);
    assertFalse(added.isEmpty(), "the edit makes a revision");
    Snapshot second = Revisions.snapshot(project);

    try (URLClassLoader loader = project.classLoader()) {
      List<Change> up = new ArrayList<>();
      List<Change> down = new ArrayList<>();
      boolean nonTransactional = false;
      for (String name : added) {
        Class<?> revision = loader.loadClass(name);
        nonTransactional |= !revision.getAnnotation(Revision.class).transactional();
        up.addAll(Revisions.upgrade(revision));
        down.addAll(0, Revisions.downgrade(revision));
      }
      // strata.concurrentIndexes and strata.safeConstraints make their safe forms in a non-transactional revision.
      assertEquals(!c.options().isEmpty(), nonTransactional, "a non-transactional revision among " + added);
      Set<Class<?>> made = up.stream().map(Object::getClass).collect(Collectors.toSet());
      assertTrue(made.containsAll(c.kinds()), "expected " + names(c.kinds()) + " among the upgrade's changes " + up);
      assertEquals(second.schema(), Change.applyAll(first.schema(), up), "the upgrade leads to the new snapshot");
      assertEquals(first.schema(), Change.applyAll(second.schema(), down), "the downgrade leads back");

      Migrator migrator = migrator(db, loader);
      assertEquals(added.size(), migrator.upgrade().revisions().size());
      assertEquals(CatalogDump.of(second.schema()), CatalogDump.of(db), "after the upgrade");

      String firstId = loader.loadClass(revisionsBefore.get(0)).getAnnotation(Revision.class).id();
      migrator.downgrade(firstId);
      assertEquals(before, CatalogDump.of(db), "the downgrade restores the database exactly");
      assertEquals(List.of(firstId), migrator.current());

      migrator.upgrade();
      assertEquals(CatalogDump.of(second.schema()), CatalogDump.of(db), "upgrading again after the downgrade");
      migrator.downgrade("base");
      assertEquals(CatalogDump.of(Schema.EMPTY), CatalogDump.of(db), "down to base, the database is empty");
    }
  }

  private static Migrator migrator(DataSource db, ClassLoader loader) {
    return Migrator.configure().dataSource(db).classLoader(loader).build();
  }

  private static String names(Set<Class<? extends Change>> kinds) {
    return kinds.stream().map(Class::getSimpleName).sorted().toList().toString();
  }
}
