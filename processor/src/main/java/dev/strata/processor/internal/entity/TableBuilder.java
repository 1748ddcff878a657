package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Index;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** A table while the entities mapping to it are read; {@link #build} checks and freezes it. */
final class TableBuilder {
  final QualifiedName name;
  /** The name as Hibernate has it (case kept, quoting known), which its hashed names are made from. */
  final Name physical;
  final Element origin;
  private final Map<String, Entry> columns = new TreeMap<>();
  private List<String> primaryKey = List.of();
  private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
  private final Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
  private final Map<String, Index> indexes = new LinkedHashMap<>();
  private final Map<String, CheckConstraint> checks = new LinkedHashMap<>();
  private Optional<String> comment = Optional.empty();
  /** A table Hibernate does not create (an abstract table-per-class root): mapped, but not in the schema. */
  boolean virtual;
  /** The single-table subclass whose attributes are being added, or null. */
  TypeElement writer;
  /** Whether two single-table subclasses are siblings (neither extends the other), when set. */
  BiPredicate<TypeElement, TypeElement> siblings;
  private final Map<String, TypeElement> writers = new TreeMap<>();

  /**
   * One mapped column.
   *
   * @param physical its name as Hibernate has it
   * @param readOnly mapped with {@code insertable = false, updatable = false}, which lets another
   *     attribute map the same column
   * @param bindOrder where Hibernate binds the attribute among the entity's ({@link Mapper#bindOrder}),
   *     or empty where that is not known
   */
  record Entry(Column column, Name physical, Element origin, boolean readOnly, String bindOrder) {
    Entry(Column column, Name physical, Element origin, boolean readOnly) {
      this(column, physical, origin, readOnly, "");
    }

    /** Whether Hibernate binds this attribute's column before {@code other}'s, when both are known. */
    boolean boundBefore(Entry other) {
      return !bindOrder.isEmpty() && !other.bindOrder.isEmpty() && bindOrder.compareTo(other.bindOrder) < 0;
    }
  }

  TableBuilder(QualifiedName name, Name physical, Element origin) {
    this.name = name;
    this.physical = physical;
    this.origin = origin;
  }

  /**
   * Adds a column; a column already mapped by another attribute is an error unless one of the two is
   * read-only. Then the writable mapping owns the column (its unique constraint, foreign key, rename),
   * while the column's definition (type, NULL or NOT NULL) is that of the attribute Hibernate binds
   * first: its table keeps the first column object of a name and ignores the later ones.
   *
   * @return whether the column is now mapped by this entry
   */
  boolean addColumn(Entry entry, Diagnostics diagnostics) {
    Entry existing = columns.get(entry.column().name());
    if (existing == null) {
      columns.put(entry.column().name(), entry);
      if (writer != null) {
        writers.put(entry.column().name(), writer);
      }
      return true;
    }
    TypeElement other = writers.get(entry.column().name());
    if (writer != null && other != null && siblings != null && siblings.test(writer, other)
        && existing.column().equals(entry.column())) {
      return true;
    }
    if (entry.readOnly()) {
      if (entry.boundBefore(existing)) {
        columns.put(entry.column().name(), new Entry(entry.column(), existing.physical(), existing.origin(),
            existing.readOnly(), entry.bindOrder()));
      }
      return false;
    }
    if (existing.readOnly()) {
      columns.put(entry.column().name(), existing.boundBefore(entry)
          ? new Entry(existing.column(), entry.physical(), entry.origin(), false, existing.bindOrder()) : entry);
      return true;
    }
    diagnostics.error(MappingCode.DUPLICATE_COLUMN, "column " + entry.column().name() + " of table " + name
        + " is mapped twice, by " + Elements2.describe(existing.origin()) + " and by "
        + Elements2.describe(entry.origin()) + "; give one of them another column with @Column(name = ...), "
        + "or make one read-only with insertable = false, updatable = false", entry.origin());
    return false;
  }

  Optional<Entry> column(String columnName) {
    return Optional.ofNullable(columns.get(columnName));
  }

  boolean hasColumn(String columnName) {
    return columns.containsKey(columnName);
  }

  void editColumn(String columnName, UnaryOperator<Column> edit) {
    Entry e = columns.get(columnName);
    columns.put(columnName, new Entry(edit.apply(e.column()), e.physical(), e.origin(), e.readOnly(), e.bindOrder()));
  }

  List<Entry> entries() {
    return new ArrayList<>(columns.values());
  }

  List<String> primaryKey() {
    return primaryKey;
  }

  void primaryKey(List<String> keyColumns) {
    this.primaryKey = List.copyOf(keyColumns);
  }

  void addForeignKey(ForeignKey key) {
    foreignKeys.putIfAbsent(key.name(), key);
  }

  Optional<ForeignKey> foreignKey(String keyName) {
    return Optional.ofNullable(foreignKeys.get(keyName));
  }

  void addUnique(UniqueConstraint unique) {
    // Hibernate creates one constraint for the same columns however often it is declared.
    for (UniqueConstraint u : uniques.values()) {
      if (u.columns().equals(unique.columns())) {
        return;
      }
    }
    uniques.putIfAbsent(unique.name(), unique);
  }

  void addIndex(Index index) {
    indexes.putIfAbsent(index.name(), index);
  }

  boolean hasCheck(String checkName) {
    return checks.containsKey(checkName);
  }

  /**
   * Puts a composite primary key into the order Hibernate 7.4's {@code create} gives it
   * ({@code MetadataImpl.orderColumns} with {@code ColumnOrderingStrategyStandard}, run when a
   * SessionFactory is built with a create action): by the column's size in bytes, at least 4, then
   * whether that is over 2048, then by the name as Hibernate spells it (case-sensitively). A
   * {@code varchar} of the default length 255 counts as PostgreSQL's largest. A unique constraint on
   * exactly the key's columns is dropped and gives the key its order instead.
   *
   * @return the new order, or empty when the key keeps its order
   */
  Optional<List<String>> orderPrimaryKey() {
    if (primaryKey.size() < 2) {
      return Optional.empty();
    }
    // Table.isRedundantUniqueKey: a unique constraint on exactly the key's columns is dropped, and the
    // key takes its column order.
    for (Map.Entry<String, UniqueConstraint> e : uniques.entrySet()) {
      List<String> columns = e.getValue().columns();
      if (columns.size() == primaryKey.size() && columns.containsAll(primaryKey)) {
        uniques.remove(e.getKey());
        if (columns.equals(primaryKey)) {
          return Optional.empty();
        }
        primaryKey = List.copyOf(columns);
        return Optional.of(primaryKey);
      }
    }
    List<String> ordered = new ArrayList<>(primaryKey);
    ordered.sort(java.util.Comparator.<String>comparingInt(c -> Math.max(sizeInBytes(columns.get(c).column()), 4))
        .thenComparing(c -> sizeInBytes(columns.get(c).column()) > 2048)
        .thenComparing(c -> columns.get(c).physical().text()));
    if (ordered.equals(primaryKey)) {
      return Optional.empty();
    }
    primaryKey = List.copyOf(ordered);
    return Optional.of(primaryKey);
  }

  /** {@code ColumnOrderingStrategyStandard.physicalSizeInBytes} for the PostgreSQL types Strata maps. */
  private static int sizeInBytes(Column column) {
    dev.strata.schema.SqlType type = column.type();
    List<Integer> modifiers = type.modifiers();
    switch (type.base()) {
      case "boolean": return 1;
      case "smallint": return 2;
      case "integer": case "real": case "date": case "time": return 4;
      case "bigint": case "double precision": case "timestamp": case "timestamptz": return 8;
      case "numeric":
        int precision = modifiers.isEmpty() ? 38 : modifiers.get(0);
        return (int) Math.ceil(precision / (Math.log(10) / Math.log(2) * 8));
      case "varchar": case "char":
        int length = modifiers.isEmpty() ? 255 : modifiers.get(0);
        return length == 255 ? (int) dev.strata.processor.internal.mapping.JdbcKind.MAX_VARCHAR_LENGTH : length;
      case "uuid": return 16;
      case "inet": return 19;
      default: return Integer.MAX_VALUE;
    }
  }

  /**
   * A foreign key to a table's whole primary key lists its columns in the key's order, however its
   * join columns were declared (Hibernate binds it as a reference to the key, and
   * {@code MetadataImpl.handleForeignKeys} follows a reordered key).
   *
   * @param keys the primary key columns of every table, in their final order
   */
  void alignForeignKeys(Map<QualifiedName, List<String>> keys) {
    for (Map.Entry<String, ForeignKey> e : foreignKeys.entrySet()) {
      ForeignKey key = e.getValue();
      List<String> target = keys.get(key.referencedTable());
      List<String> referenced = key.referencedColumns();
      if (target == null || target.equals(referenced) || target.size() != referenced.size()
          || !referenced.containsAll(target)) {
        continue;
      }
      List<String> columns = new ArrayList<>();
      for (String column : target) {
        columns.add(key.columns().get(referenced.indexOf(column)));
      }
      e.setValue(key.withColumns(columns).withReferencedColumns(target));
    }
  }

  /** Whether any constraint or index of the table has this name (they share PostgreSQL's namespace). */
  boolean hasConstraint(String constraintName) {
    return checks.containsKey(constraintName) || uniques.containsKey(constraintName)
        || foreignKeys.containsKey(constraintName) || indexes.containsKey(constraintName);
  }

  void addCheck(CheckConstraint check) {
    checks.putIfAbsent(check.name(), check);
  }

  void comment(String text) {
    comment = Optional.of(text);
  }

  Map<String, Element> origins() {
    Map<String, Element> out = new TreeMap<>();
    columns.forEach((n, e) -> out.put(n, e.origin()));
    return out;
  }

  /** The table, or empty after reporting why the parts do not make a table. */
  Optional<Table> build(Diagnostics diagnostics) {
    List<Column> cols = new ArrayList<>();
    for (Entry e : columns.values()) {
      Column c = e.column();
      cols.add(primaryKey.contains(c.name()) && c.nullable() ? c.withNullable(false) : c);
    }
    Optional<PrimaryKey> pk = primaryKey.isEmpty()
        ? Optional.empty()
        : Optional.of(new PrimaryKey(dev.strata.processor.internal.mapping.PostgresNames.objectName(
            name.name(), null, "pkey"), primaryKey));
    try {
      return Optional.of(new Table(name, cols, pk, new ArrayList<>(foreignKeys.values()),
          new ArrayList<>(uniques.values()), new ArrayList<>(indexes.values()), new ArrayList<>(checks.values()),
          comment));
    } catch (IllegalArgumentException e) {
      diagnostics.error(MappingCode.INVALID_CONSTRAINT, "the mapping of table " + name
          + " does not make a valid table: " + e.getMessage() + "; give the constraints distinct names "
          + "and let them name only mapped columns", origin);
      return Optional.empty();
    }
  }
}
