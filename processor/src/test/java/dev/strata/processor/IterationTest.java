package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written steps ({@code strata.empty}) and iterating on a change ({@code strata.amend}). */
class IterationTest {
  @TempDir Path dir;

  static final JavaFileObject ORDER_V3 = JavaFileObjects.forSourceString("com.acme.shop.Order", """
      package com.acme.shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.Table;
      import java.math.BigDecimal;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id
        private Long id;
        private BigDecimal total;
        private String currency;
      }
      """);

  @Test
  void emptyWritesARevisionForHandWrittenSteps() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z",
        "-Astrata.empty=true", "-Astrata.message=backfill order notes"), project.withRevisions(Sources.ORDER));

    assertThat(compilation).succeededWithoutWarnings();
    String recorded = dev.strata.snapshot.SchemaHash.of(FirstCompileTest.snapshotSchema());
    assertThat(StrataProject.read(project.revisionsDir().resolve("R20261127_080000_72t7_BackfillOrderNotes.java")))
        .isEqualTo("""
            package com.acme.migrations;

            import dev.strata.runtime.Migration;
            import dev.strata.runtime.Operations;
            import dev.strata.runtime.Revision;

            /**
             * backfill order notes
             *
             * <p>Parent: {@code 20261126_101500_72t7}.
             */
            @Revision(
                    id = "20261127_080000_72t7",
                    parent = "20261126_101500_72t7",
                    message = "backfill order notes",
                    snapshot = "%s"
            )
            public final class R20261127_080000_72t7_BackfillOrderNotes implements Migration {
                @Override
                public void upgrade(Operations op) {
                    // Hand-written steps go here, e.g. op.execute("update orders set total = 0");
                }

                @Override
                public void downgrade(Operations op) {
                    // Undo the upgrade's steps here, where they can be undone.
                }
            }
            """.formatted(recorded));
    assertThat(StrataProject.read(project.snapshot()))
        .isEqualTo(FirstCompileTest.SNAPSHOT.replace("head 20261126_101500_72t7", "head 20261127_080000_72t7"));
  }

  @Test
  void emptyIsRefusedWhileTheEntitiesHaveChanges() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);

    Compilation compilation = project.compile(project.options("-Astrata.empty=true", "-Astrata.message=backfill"),
        project.withRevisions(Sources.ORDER_V2));

    assertThat(compilation).hadErrorContaining("[STRATA-402] strata.empty=true asks for an empty revision, but the"
        + " entities changed (drop column orders.note, add column orders.total); compile once without strata.empty"
        + " to generate those changes, then ask for the empty revision");
  }

  @Test
  void theProcessorNeverRewritesAHandEditedCommittedRevision() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    Path first = project.revisionsDir().resolve(FirstCompileTest.CLASS + ".java");
    String edited = StrataProject.read(first).replace("    public void upgrade(Operations op) {\n",
        "    public void upgrade(Operations op) {\n        op.execute(\"select 1\");\n");
    StrataProject.write(first, edited);

    project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"), project.withRevisions(Sources.ORDER_V2));

    assertThat(StrataProject.read(first)).isEqualTo(edited);
    assertThat(project.revisionFiles()).hasSize(2);
  }

  /** A project whose first revision is committed, and a second one generated and not committed. */
  private StrataProject withUncommittedSecondRevision() throws Exception {
    StrataProject project = new StrataProject(dir);
    project.git("init", "-q");
    project.compile(Sources.ORDER);
    project.git("add", ".");
    project.git("commit", "-q", "-m", "first revision");
    project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"), project.withRevisions(Sources.ORDER_V2));
    return project;
  }

  @Test
  void amendFoldsNewChangesIntoAnUncommittedHead() throws Exception {
    StrataProject project = withUncommittedSecondRevision();
    Path second = project.revisionsDir().resolve("R20261127_080000_72t7_DropColumnOrdersNote.java");

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-28T08:00:00Z", "-Astrata.amend"),
        project.withRevisions(ORDER_V3));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("Strata: strata.amend: folded the changes into revision"
        + " R20261127_080000_72t7_DropColumnOrdersNote (drop column orders.note, add column orders.currency, add"
        + " column orders.total) at " + second + " and updated the snapshot " + project.snapshot());
    assertThat(compilation).hadWarningContaining("[STRATA-213] strata.amend rewrote revision"
        + " R20261127_080000_72t7_DropColumnOrdersNote (drop column orders.note, add column orders.currency, add"
        + " column orders.total), but this compile built its previous content; compile again before running or"
        + " packaging");
    assertThat(project.revisionFiles().keySet()).containsExactly(FirstCompileTest.CLASS + ".java",
        "R20261127_080000_72t7_DropColumnOrdersNote.java");
    String text = StrataProject.read(second);
    assertThat(text).contains("""
                id = "20261127_080000_72t7",
                parent = "20261126_101500_72t7",
                message = "drop column orders.note, add column orders.currency, add column orders.total",
        """);
    assertThat(text).contains("op.addColumn(QualifiedName.of(\"orders\"), Column.of(\"currency\", \"varchar(255)\"));");
    assertThat(StrataProject.read(project.snapshot())).contains("head 20261127_080000_72t7\n");
    assertThat(StrataProject.read(project.snapshot())).contains("column orders currency varchar(255)\n");

    Compilation next = project.compile(project.options(), project.withRevisions(ORDER_V3));
    assertThat(next).succeededWithoutWarnings();
  }

  @Test
  void amendBackToTheParentStateDeletesTheRevision() throws Exception {
    StrataProject project = withUncommittedSecondRevision();

    Compilation compilation = project.compile(project.options("-Astrata.amend"), project.withRevisions(Sources.ORDER));

    assertThat(compilation).succeeded();
    assertThat(project.revisionFiles().keySet()).containsExactly(FirstCompileTest.CLASS + ".java");
    assertThat(StrataProject.read(project.snapshot())).isEqualTo(FirstCompileTest.SNAPSHOT);
  }

  @Test
  void amendLeavesACommittedHeadAloneAndSaysSo() throws Exception {
    StrataProject project = new StrataProject(dir);
    project.git("init", "-q");
    project.compile(Sources.ORDER);
    project.git("add", ".");
    project.git("commit", "-q", "-m", "first revision");
    Path first = project.revisionsDir().resolve(FirstCompileTest.CLASS + ".java");

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z", "-Astrata.amend"),
        project.withRevisions(Sources.ORDER_V2));

    assertThat(compilation).hadWarningContaining("[STRATA-209] strata.amend: revision " + FirstCompileTest.CLASS
        + " (" + first + ") is not rewritten, because it is committed, and a committed revision may already be"
        + " applied somewhere; a new revision was generated instead");
    assertThat(project.revisionFiles()).hasSize(2);
    assertThat(StrataProject.read(first)).isEqualTo(FirstCompileTest.revision());
  }

  @Test
  void amendOutsideAGitRepositoryGeneratesANewRevision() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    Path first = project.revisionsDir().resolve(FirstCompileTest.CLASS + ".java");

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z", "-Astrata.amend"),
        project.withRevisions(Sources.ORDER_V2));

    assertThat(compilation).hadWarningContaining("[STRATA-209] strata.amend: revision " + FirstCompileTest.CLASS
        + " (" + first + ") is not rewritten, because git cannot tell whether it is committed (strata.amend needs"
        + " git and a repository with at least one commit); a new revision was generated instead");
    assertThat(project.revisionFiles()).hasSize(2);
  }
}
