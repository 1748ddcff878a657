package dev.strata.processor.internal.review;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.entity.EntityModel;
import dev.strata.processor.internal.options.StrataOptions;
import dev.strata.schema.Column;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.Renames;
import dev.strata.schema.diff.SchemaDiff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Warns, before a revision is committed, about what it would do to data and to a busy table (see
 * {@code shared/reference/pg-lock-hazards.md}): destructive changes (an error with
 * {@code strata.destructive=error} unless the {@link DataLossPolicy} accepts the loss), type
 * changes PostgreSQL cannot cast (an error), changes that take long locks or rewrite an existing
 * table (each names the safer form), a drop and an add that look like a rename, and
 * {@code @RenamedFrom} annotations whose rename is already done. Warnings are attached to the
 * entity or field that made the table or column when there is one.
 */
public final class ReviewWarnings implements Change.Visitor<Void> {

  /** Functions whose value differs per row: a column added with one as default rewrites the table. */
  private static final List<String> VOLATILE_FUNCTIONS = List.of("gen_random_uuid", "uuid_generate_v",
      "random", "clock_timestamp", "timeofday", "nextval", "statement_timestamp", "txid_current");

  private final Diagnostics diagnostics;
  private final DataLossPolicy policy;
  private final Map<QualifiedName, Element> tableOrigins;
  private final Map<QualifiedName, Map<String, Element>> columnOrigins;
  private final Set<QualifiedName> newTables = new HashSet<>();
  /** Columns the revision adds, by table: a dropped column added again under its name is replaced. */
  private final Map<QualifiedName, Map<String, Column>> added = new HashMap<>();
  /**
   * Appended to the warnings whose safe form {@code strata.safeConstraints} would generate: it is off
   * and the revision is one the option splits. Empty otherwise.
   */
  private final String safeFormHint;

  private ReviewWarnings(Diagnostics diagnostics, DataLossPolicy policy, EntityModel model, String safeFormHint) {
    this.safeFormHint = safeFormHint;
    this.diagnostics = diagnostics;
    this.policy = policy;
    this.tableOrigins = model.tableOrigins();
    this.columnOrigins = model.columnOrigins();
  }

  /**
   * Reports the warnings for {@code changes} (made from {@code model}'s entities); destructive
   * changes are errors when {@code policy} says so and does not accept their loss. Used for amended
   * and merge revisions: {@code strata.safeConstraints} does not split those, so the warnings do not
   * suggest it.
   */
  public static void review(List<? extends Change> changes, Diagnostics diagnostics, DataLossPolicy policy,
      EntityModel model) {
    review(changes, diagnostics, policy, model, "");
  }

  /**
   * As {@link #review(List, Diagnostics, DataLossPolicy, EntityModel)}; {@code safeConstraints}
   * tells whether {@code strata.safeConstraints} is on. When it is off, the warnings about foreign
   * keys, checks and NOT NULL say that it would generate the safe form.
   */
  public static void review(List<? extends Change> changes, Diagnostics diagnostics, DataLossPolicy policy,
      EntityModel model, boolean safeConstraints) {
    review(changes, diagnostics, policy, model, safeConstraints ? ""
        : " (-A" + StrataOptions.SAFE_CONSTRAINTS + "=true generates this form in a non-transactional revision)");
  }

  private static void review(List<? extends Change> changes, Diagnostics diagnostics, DataLossPolicy policy,
      EntityModel model, String safeFormHint) {
    ReviewWarnings review = new ReviewWarnings(diagnostics, policy, model, safeFormHint);
    for (Change change : changes) {
      if (change instanceof Change.CreateTable create) {
        review.newTables.add(create.table().name());
      } else if (change instanceof Change.AddColumn add) {
        review.added.computeIfAbsent(add.table(), t -> new HashMap<>()).put(add.column().name(), add.column());
      }
    }
    for (Change change : changes) {
      change.accept(review);
    }
    review.possibleRenames(changes);
  }

  /**
   * The names of the cycle of hints ({@code hints}: new name to old name) that {@code start} is in,
   * sorted: a table may hold several exchanges, and a message names only its own.
   */
  private static <N extends Comparable<? super N>> List<N> cycleOf(Map<N, N> hints, N start) {
    List<N> cycle = new ArrayList<>();
    for (N at = start; at != null && !cycle.contains(at); at = hints.get(at)) {
      cycle.add(at);
    }
    Collections.sort(cycle);
    return cycle;
  }

