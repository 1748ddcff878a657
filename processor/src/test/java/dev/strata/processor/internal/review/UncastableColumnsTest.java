package dev.strata.processor.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Index;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.Renames;
import dev.strata.schema.diff.SchemaDiff;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UncastableColumnsTest {
  private static final QualifiedName ITEM = QualifiedName.of("item");
  private static final QualifiedName LINE = QualifiedName.of("line");

  /** item (id, code with an index and a check), line (id, item_id with a foreign key to item). */
  private static Schema schema(String keyType, String codeType) {
    Table item = Table.of(ITEM)
        .withColumns(Column.of("id", keyType).notNull(), Column.of("code", codeType), Column.of("n", "integer"))
        .withPrimaryKey("item_pkey", "id")
        .withIndexes(List.of(Index.of("item_code_idx", "code")))
        .withChecks(List.of(CheckConstraint.of("item_n_check", "n >= 0"),
            CheckConstraint.of("item_code_check", "code IS NOT NULL OR n > 0")));
    Table line = Table.of(LINE)
        .withColumns(Column.of("id", "bigint").notNull(), Column.of("item_id", keyType))
        .withPrimaryKey("line_pkey", "id")
        .withForeignKeys(List.of(ForeignKey.of("line_item_fk", List.of("item_id"), ITEM, List.of("id"))));
    return Schema.EMPTY.withTables(List.of(item, line));
  }

  private static List<Change> diff(Schema current, Schema desired, Set<String> accepted) {
    return UncastableColumns.diff(current, desired, Renames.NONE, accepted::contains);
  }

  @Test
  void anUnacceptedChangeIsTheDiff() {
    Schema current = schema("bigint", "integer");
    Schema desired = schema("bigint", "uuid");
    assertEquals(SchemaDiff.diff(current, desired, Renames.NONE), diff(current, desired, Set.of()));
  }

  @Test
  void anAcceptedChangeDropsAndAddsTheColumnWithWhatNamesIt() {
    Schema current = schema("bigint", "integer");
    Schema desired = schema("bigint", "uuid");
    List<Change> changes = diff(current, desired, Set.of("item.code"));
    assertTrue(changes.stream().noneMatch(c -> c instanceof Change.AlterColumnType), changes.toString());
    assertTrue(changes.contains(new Change.DropColumn(ITEM, Column.of("code", "integer"))), changes.toString());
    assertTrue(changes.contains(new Change.AddColumn(ITEM, Column.of("code", "uuid"))), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c instanceof Change.DropIndex), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c instanceof Change.CreateIndex), changes.toString());
    // The check naming code goes and comes back; the one that does not name it stays.
    assertEquals(1, changes.stream().filter(c -> c instanceof Change.DropCheckConstraint).count(), changes.toString());
    assertEquals(desired, Change.applyAll(current, changes));
    assertEquals(current, Change.applyAll(desired, Change.inverseOf(changes)));
  }

  @Test
  void aKeyAndTheForeignKeysThatNeedItAreDroppedAndAddedAround() {
    Schema current = schema("bigint", "integer");
    Schema desired = schema("uuid", "integer");
    List<Change> changes = diff(current, desired, Set.of("item.id", "line.item_id"));
    assertTrue(changes.stream().noneMatch(c -> c instanceof Change.AlterColumnType), changes.toString());
    assertEquals(desired, Change.applyAll(current, changes));
    assertEquals(current, Change.applyAll(desired, Change.inverseOf(changes)));
  }

  @Test
  void aColumnThatIsRenamedAndRetypedIsDroppedUnderItsOldName() {
    Schema current = schema("bigint", "integer");
    Table item = desiredItemWithRenamedCode();
    Schema desired = current.withTable(item);
    Renames renames = new Renames(Map.of(), Map.of(ITEM, Map.of("label", "code")));
    List<Change> changes = UncastableColumns.diff(current, desired, renames, Set.of("item.label")::contains);
    assertTrue(changes.contains(new Change.DropColumn(ITEM, Column.of("code", "integer"))), changes.toString());
    assertTrue(changes.contains(new Change.AddColumn(ITEM, Column.of("label", "uuid"))), changes.toString());
    assertEquals(desired, Change.applyAll(current, changes));
  }

  private static Table desiredItemWithRenamedCode() {
    return Table.of(ITEM)
        .withColumns(Column.of("id", "bigint").notNull(), Column.of("label", "uuid"), Column.of("n", "integer"))
        .withPrimaryKey("item_pkey", "id")
        .withChecks(List.of(CheckConstraint.of("item_n_check", "n >= 0")));
  }
}
