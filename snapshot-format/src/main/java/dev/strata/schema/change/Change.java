package dev.strata.schema.change;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One schema change. Every kind knows its exact inverse ({@code c.inverse().inverse().equals(c)}),
 * and a drop carries the whole definition of what it drops, so that the inverse can recreate it.
 *
 * <p>Stages that turn changes into something else (SQL, Java source, text) implement {@link Visitor}:
 * adding a kind of change is then a compile error in every stage until that stage handles it.
 */
public sealed interface Change {

  /** The change that undoes this one. */
  Change inverse();

  /** The schema after this change; throws {@link IllegalStateException} when it does not apply to {@code schema}. */
  Schema applyTo(Schema schema);

  <R> R accept(Visitor<R> visitor);

  /** Applies changes in order. */
  static Schema applyAll(Schema schema, List<? extends Change> changes) {
    Schema result = schema;
    for (Change change : changes) {
      result = change.applyTo(result);
    }
    return result;
  }

  /** The inverses of {@code changes}, in reverse order: the downgrade of an upgrade. */
  static List<Change> inverseOf(List<? extends Change> changes) {
    List<Change> inverse = new ArrayList<>(changes.size());
    for (int i = changes.size() - 1; i >= 0; i--) {
      inverse.add(changes.get(i).inverse());
    }
    return List.copyOf(inverse);
  }

  /** One method per kind of change. */
  interface Visitor<R> {
    R createNamespace(CreateNamespace c);
    R dropNamespace(DropNamespace c);
    R createTable(CreateTable c);
    R dropTable(DropTable c);
    R renameTable(RenameTable c);
    R alterTableComment(AlterTableComment c);
    R addColumn(AddColumn c);
    R dropColumn(DropColumn c);
    R renameColumn(RenameColumn c);
    R alterColumnType(AlterColumnType c);
    R alterColumnNullable(AlterColumnNullable c);
    R alterColumnDefault(AlterColumnDefault c);
    R alterColumnIdentity(AlterColumnIdentity c);
    R alterColumnComment(AlterColumnComment c);
    R addPrimaryKey(AddPrimaryKey c);
    R dropPrimaryKey(DropPrimaryKey c);
    R addForeignKey(AddForeignKey c);
    R dropForeignKey(DropForeignKey c);
    R addUniqueConstraint(AddUniqueConstraint c);
    R dropUniqueConstraint(DropUniqueConstraint c);
    R addCheckConstraint(AddCheckConstraint c);
    R dropCheckConstraint(DropCheckConstraint c);
    R createIndex(CreateIndex c);
    R dropIndex(DropIndex c);
    R createSequence(CreateSequence c);
    R dropSequence(DropSequence c);
    R alterSequence(AlterSequence c);
  }

  // ---- namespaces -------------------------------------------------------------------------------

  /** {@code CREATE SCHEMA name}. */
  record CreateNamespace(String name) implements Change {
    public CreateNamespace {
      requireName(name, "name");
    }

    @Override public Change inverse() { return new DropNamespace(name); }

    @Override public Schema applyTo(Schema schema) {
      require(!schema.namespaces().contains(name), "schema %s already exists", name);
      List<String> all = new ArrayList<>(schema.namespaces());
      all.add(name);
      return schema.withNamespaces(all);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.createNamespace(this); }
  }

  /** {@code DROP SCHEMA name}; the schema must be empty. */
  record DropNamespace(String name) implements Change {
    public DropNamespace {
      requireName(name, "name");
    }

    @Override public Change inverse() { return new CreateNamespace(name); }

    @Override public Schema applyTo(Schema schema) {
      require(schema.namespaces().contains(name), "schema %s does not exist", name);
      require(schema.tables().stream().noneMatch(t -> t.name().namespace().equals(Optional.of(name)))
          && schema.sequences().stream().noneMatch(s -> s.name().namespace().equals(Optional.of(name))),
          "schema %s still holds tables or sequences", name);
      return schema.withNamespaces(schema.namespaces().stream().filter(n -> !n.equals(name)).toList());
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropNamespace(this); }
  }

  // ---- tables -----------------------------------------------------------------------------------