  /**
   * Reports on the {@code @RenamedFrom} hints before the diff uses them: a note for each whose rename
   * an earlier revision already made ({@code current}, the committed snapshot, has the new name and
   * not the old one, or a swap's definitions are already under the new names); a warning for a swap
   * whose columns or tables look the same, which the diff cannot tell from one already made and
   * ignores; with {@code checkNames}, an error for a column hint that names no column of the table
   * being renamed.
   */
  public static void renamesDone(Renames renames, Schema current, Schema desired, boolean checkNames,
      Diagnostics diagnostics, Map<QualifiedName, Element> tableOrigins,
      Map<QualifiedName, Map<String, Element>> columnOrigins) {
    Renames cyclesDone = SchemaDiff.doneCycles(current, desired, renames);
    Renames undecidable = SchemaDiff.undecidableCycles(current, desired, renames);
    renames.tables().forEach((to, from) -> {
      Element origin = tableOrigins.get(to);
      if (origin == null) {
        return;
      }
      if (current.table(to).isPresent() && current.table(from).isEmpty()) {
        diagnostics.note(ReviewCode.RENAME_DONE, "@RenamedFrom(\"" + from.name() + "\") on the entity of table "
            + to + ": an earlier revision already renamed " + from + " to " + to.name()
            + "; the annotation can be removed", origin);
      } else if (cyclesDone.tables().containsKey(to)) {
        diagnostics.note(ReviewCode.RENAME_DONE, "@RenamedFrom(\"" + from.name() + "\") on the entity of table "
            + to + ": an earlier revision already made this exchange of names (table " + to + " already holds "
            + "what was " + from + "); the annotation can be removed", origin);
      } else if (undecidable.tables().containsKey(to)) {
        diagnostics.warning(ReviewCode.RENAME_UNDECIDABLE, "@RenamedFrom(\"" + from.name() + "\") on the entity "
            + "of table " + to + ": the tables exchanging names (" + String.join(", ",
                cycleOf(undecidable.tables(), to).stream().map(QualifiedName::toString).toList()) + ") look the same,"
            + " so Strata cannot tell whether the exchange is still to be made or an earlier revision made it,"
            + " and does not make it; remove the annotations if it was made, or write the renames into a"
            + " revision by hand (-Astrata.empty=true -Astrata.message=...)", origin);
      }
    });
    Map<QualifiedName, QualifiedName> tableRenames = SchemaDiff.effectiveRenames(current, desired, renames).tables();
    renames.columns().forEach((table, columns) -> columns.forEach((to, from) -> {
      Element origin = columnOrigins.getOrDefault(table, Map.of()).get(to);
      if (origin == null) {
        return;
      }
      Optional<Table> before = current.table(tableRenames.getOrDefault(table, table));
      boolean done = current.table(table).map(t -> t.column(to).isPresent() && t.column(from).isEmpty()).orElse(false);
      String hint = "@RenamedFrom(\"" + from + "\") on the field of column " + table + "." + to;
      if (done) {
        diagnostics.note(ReviewCode.RENAME_DONE, hint + ": an earlier revision already renamed it from " + from
            + "; the annotation can be removed", origin);
      } else if (cyclesDone.columns().getOrDefault(table, Map.of()).containsKey(to)) {
        diagnostics.note(ReviewCode.RENAME_DONE, hint + ": an earlier revision already made this exchange of"
            + " names (column " + to + " already has the definition that " + from + " had); the annotation can be"
            + " removed", origin);
      } else if (undecidable.columns().getOrDefault(table, Map.of()).containsKey(to)) {
        diagnostics.warning(ReviewCode.RENAME_UNDECIDABLE, hint + ": the columns exchanging names ("
            + String.join(", ", cycleOf(undecidable.columns().get(table), to)) + ") have the same definition, so"
            + " Strata cannot tell whether the exchange is still to be made or an earlier revision made it, and"
            + " does not make it; remove the annotations if it was made, or write the renames into a revision by"
            + " hand (-Astrata.empty=true -Astrata.message=...)", origin);
      } else if (checkNames && before.isPresent() && before.get().column(from).isEmpty()
          && before.get().column(to).isEmpty()) {
        List<String> likely = before.get().columns().stream().map(Column::name)
            .filter(c -> c.startsWith(from + "_") && desired.table(table).flatMap(t -> t.column(c)).isEmpty())
            .toList();
        diagnostics.error(ReviewCode.RENAME_UNKNOWN, hint + ": table " + before.get().name() + " has no column "
            + from + " to rename (nor a column " + to + " already); write the old column's name exactly as in the"
            + " database" + (likely.isEmpty() ? "" : " (for a relation, its join column's: "
                + String.join(" or ", likely) + ")") + ", or remove the annotation", origin);
      }
    }));
  }

