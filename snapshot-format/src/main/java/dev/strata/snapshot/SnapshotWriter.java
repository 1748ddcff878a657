package dev.strata.snapshot;

import static dev.strata.snapshot.Syntax.identifier;
import static dev.strata.snapshot.Syntax.string;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a snapshot in its canonical text form (SPEC.md): one fact per line, everything sorted, {@code \n}
 * line ends, so equal snapshots are equal bytes and a change shows in review as the lines it touches.
 */
public final class SnapshotWriter {
  private SnapshotWriter() {}

  public static String write(Snapshot snapshot) {
    StringBuilder out = new StringBuilder();
    out.append(Syntax.HEADER).append('\n');
    snapshot.head().ifPresent(head -> out.append("head ").append(head).append('\n'));
    for (String entity : snapshot.entities()) {
      out.append("entity ").append(entity).append('\n');
    }
    String body = body(snapshot.schema());
    if (!body.isEmpty()) {
      out.append('\n').append(body);
    }
    return out.toString();
  }

  /**
   * The schema part of the file, which {@link SchemaHash} hashes: its blocks (namespaces, sequences,
   * then one per table), each line ending in {@code \n}, a blank line between blocks. Empty for an
   * empty schema.
   */
  static String body(Schema schema) {
    List<List<String>> blocks = new ArrayList<>();
    if (!schema.namespaces().isEmpty()) {
      blocks.add(schema.namespaces().stream().map(n -> "namespace " + identifier(n)).toList());
    }
    if (!schema.sequences().isEmpty()) {
      blocks.add(schema.sequences().stream().map(SnapshotWriter::sequence).toList());
    }
    for (Table table : schema.tables()) {
      blocks.add(table(table));
    }
    StringBuilder out = new StringBuilder();
    for (List<String> block : blocks) {
      if (out.length() > 0) {
        out.append('\n');
      }
      for (String line : block) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String sequence(Sequence sequence) {
    return "sequence " + name(sequence.name()) + " start " + sequence.start() + " increment " + sequence.increment();
  }

  private static List<String> table(Table table) {
    String name = name(table.name());
    List<String> lines = new ArrayList<>();
    lines.add("table " + name);
    table.comment().ifPresent(comment -> lines.add("comment " + name + " " + string(comment)));
    for (Column column : table.columns()) {
      lines.add("column " + name + " " + column(column));
    }
    table.primaryKey().ifPresent(pk ->
        lines.add("primary key " + name + " " + identifier(pk.name()) + " " + list(pk.columns(), Syntax::identifier)));
    for (ForeignKey fk : table.foreignKeys()) {
      lines.add("foreign key " + name + " " + foreignKey(fk));
    }
    for (UniqueConstraint unique : table.uniqueConstraints()) {
      lines.add("unique " + name + " " + identifier(unique.name()) + " " + list(unique.columns(), Syntax::identifier));
    }
    for (Index index : table.indexes()) {
      lines.add((index.unique() ? "unique index " : "index ") + name + " " + identifier(index.name()) + " "
          + list(index.columns(), SnapshotWriter::indexColumn));
    }
    for (CheckConstraint check : table.checks()) {
      lines.add("check " + name + " " + identifier(check.name()) + " " + string(check.expression()));
    }
    return lines;
  }

  private static String column(Column column) {
    StringBuilder out = new StringBuilder(identifier(column.name())).append(' ').append(column.type().sql());
    if (!column.nullable()) {
      out.append(" not null");
    }
    column.defaultValue().ifPresent(d -> out.append(" default ").append(string(d)));
    column.identity().ifPresent(i -> out.append(i == Identity.ALWAYS ? " identity always" : " identity by default"));
    column.comment().ifPresent(c -> out.append(" comment ").append(string(c)));
    return out.toString();
  }

  private static String foreignKey(ForeignKey fk) {
    StringBuilder out = new StringBuilder(identifier(fk.name()))
        .append(' ').append(list(fk.columns(), Syntax::identifier))
        .append(" references ").append(name(fk.referencedTable()))
        .append(' ').append(list(fk.referencedColumns(), Syntax::identifier));
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      out.append(" on delete ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      out.append(" on update ").append(fk.onUpdate().sql());
    }
    return out.toString();
  }

  private static String indexColumn(IndexColumn column) {
    return identifier(column.name()) + (column.descending() ? " desc" : "");
  }

  static String name(QualifiedName name) {
    return name.namespace().map(n -> identifier(n) + ".").orElse("") + identifier(name.name());
  }

  private static <T> String list(List<T> items, Function<T, String> render) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(render.apply(items.get(i)));
    }
    return out.append(')').toString();
  }
}
