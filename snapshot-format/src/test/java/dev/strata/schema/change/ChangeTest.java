package dev.strata.schema.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Change records' failure modes: a change that does not apply says so with IllegalStateException. */
class ChangeTest {
  private static final QualifiedName PARENT = QualifiedName.of("parent");
  private static final QualifiedName CHILD = QualifiedName.of("child");

  private static final Schema SCHEMA = new Schema(List.of(), List.of(
      Table.of(PARENT).withColumns(Column.of("id", "bigint").notNull(), Column.of("code", "text"))
          .withPrimaryKey("parent_pkey", "id"),
      Table.of(CHILD).withColumns(Column.of("id", "bigint").notNull(), Column.of("parent_id", "bigint"))
          .withForeignKeys(List.of(ForeignKey.of("fk_parent", List.of("parent_id"), PARENT, List.of("id"))))),
      List.of());

  private static String failure(Change change) {
    return assertThrows(IllegalStateException.class, () -> change.applyTo(SCHEMA)).getMessage();
  }

  @Test
  void droppingAColumnAnotherTableReferencesFails() {
    assertEquals("column parent.id is still referenced by foreign key fk_parent of child",
        failure(new Change.DropColumn(PARENT, Column.of("id", "bigint").notNull())));
  }

  @Test
  void droppingAColumnItsOwnKeyUsesFails() {
    assertEquals("cannot drop column child.parent_id: table child, foreign key fk_parent names column parent_id,"
        + " which the table does not have", failure(new Change.DropColumn(CHILD, Column.of("parent_id", "bigint"))));
  }

  @Test
  void droppingAnUnreferencedColumnWorks() {
    Schema after = new Change.DropColumn(PARENT, Column.of("code", "text")).applyTo(SCHEMA);
    assertEquals(List.of(Column.of("id", "bigint").notNull()), after.table(PARENT).orElseThrow().columns());
  }

  @Test
  void constraintOnAMissingColumnFailsAsIllegalState() {
    assertEquals("cannot change table parent: table parent, unique constraint uk names column nope, which the table"
        + " does not have", failure(new Change.AddUniqueConstraint(PARENT, UniqueConstraint.of("uk", "nope"))));
    assertEquals("cannot change table parent: table parent, index ix names column nope, which the table does not"
        + " have", failure(new Change.CreateIndex(PARENT, Index.of("ix", "nope"))));
    assertEquals("cannot change table child: table child, primary key child_pkey names column nope, which the table"
        + " does not have", failure(new Change.AddPrimaryKey(CHILD, PrimaryKey.of("child_pkey", "nope"))));
  }

  @Test
  void twoConstraintsOfOneNameFailAsIllegalState() {
    assertEquals("cannot change table parent: table parent has two constraints named parent_pkey",
        failure(new Change.AddCheckConstraint(PARENT, CheckConstraint.of("parent_pkey", "id > 0"))));
  }

  @Test
  void identityOnANullableColumnFails() {
    assertEquals("column parent.code must be not null before it becomes an identity",
        failure(new Change.AlterColumnIdentity(PARENT, "code", Optional.empty(), Optional.of(Identity.ALWAYS))));
  }

  @Test
  void makingAnIdentityColumnNullableFailsAsIllegalState() {
    Schema withIdentity = new Change.AlterColumnIdentity(PARENT, "id", Optional.empty(),
        Optional.of(Identity.BY_DEFAULT)).applyTo(SCHEMA);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Change.AlterColumnNullable(PARENT, "id", true).applyTo(withIdentity));
    assertEquals("cannot change table parent: identity column id must not be nullable", e.getMessage());
  }

  @Test
  void defaultOnAnIdentityColumnFailsAsIllegalState() {
    Schema withIdentity = new Change.AlterColumnIdentity(PARENT, "id", Optional.empty(),
        Optional.of(Identity.BY_DEFAULT)).applyTo(SCHEMA);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Change.AlterColumnDefault(PARENT, "id", Optional.empty(), Optional.of("0")).applyTo(withIdentity));
    assertEquals("cannot change table parent: identity column id must not have a default", e.getMessage());
  }

  @Test
  void renamingAColumnRenamesItInKeysAndInForeignKeysThatReferenceIt() {
    Schema after = new Change.RenameColumn(PARENT, "id", "parent_id").applyTo(SCHEMA);
    assertEquals(Optional.of(PrimaryKey.of("parent_pkey", "parent_id")), after.table(PARENT).orElseThrow().primaryKey());
    assertEquals(List.of("parent_id"), after.table(CHILD).orElseThrow().foreignKeys().get(0).referencedColumns());
    assertEquals(SCHEMA, new Change.RenameColumn(PARENT, "id", "parent_id").inverse().applyTo(after));
  }

  @Test
  void namesAreChecked() {
    assertEquals("name must be a non-empty name without NUL characters",
        assertThrows(IllegalArgumentException.class, () -> new Change.CreateNamespace("")).getMessage());
    assertEquals("to must be a non-empty name without NUL characters",
        assertThrows(IllegalArgumentException.class, () -> new Change.RenameTable(PARENT, "")).getMessage());
  }
}
