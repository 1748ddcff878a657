package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata.safeConstraints}: foreign keys and checks added to existing tables, and NOT NULL set
 * on their columns, move into a non-transactional revision that adds them NOT VALID and validates
 * them (NOT NULL through a validated check), so no statement scans a table under a strong lock.
 */
class SafeConstraintsTest {
  @TempDir Path dir;

  /** orders gets a customer (a new column and a foreign key), a check, and note becomes NOT NULL. */
  private static final JavaFileObject ORDER = JavaFileObjects.forSourceString("com.acme.shop.Order", """
      package com.acme.shop;

      import jakarta.persistence.Column;
      import jakarta.persistence.Entity;
      import jakarta.persistence.ForeignKey;
      import jakarta.persistence.Id;
      import jakarta.persistence.JoinColumn;
      import jakarta.persistence.ManyToOne;
      import jakarta.persistence.Table;

      @Entity
      @Table(name = "orders")
      @org.hibernate.annotations.Check(name = "orders_note_check", constraints = "note <> ''")
      public class Order {
        @Id
        private Long id;
        @Column(nullable = false)
        private String note;
        @ManyToOne
        @JoinColumn(foreignKey = @ForeignKey(name = "fk_orders_customer"))
        private Customer customer;
      }
      """);

  private static final JavaFileObject CHECK = JavaFileObjects.forSourceString("org.hibernate.annotations.Check", """
      package org.hibernate.annotations;

      public @interface Check {
        String name() default "";
        String constraints();
      }
      """);

