package dev.strata.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import dev.strata.schema.change.Change.AddCheckConstraint;
import dev.strata.schema.change.Change.AddColumn;
import dev.strata.schema.change.Change.AddForeignKey;
import dev.strata.schema.change.Change.AddPrimaryKey;
import dev.strata.schema.change.Change.AddUniqueConstraint;
import dev.strata.schema.change.Change.AlterColumnComment;
import dev.strata.schema.change.Change.AlterColumnDefault;
import dev.strata.schema.change.Change.AlterColumnIdentity;
import dev.strata.schema.change.Change.AlterColumnNullable;
import dev.strata.schema.change.Change.AlterColumnType;
import dev.strata.schema.change.Change.AlterSequence;
import dev.strata.schema.change.Change.AlterTableComment;
import dev.strata.schema.change.Change.CreateIndex;
import dev.strata.schema.change.Change.CreateNamespace;
import dev.strata.schema.change.Change.CreateSequence;
import dev.strata.schema.change.Change.CreateTable;
import dev.strata.schema.change.Change.DropCheckConstraint;
import dev.strata.schema.change.Change.DropColumn;
import dev.strata.schema.change.Change.DropForeignKey;
import dev.strata.schema.change.Change.DropIndex;
import dev.strata.schema.change.Change.DropNamespace;
import dev.strata.schema.change.Change.DropPrimaryKey;
import dev.strata.schema.change.Change.DropSequence;
import dev.strata.schema.change.Change.DropTable;
import dev.strata.schema.change.Change.DropUniqueConstraint;
import dev.strata.schema.change.Change.RenameColumn;
import dev.strata.schema.change.Change.RenameTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Example-based tests: the exact changes, in order, for each kind of difference. */
class SchemaDiffTest {
  private static final QualifiedName A = QualifiedName.of("a");
  private static final QualifiedName B = QualifiedName.of("b");
  private static final QualifiedName SHOP_ITEM = QualifiedName.of("shop", "item");
  private static final Column ID = Column.of("id", "bigint").notNull();
  private static final PrimaryKey A_PKEY = PrimaryKey.of("a_pkey", "id");
  private static final PrimaryKey B_PKEY = PrimaryKey.of("b_pkey", "id");

  /** Table {@code a (id bigint not null primary key)} plus the given columns. */
  private static Table a(Column... more) {
    return withId(A, A_PKEY, more);
  }

  private static Table b(Column... more) {
    return withId(B, B_PKEY, more);
  }

  private static Table withId(QualifiedName name, PrimaryKey pk, Column... more) {
    Table table = Table.of(name).withColumn(ID).withPrimaryKey(Optional.of(pk));
    for (Column column : more) {
      table = table.withColumn(column);
    }
    return table;
  }

  private static Schema schema(Table... tables) {
    return new Schema(List.of(), List.of(tables), List.of());
  }

  /** Asserts the diff, and that it and its inverse apply: the laws the property test checks at random. */
  private static void assertDiff(Schema from, Schema to, Renames renames, Change... expected) {
    List<Change> diff = SchemaDiff.diff(from, to, renames);
    assertEquals(List.of(expected), diff);
    assertEquals(to, Change.applyAll(from, diff));
    assertEquals(from, Change.applyAll(to, Change.inverseOf(diff)));
  }

  private static void assertDiff(Schema from, Schema to, Change... expected) {
    assertDiff(from, to, Renames.NONE, expected);
  }

  private static ForeignKey fk(String name, String column, QualifiedName target) {
    return ForeignKey.of(name, List.of(column), target, List.of("id"));
  }

  // ---- nothing to do ------------------------------------------------------------------------------

  @Test
  void equalSchemasNeedNoChange() {
    Schema s = schema(a(Column.of("b_id", "bigint")).withForeignKeys(List.of(fk("fk_b", "b_id", B))), b());
    assertEquals(List.of(), SchemaDiff.diff(s, s, Renames.NONE));
    assertEquals(List.of(), SchemaDiff.diff(Schema.EMPTY, Schema.EMPTY, Renames.NONE));
  }

  // ---- namespaces, tables, sequences --------------------------------------------------------------

