package dev.strata.processor.internal.review;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.Renames;
import dev.strata.schema.diff.SchemaDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The diff, except that a column whose type PostgreSQL cannot cast, and whose loss the developer
 * accepted, is dropped and added again instead of altered ({@code using x::uuid} would fail on every
 * database).
 *
 * <p>The column goes through a middle schema: the current one without those columns and without
 * everything that needs them (keys, foreign keys from any table, unique constraints, indexes and
 * checks that name them). The revision is the diff from the current schema to that middle one (only
 * drops) followed by the diff from the middle one to the entities, so the diff's own ordering puts
 * every drop and add where it applies, in both directions.
 */
final class UncastableColumns {
  private UncastableColumns() {}

  /**
   * {@code SchemaDiff.diff(current, desired, renames)}, with every uncastable type change whose
   * column ({@code table.column}, by its new name) {@code accepted} accepts made as a drop and an add.
   */
  static List<Change> diff(Schema current, Schema desired, Renames renames, Predicate<String> accepted) {
    List<Change> changes = SchemaDiff.diff(current, desired, renames);
    Set<Map.Entry<QualifiedName, String>> replaced = new LinkedHashSet<>();
    // Replacing a column can change how the renames apply, and so show another uncastable change:
    // repeat until none is left (each round replaces at least one more column, so this ends).
    while (true) {
      Set<Map.Entry<QualifiedName, String>> found = new LinkedHashSet<>();
      for (int i = 0; i < changes.size(); i++) {
        if (changes.get(i) instanceof Change.AlterColumnType alter && !TypeChanges.canCast(alter.from(), alter.to())
            && accepted.test(alter.table() + "." + alter.column())) {
          found.add(currentName(changes, i, alter.table(), alter.column()));
        }
      }
      if (!replaced.addAll(found)) {
        return changes;
      }
      Schema middle = without(current, replaced);
      List<Change> next = new ArrayList<>(SchemaDiff.diff(current, middle, Renames.NONE));
      next.addAll(SchemaDiff.diff(middle, desired, renames));
      changes = List.copyOf(next);
    }
  }

  /** The current name of column {@code column} of {@code table} as named by {@code changes.get(index)}. */
  private static Map.Entry<QualifiedName, String> currentName(List<Change> changes, int index, QualifiedName table,
      String column) {
    for (int j = index - 1; j >= 0; j--) {
      Change earlier = changes.get(j);
      if (earlier instanceof Change.RenameColumn rename && rename.table().equals(table)
          && rename.to().equals(column)) {
        column = rename.from();
      } else if (earlier instanceof Change.RenameTable rename && rename.from().withName(rename.to()).equals(table)) {
        table = rename.from();
      }
    }
    return Map.entry(table, column);
  }

  /** {@code schema} without {@code columns} and everything that depends on them. */
  static Schema without(Schema schema, Set<Map.Entry<QualifiedName, String>> columns) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables()) {
      Set<String> gone = new LinkedHashSet<>();
      columns.stream().filter(c -> c.getKey().equals(table.name())).forEach(c -> gone.add(c.getValue()));
      Table t = table.withForeignKeys(table.foreignKeys().stream()
          .filter(fk -> fk.columns().stream().noneMatch(gone::contains) && !references(fk, columns)).toList());
      if (!gone.isEmpty()) {
        t = t.withPrimaryKey(t.primaryKey().filter(pk -> pk.columns().stream().noneMatch(gone::contains)))
            .withUniqueConstraints(t.uniqueConstraints().stream()
                .filter(u -> u.columns().stream().noneMatch(gone::contains)).toList())
            .withIndexes(t.indexes().stream()
                .filter(i -> i.columns().stream().map(IndexColumn::name).noneMatch(gone::contains)).toList())
            .withChecks(t.checks().stream().filter(c -> gone.stream().noneMatch(g -> mentions(c, g))).toList());
        for (String column : gone) {
          t = t.withoutColumn(column);
        }
      }
      tables.add(t);
    }
    return schema.withTables(tables);
  }

  private static boolean references(ForeignKey fk, Set<Map.Entry<QualifiedName, String>> columns) {
    return fk.referencedColumns().stream().anyMatch(c -> columns.contains(Map.entry(fk.referencedTable(), c)));
  }

  /**
   * Whether the check's text has {@code column} as a word. A string literal with that word counts
   * too: the check is then dropped and added again around the change, which does no harm.
   */
  private static boolean mentions(CheckConstraint check, String column) {
    return Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(column) + "(?![\\p{L}\\p{N}_$])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(check.expression()).find();
  }
}
