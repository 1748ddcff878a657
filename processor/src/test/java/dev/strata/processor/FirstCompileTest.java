package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first compile of a project with entities writes its first revision and the snapshot. */
class FirstCompileTest {
  static final String CLASS = "R20261126_101500_72t7_CreateTableOrders";

  static final String REVISION = """
      package com.acme.migrations;

      import dev.strata.runtime.Migration;
      import dev.strata.runtime.Operations;
      import dev.strata.runtime.Revision;
      import dev.strata.schema.Column;
      import dev.strata.schema.Table;

      /**
       * create table orders
       *
       * <p>The first revision: it has no parent.
       *
       * <p>The upgrade runs on PostgreSQL:
       * <pre>
       * create table orders (
       *   id bigint not null,
       *   note varchar(255),
       *   constraint orders_pkey primary key (id)
       * );
       * </pre>
       */
      @Revision(
              id = "20261126_101500_72t7",
              parent = {},
              message = "create table orders",
              snapshot = "sha256:%s"
      )
      public final class R20261126_101500_72t7_CreateTableOrders implements Migration {
          @Override
          public void upgrade(Operations op) {
              op.createTable(Table.of("orders")
                      .withColumns(
                              Column.of("id", "bigint").notNull(),
                              Column.of("note", "varchar(255)"))
                      .withPrimaryKey("orders_pkey", "id"));
          }

          @Override
          public void downgrade(Operations op) {
              op.dropTable(Table.of("orders")
                      .withColumns(
                              Column.of("id", "bigint").notNull(),
                              Column.of("note", "varchar(255)"))
                      .withPrimaryKey("orders_pkey", "id"));
          }
      }
      """;

  static final String SNAPSHOT = """
      strata snapshot version 1
      head 20261126_101500_72t7
      entity com.acme.shop.Order

      table orders
      column orders id bigint not null
      column orders note varchar(255)
      primary key orders orders_pkey (id)
      """;

  @TempDir Path dir;

  static String revision() {
    return REVISION.formatted(dev.strata.snapshot.SchemaHash.of(snapshotSchema()).substring("sha256:".length()));
  }

  static dev.strata.schema.Schema snapshotSchema() {
    try {
      return dev.strata.snapshot.SnapshotReader.read(SNAPSHOT).schema();
    } catch (dev.strata.snapshot.SnapshotFormatException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void writesTheRevisionIntoTheSourceTree() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(Sources.ORDER);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.revisionFiles().keySet()).containsExactly(CLASS + ".java");
    assertThat(StrataProject.read(project.revisionsDir().resolve(CLASS + ".java"))).isEqualTo(revision());
  }

  @Test
  void writesTheSnapshot() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    assertThat(StrataProject.read(project.snapshot())).isEqualTo(SNAPSHOT);
  }

  @Test
  void saysWhereItWroteTheFiles() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(Sources.ORDER);
    assertThat(compilation).hadNoteContaining("Strata: wrote revision " + CLASS + " (create table orders) to "
        + project.revisionsDir().resolve(CLASS + ".java") + " and the snapshot to " + project.snapshot()
        + "; review both and commit them together");
  }

  @Test
  void compilesTheSameRevisionInThisCompile() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(Sources.ORDER);
    assertThat(compilation).generatedSourceFile("com.acme.migrations." + CLASS).contentsAsUtf8String()
        .isEqualTo(revision());
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "com/acme/migrations/" + CLASS + ".class");
  }

  @Test
  void writesTheIndexAndTheSnapshotToTheClassOutput() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(Sources.ORDER);
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/strata/revisions")
        .contentsAsUtf8String().isEqualTo("com.acme.migrations." + CLASS + "\n");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/strata/schema.strata")
        .contentsAsUtf8String().isEqualTo(SNAPSHOT);
  }

  @Test
  void writesNothingWhenTheCompileHasAnError() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.mode=chek"), List.of(Sources.ORDER));
    assertThat(compilation).failed();
    assertThat(project.fileTimes()).isEmpty();
  }

  @Test
  void sameInputGivesByteForByteTheSameFiles(@TempDir Path other) {
    StrataProject first = new StrataProject(dir);
    StrataProject second = new StrataProject(other);
    first.compile(Sources.ORDER, Sources.CUSTOMER);
    second.compile(Sources.CUSTOMER, Sources.ORDER);
    assertThat(second.revisionFiles().keySet()).isEqualTo(first.revisionFiles().keySet());
    for (String name : first.revisionFiles().keySet()) {
      assertThat(StrataProject.read(second.revisionsDir().resolve(name)))
          .isEqualTo(StrataProject.read(first.revisionsDir().resolve(name)));
    }
    assertThat(StrataProject.read(second.snapshot())).isEqualTo(StrataProject.read(first.snapshot()));
  }
}
