package dev.strata.it.corpora;

import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import java.util.function.ToIntFunction;

/** How big a schema is: what docs/corpora.md reports per model. */
record SchemaCounts(int tables, int columns, int primaryKeys, int foreignKeys, int uniques, int indexes,
    int checks, int sequences) {

  static SchemaCounts of(Schema schema) {
    return new SchemaCounts(
        schema.tables().size(),
        sum(schema, t -> t.columns().size()),
        sum(schema, t -> t.primaryKey().isPresent() ? 1 : 0),
        sum(schema, t -> t.foreignKeys().size()),
        sum(schema, t -> t.uniqueConstraints().size()),
        sum(schema, t -> t.indexes().size()),
        sum(schema, t -> t.checks().size()),
        schema.sequences().size());
  }

  private static int sum(Schema schema, ToIntFunction<Table> count) {
    return schema.tables().stream().mapToInt(count).sum();
  }

  /** The header of {@link #row}'s table. */
  static String header() {
    return "| | tables | columns | primary keys | foreign keys | unique | indexes | checks | sequences |\n"
        + "|---|---|---|---|---|---|---|---|---|\n";
  }

  String row(String label) {
    return "| " + label + " | " + tables + " | " + columns + " | " + primaryKeys + " | " + foreignKeys + " | "
        + uniques + " | " + indexes + " | " + checks + " | " + sequences + " |\n";
  }
}