  @Test
  void createsEverythingInDependencyOrder() {
    Sequence seq = Sequence.of(QualifiedName.of("shop", "item_seq"), 1, 50);
    Index byName = Index.of("ix_item_name", "name");
    Table item = withId(SHOP_ITEM, PrimaryKey.of("item_pkey", "id"), Column.of("name", "text"),
        Column.of("a_id", "bigint")).withIndexes(List.of(byName))
        .withForeignKeys(List.of(fk("fk_item_a", "a_id", A)))
        .withChecks(List.of(CheckConstraint.of("ck_name", "name <> ''")));
    Schema desired = new Schema(List.of("shop"), List.of(a(), item), List.of(seq));
    assertDiff(Schema.EMPTY, desired,
        new CreateNamespace("shop"),
        new CreateSequence(seq),
        new CreateTable(a()),
        new CreateTable(item.withIndexes(List.of()).withForeignKeys(List.of())),
        new CreateIndex(SHOP_ITEM, byName),
        new AddForeignKey(SHOP_ITEM, fk("fk_item_a", "a_id", A)));
  }

  @Test
  void dropsEverythingInDependencyOrder() {
    Sequence seq = Sequence.of(QualifiedName.of("shop", "item_seq"), 1, 50);
    Index byName = Index.of("ix_item_name", "name");
    Table item = withId(SHOP_ITEM, PrimaryKey.of("item_pkey", "id"), Column.of("name", "text"),
        Column.of("a_id", "bigint")).withIndexes(List.of(byName)).withForeignKeys(List.of(fk("fk_item_a", "a_id", A)));
    Schema current = new Schema(List.of("shop"), List.of(a(), item), List.of(seq));
    assertDiff(current, Schema.EMPTY,
        new DropForeignKey(SHOP_ITEM, fk("fk_item_a", "a_id", A)),
        new DropIndex(SHOP_ITEM, byName),
        new DropTable(a()),
        new DropTable(item.withIndexes(List.of()).withForeignKeys(List.of())),
        new DropSequence(seq),
        new DropNamespace("shop"));
  }

  @Test
  void foreignKeyToANewTableComesAfterTheTable() {
    Table withFk = a(Column.of("b_id", "bigint")).withForeignKeys(List.of(fk("fk_b", "b_id", B)));
    assertDiff(schema(a()), schema(withFk, b()),
        new CreateTable(b()),
        new AddColumn(A, Column.of("b_id", "bigint")),
        new AddForeignKey(A, fk("fk_b", "b_id", B)));
  }

  @Test
  void foreignKeyCycleIsAddedAfterBothTables() {
    Table aToB = a(Column.of("b_id", "bigint")).withForeignKeys(List.of(fk("fk_a_b", "b_id", B)));
    Table bToA = b(Column.of("a_id", "bigint")).withForeignKeys(List.of(fk("fk_b_a", "a_id", A)));
    assertDiff(Schema.EMPTY, schema(aToB, bToA),
        new CreateTable(aToB.withForeignKeys(List.of())),
        new CreateTable(bToA.withForeignKeys(List.of())),
        new AddForeignKey(A, fk("fk_a_b", "b_id", B)),
        new AddForeignKey(B, fk("fk_b_a", "a_id", A)));
  }

  @Test
  void droppingAReferencedTableDropsTheForeignKeyFirst() {
    Table withFk = a(Column.of("b_id", "bigint")).withForeignKeys(List.of(fk("fk_b", "b_id", B)));
    assertDiff(schema(withFk, b()), schema(a(Column.of("b_id", "bigint"))),
        new DropForeignKey(A, fk("fk_b", "b_id", B)),
        new DropTable(b()));
  }

  @Test
  void selfReferencingTableIsCreatedThenReferenced() {
    Table tree = a(Column.of("parent_id", "bigint")).withForeignKeys(List.of(fk("fk_parent", "parent_id", A)));
    assertDiff(Schema.EMPTY, schema(tree),
        new CreateTable(tree.withForeignKeys(List.of())),
        new AddForeignKey(A, fk("fk_parent", "parent_id", A)));
  }

  @Test
  void renamesATableOnlyWithAHint() {
    Table renamed = b().withPrimaryKey(Optional.of(A_PKEY));
    assertDiff(schema(a()), schema(renamed),
        new DropTable(a()),
        new CreateTable(renamed));
    assertDiff(schema(a()), schema(renamed), new Renames(Map.of(B, A), Map.of()),
        new RenameTable(A, "b"));
  }

