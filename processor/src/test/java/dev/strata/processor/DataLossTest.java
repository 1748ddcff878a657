package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing data on purpose: type changes PostgreSQL has no cast for (STRATA-505), accepting a loss
 * with {@code @AcceptDataLoss} or {@code strata.acknowledge}, the note that an annotation has done
 * its job (STRATA-522), and annotations that name things where names mean nothing (STRATA-523).
 */
class DataLossTest {
  private static final String LATER = "-Astrata.now=2026-11-27T08:00:00Z";

  @TempDir Path dir;

  /** {@code com.acme.shop.Item} with {@code fields} from line 11, after its id. */
  private static JavaFileObject item(String fields) {
    return item("", fields);
  }

  /** {@code com.acme.shop.Item} with an annotation line before the class (line 8, the class on line 9). */
  private static JavaFileObject item(String classAnnotation, String fields) {
    return JavaFileObjects.forSourceString("com.acme.shop.Item", """
        package com.acme.shop;

        import dev.strata.runtime.AcceptDataLoss;
        import jakarta.persistence.*;
        import java.util.UUID;

        @Entity
        %s
        public class Item {
          @Id private Long id;
        %s}
        """.formatted(classAnnotation, fields));
  }

  private static JavaFileObject entity(String name, String body) {
    return JavaFileObjects.forSourceString("com.acme.shop." + name, """
        package com.acme.shop;

        import jakarta.persistence.*;
        import java.util.UUID;

        @Entity
        public class %s {
        %s}
        """.formatted(name, body));
  }

