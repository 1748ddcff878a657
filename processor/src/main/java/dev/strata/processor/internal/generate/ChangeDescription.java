package dev.strata.processor.internal.generate;

import dev.strata.schema.change.Change;
import java.util.List;
import java.util.Optional;

/**
 * A short lower-case phrase per change, e.g. {@code create table orders} or
 * {@code add column customers.email}: the default revision message joins them, and
 * {@code strata.mode=check} lists them.
 */
final class ChangeDescription implements Change.Visitor<String> {
  static final ChangeDescription INSTANCE = new ChangeDescription();

  /** At most this many phrases go into a default message; the rest are counted. */
  private static final int MESSAGE_PHRASES = 4;

  static String of(Change change) {
    return change.accept(INSTANCE);
  }

  /** The default message: the first changes' phrases, then how many more there are. */
  static String message(List<? extends Change> changes) {
    StringBuilder out = new StringBuilder();
    int shown = Math.min(changes.size(), MESSAGE_PHRASES);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(of(changes.get(i)));
    }
    int rest = changes.size() - shown;
    if (rest > 0) {
      out.append(" and ").append(rest).append(rest == 1 ? " more change" : " more changes");
    }
    return out.toString();
  }

  private static String describe(Optional<String> value) {
    return value.map(v -> "'" + v + "'").orElse("none");
  }

  @Override public String createNamespace(Change.CreateNamespace c) { return "create schema " + c.name(); }

  @Override public String dropNamespace(Change.DropNamespace c) { return "drop schema " + c.name(); }

  @Override public String createTable(Change.CreateTable c) { return "create table " + c.table().name(); }

  @Override public String dropTable(Change.DropTable c) { return "drop table " + c.table().name(); }

  @Override public String renameTable(Change.RenameTable c) {
    return "rename table " + c.from() + " to " + c.to();
  }

  @Override public String alterTableComment(Change.AlterTableComment c) {
    return "comment on table " + c.table();
  }

  @Override public String addColumn(Change.AddColumn c) {
    return "add column " + c.table() + "." + c.column().name();
  }

  @Override public String dropColumn(Change.DropColumn c) {
    return "drop column " + c.table() + "." + c.column().name();
  }

  @Override public String renameColumn(Change.RenameColumn c) {
    return "rename column " + c.table() + "." + c.from() + " to " + c.to();
  }

  @Override public String alterColumnType(Change.AlterColumnType c) {
    return "change type of " + c.table() + "." + c.column() + " from " + c.from() + " to " + c.to();
  }

  @Override public String alterColumnNullable(Change.AlterColumnNullable c) {
    return "make " + c.table() + "." + c.column() + (c.nullable() ? " nullable" : " not null");
  }

  @Override public String alterColumnDefault(Change.AlterColumnDefault c) {
    return "change default of " + c.table() + "." + c.column() + " from " + describe(c.from()) + " to "
        + describe(c.to());
  }

  @Override public String alterColumnIdentity(Change.AlterColumnIdentity c) {
    return "change identity of " + c.table() + "." + c.column() + " from "
        + c.from().map(Enum::name).orElse("none") + " to " + c.to().map(Enum::name).orElse("none");
  }

  @Override public String alterColumnComment(Change.AlterColumnComment c) {
    return "comment on column " + c.table() + "." + c.column();
  }

  @Override public String addPrimaryKey(Change.AddPrimaryKey c) {
    return "add primary key " + c.key().name() + " to " + c.table();
  }

  @Override public String dropPrimaryKey(Change.DropPrimaryKey c) {
    return "drop primary key " + c.key().name() + " of " + c.table();
  }

  @Override public String addForeignKey(Change.AddForeignKey c) {
    return "add foreign key " + c.key().name() + " to " + c.table();
  }

  @Override public String dropForeignKey(Change.DropForeignKey c) {
    return "drop foreign key " + c.key().name() + " of " + c.table();
  }

  @Override public String addUniqueConstraint(Change.AddUniqueConstraint c) {
    return "add unique constraint " + c.constraint().name() + " to " + c.table();
  }

  @Override public String dropUniqueConstraint(Change.DropUniqueConstraint c) {
    return "drop unique constraint " + c.constraint().name() + " of " + c.table();
  }

  @Override public String addCheckConstraint(Change.AddCheckConstraint c) {
    return "add check " + c.constraint().name() + " to " + c.table();
  }

  @Override public String dropCheckConstraint(Change.DropCheckConstraint c) {
    return "drop check " + c.constraint().name() + " of " + c.table();
  }

  @Override public String createIndex(Change.CreateIndex c) {
    return "create index " + c.index().name() + " on " + c.table();
  }

  @Override public String dropIndex(Change.DropIndex c) {
    return "drop index " + c.index().name() + " of " + c.table();
  }

  @Override public String createSequence(Change.CreateSequence c) {
    return "create sequence " + c.sequence().name();
  }

  @Override public String dropSequence(Change.DropSequence c) {
    return "drop sequence " + c.sequence().name();
  }

  @Override public String alterSequence(Change.AlterSequence c) {
    return "alter sequence " + c.from().name();
  }
}