  @Test
  void foreignKeysFollowARenamedTable() {
    Table child = Table.of("child").withColumns(Column.of("a_id", "bigint"))
        .withForeignKeys(List.of(fk("fk_a", "a_id", A)));
    Table renamed = b().withPrimaryKey(Optional.of(A_PKEY));
    Table childAfter = child.withForeignKeys(List.of(fk("fk_a", "a_id", B)));
    assertDiff(schema(a(), child), schema(renamed, childAfter), new Renames(Map.of(B, A), Map.of()),
        new RenameTable(A, "b"));
  }

  @Test
  void tablesThatSwapNamesGoThroughATemporaryName() {
    Table a = a(Column.of("only_in_a", "text"));
    Table b = b(Column.of("only_in_b", "text"));
    Schema swapped = schema(a.withName(B), b.withName(A));
    assertDiff(schema(a, b), swapped, new Renames(Map.of(A, B, B, A), Map.of()),
        new RenameTable(A, "strata_tmp_1"),
        new RenameTable(B, "a"),
        new RenameTable(QualifiedName.of("strata_tmp_1"), "b"));
  }

  @Test
  void aTableRenamedOverADroppedOneDropsItFirst() {
    Table oldB = b(Column.of("gone", "text"));
    Table renamed = a().withName(B);
    assertDiff(schema(a(), oldB), schema(renamed), new Renames(Map.of(B, A), Map.of()),
        new DropTable(oldB),
        new RenameTable(A, "b"));
  }

  @Test
  void staleAndContradictoryHintsAreIgnored() {
    Schema s = schema(a(), b());
    // the old name no longer exists: the rename happened in an earlier revision
    Renames stale = new Renames(Map.of(B, QualifiedName.of("old_b")), Map.of(A, Map.of("id", "old_id")));
    assertEquals(List.of(), SchemaDiff.diff(s, s, stale));
    assertEquals(Renames.NONE, SchemaDiff.effectiveRenames(s, s, stale));
    // both names exist and both are still wanted: not a rename
    assertEquals(List.of(), SchemaDiff.diff(s, s, new Renames(Map.of(B, A), Map.of())));
    // a rename cannot move a table to another namespace
    Table moved = withId(SHOP_ITEM, A_PKEY);
    assertDiff(schema(a()), new Schema(List.of(), List.of(moved), List.of()), new Renames(Map.of(SHOP_ITEM, A), Map.of()),
        new DropTable(a()),
        new CreateTable(moved));
    // two tables claiming to be the same old one: neither is taken as a rename
    Table c = withId(QualifiedName.of("c"), A_PKEY);
    Table bFromA = b().withPrimaryKey(Optional.of(A_PKEY));
    assertEquals(Renames.NONE, SchemaDiff.effectiveRenames(schema(a()), schema(bFromA, c),
        new Renames(Map.of(B, A, QualifiedName.of("c"), A), Map.of())));
  }

  @Test
  void tableComment() {
    assertDiff(schema(a()), schema(a().withComment(Optional.of("new"))),
        new AlterTableComment(A, Optional.empty(), Optional.of("new")));
  }

  @Test
  void sequencesAreCreatedAlteredAndDropped() {
    Sequence s1 = Sequence.of(QualifiedName.of("s1"), 1, 50);
    Sequence s2 = Sequence.of(QualifiedName.of("s2"), 1, 1);
    Sequence s3 = Sequence.of(QualifiedName.of("s3"), 10, 1);
    Schema current = new Schema(List.of(), List.of(), List.of(s1, s2));
    Schema desired = new Schema(List.of(), List.of(), List.of(s2.withName(s2.name()), new Sequence(s1.name(), 1, 10), s3));
    assertDiff(current, desired,
        new AlterSequence(s1, new Sequence(s1.name(), 1, 10)),
        new CreateSequence(s3));
    assertDiff(desired, current,
        new AlterSequence(new Sequence(s1.name(), 1, 10), s1),
        new DropSequence(s3));
  }

  // ---- columns ------------------------------------------------------------------------------------

  @Test
  void addsAndDropsColumns() {
    Column added = Column.of("note", "text").withComment("why");
    Column dropped = Column.of("legacy", "integer").notNull().withDefault("0");
    assertDiff(schema(a(dropped)), schema(a(added)),
        new DropColumn(A, dropped),
        new AddColumn(A, added));
  }

