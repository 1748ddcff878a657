package dev.strata.schema;

/** One column of an index and its sort direction. */
public record IndexColumn(String name, boolean descending) {
  public IndexColumn {
    Checks.identifier(name, "name");
  }

  public static IndexColumn asc(String name) {
    return new IndexColumn(name, false);
  }

  public static IndexColumn desc(String name) {
    return new IndexColumn(name, true);
  }

  public IndexColumn withName(String newName) {
    return new IndexColumn(newName, descending);
  }
}
