package dev.strata.processor.internal.generate;

import dev.strata.schema.QualifiedName;
import dev.strata.schema.change.Change;
import java.util.List;

/**
 * The schema objects a change touches, for {@code strata.merge}: two branches may be merged only
 * when no object is touched by both. A target is a scope (a table, sequence or schema) and a member
 * within it (a column, constraint or index), or no member when the change touches the whole scope,
 * which then collides with anything in that scope.
 */
final class ChangeTargets implements Change.Visitor<List<ChangeTargets.Target>> {
  static final ChangeTargets INSTANCE = new ChangeTargets();

  /** @param member empty when the whole scope is touched */
  record Target(String scope, String member) {
    boolean collidesWith(Target other) {
      return scope.equals(other.scope) && (member.isEmpty() || other.member.isEmpty() || member.equals(other.member));
    }

    /** For messages, e.g. {@code orders.total} or {@code table orders}. */
    String describe() {
      return member.isEmpty() ? scope : scope.substring(scope.indexOf(' ') + 1) + "." + member;
    }
  }

  private static List<Target> whole(String kind, Object name) {
    return List.of(new Target(kind + " " + name, ""));
  }

  private static List<Target> member(QualifiedName table, String member) {
    return List.of(new Target("table " + table, member));
  }

  @Override public List<Target> createNamespace(Change.CreateNamespace c) { return whole("schema", c.name()); }

  @Override public List<Target> dropNamespace(Change.DropNamespace c) { return whole("schema", c.name()); }

  @Override public List<Target> createTable(Change.CreateTable c) { return whole("table", c.table().name()); }

  @Override public List<Target> dropTable(Change.DropTable c) { return whole("table", c.table().name()); }

  @Override public List<Target> renameTable(Change.RenameTable c) {
    return List.of(new Target("table " + c.from(), ""), new Target("table " + c.target(), ""));
  }

  @Override public List<Target> alterTableComment(Change.AlterTableComment c) { return member(c.table(), "comment"); }

  @Override public List<Target> addColumn(Change.AddColumn c) { return member(c.table(), c.column().name()); }

  @Override public List<Target> dropColumn(Change.DropColumn c) { return member(c.table(), c.column().name()); }

  @Override public List<Target> renameColumn(Change.RenameColumn c) {
    return List.of(new Target("table " + c.table(), c.from()), new Target("table " + c.table(), c.to()));
  }

  @Override public List<Target> alterColumnType(Change.AlterColumnType c) { return member(c.table(), c.column()); }

  @Override public List<Target> alterColumnNullable(Change.AlterColumnNullable c) { return member(c.table(), c.column()); }

  @Override public List<Target> alterColumnDefault(Change.AlterColumnDefault c) { return member(c.table(), c.column()); }

  @Override public List<Target> alterColumnIdentity(Change.AlterColumnIdentity c) { return member(c.table(), c.column()); }

  @Override public List<Target> alterColumnComment(Change.AlterColumnComment c) { return member(c.table(), c.column()); }

  @Override public List<Target> addPrimaryKey(Change.AddPrimaryKey c) { return member(c.table(), "primary key"); }

  @Override public List<Target> dropPrimaryKey(Change.DropPrimaryKey c) { return member(c.table(), "primary key"); }

  @Override public List<Target> addForeignKey(Change.AddForeignKey c) { return member(c.table(), c.key().name()); }

  @Override public List<Target> dropForeignKey(Change.DropForeignKey c) { return member(c.table(), c.key().name()); }

  @Override public List<Target> addUniqueConstraint(Change.AddUniqueConstraint c) {
    return member(c.table(), c.constraint().name());
  }

  @Override public List<Target> dropUniqueConstraint(Change.DropUniqueConstraint c) {
    return member(c.table(), c.constraint().name());
  }

  @Override public List<Target> addCheckConstraint(Change.AddCheckConstraint c) {
    return member(c.table(), c.constraint().name());
  }

  @Override public List<Target> dropCheckConstraint(Change.DropCheckConstraint c) {
    return member(c.table(), c.constraint().name());
  }

  @Override public List<Target> createIndex(Change.CreateIndex c) { return member(c.table(), c.index().name()); }

  @Override public List<Target> dropIndex(Change.DropIndex c) { return member(c.table(), c.index().name()); }

  @Override public List<Target> createSequence(Change.CreateSequence c) { return whole("sequence", c.sequence().name()); }

  @Override public List<Target> dropSequence(Change.DropSequence c) { return whole("sequence", c.sequence().name()); }

  @Override public List<Target> alterSequence(Change.AlterSequence c) { return whole("sequence", c.from().name()); }
}
