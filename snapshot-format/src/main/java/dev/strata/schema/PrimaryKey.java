package dev.strata.schema;

import java.util.List;

/**
 * A primary key. Column order is significant (it is the order of the key's index).
 *
 * @param name the constraint name; PostgreSQL's default is {@code <table>_pkey}
 */
public record PrimaryKey(String name, List<String> columns) {
  public PrimaryKey {
    Checks.identifier(name, "name");
    columns = Checks.identifiers(columns, "columns", false);
  }

  public static PrimaryKey of(String name, String... columns) {
    return new PrimaryKey(name, List.of(columns));
  }
}
