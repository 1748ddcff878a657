package dev.strata.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A table and everything that belongs to it. Children are kept sorted by name, so two tables with
 * the same content are equal and write the same snapshot text whatever order they were built in.
 * Every column named by a key, constraint or index must be a column of the table.
 */
public record Table(
    QualifiedName name,
    List<Column> columns,
    Optional<PrimaryKey> primaryKey,
    List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniqueConstraints,
    List<Index> indexes,
    List<CheckConstraint> checks,
    Optional<String> comment) implements Comparable<Table> {

  public Table {
    Objects.requireNonNull(name, "name");
    columns = Checks.sortedUnique(columns, Column::name, "columns");
    Objects.requireNonNull(primaryKey, "primaryKey");
    foreignKeys = Checks.sortedUnique(foreignKeys, ForeignKey::name, "foreignKeys");
    uniqueConstraints = Checks.sortedUnique(uniqueConstraints, UniqueConstraint::name, "uniqueConstraints");
    indexes = Checks.sortedUnique(indexes, Index::name, "indexes");
    checks = Checks.sortedUnique(checks, CheckConstraint::name, "checks");
    Objects.requireNonNull(comment, "comment");

    Set<String> known = new HashSet<>();
    columns.forEach(c -> known.add(c.name()));
    String where = "table " + name;
    primaryKey.ifPresent(pk -> requireColumns(known, pk.columns(), where + ", primary key " + pk.name()));
    foreignKeys.forEach(fk -> requireColumns(known, fk.columns(), where + ", foreign key " + fk.name()));
    uniqueConstraints.forEach(u -> requireColumns(known, u.columns(), where + ", unique constraint " + u.name()));
    indexes.forEach(i -> requireColumns(known, i.columns().stream().map(IndexColumn::name).toList(),
        where + ", index " + i.name()));
    Set<String> constraintNames = new HashSet<>();
    primaryKey.ifPresent(pk -> constraintNames.add(pk.name()));
    for (String constraint : concat(foreignKeys.stream().map(ForeignKey::name).toList(),
        uniqueConstraints.stream().map(UniqueConstraint::name).toList(),
        checks.stream().map(CheckConstraint::name).toList())) {
      if (!constraintNames.add(constraint)) {
        throw new IllegalArgumentException(where + " has two constraints named " + constraint);
      }
    }
  }

  private static void requireColumns(Set<String> known, List<String> used, String where) {
    for (String column : used) {
      if (!known.contains(column)) {
        throw new IllegalArgumentException(where + " names column " + column + ", which the table does not have");
      }
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  /** An empty table: no columns, keys or constraints. */
  public static Table of(QualifiedName name) {
    return new Table(name, List.of(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  public static Table of(String name) {
    return of(QualifiedName.of(name));
  }

  @Override
  public int compareTo(Table other) {
    return name.compareTo(other.name);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Table withName(QualifiedName newName) {
    return new Table(newName, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, comment);
  }

  public Table withColumns(List<Column> newColumns) {
    return new Table(name, newColumns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, comment);
  }

  public Table withColumns(Column... newColumns) {
    return withColumns(List.of(newColumns));
  }

  /** Adds a column, replacing none: adding a column whose name exists is an error. */
  public Table withColumn(Column column) {
    List<Column> all = new ArrayList<>(columns);
    all.add(column);
    return withColumns(all);
  }

  /** Replaces the column of the same name through {@code edit}. */
  public Table mapColumn(String columnName, UnaryOperator<Column> edit) {
    if (column(columnName).isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }
    return withColumns(columns.stream().map(c -> c.name().equals(columnName) ? edit.apply(c) : c).toList());
  }

  public Table withoutColumn(String columnName) {
    if (column(columnName).isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }
    return withColumns(columns.stream().filter(c -> !c.name().equals(columnName)).toList());
  }

  public Table withPrimaryKey(Optional<PrimaryKey> key) {
    return new Table(name, columns, key, foreignKeys, uniqueConstraints, indexes, checks, comment);
  }

  public Table withPrimaryKey(String constraintName, String... keyColumns) {
    return withPrimaryKey(Optional.of(new PrimaryKey(constraintName, List.of(keyColumns))));
  }

  public Table withForeignKeys(List<ForeignKey> keys) {
    return new Table(name, columns, primaryKey, keys, uniqueConstraints, indexes, checks, comment);
  }

  public Table withUniqueConstraints(List<UniqueConstraint> constraints) {
    return new Table(name, columns, primaryKey, foreignKeys, constraints, indexes, checks, comment);
  }

  public Table withIndexes(List<Index> newIndexes) {
    return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, newIndexes, checks, comment);
  }

  public Table withChecks(List<CheckConstraint> newChecks) {
    return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, newChecks, comment);
  }

  public Table withComment(Optional<String> text) {
    return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, text);
  }
}
