package dev.strata.schema.diff;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntBiFunction;

/**
 * The changes that turn one schema into another. Pure and deterministic: the same arguments always
 * give the same list, and {@code Change.applyAll(current, diff(current, desired, renames))} equals
 * {@code desired}. The downgrade is {@code Change.inverseOf(diff(...))}.
 *
 * <p>The list is ordered so that it applies to PostgreSQL step by step, in phases:
 * <ol>
 *   <li>create namespaces;</li>
 *   <li>drop foreign keys that go away or change, that belong to or reference a table or column that
 *       goes away, whose columns (either side) change type, or whose referenced key is dropped;</li>
 *   <li>drop indexes, unique constraints, check constraints and primary keys that go away or change
 *       (and the indexes of tables that go away);</li>
 *   <li>drop tables, then columns that go away;</li>
 *   <li>rename tables, then columns (through a temporary name where renames form a cycle);</li>
 *   <li>create and alter sequences;</li>
 *   <li>create tables (without foreign keys and indexes);</li>
 *   <li>table comments; add columns and alter existing ones (a default that changes along with the
 *       type is dropped before and set after it; NOT NULL is set before an identity is added, and an
 *       identity is dropped before NOT NULL is);</li>
 *   <li>add primary keys, unique and check constraints;</li>
 *   <li>create indexes, then add foreign keys, last: every table and key they need exists by then,
 *       which also breaks cycles of foreign keys;</li>
 *   <li>drop sequences, then namespaces.</li>
 * </ol>
 * Everything that is dropped is dropped under its current name, before any rename, and everything
 * that is added is added under its new name, after the renames. This keeps the reverse order (the
 * downgrade) valid as well: a check constraint whose text names a renamed column, for instance, is
 * re-added only once the column has its old name back. Dropping before renaming also frees a name
 * for a table or column that is renamed into it.
 *
 * <p>Renames come only from {@link Renames} hints. A hint {@code new <- old} can apply when
 * {@code old} exists now and {@code new} is wanted, in the same namespace, and no other hint renames
 * from {@code old} (a hint whose {@code new} exists now and already holds something at least as
 * close to what is wanted there as {@code old} does was left in the source after its rename and does
 * not count). It applies when {@code new} does not exist now; or when {@code old} is not wanted any
 * more (one table dropped and another renamed into its name) or another applied hint renames
 * something else into {@code old}, and the object under {@code old} is closer to what is wanted as
 * {@code new} than the object there (see below); or when another applied hint renames the present
 * {@code new} away (a chain {@code a -> b -> c}); or when it is part of a cycle of hints (a swap, a
 * rotation) that is still to be made. Other hints are stale: the rename happened in an earlier revision and the names are in use again.
 * They are ignored. Without a hint, a different name is a drop and an add.
 *
 * <p>A cycle leaves every name in use before and after, so the names cannot tell whether it is still
 * to be made; the definitions can. The cycle is still to be made when the objects under their old
 * names are closer to what is wanted under the new names than the objects already under the new
 * names are (counting the differences of type, nullability, default, identity and comment for
 * columns; of columns, keys, constraints, indexes and comment for tables). When the objects already
 * under the new names are closer, an earlier revision made the cycle and it is ignored
 * ({@link #doneCycles}). When both are equally close (columns with the same definition), nothing can
 * tell, and the cycle is ignored too ({@link #undecidableCycles}): making a swap that was already
 * made would move the values back on every compile.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  public static List<Change> diff(Schema current, Schema desired, Renames renames) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(renames, "renames");
    return new Differ(current, desired, renames).run();
  }

  /**
   * The names an SQL expression mentions, as PostgreSQL reads them: unquoted words folded to lower
   * case, quoted names as written; string literals skipped. Keywords and function names are among
   * them, which only makes a caller more careful.
   */
  static Set<String> identifiers(String expression) {
    Set<String> out = new HashSet<>();
    int i = 0;
    while (i < expression.length()) {
      char ch = expression.charAt(i);
      if (ch == '\'') {
        int end = i + 1;
        while (end < expression.length()
            && (expression.charAt(end) != '\'' || end + 1 < expression.length() && expression.charAt(end + 1) == '\'')) {
          end += expression.charAt(end) == '\'' ? 2 : 1;
        }
        i = end + 1;
      } else if (ch == '"') {
        int end = expression.indexOf('"', i + 1);
        end = end < 0 ? expression.length() : end;
        out.add(expression.substring(i + 1, end));
        i = end + 1;
      } else if (Character.isLetter(ch) || ch == '_') {
        int end = i;
        while (end < expression.length()
            && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
                || expression.charAt(end) == '$')) {
          end++;
        }
        out.add(expression.substring(i, end).toLowerCase(java.util.Locale.ROOT));
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * The hints among {@code renames} that {@link #diff} applies to these schemas; the others are stale
   * or contradictory and are ignored. A caller can tell a developer which {@code @RenamedFrom} can go.
   *
   * <p>Once applied, no hint is effective any more: {@code effectiveRenames(b, b, r)} is empty for
   * any hints (see the class comment for cycles).
   */
  public static Renames effectiveRenames(Schema current, Schema desired, Renames renames) {
    Differ differ = new Differ(current, desired, renames);
    return new Renames(differ.tableRenames, differ.columnRenames);
  }

  /**
   * The hints among {@code renames} that form cycles (swaps, rotations) an earlier revision already
   * made: the objects under the new names already have the definitions wanted there. The diff
   * ignores them; a caller can tell the developer that those {@code @RenamedFrom} can go.
   */
  public static Renames doneCycles(Schema current, Schema desired, Renames renames) {
    Differ differ = new Differ(current, desired, renames);
    return new Renames(differ.doneTables, differ.doneColumns);
  }

  /**
   * The hints among {@code renames} that form cycles whose objects all have the same definitions,
   * so that nothing tells whether the cycle is still to be made. The diff ignores them (see the class
   * comment); a caller should tell the developer.
   */
  public static Renames undecidableCycles(Schema current, Schema desired, Renames renames) {
    Differ differ = new Differ(current, desired, renames);
    return new Renames(differ.undecidedTables, differ.undecidedColumns);
  }

  /** What the definitions say about a cycle of hints. */
  enum Cycle { TO_MAKE, DONE, UNDECIDABLE }

  /**
   * Whether a cycle ({@code members}: new name to old name) is still to be made: the objects under
   * the old names are closer to what is wanted under the new names than the objects already there.
   * {@code fit(n, s)} is how far the object now named {@code s} is from what is wanted as {@code n}.
   */
  private static <N> Cycle verdict(Map<N, N> members, ToIntBiFunction<N, N> fit) {
    int stay = 0;
    int move = 0;
    for (Map.Entry<N, N> member : members.entrySet()) {
      stay += fit.applyAsInt(member.getKey(), member.getKey());
      move += fit.applyAsInt(member.getKey(), member.getValue());
    }
    return move < stay ? Cycle.TO_MAKE : stay < move ? Cycle.DONE : Cycle.UNDECIDABLE;
  }

  /**
   * Which names are renamed, among {@code now} (existing) and {@code wanted}: a map from new name to
   * old name holding the hints that apply (see the class comment). Cycles that are not to be made go
   * into {@code done} or {@code undecided}; {@code fit(n, s)} is how far the object now named
   * {@code s} is from what is wanted as {@code n}.
   */
  static <N extends Comparable<? super N>> Map<N, N> effectiveRenames(Map<N, N> hints, Set<N> now, Set<N> wanted,
      Predicate<Map.Entry<N, N>> allowed, ToIntBiFunction<N, N> fit, Map<N, N> done, Map<N, N> undecided) {
    // Several hints may claim one old name: a rename left in the source (a <- b, made earlier) beside
    // the next rename of b (c <- b). A hint whose new name exists now and already holds something at
    // least as close to what is wanted there as what the old name holds was made earlier: it gives way.
    Map<N, Integer> claims = new HashMap<>();
    hints.values().forEach(old -> claims.merge(old, 1, Integer::sum));
    Map<N, N> kept = new TreeMap<>(hints);
    kept.entrySet().removeIf(hint -> claims.get(hint.getValue()) > 1 && now.contains(hint.getKey())
        && now.contains(hint.getValue()) && wanted.contains(hint.getKey())
        && fit.applyAsInt(hint.getKey(), hint.getKey()) <= fit.applyAsInt(hint.getKey(), hint.getValue()));
    claims.clear();
    kept.values().forEach(old -> claims.merge(old, 1, Integer::sum));
    TreeMap<N, N> candidates = new TreeMap<>();
    kept.forEach((newName, oldName) -> {
      if (now.contains(oldName) && wanted.contains(newName) && !oldName.equals(newName)
          && claims.get(oldName) == 1 && allowed.test(Map.entry(newName, oldName))) {
        candidates.put(newName, oldName);
      }
    });
    TreeMap<N, N> effective = new TreeMap<>();
    // A cycle (a swap, a rotation) uses the same names before and after: the definitions tell whether
    // it is still to be made (see the class comment). It is applied, or ignored, as a whole.
    Set<N> ignored = new HashSet<>();
    for (N start : candidates.keySet()) {
      List<N> path = new ArrayList<>();
      N at = start;
      while (at != null && !path.contains(at)) {
        path.add(at);
        at = candidates.get(candidates.get(at)) != null ? candidates.get(at) : null;
      }
      if (start.equals(at) && !effective.containsKey(start) && !ignored.contains(start)) {
        TreeMap<N, N> members = new TreeMap<>();
        path.forEach(n -> members.put(n, candidates.get(n)));
        Cycle verdict = verdict(members, fit);
        if (verdict == Cycle.TO_MAKE) {
          effective.putAll(members);
        } else {
          ignored.addAll(members.keySet());
          (verdict == Cycle.DONE ? done : undecided).putAll(members);
        }
      }
    }
    candidates.keySet().removeAll(ignored);
    // Otherwise a hint applies when its target is free, when an applied hint frees its target (a chain
    // a -> b -> c), or when its old name is not wanted any more or taken over by an applied hint and
    // its object fits the target better than the one there. This is the least such set: stale hints
    // whose names are all in use again do not vouch for each other.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<N, N> hint : candidates.entrySet()) {
        N newName = hint.getKey();
        N oldName = hint.getValue();
        // Renaming over an object that stays in place replaces it: only when the old name's object
        // fits better there (otherwise the hint is one left after a swap whose partner went away).
        if (!effective.containsKey(newName) && (!now.contains(newName) || effective.containsValue(newName)
            || (!wanted.contains(oldName) || effective.containsKey(oldName))
                && fit.applyAsInt(newName, oldName) < fit.applyAsInt(newName, newName))) {
          effective.put(newName, oldName);
          changed = true;
        }
      }
    }
    return effective;
  }

  private static final class Differ {
    private final Schema current;
    private final Schema desired;
    private final List<Change> changes = new ArrayList<>();

    /** Current table name to desired table name, for tables that stay (renamed or not). */
    private final Map<QualifiedName, QualifiedName> tableTo = new TreeMap<>();
    /** Desired table name to current table name. */
    private final Map<QualifiedName, QualifiedName> tableFrom = new TreeMap<>();
    /** Per current table that stays: current column name to desired column name. */
    private final Map<QualifiedName, Map<String, String>> columnTo = new HashMap<>();
    /** Per desired table that existed: desired column name to current column name. */
    private final Map<QualifiedName, Map<String, String>> columnFrom = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> tableRenames;
    private final Map<QualifiedName, Map<String, String>> columnRenames = new TreeMap<>();
    /** Cycles of hints that are already made, or cannot be told (see {@link #undecidableCycles}). */
    private final Map<QualifiedName, QualifiedName> doneTables = new TreeMap<>();
    private final Map<QualifiedName, QualifiedName> undecidedTables = new TreeMap<>();
    private final Map<QualifiedName, Map<String, String>> doneColumns = new TreeMap<>();
    private final Map<QualifiedName, Map<String, String>> undecidedColumns = new TreeMap<>();
    /** (current table, current column) of columns whose type changes. */
    private final Set<Map.Entry<QualifiedName, String>> retyped = new HashSet<>();

    Differ(Schema current, Schema desired, Renames renames) {
      this.current = current;
      this.desired = desired;
      Set<QualifiedName> now = names(current.tables(), Table::name);
      Set<QualifiedName> wanted = names(desired.tables(), Table::name);
      tableRenames = effectiveRenames(renames.tables(), now, wanted,
          hint -> hint.getKey().namespace().equals(hint.getValue().namespace()),
          (n, source) -> distance(current.table(source).orElseThrow(), desired.table(n).orElseThrow()),
          doneTables, undecidedTables);
      Set<QualifiedName> renamedAway = new HashSet<>(tableRenames.values());
      for (Table table : desired.tables()) {
        QualifiedName from = tableRenames.get(table.name());
        if (from == null && now.contains(table.name()) && !renamedAway.contains(table.name())) {
          from = table.name();
        }
        if (from != null) {
          tableFrom.put(table.name(), from);
          tableTo.put(from, table.name());
        }
      }
      for (Map.Entry<QualifiedName, QualifiedName> pair : tableFrom.entrySet()) {
        Table was = current.table(pair.getValue()).orElseThrow();
        Table is = desired.table(pair.getKey()).orElseThrow();
        Set<String> columnsNow = names(was.columns(), Column::name);
        Set<String> columnsWanted = names(is.columns(), Column::name);
        Map<String, String> hints = renames.columns().getOrDefault(pair.getKey(), Map.of());
        Map<String, String> done = new TreeMap<>();
        Map<String, String> undecided = new TreeMap<>();
        Map<String, String> effective = effectiveRenames(hints, columnsNow, columnsWanted, hint -> true,
            (n, source) -> distance(was.column(source).orElseThrow(), is.column(n).orElseThrow()),
            done, undecided);
        if (!done.isEmpty()) {
          doneColumns.put(is.name(), done);
        }
        if (!undecided.isEmpty()) {
          undecidedColumns.put(is.name(), undecided);
        }
        Set<String> away = new HashSet<>(effective.values());
        Map<String, String> to = new TreeMap<>();
        Map<String, String> from = new TreeMap<>();
        for (Column column : is.columns()) {
          String old = effective.get(column.name());
          if (old == null && columnsNow.contains(column.name()) && !away.contains(column.name())) {
            old = column.name();
          }
          if (old != null) {
            to.put(old, column.name());
            from.put(column.name(), old);
            if (!was.column(old).orElseThrow().type().equals(column.type())) {
              retyped.add(Map.entry(was.name(), old));
            }
          }
        }
        columnTo.put(was.name(), to);
        columnFrom.put(is.name(), from);
        if (!effective.isEmpty()) {
          columnRenames.put(is.name(), effective);
        }
      }
    }

    /** How many of type, nullability, default, identity and comment differ (names do not count). */
    private static int distance(Column a, Column b) {
      return (a.type().equals(b.type()) ? 0 : 1) + (a.nullable() == b.nullable() ? 0 : 1)
          + (a.defaultValue().equals(b.defaultValue()) ? 0 : 1) + (a.identity().equals(b.identity()) ? 0 : 1)
          + (a.comment().equals(b.comment()) ? 0 : 1);
    }

    /**
     * How many columns, keys, constraints and indexes one table has and the other has not, compared
     * without their own names (which often derive from the table's), plus one for a different comment.
     */
    private static int distance(Table a, Table b) {
      return difference(a.columns(), b.columns(), c -> c)
          + difference(a.primaryKey().stream().toList(), b.primaryKey().stream().toList(), PrimaryKey::columns)
          + difference(a.foreignKeys(), b.foreignKeys(),
              fk -> List.of(fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()))
          + difference(a.uniqueConstraints(), b.uniqueConstraints(), UniqueConstraint::columns)
          + difference(a.indexes(), b.indexes(), ix -> List.of(ix.columns(), ix.unique()))
          + difference(a.checks(), b.checks(), CheckConstraint::expression)
          + (a.comment().equals(b.comment()) ? 0 : 1);
    }

    private static <T, K> int difference(List<T> a, List<T> b, Function<T, K> key) {
      Set<K> left = new HashSet<>();
      a.forEach(item -> left.add(key.apply(item)));
      Set<K> right = new HashSet<>();
      b.forEach(item -> right.add(key.apply(item)));
      int count = 0;
      for (K k : left) {
        count += right.contains(k) ? 0 : 1;
      }
      for (K k : right) {
        count += left.contains(k) ? 0 : 1;
      }
      return count;
    }

    List<Change> run() {
      createNamespaces();
      dropForeignKeys();
      dropIndexesAndConstraints();
      dropTables();
      dropColumns();
      renameTables();
      renameColumns();
      createAndAlterSequences();
      createTables();
      alterTablesAndColumns();
      addConstraints();
      addIndexesAndForeignKeys();
      dropSequences();
      dropNamespaces();
      return List.copyOf(changes);
    }

    // ---- mapping current objects to desired names ----------------------------------------------

    private Optional<String> mapColumn(QualifiedName table, String column) {
      Map<String, String> to = columnTo.get(table);
      return to == null ? Optional.empty() : Optional.ofNullable(to.get(column));
    }

    private Optional<List<String>> mapColumns(QualifiedName table, List<String> columns) {
      List<String> mapped = new ArrayList<>();
      for (String column : columns) {
        Optional<String> to = mapColumn(table, column);
        if (to.isEmpty()) {
          return Optional.empty();
        }
        mapped.add(to.get());
      }
      return Optional.of(mapped);
    }

    /** The desired table that {@code table} (a current table) becomes, if it stays. */
    private Optional<Table> counterpart(Table table) {
      QualifiedName to = tableTo.get(table.name());
      return to == null ? Optional.empty() : desired.table(to);
    }

    /** Whether {@code fk} of current table {@code table} stays as it is. */
    private boolean keeps(Table table, ForeignKey fk) {
      Optional<Table> target = counterpart(table);
      QualifiedName referenced = tableTo.get(fk.referencedTable());
      if (target.isEmpty() || referenced == null) {
        return false;
      }
      Optional<List<String>> columns = mapColumns(table.name(), fk.columns());
      Optional<List<String>> referencedColumns = mapColumns(fk.referencedTable(), fk.referencedColumns());
      if (columns.isEmpty() || referencedColumns.isEmpty()) {
        return false;
      }
      ForeignKey mapped = new ForeignKey(fk.name(), columns.get(), referenced, referencedColumns.get(),
          fk.onDelete(), fk.onUpdate());
      if (!target.get().foreignKeys().contains(mapped)) {
        return false;
      }
      // PostgreSQL checks that both sides of a key have compatible types, and will not drop a key
      // that a foreign key depends on: such foreign keys are dropped and added again around the change.
      for (String column : fk.columns()) {
        if (retyped.contains(Map.entry(table.name(), column))) {
          return false;
        }
      }
      for (String column : fk.referencedColumns()) {
        if (retyped.contains(Map.entry(fk.referencedTable(), column))) {
          return false;
        }
      }
      return !referencedKeyIsDropped(fk);
    }

    private boolean referencedKeyIsDropped(ForeignKey fk) {
      Table referenced = current.table(fk.referencedTable()).orElse(null);
      if (referenced == null) {
        return true;
      }
      Set<String> columns = new HashSet<>(fk.referencedColumns());
      if (referenced.primaryKey().isPresent() && !keeps(referenced, referenced.primaryKey().get())
          && new HashSet<>(referenced.primaryKey().get().columns()).equals(columns)) {
        return true;
      }
      for (UniqueConstraint unique : referenced.uniqueConstraints()) {
        if (!keeps(referenced, unique) && new HashSet<>(unique.columns()).equals(columns)) {
          return true;
        }
      }
      for (Index index : referenced.indexes()) {
        if (index.unique() && !keeps(referenced, index)
            && new HashSet<>(index.columns().stream().map(IndexColumn::name).toList()).equals(columns)) {
          return true;
        }
      }
      return false;
    }

    private boolean keeps(Table table, PrimaryKey key) {
      Optional<Table> target = counterpart(table);
      Optional<List<String>> columns = mapColumns(table.name(), key.columns());
      return target.isPresent() && columns.isPresent()
          && target.get().primaryKey().equals(Optional.of(new PrimaryKey(key.name(), columns.get())));
    }

    private boolean keeps(Table table, UniqueConstraint unique) {
      Optional<Table> target = counterpart(table);
      Optional<List<String>> columns = mapColumns(table.name(), unique.columns());
      return target.isPresent() && columns.isPresent()
          && target.get().uniqueConstraints().contains(new UniqueConstraint(unique.name(), columns.get()));
    }

    private boolean keeps(Table table, Index index) {
      Optional<Table> target = counterpart(table);
      if (target.isEmpty()) {
        return false;
      }
      List<IndexColumn> columns = new ArrayList<>();
      for (IndexColumn column : index.columns()) {
        Optional<String> to = mapColumn(table.name(), column.name());
        if (to.isEmpty()) {
          return false;
        }
        columns.add(column.withName(to.get()));
      }
      return target.get().indexes().contains(new Index(index.name(), columns, index.unique()));
    }

    private boolean keeps(Table table, CheckConstraint check) {
      Optional<Table> target = counterpart(table);
      return target.isPresent() && target.get().checks().contains(check) && !namesRenamedColumn(table, check);
    }

    /**
     * Whether the text of a check of current table {@code table} names a column that this diff
     * renames, by its old or its new name. PostgreSQL rewrites such a check along with the column,
     * where the model keeps its text: when columns swap names, a check that reads the same before
     * and after would check the other column. Such a check is dropped before the renames and added
     * after them, so that the database and the model agree.
     */
    private boolean namesRenamedColumn(Table table, CheckConstraint check) {
      Set<String> renamed = new HashSet<>();
      columnTo.getOrDefault(table.name(), Map.of()).forEach((from, to) -> {
        if (!from.equals(to)) {
          renamed.add(from);
          renamed.add(to);
        }
      });
      return !renamed.isEmpty() && identifiers(check.expression()).stream().anyMatch(renamed::contains);
    }

    /** The current table that {@code table} (a desired table) was, if it existed. */
    private Optional<Table> origin(Table table) {
      QualifiedName from = tableFrom.get(table.name());
      return from == null ? Optional.empty() : current.table(from);
    }

    /** Whether a desired item is already there: its current counterpart of the same name stays. */
    private <T> boolean existing(Table table, T item, Function<Table, List<T>> items, Function<T, String> name,
        KeepTest<T> keeps) {
      Optional<Table> was = origin(table);
      if (was.isEmpty()) {
        return false;
      }
      for (T old : items.apply(was.get())) {
        if (name.apply(old).equals(name.apply(item))) {
          return keeps.keeps(was.get(), old);
        }
      }
      return false;
    }

    @FunctionalInterface
    private interface KeepTest<T> {
      boolean keeps(Table table, T item);
    }

    // ---- the phases ------------------------------------------------------------------------------

    private void createNamespaces() {
      for (String namespace : desired.namespaces()) {
        if (!current.namespaces().contains(namespace)) {
          changes.add(new Change.CreateNamespace(namespace));
        }
      }
    }

    private void dropForeignKeys() {
      for (Table table : current.tables()) {
        for (ForeignKey fk : table.foreignKeys()) {
          if (!keeps(table, fk)) {
            changes.add(new Change.DropForeignKey(table.name(), fk));
          }
        }
      }
    }

    private void dropIndexesAndConstraints() {
      for (Table table : current.tables()) {
        boolean stays = tableTo.containsKey(table.name());
        for (Index index : table.indexes()) {
          if (!keeps(table, index)) {
            changes.add(new Change.DropIndex(table.name(), index));
          }
        }
        if (!stays) {
          continue; // the table's drop carries its keys and constraints
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
          if (!keeps(table, unique)) {
            changes.add(new Change.DropUniqueConstraint(table.name(), unique));
          }
        }
        for (CheckConstraint check : table.checks()) {
          if (!keeps(table, check)) {
            changes.add(new Change.DropCheckConstraint(table.name(), check));
          }
        }
        table.primaryKey().ifPresent(pk -> {
          if (!keeps(table, pk)) {
            changes.add(new Change.DropPrimaryKey(table.name(), pk));
          }
        });
      }
    }

    private void dropTables() {
      for (Table table : current.tables()) {
        if (!tableTo.containsKey(table.name())) {
          changes.add(new Change.DropTable(table.withForeignKeys(List.of()).withIndexes(List.of())));
        }
      }
    }

    private void dropColumns() {
      for (Table table : current.tables()) {
        Map<String, String> to = columnTo.get(table.name());
        if (to == null) {
          continue;
        }
        for (Column column : table.columns()) {
          if (!to.containsKey(column.name())) {
            changes.add(new Change.DropColumn(table.name(), column));
          }
        }
      }
    }

    private void renameTables() {
      // Names in use once the drops are done; a rename waits until its target is free.
      Set<QualifiedName> occupied = new TreeSet<>(tableTo.keySet());
      Set<QualifiedName> taken = new HashSet<>(occupied);
      current.tables().forEach(t -> taken.add(t.name()));
      desired.tables().forEach(t -> taken.add(t.name()));
      current.sequences().forEach(s -> taken.add(s.name()));
      desired.sequences().forEach(s -> taken.add(s.name()));
      Map<QualifiedName, QualifiedName> pending = new TreeMap<>();
      tableRenames.forEach((newName, oldName) -> pending.put(oldName, newName));
      while (!pending.isEmpty()) {
        Map.Entry<QualifiedName, QualifiedName> ready = null;
        for (Map.Entry<QualifiedName, QualifiedName> rename : pending.entrySet()) {
          if (!occupied.contains(rename.getValue())) {
            ready = rename;
            break;
          }
        }
        if (ready != null) {
          changes.add(new Change.RenameTable(ready.getKey(), ready.getValue().name()));
          occupied.remove(ready.getKey());
          occupied.add(ready.getValue());
          pending.remove(ready.getKey());
        } else {
          // Every pending target is taken by another pending source: a cycle (a swap, for instance).
          Map.Entry<QualifiedName, QualifiedName> first = pending.entrySet().iterator().next();
          QualifiedName temporary = temporaryName(first.getKey(), taken);
          changes.add(new Change.RenameTable(first.getKey(), temporary.name()));
          occupied.remove(first.getKey());
          occupied.add(temporary);
          taken.add(temporary);
          pending.remove(first.getKey());
          pending.put(temporary, first.getValue());
        }
      }
    }

    private static QualifiedName temporaryName(QualifiedName name, Set<QualifiedName> taken) {
      for (int i = 1; ; i++) {
        QualifiedName candidate = name.withName("strata_tmp_" + i);
        if (!taken.contains(candidate)) {
          return candidate;
        }
      }
    }

    private void renameColumns() {
      for (Map.Entry<QualifiedName, Map<String, String>> table : columnRenames.entrySet()) {
        QualifiedName name = table.getKey();
        Set<String> occupied = new TreeSet<>(columnFrom.get(name).values());
        Set<String> taken = new HashSet<>(occupied);
        taken.addAll(names(current.table(tableFrom.get(name)).orElseThrow().columns(), Column::name));
        taken.addAll(names(desired.table(name).orElseThrow().columns(), Column::name));
        Map<String, String> pending = new TreeMap<>();
        table.getValue().forEach((newName, oldName) -> pending.put(oldName, newName));
        while (!pending.isEmpty()) {
          Map.Entry<String, String> ready = null;
          for (Map.Entry<String, String> rename : pending.entrySet()) {
            if (!occupied.contains(rename.getValue())) {
              ready = rename;
              break;
            }
          }
          if (ready != null) {
            changes.add(new Change.RenameColumn(name, ready.getKey(), ready.getValue()));
            occupied.remove(ready.getKey());
            occupied.add(ready.getValue());
            pending.remove(ready.getKey());
          } else {
            Map.Entry<String, String> first = pending.entrySet().iterator().next();
            String temporary = null;
            for (int i = 1; temporary == null || taken.contains(temporary); i++) {
              temporary = "strata_tmp_" + i;
            }
            changes.add(new Change.RenameColumn(name, first.getKey(), temporary));
            occupied.remove(first.getKey());
            occupied.add(temporary);
            taken.add(temporary);
            pending.remove(first.getKey());
            pending.put(temporary, first.getValue());
          }
        }
      }
    }

    private void createAndAlterSequences() {
      for (Sequence sequence : desired.sequences()) {
        Optional<Sequence> was = current.sequence(sequence.name());
        if (was.isEmpty()) {
          changes.add(new Change.CreateSequence(sequence));
        } else if (!was.get().equals(sequence)) {
          changes.add(new Change.AlterSequence(was.get(), sequence));
        }
      }
    }

    private void createTables() {
      for (Table table : desired.tables()) {
        if (!tableFrom.containsKey(table.name())) {
          changes.add(new Change.CreateTable(table.withForeignKeys(List.of()).withIndexes(List.of())));
        }
      }
    }

    private void alterTablesAndColumns() {
      for (Table table : desired.tables()) {
        Optional<Table> origin = origin(table);
        if (origin.isEmpty()) {
          continue;
        }
        Table was = origin.get();
        QualifiedName name = table.name();
        if (!was.comment().equals(table.comment())) {
          changes.add(new Change.AlterTableComment(name, was.comment(), table.comment()));
        }
        Map<String, String> from = columnFrom.get(name);
        for (Column column : table.columns()) {
          String old = from.get(column.name());
          if (old == null) {
            changes.add(new Change.AddColumn(name, column));
          } else {
            alterColumn(name, was.column(old).orElseThrow(), column);
          }
        }
      }
    }

    /**
     * The steps that turn column {@code was} into {@code is} (already renamed), in an order in which
     * every intermediate column is valid: an identity column is NOT NULL and has no default.
     */
    private void alterColumn(QualifiedName table, Column was, Column is) {
      String name = is.name();
      boolean retype = !was.type().equals(is.type());
      // A default that goes away goes first; one that changes along with the type is dropped before
      // the type changes (PostgreSQL would cast the old default) and set after it.
      boolean dropDefault = was.defaultValue().isPresent() && !was.defaultValue().equals(is.defaultValue())
          && (is.defaultValue().isEmpty() || retype);
      if (dropDefault) {
        changes.add(new Change.AlterColumnDefault(table, name, was.defaultValue(), Optional.empty()));
      }
      if (was.identity().isPresent() && is.identity().isEmpty()) {
        changes.add(new Change.AlterColumnIdentity(table, name, was.identity(), Optional.empty()));
      }
      if (retype) {
        changes.add(new Change.AlterColumnType(table, name, was.type(), is.type()));
      }
      if (was.nullable() && !is.nullable()) {
        changes.add(new Change.AlterColumnNullable(table, name, false));
      }
      if (is.identity().isPresent() && !is.identity().equals(was.identity())) {
        changes.add(new Change.AlterColumnIdentity(table, name, was.identity(), is.identity()));
      }
      if (!was.nullable() && is.nullable()) {
        changes.add(new Change.AlterColumnNullable(table, name, true));
      }
      if (is.defaultValue().isPresent() && !is.defaultValue().equals(was.defaultValue())) {
        changes.add(new Change.AlterColumnDefault(table, name, dropDefault ? Optional.empty() : was.defaultValue(),
            is.defaultValue()));
      }
      if (!was.comment().equals(is.comment())) {
        changes.add(new Change.AlterColumnComment(table, name, was.comment(), is.comment()));
      }
    }

    private void addConstraints() {
      for (Table table : desired.tables()) {
        if (origin(table).isEmpty()) {
          continue; // created with its keys and constraints
        }
        QualifiedName name = table.name();
        table.primaryKey().ifPresent(pk -> {
          Optional<PrimaryKey> old = origin(table).get().primaryKey();
          if (old.isEmpty() || !old.get().name().equals(pk.name()) || !keeps(origin(table).get(), old.get())) {
            changes.add(new Change.AddPrimaryKey(name, pk));
          }
        });
        for (UniqueConstraint unique : table.uniqueConstraints()) {
          if (!existing(table, unique, Table::uniqueConstraints, UniqueConstraint::name, this::keeps)) {
            changes.add(new Change.AddUniqueConstraint(name, unique));
          }
        }
        for (CheckConstraint check : table.checks()) {
          if (!existing(table, check, Table::checks, CheckConstraint::name, this::keeps)) {
            changes.add(new Change.AddCheckConstraint(name, check));
          }
        }
      }
    }

    private void addIndexesAndForeignKeys() {
      for (Table table : desired.tables()) {
        for (Index index : table.indexes()) {
          if (!existing(table, index, Table::indexes, Index::name, this::keeps)) {
            changes.add(new Change.CreateIndex(table.name(), index));
          }
        }
      }
      for (Table table : desired.tables()) {
        for (ForeignKey fk : table.foreignKeys()) {
          if (!existing(table, fk, Table::foreignKeys, ForeignKey::name, this::keeps)) {
            changes.add(new Change.AddForeignKey(table.name(), fk));
          }
        }
      }
    }

    private void dropSequences() {
      for (Sequence sequence : current.sequences()) {
        if (desired.sequence(sequence.name()).isEmpty()) {
          changes.add(new Change.DropSequence(sequence));
        }
      }
    }

    private void dropNamespaces() {
      for (String namespace : current.namespaces()) {
        if (!desired.namespaces().contains(namespace)) {
          changes.add(new Change.DropNamespace(namespace));
        }
      }
    }

    private static <T, N> Set<N> names(List<T> items, Function<T, N> name) {
      Set<N> names = new HashSet<>();
      items.forEach(item -> names.add(name.apply(item)));
      return names;
    }
  }
}