  private StrataProject project(JavaFileObject... first) {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(first)).succeeded();
    return project;
  }

  private static Compilation recompile(StrataProject project, List<JavaFileObject> sources, String... options) {
    return project.compile(project.options(options), project.withRevisions(sources.toArray(JavaFileObject[]::new)));
  }

  /** The text of the revision the {@link #LATER} compile generated. */
  private static String laterRevision(StrataProject project) {
    List<Path> files = new ArrayList<>(project.revisionFiles().entrySet().stream()
        .filter(e -> e.getKey().startsWith("R20261127_080000")).map(Map.Entry::getValue).toList());
    assertThat(files).hasSize(1);
    return StrataProject.read(files.get(0));
  }

  // ---- type changes without a cast -------------------------------------------------------------

  @Test
  void aTypeChangeWithoutACastIsAnErrorOnTheField() {
    StrataProject project = project(item("  private Integer code;\n"));
    Map<Path, FileTime> before = project.fileTimes();
    JavaFileObject changed = item("  private UUID code;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[STRATA-505] the revision would change item.code from integer to"
        + " uuid, but PostgreSQL has no cast from integer to uuid, so the upgrade would fail on every database, even"
        + " with no rows. To keep the values, keep the field as it was, add one of the new type under a new column"
        + " name, convert the values in a hand-written step of that revision (op.execute(\"update ...\")), and"
        + " remove the old field in a later revision. To lose them, accept it with @AcceptDataLoss on the field (or"
        + " -Astrata.acknowledge=item.code): the revision then drops the column and adds it again")
        .inFile(changed).onLine(11);
    assertThat(project.fileTimes()).isEqualTo(before);
  }

  @Test
  void aTypeChangeWithoutACastIsAnErrorEvenWhenDestructiveChangesAreWarnings() {
    StrataProject project = project(item("  private boolean active;\n"));
    JavaFileObject changed = item("  private java.time.LocalDate active;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.destructive=warn");
    assertThat(compilation).hadErrorContaining("[STRATA-505] the revision would change item.active from boolean to"
        + " date, but PostgreSQL has no cast from boolean to date").inFile(changed).onLine(11);
  }

  @Test
  void aTypeChangeWithACastStaysAWarning() {
    StrataProject project = project(item("  private String code;\n"));
    JavaFileObject changed = item("  private UUID code;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-503] the revision changes item.code from varchar(255) to"
        + " uuid: values that do not fit are cut or make the upgrade fail").inFile(changed).onLine(11);
    assertThat(laterRevision(project)).contains("alter table item alter column code type uuid using code::uuid");
  }

  @Test
  void aRelationWhoseTargetChangesKeyTypeIsAnErrorOnTheRelation() {
    JavaFileObject customer = entity("Customer", "  @Id private Long id;\n");
    JavaFileObject account = entity("Account", "  @Id private UUID id;\n");
    StrataProject project = project(customer, account,
        entity("Purchase", "  @Id private Long id;\n  @ManyToOne private Customer owner;\n"));
    JavaFileObject purchase = entity("Purchase", "  @Id private Long id;\n  @ManyToOne private Account owner;\n");
    Compilation compilation = recompile(project, List.of(customer, account, purchase), LATER);
    assertThat(compilation).hadErrorContaining("[STRATA-505] the revision would change purchase.owner_id from bigint"
        + " to uuid, but PostgreSQL has no cast from bigint to uuid").inFile(purchase).onLine(9);
  }

  // ---- accepting the loss of an uncastable column -------------------------------------------------

  @Test
  void acceptingTheLossOnTheFieldDropsAndAddsTheColumn() {
    StrataProject project = project(item("  @Column(nullable = false) private Integer code;\n"));
    JavaFileObject changed = item("  @AcceptDataLoss @Column(nullable = false) private UUID code;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.destructive=error");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column item.code (integer) with all"
        + " its values and adds it again as uuid, because PostgreSQL has no cast from integer to uuid (acknowledged"
        + " with @AcceptDataLoss on Item.code)").inFile(changed).onLine(11);
    assertThat(compilation).hadWarningContaining("[STRATA-515] adding NOT NULL column item.code without a default"
        + " fails when item has rows").inFile(changed).onLine(11);
    String revision = laterRevision(project);
    assertThat(revision).contains("""
         * alter table item drop column code;
         * alter table item add column code uuid not null;
        """);
    assertThat(revision).contains("""
                op.dropColumn(QualifiedName.of("item"), Column.of("code", "uuid").notNull());
                // Re-adds column item.code without its values: they cannot be restored.
                op.addColumn(QualifiedName.of("item"), Column.of("code", "integer").notNull());
        """);
  }

  @Test
  void acceptingTheLossWithTheOptionDropsAndAddsTheColumn() {
    StrataProject project = project(item("  private Integer code;\n"));
    JavaFileObject changed = item("  private UUID code;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.acknowledge=item.code");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column item.code (integer) with all"
        + " its values and adds it again as uuid, because PostgreSQL has no cast from integer to uuid (acknowledged"
        + " with strata.acknowledge)").inFile(changed).onLine(11);
    assertThat(laterRevision(project)).contains("alter table item add column code uuid;");
  }

  @Test
  void acceptingTheLossOfAJoinColumnDropsAndAddsItWithItsForeignKey() {
    JavaFileObject customer = entity("Customer", "  @Id private Long id;\n");
    JavaFileObject account = entity("Account", "  @Id private UUID id;\n");
    StrataProject project = project(customer, account,
        entity("Purchase", "  @Id private Long id;\n  @ManyToOne private Customer owner;\n"));
    JavaFileObject purchase = entity("Purchase",
        "  @Id private Long id;\n  @dev.strata.runtime.AcceptDataLoss @ManyToOne private Account owner;\n");
    Compilation compilation = recompile(project, List.of(customer, account, purchase), LATER);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column purchase.owner_id (bigint)"
        + " with all its values and adds it again as uuid, because PostgreSQL has no cast from bigint to uuid"
        + " (acknowledged with @AcceptDataLoss on Purchase.owner)").inFile(purchase).onLine(9);
    String revision = laterRevision(project);
    assertThat(revision).contains("""
         * alter table purchase drop constraint fk""");
    assertThat(revision).contains("""
         * alter table purchase drop column owner_id;
         * alter table purchase add column owner_id uuid;
        """);
    assertThat(revision).contains("foreign key (owner_id) references account (id)");
  }

  // ---- accepting other losses ---------------------------------------------------------------------

  @Test
  void anEntityAcceptsADroppedColumnByName() {
    StrataProject project = project(item("  private String note;\n"));
    JavaFileObject changed = item("@AcceptDataLoss(columns = \"note\")", "");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.destructive=error");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column item.note (varchar(255))"
        + " with all its values (acknowledged with @AcceptDataLoss on Item)").inFile(changed).onLine(9);
  }

  @Test
  void anEntityWithADiscriminatorAcceptsADroppedColumnByName() {
    JavaFileObject special = JavaFileObjects.forSourceString("com.acme.shop.SpecialItem", """
        package com.acme.shop;

        @jakarta.persistence.Entity
        public class SpecialItem extends Item {}
        """);
    StrataProject project = project(item("  private String note;\n"), special);
    JavaFileObject changed = item("@AcceptDataLoss(columns = \"note\")", "");
    Compilation compilation = recompile(project, List.of(changed, special), LATER, "-Astrata.destructive=error");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-502] the revision drops column item.note (varchar(255))"
        + " with all its values (acknowledged with @AcceptDataLoss on Item)").inFile(changed).onLine(9);
  }

  @Test
  void aFieldAcceptsANarrowedType() {
    StrataProject project = project(item("  private Long amount;\n"));
    JavaFileObject changed = item("  @AcceptDataLoss private Integer amount;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.destructive=error");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-503] the revision changes item.amount from bigint to"
        + " integer: values that do not fit are cut or make the upgrade fail (acknowledged with @AcceptDataLoss on"
        + " Item.amount)").inFile(changed).onLine(11);
  }

  @Test
  void aNarrowedTypeWithoutAcceptanceNamesTheAnnotation() {
    StrataProject project = project(item("  private Long amount;\n"));
    JavaFileObject changed = item("  private Integer amount;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.destructive=error");
    assertThat(compilation).hadErrorContaining("[STRATA-503] the revision changes item.amount from bigint to"
        + " integer: values that do not fit are cut or make the upgrade fail; strata.destructive=error forbids"
        + " this: change the entities back, or accept the loss with @AcceptDataLoss on the field or"
        + " -Astrata.acknowledge=item.amount").inFile(changed).onLine(11);
  }

  @Test
  void aPackageAcceptsADroppedTable() {
    JavaFileObject legacy = entity("Legacy", "  @Id private Long id;\n");
    StrataProject project = project(item(""), legacy);
    JavaFileObject packageInfo = JavaFileObjects.forSourceString("com.acme.shop.package-info", """
        @AcceptDataLoss(tables = "legacy")
        package com.acme.shop;

        import dev.strata.runtime.AcceptDataLoss;
        """);
    Compilation compilation = recompile(project, List.of(item(""), packageInfo), LATER, "-Astrata.destructive=error");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-501] the revision drops table legacy with all its rows"
        + " (acknowledged with @AcceptDataLoss on package com.acme.shop)").inFile(packageInfo).onLine(2);
  }

  @Test
  void anotherEntityAcceptsADroppedTable() {
    JavaFileObject legacy = entity("Legacy", "  @Id private Long id;\n");
    StrataProject project = project(item(""), legacy);
    JavaFileObject changed = item("@AcceptDataLoss(tables = \"legacy\")", "");
    Compilation compilation = recompile(project, List.of(changed), LATER, "-Astrata.destructive=error");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-501] the revision drops table legacy with all its rows"
        + " (acknowledged with @AcceptDataLoss on Item)").inFile(changed).onLine(9);
  }

  @Test
  void aDroppedTableWithoutAcceptanceNamesWhereToAcceptIt() {
    JavaFileObject legacy = entity("Legacy", "  @Id private Long id;\n");
    StrataProject project = project(item(""), legacy);
    Compilation compilation = recompile(project, List.of(item("")), LATER, "-Astrata.destructive=error");
    assertThat(compilation).hadErrorContaining("[STRATA-501] the revision drops table legacy with all its rows;"
        + " strata.destructive=error forbids this: change the entities back, or accept the loss with"
        + " @AcceptDataLoss(tables = \"legacy\") on an entity or in package-info.java or"
        + " -Astrata.acknowledge=legacy");
  }

  // ---- when an annotation can go ------------------------------------------------------------------

  @Test
  void anAcceptanceWhoseLossIsDoneCanBeRemoved() {
    StrataProject project = project(item("  private Long amount;\n"));
    JavaFileObject changed = item("  @AcceptDataLoss private Integer amount;\n");
    Compilation generating = recompile(project, List.of(changed), LATER);
    assertThat(generating).succeeded();
    assertThat(generating.notes().stream().map(n -> n.getMessage(null)).toList().toString())
        .doesNotContain("STRATA-522");

    Compilation again = recompile(project, List.of(changed));
    assertThat(again).succeeded();
    assertThat(again).hadNoteContaining("[STRATA-522] @AcceptDataLoss on Item.amount: no change in this compile"
        + " loses data of item.amount; the annotation can be removed, so that it does not accept a later loss"
        + " unnoticed").inFile(changed).onLine(11);
  }

  @Test
  void anAcceptanceThatNamesMoreThanIsLostNamesTheRest() {
    StrataProject project = project(item("  private String note;\n"));
    JavaFileObject changed = item("@AcceptDataLoss(columns = {\"note\", \"label\"})", "");
    Compilation compilation = recompile(project, List.of(changed), LATER);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[STRATA-522] @AcceptDataLoss on Item: no change in this compile loses"
        + " data of item.label; remove those names from it, so that it does not accept a later loss unnoticed")
        .inFile(changed).onLine(9);
  }

  // ---- misplaced names ----------------------------------------------------------------------------

  @Test
  void namesOnAFieldAreAnError() {
    StrataProject project = project(item("  private Integer code;\n"));
    JavaFileObject changed = item("  @AcceptDataLoss(columns = \"code\") private Integer code;\n");
    Compilation compilation = recompile(project, List.of(changed), LATER);
    assertThat(compilation).hadErrorContaining("[STRATA-523] @AcceptDataLoss(columns = [code]) on Item.code: on a"
        + " field or getter it accepts the loss of that attribute's column, so columns means nothing here; remove"
        + " columns, or move the names to the entity class").inFile(changed).onLine(11);
  }

  @Test
  void columnsOnAPackageAreAnError() {
    StrataProject project = project(item(""));
    JavaFileObject packageInfo = JavaFileObjects.forSourceString("com.acme.shop.package-info", """
        @AcceptDataLoss(columns = "note")
        package com.acme.shop;

        import dev.strata.runtime.AcceptDataLoss;
        """);
    Compilation compilation = recompile(project, List.of(item(""), packageInfo), LATER);
    assertThat(compilation).hadErrorContaining("[STRATA-523] @AcceptDataLoss(columns = [note]) on package"
        + " com.acme.shop: a package has no table of its own, so columns means nothing here; remove columns, or"
        + " name the dropped tables with tables = ..., and put columns = ... on the entity")
        .inFile(packageInfo).onLine(1);
  }

  @Test
  void anEntityAnnotationThatNamesNothingIsAnError() {
    StrataProject project = project(item(""));
    JavaFileObject changed = item("@AcceptDataLoss", "");
    Compilation compilation = recompile(project, List.of(changed), LATER);
    assertThat(compilation).hadErrorContaining("[STRATA-523] @AcceptDataLoss on Item names nothing: on an entity it"
        + " accepts the loss of the columns = ... of its table and of the dropped tables = ... it names; name them,"
        + " or move the annotation to the field whose column changes").inFile(changed).onLine(8);
  }
}
