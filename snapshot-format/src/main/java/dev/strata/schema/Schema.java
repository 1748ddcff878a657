package dev.strata.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole managed schema: the PostgreSQL schemas (namespaces) Strata creates, and the tables and
 * sequences it manages. Only what is recorded here is ever changed or dropped by Strata; other
 * objects in the database are left alone.
 *
 * <p>Everything is kept sorted, so equal content means equal values and identical snapshot text.
 */
public record Schema(List<String> namespaces, List<Table> tables, List<Sequence> sequences) {

  public static final Schema EMPTY = new Schema(List.of(), List.of(), List.of());

  public Schema {
    namespaces = List.copyOf(new TreeSet<>(Checks.identifiers(namespaces, "namespaces", true)));
    tables = Checks.sortedUnique(tables, Table::name, "tables");
    sequences = Checks.sortedUnique(sequences, Sequence::name, "sequences");
  }

  public Optional<Table> table(QualifiedName name) {
    Objects.requireNonNull(name, "name");
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<Sequence> sequence(QualifiedName name) {
    Objects.requireNonNull(name, "name");
    return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public boolean isEmpty() {
    return namespaces.isEmpty() && tables.isEmpty() && sequences.isEmpty();
  }

  public Schema withNamespaces(List<String> newNamespaces) {
    return new Schema(newNamespaces, tables, sequences);
  }

  public Schema withTables(List<Table> newTables) {
    return new Schema(namespaces, newTables, sequences);
  }

  public Schema withSequences(List<Sequence> newSequences) {
    return new Schema(namespaces, tables, newSequences);
  }

  /** Adds the table, or replaces the table of the same name. */
  public Schema withTable(Table table) {
    List<Table> all = new ArrayList<>(tables.stream().filter(t -> !t.name().equals(table.name())).toList());
    all.add(table);
    return withTables(all);
  }

  public Schema withoutTable(QualifiedName name) {
    return withTables(tables.stream().filter(t -> !t.name().equals(name)).toList());
  }

  /** Adds the sequence, or replaces the sequence of the same name. */
  public Schema withSequence(Sequence sequence) {
    List<Sequence> all = new ArrayList<>(sequences.stream().filter(s -> !s.name().equals(sequence.name())).toList());
    all.add(sequence);
    return withSequences(all);
  }

  public Schema withoutSequence(QualifiedName name) {
    return withSequences(sequences.stream().filter(s -> !s.name().equals(name)).toList());
  }
}