  @Test
  void renamesAColumnOnlyWithAHintAndKeysFollow() {
    Table child = Table.of("child").withColumns(Column.of("a_code", "text"))
        .withForeignKeys(List.of(ForeignKey.of("fk_a", List.of("a_code"), A, List.of("code"))));
    Table before = a(Column.of("code", "text")).withUniqueConstraints(List.of(UniqueConstraint.of("uk_code", "code")))
        .withIndexes(List.of(new Index("ix_code", List.of(IndexColumn.desc("code")), false)));
    Table after = a(Column.of("sku", "text")).withUniqueConstraints(List.of(UniqueConstraint.of("uk_code", "sku")))
        .withIndexes(List.of(new Index("ix_code", List.of(IndexColumn.desc("sku")), false)));
    Table childAfter = child.withForeignKeys(List.of(ForeignKey.of("fk_a", List.of("a_code"), A, List.of("sku"))));
    assertDiff(schema(before, child), schema(after, childAfter), new Renames(Map.of(), Map.of(A, Map.of("sku", "code"))),
        new RenameColumn(A, "code", "sku"));
  }

  @Test
  void withoutAHintARenamedColumnIsADropAndAnAdd() {
    assertDiff(schema(a(Column.of("code", "text"))), schema(a(Column.of("sku", "text"))),
        new DropColumn(A, Column.of("code", "text")),
        new AddColumn(A, Column.of("sku", "text")));
  }

  @Test
  void columnsThatRotateNamesGoThroughATemporaryName() {
    Column x = Column.of("x", "integer");
    Column y = Column.of("y", "text");
    assertDiff(schema(a(x, y)), schema(a(x.withName("y"), y.withName("x"))),
        new Renames(Map.of(), Map.of(A, Map.of("x", "y", "y", "x"))),
        new RenameColumn(A, "x", "strata_tmp_1"),
        new RenameColumn(A, "y", "x"),
        new RenameColumn(A, "strata_tmp_1", "y"));
  }

  @Test
  void aChainOfColumnRenamesShiftsFromTheEndAndANewColumnMayTakeTheFirstName() {
    Column x = Column.of("x", "integer");
    Column y = Column.of("y", "text");
    Column newX = Column.of("x", "uuid");
    Renames hints = new Renames(Map.of(), Map.of(A, Map.of("y", "x", "z", "y")));
    assertDiff(schema(a(x, y)), schema(a(x.withName("y"), y.withName("z"), newX)), hints,
        new RenameColumn(A, "y", "z"),
        new RenameColumn(A, "x", "y"),
        new AddColumn(A, newX));
  }

  @Test
  void theSameChainOnceAppliedIsStale() {
    Schema after = schema(a(Column.of("y", "integer"), Column.of("z", "text"), Column.of("x", "uuid")));
    Renames hints = new Renames(Map.of(), Map.of(A, Map.of("y", "x", "z", "y")));
    assertEquals(Renames.NONE, SchemaDiff.effectiveRenames(after, after, hints));
    assertEquals(List.of(), SchemaDiff.diff(after, after, hints));
  }

  @Test
  void aColumnRenamedOverADroppedOneDropsItFirst() {
    Column old = Column.of("old", "text");
    Column gone = Column.of("name", "varchar(10)");
    assertDiff(schema(a(old, gone)), schema(a(old.withName("name"))),
        new Renames(Map.of(), Map.of(A, Map.of("name", "old"))),
        new DropColumn(A, gone),
        new RenameColumn(A, "old", "name"));
  }

  @Test
  void aCheckThatNamesARenamedColumnIsDroppedBeforeAndAddedAfterTheRename() {
    Table before = a(Column.of("qty", "integer")).withChecks(List.of(CheckConstraint.of("ck_qty", "qty > 0")));
    Table after = a(Column.of("quantity", "integer"))
        .withChecks(List.of(CheckConstraint.of("ck_qty", "quantity > 0")));
    assertDiff(schema(before), schema(after), new Renames(Map.of(), Map.of(A, Map.of("quantity", "qty"))),
        new DropCheckConstraint(A, CheckConstraint.of("ck_qty", "qty > 0")),
        new RenameColumn(A, "qty", "quantity"),
        new AddCheckConstraint(A, CheckConstraint.of("ck_qty", "quantity > 0")));
  }

