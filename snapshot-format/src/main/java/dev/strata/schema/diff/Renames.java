package dev.strata.schema.diff;

import dev.strata.schema.QualifiedName;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renames the developer has declared (with {@code @RenamedFrom}), as hints to the diff: without
 * them a renamed table or column would look like a drop and an add, losing its data.
 *
 * @param tables new table name to its old name
 * @param columns table (by its new name) to a map of new column name to old column name
 */
public record Renames(Map<QualifiedName, QualifiedName> tables, Map<QualifiedName, Map<String, String>> columns) {

  public static final Renames NONE = new Renames(Map.of(), Map.of());

  public Renames {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(columns, "columns");
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    TreeMap<QualifiedName, Map<String, String>> copy = new TreeMap<>();
    columns.forEach((table, map) -> copy.put(table, java.util.Collections.unmodifiableMap(new TreeMap<>(map))));
    columns = java.util.Collections.unmodifiableMap(copy);
  }
}