  private Optional<Element> tableOrigin(QualifiedName table) {
    return Optional.ofNullable(tableOrigins.get(table));
  }

  private Optional<Element> columnOrigin(QualifiedName table, String column) {
    Element field = columnOrigins.getOrDefault(table, Map.of()).get(column);
    return field != null ? Optional.of(field) : tableOrigin(table);
  }

  /**
   * {@code object} is what is lost, as named in {@code strata.acknowledge}: {@code table} or
   * {@code table.column}; {@code annotation} says where {@code @AcceptDataLoss} would accept it.
   */
  private void destructive(ReviewCode code, String message, String object, String annotation, Optional<Element> at) {
    Optional<String> acceptance = policy.acceptance(object);
    boolean refused = policy.destructiveIsError() && acceptance.isEmpty();
    String text = message + (refused
        ? "; strata.destructive=error forbids this: change the entities back, or accept the loss with " + annotation
            + " or -A" + StrataOptions.ACKNOWLEDGE + "=" + object
        : acceptance.isPresent()
            ? " (acknowledged with " + acceptance.get() + ")"
            : "; check that no data is needed, or copy it first in a hand-written step");
    if (refused) {
      at.ifPresentOrElse(e -> diagnostics.error(code, text, e), () -> diagnostics.error(code, text));
    } else {
      // A dropped table has no entity left: the annotation that accepted the loss is the place to name.
      warn(code, text, at.or(() -> policy.acceptedAt(object)));
    }
  }

  private void warn(ReviewCode code, String message, Optional<Element> at) {
    at.ifPresentOrElse(e -> diagnostics.warning(code, message, e), () -> diagnostics.warning(code, message));
  }

  private boolean existing(QualifiedName table) {
    return !newTables.contains(table);
  }

  // ---- destructive changes -------------------------------------------------------------------------

  @Override public Void dropTable(Change.DropTable c) {
    String table = c.table().name().toString();
    destructive(ReviewCode.DROP_TABLE, "the revision drops table " + table + " with all its rows", table,
        "@AcceptDataLoss(tables = \"" + table + "\") on an entity or in package-info.java", Optional.empty());
    return null;
  }

  @Override public Void dropColumn(Change.DropColumn c) {
    String name = c.column().name();
    Column again = added.getOrDefault(c.table(), Map.of()).get(name);
    if (again != null && !TypeChanges.canCast(c.column().type(), again.type())) {
      // An uncastable type change whose loss was accepted (UncastableColumns).
      destructive(ReviewCode.DROP_COLUMN, "the revision drops column " + c.table() + "." + name + " ("
          + c.column().type() + ") with all its values and adds it again as " + again.type() + ", because"
          + " PostgreSQL has no cast from " + c.column().type().base() + " to " + again.type().base(),
          c.table() + "." + name, "@AcceptDataLoss on the field", columnOrigin(c.table(), name));
      return null;
    }
    destructive(ReviewCode.DROP_COLUMN, "the revision drops column " + c.table() + "." + name
        + " (" + c.column().type() + ") with all its values", c.table() + "." + name,
        "@AcceptDataLoss(columns = \"" + name + "\") on the entity", tableOrigin(c.table()));
    return null;
  }