  /**
   * Columns that swap names keep their checks' names and texts in the model, but PostgreSQL rewrites
   * each check along with its column: the check named after {@code x} would then check {@code y}.
   */
  @Test
  void checksOfColumnsThatSwapNamesAreDroppedAndAddedAgain() {
    CheckConstraint onX = CheckConstraint.of("a_x_check", "x >= 0");
    CheckConstraint onY = CheckConstraint.of("a_y_check", "\"y\" <= 2");
    CheckConstraint other = CheckConstraint.of("a_z_check", "z <> 'x'");
    Table before = a(Column.of("x", "integer"), Column.of("y", "bigint"), Column.of("z", "text"))
        .withChecks(List.of(onX, onY, other));
    Table after = a(Column.of("x", "bigint"), Column.of("y", "integer"), Column.of("z", "text"))
        .withChecks(List.of(onX, onY, other));
    assertDiff(schema(before), schema(after), new Renames(Map.of(), Map.of(A, Map.of("x", "y", "y", "x"))),
        new DropCheckConstraint(A, onX),
        new DropCheckConstraint(A, onY),
        new RenameColumn(A, "x", "strata_tmp_1"),
        new RenameColumn(A, "y", "x"),
        new RenameColumn(A, "strata_tmp_1", "y"),
        new AddCheckConstraint(A, onX),
        new AddCheckConstraint(A, onY));
  }

  /** After a swap, the hints left in the source find the definitions already in place: the swap is done. */
  @Test
  void aSwapAlreadyMadeIsIgnored() {
    Schema swapped = schema(a(Column.of("x", "varchar(20)"), Column.of("y", "varchar(10)")));
    Renames hints = new Renames(Map.of(), Map.of(A, Map.of("x", "y", "y", "x")));
    assertEquals(List.of(), SchemaDiff.diff(swapped, swapped, hints));
    assertEquals(Renames.NONE, SchemaDiff.effectiveRenames(swapped, swapped, hints));
    assertEquals(hints, SchemaDiff.doneCycles(swapped, swapped, hints));
    assertEquals(Renames.NONE, SchemaDiff.undecidableCycles(swapped, swapped, hints));
    // the hints still swap when the definitions are under the old names, also when one changes as well
    Schema before = schema(a(Column.of("x", "varchar(10)"), Column.of("y", "varchar(20)")));
    Schema wanted = schema(a(Column.of("x", "varchar(20)"), Column.of("y", "varchar(10)").notNull()));
    assertEquals(hints, SchemaDiff.effectiveRenames(before, wanted, hints));
    assertEquals(Renames.NONE, SchemaDiff.doneCycles(before, wanted, hints));
  }

  /** Columns with the same definition look the same before and after a swap: it is not made. */
  @Test
  void aSwapOfColumnsWithTheSameDefinitionCannotBeTold() {
    Schema s = schema(a(Column.of("x", "text"), Column.of("y", "text")));
    Renames hints = new Renames(Map.of(), Map.of(A, Map.of("x", "y", "y", "x")));
    assertEquals(List.of(), SchemaDiff.diff(s, s, hints));
    assertEquals(hints, SchemaDiff.undecidableCycles(s, s, hints));
    assertEquals(Renames.NONE, SchemaDiff.doneCycles(s, s, hints));
  }

  /** A swap of tables left in the source is done once each table's content is under its new name. */
  @Test
  void aTableSwapAlreadyMadeIsIgnored() {
    Table a = a(Column.of("only_in_a", "text"));
    Table b = b(Column.of("only_in_b", "text"));
    Schema swapped = schema(a.withName(B), b.withName(A));
    Renames hints = new Renames(Map.of(A, B, B, A), Map.of());
    assertEquals(List.of(), SchemaDiff.diff(swapped, swapped, hints));
    assertEquals(hints, SchemaDiff.doneCycles(swapped, swapped, hints));
  }

  /** A chain next to a swap already made: the chain applies, the swap's hints do not vouch for it. */
  @Test
  void aChainStillAppliesBesideASwapAlreadyMade() {
    Schema before = schema(a(Column.of("x", "varchar(20)"), Column.of("y", "varchar(10)"), Column.of("p", "date"),
        Column.of("q", "uuid")));
    Schema wanted = schema(a(Column.of("x", "varchar(20)"), Column.of("y", "varchar(10)"), Column.of("q", "date"),
        Column.of("r", "uuid")));
    Renames hints = new Renames(Map.of(), Map.of(A, Map.of("x", "y", "y", "x", "q", "p", "r", "q")));
    assertDiff(before, wanted, hints,
        new RenameColumn(A, "q", "r"),
        new RenameColumn(A, "p", "q"));
  }

