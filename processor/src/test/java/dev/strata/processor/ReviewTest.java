package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review warnings on a generated revision: destructive changes, lock hazards, likely renames. */
class ReviewTest {
  @TempDir Path dir;

  /** The project after its first revision, which created {@code orders (id, note)}. */
  private StrataProject committed() {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.ORDER)).succeeded();
    return project;
  }

  private static JavaFileObject order(String fields) {
    return JavaFileObjects.forSourceString("com.acme.shop.Order", """
        package com.acme.shop;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id
          private Long id;
        %s}
        """.formatted(fields));
  }

  private Compilation recompile(StrataProject project, JavaFileObject order, String... options) {
    return project.compile(project.options(options), project.withRevisions(order));
  }

  @Test
  void droppingAColumnWarnsAtTheEntity() {
    StrataProject project = committed();
    JavaFileObject order = order("");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column orders.note"
        + " (varchar(255)) with all its values; check that no data is needed, or copy it first in a hand-written"
        + " step").inFile(order).onLine(10);
  }

  @Test
  void destructiveErrorTurnsTheWarningIntoAnErrorAndWritesNothing() {
    StrataProject project = committed();
    Map<Path, FileTime> before = project.fileTimes();
    JavaFileObject order = order("");
    Compilation compilation = recompile(project, order, "-Astrata.destructive=error");
    assertThat(compilation).hadErrorContaining("[STRATA-502] the revision drops column orders.note (varchar(255))"
        + " with all its values; strata.destructive=error forbids this: change the entities back, or accept the"
        + " loss with @AcceptDataLoss(columns = \"note\") on the entity or -Astrata.acknowledge=orders.note")
        .inFile(order).onLine(10);
    assertThat(project.fileTimes()).isEqualTo(before);
  }

  @Test
  void anAcknowledgedDropIsAWarningUnderDestructiveError() {
    StrataProject project = committed();
    Map<Path, FileTime> before = project.fileTimes();
    JavaFileObject order = order("");
    Compilation compilation = recompile(project, order, "-Astrata.destructive=error",
        "-Astrata.acknowledge=customers, orders.note");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column orders.note (varchar(255))"
        + " with all its values (acknowledged with strata.acknowledge)").inFile(order).onLine(10);
    assertThat(project.fileTimes()).isNotEqualTo(before);
  }

  @Test
  void acknowledgingAnotherColumnDoesNotAcceptThisDrop() {
    StrataProject project = committed();
    JavaFileObject order = order("");
    Compilation compilation = recompile(project, order, "-Astrata.destructive=error", "-Astrata.acknowledge=orders.id");
    assertThat(compilation).hadErrorContaining("[STRATA-502] the revision drops column orders.note");
  }

  @Test
  void aDropAndAnAddOfTheSameTypeSuggestRenamedFrom() {
    StrataProject project = committed();
    JavaFileObject order = order("  private String remark;\n");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-520] column orders.note is dropped and remark"
        + " (varchar(255)) is added: if the column was renamed, annotate the field with @RenamedFrom(\"note\") so"
        + " that the revision renames it and keeps its values").inFile(order).onLine(13);
  }

  @Test
  void setNotNullOnAnExistingTableNamesTheSaferForm() {
    StrataProject project = committed();
    JavaFileObject order = order("  @Column(nullable = false)\n  private String note;\n");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-510] SET NOT NULL on orders.note scans the whole table"
        + " under an ACCESS EXCLUSIVE lock; on a large table, add CHECK (note IS NOT NULL) NOT VALID, VALIDATE it,"
        + " then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check"
        + " (-Astrata.safeConstraints=true generates this form in a non-transactional revision)").inFile(order).onLine(14);
  }

  @Test
  void aRequiredColumnWithoutDefaultOnAnExistingTableWarns() {
    StrataProject project = committed();
    JavaFileObject order = order("  private String note;\n  @Column(nullable = false)\n  private String code;\n");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-515] adding NOT NULL column orders.code without a default"
        + " fails when orders has rows; add it nullable, backfill it, then make it NOT NULL, or give it a default")
        .inFile(order).onLine(15);
  }

  @Test
  void narrowingATypeWarnsThatValuesAreCut() {
    StrataProject project = committed();
    JavaFileObject order = order("  @Column(length = 100)\n  private String note;\n");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-503] the revision changes orders.note from varchar(255) to"
        + " varchar(100): values that do not fit are cut or make the upgrade fail; check that no data is needed,"
        + " or copy it first in a hand-written step").inFile(order).onLine(14);
  }

  @Test
  void aTypeChangeThatRewritesTheTableNamesTheSaferForm() {
    StrataProject project = committed();
    JavaFileObject order = order("  @Column(length = 100)\n  private String note;\n");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-514] changing orders.note from varchar(255) to"
        + " varchar(100) rewrites table orders and its indexes under an ACCESS EXCLUSIVE lock; on a large table,"
        + " add a new column, backfill it in batches, switch to it, then drop the old one").inFile(order).onLine(14);
  }

  @Test
  void wideningAVarcharNeitherWarnsNorRewrites() {
    StrataProject project = committed();
    Compilation compilation = recompile(project, order("  @Column(length = 1000)\n  private String note;\n"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theDowngradeSaysWhatItCannotRestore() {
    StrataProject project = committed();
    recompile(project, order(""), "-Astrata.now=2026-11-27T08:00:00Z");
    String revision = StrataProject.read(project.revisionsDir().resolve("R20261127_080000_72t7_DropColumnOrdersNote.java"));
    assertThat(revision).contains("""
            public void downgrade(Operations op) {
                // Re-adds column orders.note without its values: they cannot be restored.
                op.addColumn(QualifiedName.of("orders"), Column.of("note", "varchar(255)"));
        """);
  }

  @Test
  void renamedFromGivesARenameInsteadOfADropAndAnAdd() {
    StrataProject project = committed();
    JavaFileObject order = order("  @dev.strata.runtime.RenamedFrom(\"note\")\n  private String remark;\n");
    Compilation compilation = recompile(project, order, "-Astrata.now=2026-11-27T08:00:00Z");
    assertThat(compilation).succeededWithoutWarnings();
    String revision = StrataProject.read(project.revisionsDir().resolve(
        "R20261127_080000_72t7_RenameColumnOrdersNoteToRemark.java"));
    assertThat(revision).contains("op.renameColumn(QualifiedName.of(\"orders\"), \"note\", \"remark\");");
    assertThat(revision).contains("op.renameColumn(QualifiedName.of(\"orders\"), \"remark\", \"note\");");
  }

  @Test
  void aRenamedFromWhoseRenameIsDoneCanBeRemoved() {
    StrataProject project = committed();
    JavaFileObject order = order("  @dev.strata.runtime.RenamedFrom(\"note\")\n  private String remark;\n");
    recompile(project, order, "-Astrata.now=2026-11-27T08:00:00Z");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[STRATA-521] @RenamedFrom(\"note\") on the field of column"
        + " orders.remark: an earlier revision already renamed it from note; the annotation can be removed")
        .inFile(order).onLine(14);
  }

  /** Stand-ins for Hibernate's annotations, which the entity reader recognises by name. */
  private static final JavaFileObject COLUMN_DEFAULT = JavaFileObjects.forSourceString(
      "org.hibernate.annotations.ColumnDefault", """
      package org.hibernate.annotations;

      public @interface ColumnDefault {
        String value();
      }
      """);

  private static final JavaFileObject CHECK = JavaFileObjects.forSourceString("org.hibernate.annotations.Check", """
      package org.hibernate.annotations;

      public @interface Check {
        String name() default "";
        String constraints();
      }
      """);

  private StrataProject committedWithDefault() {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(project.options(), java.util.List.of(COLUMN_DEFAULT,
        order("  @org.hibernate.annotations.ColumnDefault(\"'new'\")\n  private String note;\n")))).succeeded();
    return project;
  }

  @Test
  void removingADefaultWarns() {
    StrataProject project = committedWithDefault();
    JavaFileObject order = order("  private String note;\n");
    Compilation compilation = project.compile(project.options(), project.withRevisions(COLUMN_DEFAULT, order));
    assertThat(compilation).hadWarningContaining("[STRATA-504] the revision removes the default 'new' of orders.note:"
        + " inserts that leave the column out get NULL (or fail if it is NOT NULL) from now on")
        .inFile(order).onLine(13);
  }

  @Test
  void aVolatileDefaultOnANewColumnOfAnExistingTableWarns() {
    StrataProject project = committed();
    JavaFileObject order = order("  private String note;\n"
        + "  @org.hibernate.annotations.ColumnDefault(\"gen_random_uuid()\")\n  private java.util.UUID token;\n");
    Compilation compilation = project.compile(project.options(), project.withRevisions(COLUMN_DEFAULT, order));
    assertThat(compilation).hadWarningContaining("[STRATA-513] adding orders.token with the volatile default"
        + " gen_random_uuid() rewrites the table under an ACCESS EXCLUSIVE lock; add the column without default, then"
        + " SET DEFAULT, then backfill existing rows in batches").inFile(order).onLine(15);
  }

  @Test
  void anIndexOnAnExistingTableNamesConcurrently() {
    StrataProject project = committed();
    JavaFileObject order = JavaFileObjects.forSourceString("com.acme.shop.Order", """
        package com.acme.shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Index;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "orders", indexes = @Index(name = "orders_note_idx", columnList = "note"))
        public class Order {
          @Id
          private Long id;
          private String note;
        }
        """);
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-512] creating index orders_note_idx on existing table orders"
        + " blocks writes to it while the index is built; on a large table, use CREATE INDEX CONCURRENTLY in a"
        + " revision with @Revision(transactional = false)").inFile(order).onLine(10);
  }

  @Test
  void aUniqueConstraintOnAnExistingTableNamesTheSaferForm() {
    StrataProject project = committed();
    JavaFileObject order = order("  @Column(unique = true)\n  private String note;\n");
    Compilation compilation = recompile(project, order);
    assertThat(compilation).hadWarningContaining("[STRATA-516] adding unique constraint ");
    assertThat(compilation).hadWarningContaining(" to orders locks it under ACCESS EXCLUSIVE while its index is built;"
        + " on a large table, create the unique index CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX")
        .inFile(order).onLine(10);
  }

  @Test
  void aCheckOnAnExistingTableNamesNotValid() {
    StrataProject project = committed();
    JavaFileObject order = JavaFileObjects.forSourceString("com.acme.shop.Order", """
        package com.acme.shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "orders")
        @org.hibernate.annotations.Check(name = "orders_note_check", constraints = "note <> ''")
        public class Order {
          @Id
          private Long id;
          private String note;
        }
        """);
    Compilation compilation = project.compile(project.options(), project.withRevisions(CHECK, order));
    assertThat(compilation).hadWarningContaining("[STRATA-517] adding check orders_note_check to orders scans it under"
        + " an ACCESS EXCLUSIVE lock; on a large table, add it NOT VALID and VALIDATE it in a later revision"
        + " (-Astrata.safeConstraints=true generates this form in a non-transactional revision)")
        .inFile(order).onLine(10);
  }

  @Test
  void aForeignKeyOnAnExistingTableNamesNotValid() {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.ORDER, Sources.CUSTOMER)).succeeded();
    JavaFileObject order = JavaFileObjects.forSourceString("com.acme.shop.Order", """
        package com.acme.shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.ManyToOne;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id
          private Long id;
          private String note;
          @ManyToOne
          private Customer customer;
        }
        """);
    Compilation compilation = project.compile(project.options(), project.withRevisions(order, Sources.CUSTOMER));
    assertThat(compilation).hadWarningContaining("[STRATA-511] adding foreign key ");
    assertThat(compilation).hadWarningContaining(" to orders locks orders and customer against writes while it checks"
        + " every row; on large tables, add it NOT VALID and run VALIDATE CONSTRAINT in a later revision"
        + " (-Astrata.safeConstraints=true generates this form in a non-transactional revision)")
        .inFile(order).onLine(10);
  }

  @Test
  void concurrentIndexesMovesIndexesOnExistingTablesIntoANonTransactionalRevision() {
    StrataProject project = committed();
    JavaFileObject order = JavaFileObjects.forSourceString("com.acme.shop.Order", """
        package com.acme.shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Index;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "orders", indexes = @Index(name = "orders_note_idx", columnList = "note"))
        public class Order {
          @Id
          private Long id;
          private String note;
          private String status;
        }
        """);

    Compilation compilation = recompile(project, order, "-Astrata.now=2026-11-27T08:00:00Z",
        "-Astrata.concurrentIndexes=true");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.revisionFiles().keySet()).containsExactly(FirstCompileTest.CLASS + ".java",
        "R20261127_080000_72t7_AddColumnOrdersStatus.java",
        "R20261127_080000_k2zz_CreateIndexOrdersNoteIdxOnOrders.java").inOrder();
    String indexes = StrataProject.read(project.revisionsDir().resolve(
        "R20261127_080000_k2zz_CreateIndexOrdersNoteIdxOnOrders.java"));
    assertThat(indexes).contains("""
         * <p>Parent: {@code 20261127_080000_72t7}.
         *
         * <p>The upgrade runs on PostgreSQL:
         * <pre>
         * create index concurrently orders_note_idx on orders (note);
         * </pre>
         */
        @Revision(
                id = "20261127_080000_k2zz",
                parent = "20261127_080000_72t7",
                message = "create index orders_note_idx on orders concurrently",
        """);
    assertThat(indexes).contains("        transactional = false\n)");
    assertThat(indexes).contains(
        "op.createIndexConcurrently(QualifiedName.of(\"orders\"), Index.of(\"orders_note_idx\", \"note\"));");
    assertThat(indexes).contains(
        "op.dropIndexConcurrently(QualifiedName.of(\"orders\"), Index.of(\"orders_note_idx\", \"note\"));");
    assertThat(StrataProject.read(project.snapshot())).contains("head 20261127_080000_k2zz\n");
    assertThat(recompile(project, order)).succeededWithoutWarnings();
  }
}
