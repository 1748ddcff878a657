package dev.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.MigrationResult;
import dev.strata.runtime.Migrator;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotReader;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-module layout: a library module holds an entity and is compiled without Strata; the
 * application module's entity refers to it and is compiled with the processor against the
 * library's classes. The application's revision creates both tables, as Hibernate's
 * {@code create} does for the persistence unit, applies to PostgreSQL, and Hibernate's
 * {@code validate} accepts the result.
 */
class MultiModuleTest {
  @TempDir Path dir;

  @Test
  void anEntityReferringToAnEntityInAnotherModuleGetsBothTables() throws Exception {
    ProjectCompiler library = new ProjectCompiler(dir.resolve("library"));
    library.write("lib/Customer.java", """
        package lib;

        import jakarta.persistence.*;

        @Entity
        public class Customer {
          @Id @GeneratedValue Long id;
          @Column(nullable = false) String name;
        }
        """);
    // The library does not use Strata: the processor is switched off, as if it were not there.
    library.compile(Map.of("strata.mode", "off")).assertSuccess();
    assertTrue(Files.notExists(library.snapshot()), "the library has no snapshot");

    ProjectCompiler app = new ProjectCompiler(dir.resolve("app"));
    app.write("shop/PurchaseOrder.java", """
        package shop;

        import jakarta.persistence.*;

        @Entity
        public class PurchaseOrder {
          @Id @GeneratedValue Long id;
          @ManyToOne(optional = false) lib.Customer customer;
        }
        """);
    List<Path> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(Path.of(entry));
    }
    classPath.add(library.classes());
    ProjectCompiler.Result result = app.compile(Map.of(), classPath).assertSuccess();
    assertEquals(List.of(), result.messages(Diagnostic.Kind.ERROR));
    assertTrue(result.messages(Diagnostic.Kind.NOTE).contains("Strata: the compiled entities refer to lib.Customer,"
        + " compiled elsewhere (on the class path); it is mapped as an entity of this schema, as Hibernate maps it"
        + " in the same persistence unit, and listed in the snapshot"), result.messages(Diagnostic.Kind.NOTE).toString());

    String snapshotText = Files.readString(app.snapshot(), StandardCharsets.UTF_8);
    Snapshot snapshot = SnapshotReader.read(snapshotText);
    assertEquals(List.of("lib.Customer", "shop.PurchaseOrder"), snapshot.entities());

    DataSource strata = TestDatabase.createDatabase();
    DataSource hibernate = TestDatabase.createDatabase();
    List<String> entities = List.of("lib.Customer", "shop.PurchaseOrder");
    try (URLClassLoader loader = app.classLoader(List.of(library.classes()))) {
      MigrationResult applied = Migrator.configure().dataSource(strata).classLoader(loader).build().upgrade();
      assertEquals(1, applied.revisions().size());
      assertEquals(CatalogDump.of(snapshot.schema()), CatalogDump.of(strata));
      HibernateOracle.validate(strata, loader, entities);
      HibernateOracle.create(hibernate, loader, entities);
    }
    // Hibernate's own schema for the persistence unit of both modules is the one Strata created.
    assertEquals(CatalogDump.of(hibernate), CatalogDump.of(strata));

    // The next compile of the application (the library unchanged) finds nothing to do.
    app.compile(Map.of(), classPath).assertSuccess();
    assertEquals(snapshotText, Files.readString(app.snapshot(), StandardCharsets.UTF_8));
  }
}