  /** After a -> b, the hint left on a beside the next rename b -> c: the new rename wins. */
  @Test
  void aHintLeftAfterItsRenameDoesNotBlockTheNextRenameOfTheSameColumn() {
    Schema before = schema(a(Column.of("x", "varchar(20)"), Column.of("y", "varchar(10)")));
    Schema wanted = schema(a(Column.of("x", "varchar(20)"), Column.of("z", "varchar(10)")));
    assertDiff(before, wanted, new Renames(Map.of(), Map.of(A, Map.of("x", "y", "z", "y"))),
        new RenameColumn(A, "y", "z"));
  }

  /**
   * After a swap of y and z (hints left: z <- y, y <- z), y and x swap: the new hints x <- y, y <- x
   * and the left-over z <- y all name y. The left-over one gives way (z already holds what is wanted
   * there), and the new swap is made.
   */
  @Test
  void aSwapLeftInTheSourceDoesNotBlockTheNextSwapOfOneOfItsColumns() {
    Schema before = schema(a(Column.of("x", "date"), Column.of("y", "varchar(10)"), Column.of("z", "time")));
    Schema wanted = schema(a(Column.of("x", "varchar(10)"), Column.of("y", "date"), Column.of("z", "time")));
    assertDiff(before, wanted, new Renames(Map.of(), Map.of(A, Map.of("x", "y", "y", "x", "z", "y"))),
        new RenameColumn(A, "x", "strata_tmp_1"),
        new RenameColumn(A, "y", "x"),
        new RenameColumn(A, "strata_tmp_1", "y"));
  }

  /**
   * After a swap of x and y (hints left: x <- y, y <- x), the attribute under y goes away: the hint
   * x <- y is left alone. Renaming y over x would drop x's values and put y's (of another type) there.
   */
  @Test
  void aSwapHintLeftAfterItsPartnerWentAwayDoesNotReplaceTheColumn() {
    Schema before = schema(a(Column.of("x", "real"), Column.of("y", "time")));
    Schema wanted = schema(a(Column.of("x", "real")));
    assertDiff(before, wanted, new Renames(Map.of(), Map.of(A, Map.of("x", "y"))),
        new DropColumn(A, Column.of("y", "time")));
  }

  @Test
  void identifiersOfAnExpression() {
    assertEquals(java.util.Set.of("lower", "name", "Quoted", "and", "n"),
        SchemaDiff.identifiers("LOWER(name) <> 'it''s x' AND \"Quoted\" > n"));
  }

  @Test
  void typeNullabilityDefaultAndComment() {
    Column before = Column.of("c", "varchar(10)").withDefault("'a'").withComment("old");
    Column after = Column.of("c", "varchar(20)").notNull().withDefault("'a'").withComment("new");
    assertDiff(schema(a(before)), schema(a(after)),
        new AlterColumnType(A, "c", SqlType.of("varchar", 10), SqlType.of("varchar", 20)),
        new AlterColumnNullable(A, "c", false),
        new AlterColumnComment(A, "c", Optional.of("old"), Optional.of("new")));
  }

  @Test
  void aDefaultThatOnlyChangesIsOneChange() {
    assertDiff(schema(a(Column.of("c", "text").withDefault("'a'"))), schema(a(Column.of("c", "text").withDefault("'b'"))),
        new AlterColumnDefault(A, "c", Optional.of("'a'"), Optional.of("'b'")));
  }

  @Test
  void aDefaultThatChangesWithTheTypeIsDroppedBeforeAndSetAfter() {
    Column before = Column.of("c", "text").withDefault("'1'");
    Column after = Column.of("c", "integer").withDefault("1");
    assertDiff(schema(a(before)), schema(a(after)),
        new AlterColumnDefault(A, "c", Optional.of("'1'"), Optional.empty()),
        new AlterColumnType(A, "c", SqlType.of("text"), SqlType.of("integer")),
        new AlterColumnDefault(A, "c", Optional.empty(), Optional.of("1")));
  }