  /**
   * Creates a table with its columns, primary key, unique and check constraints and comment.
   * Foreign keys and indexes are separate changes (foreign keys may need tables created later).
   */
  record CreateTable(Table table) implements Change {
    public CreateTable {
      Objects.requireNonNull(table, "table");
      if (!table.foreignKeys().isEmpty() || !table.indexes().isEmpty()) {
        throw new IllegalArgumentException("CreateTable of " + table.name()
            + " must not carry foreign keys or indexes; add them as separate changes");
      }
    }

    @Override public Change inverse() { return new DropTable(table); }

    @Override public Schema applyTo(Schema schema) {
      require(schema.table(table.name()).isEmpty(), "table %s already exists", table.name());
      return schema.withTable(table);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.createTable(this); }
  }

  /** Drops a table; carries its whole definition (without foreign keys and indexes, dropped first). */
  record DropTable(Table table) implements Change {
    public DropTable {
      Objects.requireNonNull(table, "table");
      if (!table.foreignKeys().isEmpty() || !table.indexes().isEmpty()) {
        throw new IllegalArgumentException("DropTable of " + table.name()
            + " must not carry foreign keys or indexes; drop them as separate changes first");
      }
    }

    @Override public Change inverse() { return new CreateTable(table); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table.name());
      require(current.equals(table), "table %s is not as this drop describes it", table.name());
      for (Table other : schema.tables()) {
        for (ForeignKey fk : other.foreignKeys()) {
          require(!fk.referencedTable().equals(table.name()),
              "table %s is still referenced by foreign key %s of %s", table.name(), fk.name(), other.name());
        }
      }
      return schema.withoutTable(table.name());
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropTable(this); }
  }

  /** Renames a table within its schema; foreign keys that reference it follow. */
  record RenameTable(QualifiedName from, String to) implements Change {
    public RenameTable {
      Objects.requireNonNull(from, "from");
      requireName(to, "to");
    }

    public QualifiedName target() { return from.withName(to); }

    @Override public Change inverse() { return new RenameTable(target(), from.name()); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, from);
      require(schema.table(target()).isEmpty(), "table %s already exists", target());
      List<Table> tables = new ArrayList<>();
      for (Table t : schema.tables()) {
        Table renamed = t.name().equals(from) ? current.withName(target()) : t;
        tables.add(renamed.withForeignKeys(renamed.foreignKeys().stream()
            .map(fk -> fk.referencedTable().equals(from) ? fk.withReferencedTable(target()) : fk).toList()));
      }
      return schema.withTables(tables);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.renameTable(this); }
  }

  record AlterTableComment(QualifiedName table, Optional<String> from, Optional<String> to) implements Change {
    public AlterTableComment {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override public Change inverse() { return new AlterTableComment(table, to, from); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.comment().equals(from), "comment of table %s is not %s", table, from);
      return schema.withTable(current.withComment(to));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterTableComment(this); }
  }

  // ---- columns ----------------------------------------------------------------------------------

  record AddColumn(QualifiedName table, Column column) implements Change {
    public AddColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override public Change inverse() { return new DropColumn(table, column); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.column(column.name()).isEmpty(), "table %s already has column %s", table, column.name());
      return edited(schema, table, () -> current.withColumn(column));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.addColumn(this); }
  }

  /** Drops a column; carries its whole definition. Keys and indexes using it are dropped first. */
  record DropColumn(QualifiedName table, Column column) implements Change {
    public DropColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override public Change inverse() { return new AddColumn(table, column); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.column(column.name()).equals(Optional.of(column)),
          "column %s.%s is not as this drop describes it", table, column.name());
      for (Table other : schema.tables()) {
        for (ForeignKey fk : other.foreignKeys()) {
          require(!fk.referencedTable().equals(table) || !fk.referencedColumns().contains(column.name()),
              "column %s.%s is still referenced by foreign key %s of %s", table, column.name(), fk.name(), other.name());
        }
      }
      try {
        return schema.withTable(current.withoutColumn(column.name()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("cannot drop column " + table + "." + column.name() + ": " + e.getMessage(), e);
      }
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropColumn(this); }
  }

  /** Renames a column; keys, constraints and indexes that use it follow, as in PostgreSQL. */
  record RenameColumn(QualifiedName table, String from, String to) implements Change {
    public RenameColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override public Change inverse() { return new RenameColumn(table, to, from); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.column(from).isPresent(), "table %s has no column %s", table, from);
      require(current.column(to).isEmpty(), "table %s already has column %s", table, to);
      UnaryOperator<String> rename = c -> c.equals(from) ? to : c;
      UnaryOperator<List<String>> renameAll = cs -> cs.stream().map(rename).toList();
      List<Column> columns = current.columns().stream()
          .map(c -> c.name().equals(from) ? c.withName(to) : c).toList();
      Schema result = edited(schema, table, () -> new Table(current.name(), columns,
          current.primaryKey().map(pk -> new PrimaryKey(pk.name(), renameAll.apply(pk.columns()))),
          current.foreignKeys().stream().map(fk -> fk.withColumns(renameAll.apply(fk.columns()))).toList(),
          current.uniqueConstraints().stream().map(u -> u.withColumns(renameAll.apply(u.columns()))).toList(),
          current.indexes().stream().map(i -> i.withColumns(i.columns().stream()
              .map(ic -> ic.withName(rename.apply(ic.name()))).toList())).toList(),
          current.checks(), current.comment()));
      List<Table> tables = new ArrayList<>();
      for (Table t : result.tables()) {
        tables.add(t.withForeignKeys(t.foreignKeys().stream()
            .map(fk -> fk.referencedTable().equals(table)
                ? fk.withReferencedColumns(renameAll.apply(fk.referencedColumns())) : fk)
            .toList()));
      }
      return result.withTables(tables);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.renameColumn(this); }
  }

  /** Changes a column's type; the dialect adds a {@code USING} cast where PostgreSQL needs one. */
  record AlterColumnType(QualifiedName table, String column, SqlType from, SqlType to) implements Change {
    public AlterColumnType {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override public Change inverse() { return new AlterColumnType(table, column, to, from); }

    @Override public Schema applyTo(Schema schema) {
      Column current = existingColumn(schema, table, column);
      require(current.type().equals(from), "column %s.%s is of type %s, not %s", table, column, current.type(), from);
      return edited(schema, table, () -> existing(schema, table).mapColumn(column, c -> c.withType(to)));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterColumnType(this); }
  }

  /** {@code SET NOT NULL} ({@code nullable == false}) or {@code DROP NOT NULL}. */
  record AlterColumnNullable(QualifiedName table, String column, boolean nullable) implements Change {
    public AlterColumnNullable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override public Change inverse() { return new AlterColumnNullable(table, column, !nullable); }

    @Override public Schema applyTo(Schema schema) {
      Column current = existingColumn(schema, table, column);
      require(current.nullable() != nullable, "column %s.%s is already %s", table, column,
          nullable ? "nullable" : "not null");
      return edited(schema, table, () -> existing(schema, table).mapColumn(column, c -> c.withNullable(nullable)));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterColumnNullable(this); }
  }

  record AlterColumnDefault(QualifiedName table, String column, Optional<String> from, Optional<String> to)
      implements Change {
    public AlterColumnDefault {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override public Change inverse() { return new AlterColumnDefault(table, column, to, from); }

    @Override public Schema applyTo(Schema schema) {
      Column current = existingColumn(schema, table, column);
      require(current.defaultValue().equals(from), "default of %s.%s is not %s", table, column, from);
      return edited(schema, table, () -> existing(schema, table).mapColumn(column, c -> c.withDefault(to)));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterColumnDefault(this); }
  }

  /** Adds, drops or changes {@code GENERATED ... AS IDENTITY}. */
  record AlterColumnIdentity(QualifiedName table, String column, Optional<Identity> from, Optional<Identity> to)
      implements Change {
    public AlterColumnIdentity {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override public Change inverse() { return new AlterColumnIdentity(table, column, to, from); }

    @Override public Schema applyTo(Schema schema) {
      Column current = existingColumn(schema, table, column);
      require(current.identity().equals(from), "identity of %s.%s is not %s", table, column, from);
      require(to.isEmpty() || !current.nullable(), "column %s.%s must be not null before it becomes an identity", table, column);
      return edited(schema, table, () -> existing(schema, table).mapColumn(column, c -> c.withIdentity(to)));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterColumnIdentity(this); }
  }

  record AlterColumnComment(QualifiedName table, String column, Optional<String> from, Optional<String> to)
      implements Change {
    public AlterColumnComment {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override public Change inverse() { return new AlterColumnComment(table, column, to, from); }

    @Override public Schema applyTo(Schema schema) {
      Column current = existingColumn(schema, table, column);
      require(current.comment().equals(from), "comment of %s.%s is not %s", table, column, from);
      return edited(schema, table, () -> existing(schema, table).mapColumn(column, c -> c.withComment(to)));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterColumnComment(this); }
  }

  // ---- keys and constraints ---------------------------------------------------------------------

  record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
    public AddPrimaryKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
    }

    @Override public Change inverse() { return new DropPrimaryKey(table, key); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.primaryKey().isEmpty(), "table %s already has a primary key", table);
      return edited(schema, table, () -> current.withPrimaryKey(Optional.of(key)));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.addPrimaryKey(this); }
  }

  record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
    public DropPrimaryKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
    }

    @Override public Change inverse() { return new AddPrimaryKey(table, key); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.primaryKey().equals(Optional.of(key)), "primary key of %s is not %s", table, key);
      return schema.withTable(current.withPrimaryKey(Optional.empty()));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropPrimaryKey(this); }
  }

  record AddForeignKey(QualifiedName table, ForeignKey key) implements Change {
    public AddForeignKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
    }

    @Override public Change inverse() { return new DropForeignKey(table, key); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.foreignKeys().stream().noneMatch(fk -> fk.name().equals(key.name())),
          "table %s already has foreign key %s", table, key.name());
      Table target = key.referencedTable().equals(table) ? current : existing(schema, key.referencedTable());
      for (String column : key.referencedColumns()) {
        require(target.column(column).isPresent(), "foreign key %s references %s.%s, which does not exist",
            key.name(), key.referencedTable(), column);
      }
      List<ForeignKey> keys = new ArrayList<>(current.foreignKeys());
      keys.add(key);
      return edited(schema, table, () -> current.withForeignKeys(keys));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.addForeignKey(this); }
  }

  record DropForeignKey(QualifiedName table, ForeignKey key) implements Change {
    public DropForeignKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
    }

    @Override public Change inverse() { return new AddForeignKey(table, key); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.foreignKeys().contains(key), "table %s has no foreign key %s as described", table, key.name());
      return schema.withTable(current.withForeignKeys(current.foreignKeys().stream().filter(fk -> !fk.equals(key)).toList()));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropForeignKey(this); }
  }

  record AddUniqueConstraint(QualifiedName table, UniqueConstraint constraint) implements Change {
    public AddUniqueConstraint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(constraint, "constraint");
    }

    @Override public Change inverse() { return new DropUniqueConstraint(table, constraint); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      List<UniqueConstraint> all = new ArrayList<>(current.uniqueConstraints());
      all.add(constraint);
      return edited(schema, table, () -> current.withUniqueConstraints(all));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.addUniqueConstraint(this); }
  }

  record DropUniqueConstraint(QualifiedName table, UniqueConstraint constraint) implements Change {
    public DropUniqueConstraint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(constraint, "constraint");
    }

    @Override public Change inverse() { return new AddUniqueConstraint(table, constraint); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.uniqueConstraints().contains(constraint), "table %s has no unique constraint %s as described",
          table, constraint.name());
      return schema.withTable(current.withUniqueConstraints(
          current.uniqueConstraints().stream().filter(u -> !u.equals(constraint)).toList()));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropUniqueConstraint(this); }
  }

  record AddCheckConstraint(QualifiedName table, CheckConstraint constraint) implements Change {
    public AddCheckConstraint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(constraint, "constraint");
    }

    @Override public Change inverse() { return new DropCheckConstraint(table, constraint); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      List<CheckConstraint> all = new ArrayList<>(current.checks());
      all.add(constraint);
      return edited(schema, table, () -> current.withChecks(all));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.addCheckConstraint(this); }
  }

  record DropCheckConstraint(QualifiedName table, CheckConstraint constraint) implements Change {
    public DropCheckConstraint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(constraint, "constraint");
    }

    @Override public Change inverse() { return new AddCheckConstraint(table, constraint); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.checks().contains(constraint), "table %s has no check constraint %s as described",
          table, constraint.name());
      return schema.withTable(current.withChecks(current.checks().stream().filter(c -> !c.equals(constraint)).toList()));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropCheckConstraint(this); }
  }

  // ---- indexes ----------------------------------------------------------------------------------

  record CreateIndex(QualifiedName table, Index index) implements Change {
    public CreateIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(index, "index");
    }

    @Override public Change inverse() { return new DropIndex(table, index); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      List<Index> all = new ArrayList<>(current.indexes());
      all.add(index);
      return edited(schema, table, () -> current.withIndexes(all));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.createIndex(this); }
  }

  record DropIndex(QualifiedName table, Index index) implements Change {
    public DropIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(index, "index");
    }

    @Override public Change inverse() { return new CreateIndex(table, index); }

    @Override public Schema applyTo(Schema schema) {
      Table current = existing(schema, table);
      require(current.indexes().contains(index), "table %s has no index %s as described", table, index.name());
      return schema.withTable(current.withIndexes(current.indexes().stream().filter(i -> !i.equals(index)).toList()));
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropIndex(this); }
  }

  // ---- sequences --------------------------------------------------------------------------------

  record CreateSequence(Sequence sequence) implements Change {
    public CreateSequence {
      Objects.requireNonNull(sequence, "sequence");
    }

    @Override public Change inverse() { return new DropSequence(sequence); }

    @Override public Schema applyTo(Schema schema) {
      require(schema.sequence(sequence.name()).isEmpty(), "sequence %s already exists", sequence.name());
      return schema.withSequence(sequence);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.createSequence(this); }
  }

  record DropSequence(Sequence sequence) implements Change {
    public DropSequence {
      Objects.requireNonNull(sequence, "sequence");
    }

    @Override public Change inverse() { return new CreateSequence(sequence); }

    @Override public Schema applyTo(Schema schema) {
      require(schema.sequence(sequence.name()).equals(Optional.of(sequence)),
          "sequence %s is not as this drop describes it", sequence.name());
      return schema.withoutSequence(sequence.name());
    }

    @Override public <R> R accept(Visitor<R> v) { return v.dropSequence(this); }
  }

  /** Changes a sequence's start and increment; the name stays. */
  record AlterSequence(Sequence from, Sequence to) implements Change {
    public AlterSequence {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!from.name().equals(to.name())) {
        throw new IllegalArgumentException("AlterSequence cannot rename " + from.name() + " to " + to.name());
      }
    }

    @Override public Change inverse() { return new AlterSequence(to, from); }

    @Override public Schema applyTo(Schema schema) {
      require(schema.sequence(from.name()).equals(Optional.of(from)), "sequence %s is not %s", from.name(), from);
      return schema.withSequence(to);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.alterSequence(this); }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static void require(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }

  private static void requireName(String name, String argument) {
    Objects.requireNonNull(name, argument);
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(argument + " must be a non-empty name without NUL characters");
    }
  }

  /**
   * The schema with {@code table} replaced by what {@code edit} builds. The model's own checks (a
   * constraint naming a missing column, two constraints of one name, an identity column made
   * nullable) then mean that the change does not apply to this schema.
   */
  private static Schema edited(Schema schema, QualifiedName table, Supplier<Table> edit) {
    try {
      return schema.withTable(edit.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot change table " + table + ": " + e.getMessage(), e);
    }
  }

  private static Table existing(Schema schema, QualifiedName table) {
    return schema.table(table).orElseThrow(() -> new IllegalStateException("table " + table + " does not exist"));
  }

  private static Column existingColumn(Schema schema, QualifiedName table, String column) {
    return existing(schema, table).column(column)
        .orElseThrow(() -> new IllegalStateException("table " + table + " has no column " + column));
  }
}
