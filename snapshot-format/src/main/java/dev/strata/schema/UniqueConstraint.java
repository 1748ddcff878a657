package dev.strata.schema;

import java.util.List;

/** A unique constraint over columns of its table, in key order. */
public record UniqueConstraint(String name, List<String> columns) {
  public UniqueConstraint {
    Checks.identifier(name, "name");
    columns = Checks.identifiers(columns, "columns", false);
  }

  public static UniqueConstraint of(String name, String... columns) {
    return new UniqueConstraint(name, List.of(columns));
  }

  public UniqueConstraint withColumns(List<String> newColumns) {
    return new UniqueConstraint(name, newColumns);
  }
}