  @Test
  void becomingAnIdentitySetsNotNullAndDropsTheDefaultFirst() {
    Column before = Column.of("n", "bigint").withDefault("0");
    Column after = Column.of("n", "bigint").withIdentity(Identity.BY_DEFAULT);
    assertDiff(schema(a(before)), schema(a(after)),
        new AlterColumnDefault(A, "n", Optional.of("0"), Optional.empty()),
        new AlterColumnNullable(A, "n", false),
        new AlterColumnIdentity(A, "n", Optional.empty(), Optional.of(Identity.BY_DEFAULT)));
    // and back: the identity goes before NOT NULL and the default
    assertDiff(schema(a(after)), schema(a(before)),
        new AlterColumnIdentity(A, "n", Optional.of(Identity.BY_DEFAULT), Optional.empty()),
        new AlterColumnNullable(A, "n", true),
        new AlterColumnDefault(A, "n", Optional.empty(), Optional.of("0")));
  }

  @Test
  void identityKindChangesInOneStep() {
    assertDiff(schema(a(Column.of("n", "bigint").withIdentity(Identity.ALWAYS))),
        schema(a(Column.of("n", "bigint").withIdentity(Identity.BY_DEFAULT))),
        new AlterColumnIdentity(A, "n", Optional.of(Identity.ALWAYS), Optional.of(Identity.BY_DEFAULT)));
  }

  // ---- keys, constraints, indexes -----------------------------------------------------------------

  @Test
  void primaryKeyChangeIsADropAndAnAdd() {
    Table before = a(Column.of("code", "text").notNull());
    Table after = before.withPrimaryKey("a_pkey", "id", "code");
    assertDiff(schema(before), schema(after),
        new DropPrimaryKey(A, A_PKEY),
        new AddPrimaryKey(A, PrimaryKey.of("a_pkey", "id", "code")));
    assertDiff(schema(before), schema(before.withPrimaryKey(Optional.empty())),
        new DropPrimaryKey(A, A_PKEY));
  }

  @Test
  void foreignKeysOntoAChangedPrimaryKeyAreDroppedAndAddedAround() {
    Table child = Table.of("child").withColumns(Column.of("a_id", "bigint"))
        .withForeignKeys(List.of(fk("fk_a", "a_id", A)));
    Table renamedKey = a().withPrimaryKey(Optional.of(PrimaryKey.of("a_pk", "id")));
    assertDiff(schema(a(), child), schema(renamedKey, child),
        new DropForeignKey(QualifiedName.of("child"), fk("fk_a", "a_id", A)),
        new DropPrimaryKey(A, A_PKEY),
        new AddPrimaryKey(A, PrimaryKey.of("a_pk", "id")),
        new AddForeignKey(QualifiedName.of("child"), fk("fk_a", "a_id", A)));
  }

  @Test
  void foreignKeysOntoAChangedUniqueIndexAreDroppedAndAddedAround() {
    Index unique = new Index("ux_code", List.of(IndexColumn.asc("code")), true);
    Table target = a(Column.of("code", "text")).withIndexes(List.of(unique));
    Table child = Table.of("child").withColumns(Column.of("a_code", "text"))
        .withForeignKeys(List.of(ForeignKey.of("fk_a", List.of("a_code"), A, List.of("code"))));
    Index changed = new Index("ux_code", List.of(IndexColumn.desc("code")), true);
    assertDiff(schema(target, child), schema(target.withIndexes(List.of(changed)), child),
        new DropForeignKey(QualifiedName.of("child"), child.foreignKeys().get(0)),
        new DropIndex(A, unique),
        new CreateIndex(A, changed),
        new AddForeignKey(QualifiedName.of("child"), child.foreignKeys().get(0)));
  }

  @Test
  void foreignKeyChangesAreADropAndAnAdd() {
    ForeignKey before = fk("fk_b", "b_id", B);
    ForeignKey after = before.withOnDelete(ReferentialAction.CASCADE);
    Table a = a(Column.of("b_id", "bigint"));
    assertDiff(schema(a.withForeignKeys(List.of(before)), b()), schema(a.withForeignKeys(List.of(after)), b()),
        new DropForeignKey(A, before),
        new AddForeignKey(A, after));
    assertDiff(schema(a, b()), schema(a.withForeignKeys(List.of(before)), b()),
        new AddForeignKey(A, before));
    assertDiff(schema(a.withForeignKeys(List.of(before)), b()), schema(a, b()),
        new DropForeignKey(A, before));
  }