  @Override public Void alterColumnType(Change.AlterColumnType c) {
    String column = c.table() + "." + c.column();
    if (!TypeChanges.canCast(c.from(), c.to())) {
      String from = c.from().base() + (c.from().array() ? "[]" : "");
      String to = c.to().base() + (c.to().array() ? "[]" : "");
      String message = "the revision would change " + column + " from " + c.from() + " to " + c.to()
          + ", but PostgreSQL has no cast from " + from + " to " + to + ", so the upgrade would fail on every"
          + " database, even with no rows. To keep the values, keep the field as it was, add one of the new type"
          + " under a new column name, convert the values in a hand-written step of that revision"
          + " (op.execute(\"update ...\")), and remove the old field in a later revision. To lose them, accept"
          + " it with @AcceptDataLoss on the field (or -A" + StrataOptions.ACKNOWLEDGE + "=" + column + "): the"
          + " revision then drops the column and adds it again";
      Optional<Element> at = columnOrigin(c.table(), c.column());
      at.ifPresentOrElse(e -> diagnostics.error(ReviewCode.NO_CAST, message, e),
          () -> diagnostics.error(ReviewCode.NO_CAST, message));
      return null;
    }
    if (TypeChanges.isNarrowing(c.from(), c.to())) {
      destructive(ReviewCode.NARROWING_TYPE, "the revision changes " + column + " from "
          + c.from() + " to " + c.to() + ": values that do not fit are cut or make the upgrade fail",
          column, "@AcceptDataLoss on the field", columnOrigin(c.table(), c.column()));
    }
    if (existing(c.table()) && TypeChanges.rewrites(c.from(), c.to())) {
      warn(ReviewCode.REWRITING_TYPE, "changing " + c.table() + "." + c.column() + " from " + c.from() + " to "
          + c.to() + " rewrites table " + c.table() + " and its indexes under an ACCESS EXCLUSIVE lock;"
          + " on a large table, add a new column, backfill it in batches, switch to it, then drop the old one",
          columnOrigin(c.table(), c.column()));
    }
    return null;
  }

  @Override public Void alterColumnDefault(Change.AlterColumnDefault c) {
    if (c.from().isPresent() && c.to().isEmpty()) {
      warn(ReviewCode.DROP_DEFAULT, "the revision removes the default " + c.from().get() + " of " + c.table() + "."
          + c.column() + ": inserts that leave the column out get NULL (or fail if it is NOT NULL) from now on",
          columnOrigin(c.table(), c.column()));
    }
    return null;
  }

  // ---- lock hazards ----------------------------------------------------------------------------------

  @Override public Void alterColumnNullable(Change.AlterColumnNullable c) {
    if (!c.nullable() && existing(c.table())) {
      warn(ReviewCode.SET_NOT_NULL, "SET NOT NULL on " + c.table() + "." + c.column() + " scans the whole table"
          + " under an ACCESS EXCLUSIVE lock; on a large table, add CHECK (" + c.column() + " IS NOT NULL) NOT VALID,"
          + " VALIDATE it, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check" + safeFormHint,
          columnOrigin(c.table(), c.column()));
    }
    return null;
  }

  @Override public Void addForeignKey(Change.AddForeignKey c) {
    if (existing(c.table())) {
      warn(ReviewCode.FOREIGN_KEY, "adding foreign key " + c.key().name() + " to " + c.table() + " locks "
          + c.table() + " and " + c.key().referencedTable() + " against writes while it checks every row;"
          + " on large tables, add it NOT VALID and run VALIDATE CONSTRAINT in a later revision" + safeFormHint,
          tableOrigin(c.table()));
    }
    return null;
  }

  @Override public Void createIndex(Change.CreateIndex c) {
    if (existing(c.table())) {
      warn(ReviewCode.INDEX, "creating index " + c.index().name() + " on existing table " + c.table()
          + " blocks writes to it while the index is built; on a large table, use CREATE INDEX CONCURRENTLY"
          + " in a revision with @Revision(transactional = false)", tableOrigin(c.table()));
    }
    return null;
  }

  @Override public Void addColumn(Change.AddColumn c) {
    if (!existing(c.table())) {
      return null;
    }
    Column column = c.column();
    Optional<Element> at = columnOrigin(c.table(), column.name());
    if (column.identity().isPresent()) {
      warn(ReviewCode.VOLATILE_DEFAULT, "adding identity column " + c.table() + "." + column.name()
          + " rewrites the table under an ACCESS EXCLUSIVE lock to number every row; on a large table,"
          + " add it nullable with a sequence default and backfill in batches", at);
    } else if (column.defaultValue().filter(ReviewWarnings::isVolatile).isPresent()) {
      warn(ReviewCode.VOLATILE_DEFAULT, "adding " + c.table() + "." + column.name() + " with the volatile default "
          + column.defaultValue().get() + " rewrites the table under an ACCESS EXCLUSIVE lock; add the column"
          + " without default, then SET DEFAULT, then backfill existing rows in batches", at);
    } else if (!column.nullable() && column.defaultValue().isEmpty()) {
      warn(ReviewCode.REQUIRED_COLUMN, "adding NOT NULL column " + c.table() + "." + column.name()
          + " without a default fails when " + c.table() + " has rows; add it nullable, backfill it,"
          + " then make it NOT NULL, or give it a default", at);
    }
    return null;
  }