  private StrataProject committed() {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.ORDER, Sources.CUSTOMER, CHECK)).succeeded();
    return project;
  }

  @Test
  void constraintsOnExistingTablesMoveIntoANonTransactionalRevisionThatValidatesThemApart() {
    StrataProject project = committed();

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z",
        "-Astrata.safeConstraints=true"), project.withRevisions(ORDER, Sources.CUSTOMER, CHECK));

    // The moved changes need no warning: their safe form is what the revision does.
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.revisionFiles().keySet()).containsExactly("R20261126_101500_72t7_CreateTableCustomer.java",
        "R20261127_080000_72t7_AddColumnOrdersCustomerId.java",
        "R20261127_080000_k2zz_MakeOrdersNoteNotNull.java").inOrder();
    assertThat(StrataProject.read(project.revisionsDir().resolve(
        "R20261127_080000_k2zz_MakeOrdersNoteNotNull.java"))).isEqualTo("""
        package com.acme.migrations;

        import dev.strata.runtime.Migration;
        import dev.strata.runtime.Operations;
        import dev.strata.runtime.Revision;
        import dev.strata.schema.CheckConstraint;
        import dev.strata.schema.ForeignKey;
        import dev.strata.schema.QualifiedName;
        import java.util.List;

        /**
         * make orders.note not null, add check orders_note_check to orders, add foreign key fk_orders_customer to orders without long locks
         *
         * <p>Parent: {@code 20261127_080000_72t7}.
         *
         * <p>The upgrade runs on PostgreSQL:
         * <pre>
         * alter table orders add constraint strata_not_null_note check (note is not null) not valid;
         * alter table orders validate constraint strata_not_null_note;
         * alter table orders alter column note set not null;
         * alter table orders drop constraint strata_not_null_note;
         * alter table orders add constraint orders_note_check check (note &lt;&gt; '') not valid;
         * alter table orders validate constraint orders_note_check;
         * alter table orders add constraint fk_orders_customer foreign key (customer_id) references customer (id) not valid;
         * alter table orders validate constraint fk_orders_customer;
         * </pre>
         */
        @Revision(
                id = "20261127_080000_k2zz",
                parent = "20261127_080000_72t7",
                message = "make orders.note not null, add check orders_note_check to orders, add foreign key fk_orders_customer to orders without long locks",
                snapshot = "sha256:65e7e44ccaa6497470903a0889615982b91582c345ca0705f6728e4fed87839a",
                transactional = false
        )
        public final class R20261127_080000_k2zz_MakeOrdersNoteNotNull implements Migration {
            @Override
            public void upgrade(Operations op) {
                op.setNotNullViaCheck(QualifiedName.of("orders"), "note");
                op.addCheckConstraintNotValid(QualifiedName.of("orders"), CheckConstraint.of("orders_note_check", "note <> ''"));
                op.validateConstraint(QualifiedName.of("orders"), "orders_note_check");
                op.addForeignKeyNotValid(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")));
                op.validateConstraint(QualifiedName.of("orders"), "fk_orders_customer");
            }

            @Override
            public void downgrade(Operations op) {
                op.dropForeignKey(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")));
                op.dropCheckConstraint(QualifiedName.of("orders"), CheckConstraint.of("orders_note_check", "note <> ''"));
                op.alterColumnNullable(QualifiedName.of("orders"), "note", true);
            }
        }
        """);
    assertThat(StrataProject.read(project.snapshot())).contains("head 20261127_080000_k2zz\n");
    assertThat(project.compile(project.options(), project.withRevisions(ORDER, Sources.CUSTOMER, CHECK)))
        .succeededWithoutWarnings();
  }

  @Test
  void withoutTheOptionTheWarningsSayItWouldGenerateTheSafeForm() {
    StrataProject project = committed();

    Compilation compilation = project.compile(project.options(), project.withRevisions(ORDER, Sources.CUSTOMER, CHECK));

    assertThat(compilation).succeeded();
    assertThat(project.revisionFiles()).hasSize(2);
    String hint = " (-Astrata.safeConstraints=true generates this form in a non-transactional revision)";
    assertThat(compilation).hadWarningContaining("[STRATA-510] SET NOT NULL on orders.note scans the whole table"
        + " under an ACCESS EXCLUSIVE lock; on a large table, add CHECK (note IS NOT NULL) NOT VALID, VALIDATE it,"
        + " then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check" + hint).inFile(ORDER).onLine(18);
    assertThat(compilation).hadWarningContaining("on large tables, add it NOT VALID and run VALIDATE CONSTRAINT in a"
        + " later revision" + hint).inFile(ORDER).onLine(14);
    assertThat(compilation).hadWarningContaining("[STRATA-517] adding check orders_note_check to orders scans it"
        + " under an ACCESS EXCLUSIVE lock; on a large table, add it NOT VALID and VALIDATE it in a later revision"
        + hint).inFile(ORDER).onLine(14);
  }

  /**
   * strata.amend folds the changes into the head revision as they are (it does not split a revision),
   * so its warnings must not promise the option's safe form.
   */
  @Test
  void warningsOfAnAmendedRevisionDoNotOfferTheOption() throws Exception {
    StrataProject project = new StrataProject(dir);
    project.git("init", "-q");
    assertThat(project.compile(Sources.ORDER, Sources.CUSTOMER, CHECK)).succeeded();
    project.git("add", ".");
    project.git("commit", "-q", "-m", "first revision");
    assertThat(project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"),
        project.withRevisions(Sources.ORDER_V2, Sources.CUSTOMER, CHECK))).succeeded();

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-28T08:00:00Z", "-Astrata.amend"),
        project.withRevisions(ORDER, Sources.CUSTOMER, CHECK));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("strata.amend: folded the changes into revision");
    assertThat(compilation).hadWarningContaining("[STRATA-517] adding check orders_note_check to orders scans it"
        + " under an ACCESS EXCLUSIVE lock; on a large table, add it NOT VALID and VALIDATE it in a later revision")
        .inFile(ORDER).onLine(14);
    assertThat(compilation.warnings().stream().map(w -> w.getMessage(null)).filter(w -> w.contains("safeConstraints"))
        .toList()).isEmpty();
  }

  @Test
  void constraintsOfANewTableStayInItsTransactionalRevision() {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.CUSTOMER, CHECK)).succeeded();

    Compilation compilation = project.compile(project.options("-Astrata.safeConstraints=true"),
        project.withRevisions(ORDER, Sources.CUSTOMER, CHECK));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.revisionFiles()).hasSize(2);
    String created = project.revisionFiles().entrySet().stream()
        .filter(e -> !e.getKey().endsWith("CreateTableCustomer.java")).findFirst().orElseThrow().getValue().toString();
    String source = StrataProject.read(Path.of(created));
    assertThat(source).doesNotContain("transactional = false");
    assertThat(source).doesNotContain("NotValid");
    assertThat(source).contains("op.addForeignKey(QualifiedName.of(\"orders\"), ForeignKey.of(");
  }
}