  @Test
  void foreignKeysAreDroppedWhileTheirColumnsChangeType() {
    Table child = Table.of("child").withColumns(Column.of("a_id", "integer"))
        .withForeignKeys(List.of(fk("fk_a", "a_id", A)));
    Table target = Table.of(A).withColumns(Column.of("id", "integer").notNull()).withPrimaryKey("a_pkey", "id");
    Table childAfter = Table.of("child").withColumns(Column.of("a_id", "bigint"))
        .withForeignKeys(List.of(fk("fk_a", "a_id", A)));
    QualifiedName c = QualifiedName.of("child");
    assertDiff(schema(target, child), schema(a(), childAfter),
        new DropForeignKey(c, fk("fk_a", "a_id", A)),
        new AlterColumnType(A, "id", SqlType.of("integer"), SqlType.of("bigint")),
        new AlterColumnType(c, "a_id", SqlType.of("integer"), SqlType.of("bigint")),
        new AddForeignKey(c, fk("fk_a", "a_id", A)));
  }

  @Test
  void uniqueConstraintsChecksAndIndexes() {
    Table base = a(Column.of("x", "integer"), Column.of("y", "integer"));
    UniqueConstraint ukX = UniqueConstraint.of("uk", "x");
    UniqueConstraint ukXy = UniqueConstraint.of("uk", "x", "y");
    CheckConstraint positive = CheckConstraint.of("ck", "x > 0");
    CheckConstraint negative = CheckConstraint.of("ck", "x < 0");
    Index ix = Index.of("ix", "x", "y");
    Index ixDesc = new Index("ix", List.of(IndexColumn.asc("x"), IndexColumn.desc("y")), false);
    Index ixUnique = ix.withUnique(true);
    Table before = base.withUniqueConstraints(List.of(ukX)).withChecks(List.of(positive)).withIndexes(List.of(ix));
    assertDiff(schema(before), schema(before.withUniqueConstraints(List.of(ukXy))),
        new DropUniqueConstraint(A, ukX), new AddUniqueConstraint(A, ukXy));
    assertDiff(schema(before), schema(before.withChecks(List.of(negative))),
        new DropCheckConstraint(A, positive), new AddCheckConstraint(A, negative));
    assertDiff(schema(before), schema(before.withIndexes(List.of(ixDesc))),
        new DropIndex(A, ix), new CreateIndex(A, ixDesc));
    assertDiff(schema(before), schema(before.withIndexes(List.of(ixUnique))),
        new DropIndex(A, ix), new CreateIndex(A, ixUnique));
    assertDiff(schema(base), schema(before),
        new AddUniqueConstraint(A, ukX), new AddCheckConstraint(A, positive), new CreateIndex(A, ix));
    assertDiff(schema(before), schema(base),
        new DropIndex(A, ix), new DropUniqueConstraint(A, ukX), new DropCheckConstraint(A, positive));
  }

  @Test
  void droppingAColumnDropsWhatUsesItFirst() {
    Table child = Table.of("child").withColumns(Column.of("a_code", "text"))
        .withForeignKeys(List.of(ForeignKey.of("fk_a", List.of("a_code"), A, List.of("code"))));
    Table before = a(Column.of("code", "text")).withUniqueConstraints(List.of(UniqueConstraint.of("uk_code", "code")))
        .withIndexes(List.of(Index.of("ix_code", "code")));
    Table childAfter = child.withForeignKeys(List.of());
    QualifiedName c = QualifiedName.of("child");
    assertDiff(schema(before, child), schema(a(), childAfter),
        new DropForeignKey(c, child.foreignKeys().get(0)),
        new DropIndex(A, Index.of("ix_code", "code")),
        new DropUniqueConstraint(A, UniqueConstraint.of("uk_code", "code")),
        new DropColumn(A, Column.of("code", "text")));
  }

  @Test
  void theDowngradeIsTheReverseOfTheInverses() {
    Table withFk = a(Column.of("b_id", "bigint")).withForeignKeys(List.of(fk("fk_b", "b_id", B)));
    List<Change> up = SchemaDiff.diff(schema(a()), schema(withFk, b()), Renames.NONE);
    assertEquals(List.of(
        new DropForeignKey(A, fk("fk_b", "b_id", B)),
        new DropColumn(A, Column.of("b_id", "bigint")),
        new DropTable(b())), Change.inverseOf(up));
    // The reverse diff may order its drops differently, but it arrives at the same schema.
    assertEquals(Change.applyAll(schema(withFk, b()), Change.inverseOf(up)),
        Change.applyAll(schema(withFk, b()), SchemaDiff.diff(schema(withFk, b()), schema(a()), Renames.NONE)));
  }
}