  @Override public Void addUniqueConstraint(Change.AddUniqueConstraint c) {
    if (existing(c.table())) {
      warn(ReviewCode.UNIQUE_CONSTRAINT, "adding unique constraint " + c.constraint().name() + " to " + c.table()
          + " locks it under ACCESS EXCLUSIVE while its index is built; on a large table, create the unique"
          + " index CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX", tableOrigin(c.table()));
    }
    return null;
  }

  @Override public Void addPrimaryKey(Change.AddPrimaryKey c) {
    if (existing(c.table())) {
      warn(ReviewCode.UNIQUE_CONSTRAINT, "adding primary key " + c.key().name() + " to " + c.table()
          + " locks it under ACCESS EXCLUSIVE while its index is built (and sets its columns NOT NULL); on a"
          + " large table, create the unique index CONCURRENTLY, then ADD PRIMARY KEY ... USING INDEX",
          tableOrigin(c.table()));
    }
    return null;
  }

  @Override public Void addCheckConstraint(Change.AddCheckConstraint c) {
    if (existing(c.table())) {
      warn(ReviewCode.CHECK_CONSTRAINT, "adding check " + c.constraint().name() + " to " + c.table()
          + " scans it under an ACCESS EXCLUSIVE lock; on a large table, add it NOT VALID and VALIDATE it"
          + " in a later revision" + safeFormHint, tableOrigin(c.table()));
    }
    return null;
  }

  static boolean isVolatile(String expression) {
    String lower = expression.toLowerCase(Locale.ROOT);
    return VOLATILE_FUNCTIONS.stream().anyMatch(lower::contains);
  }

  // ---- likely renames --------------------------------------------------------------------------------

  private void possibleRenames(List<? extends Change> changes) {
    for (Change change : changes) {
      if (!(change instanceof Change.DropColumn drop)) {
        continue;
      }
      for (Change other : changes) {
        if (other instanceof Change.AddColumn add && add.table().equals(drop.table())
            && add.column().type().equals(drop.column().type())) {
          warn(ReviewCode.POSSIBLE_RENAME, "column " + drop.table() + "." + drop.column().name() + " is dropped and "
              + add.column().name() + " (" + add.column().type() + ") is added: if the column was renamed,"
              + " annotate the field with @RenamedFrom(\"" + drop.column().name() + "\") so that the revision"
              + " renames it and keeps its values", columnOrigin(add.table(), add.column().name()));
        }
      }
    }
    for (Change change : changes) {
      if (!(change instanceof Change.DropTable drop)) {
        continue;
      }
      for (Change other : changes) {
        if (other instanceof Change.CreateTable create
            && create.table().columns().equals(drop.table().columns())) {
          warn(ReviewCode.POSSIBLE_RENAME, "table " + drop.table().name() + " is dropped and "
              + create.table().name() + " with the same columns is created: if the table was renamed,"
              + " annotate the entity with @RenamedFrom(\"" + drop.table().name().name() + "\") so that the"
              + " revision renames it and keeps its rows", tableOrigin(create.table().name()));
        }
      }
    }
  }

  // ---- changes without review concerns ----------------------------------------------------------------

  @Override public Void createNamespace(Change.CreateNamespace c) { return null; }

  @Override public Void dropNamespace(Change.DropNamespace c) { return null; }

  @Override public Void createTable(Change.CreateTable c) { return null; }

  @Override public Void renameTable(Change.RenameTable c) { return null; }

  @Override public Void alterTableComment(Change.AlterTableComment c) { return null; }

  @Override public Void renameColumn(Change.RenameColumn c) { return null; }

  @Override public Void alterColumnIdentity(Change.AlterColumnIdentity c) { return null; }

  @Override public Void alterColumnComment(Change.AlterColumnComment c) { return null; }

  @Override public Void dropPrimaryKey(Change.DropPrimaryKey c) { return null; }

  @Override public Void dropForeignKey(Change.DropForeignKey c) { return null; }

  @Override public Void dropUniqueConstraint(Change.DropUniqueConstraint c) { return null; }

  @Override public Void dropCheckConstraint(Change.DropCheckConstraint c) { return null; }

  @Override public Void dropIndex(Change.DropIndex c) { return null; }

  @Override public Void createSequence(Change.CreateSequence c) { return null; }

  @Override public Void dropSequence(Change.DropSequence c) { return null; }

  @Override public Void alterSequence(Change.AlterSequence c) { return null; }
}
