package dev.strata.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A (b-tree) index on columns of its table. Index names share a namespace with tables in
 * PostgreSQL, so they are unique within a schema, not only within their table.
 */
public record Index(String name, List<IndexColumn> columns, boolean unique) {
  public Index {
    Checks.identifier(name, "name");
    columns = Checks.copy(columns, "columns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns of index " + name + " must not be empty");
    }
    Set<String> seen = new HashSet<>();
    for (IndexColumn column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("index " + name + " names column " + column.name() + " twice");
      }
    }
  }

  public static Index of(String name, String... columns) {
    return new Index(name, java.util.Arrays.stream(columns).map(IndexColumn::asc).toList(), false);
  }

  public Index withUnique(boolean newUnique) {
    return new Index(name, columns, newUnique);
  }

  public Index withColumns(List<IndexColumn> newColumns) {
    return new Index(name, newColumns, unique);
  }
}
