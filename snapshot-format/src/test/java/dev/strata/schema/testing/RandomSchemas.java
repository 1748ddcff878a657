package dev.strata.schema.testing;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.Renames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seeded random schemas and random evolutions of them, for property tests. The same seed always gives
 * the same schemas, so a failing case is reproduced from its seed alone.
 *
 * <p>{@link Profile#ANY} produces anything the model accepts: names and texts with quotes, keywords,
 * spaces, line breaks, invisible and non-BMP characters, expressions that are not SQL. It exercises the
 * snapshot format and the diff. {@link Profile#POSTGRES} produces schemas, and evolutions, that
 * PostgreSQL can apply: names of at most 63 bytes, unique among the relations of a namespace (tables,
 * sequences, indexes, and the indexes behind primary keys and unique constraints); defaults and checks
 * that are valid SQL for their column; identity only on integer columns; keys only on non-array
 * columns, primary key columns NOT NULL, no unique constraint on the same columns as the primary key
 * or another unique constraint (PostgreSQL's CREATE TABLE would keep only one); foreign keys onto a
 * primary key or unique constraint with the same column types; type changes only where a cast
 * exists (among numbers, among texts, among dates and timestamps); ascending sequences; and no new
 * table or column under the name of one that existed before the evolution (which any diff reads as
 * that object with a new type). Both profiles keep every schema valid for the model: every foreign key
 * targets an existing table and its columns.

 *
 * <pre>{@code
 * RandomSchemas random = new RandomSchemas(seed, RandomSchemas.Profile.POSTGRES);
 * Schema a = random.schema();
 * RandomSchemas.Evolution next = random.evolve(a);   // next.schema(), next.renames()
 * }</pre>
 */
public final class RandomSchemas {

  /** What the generated schemas must satisfy besides the model's own checks. */
  public enum Profile { ANY, POSTGRES }

  /**
   * A schema derived from another by random edits.
   *
   * @param schema the new schema
   * @param renames the rename hints for the tables and columns that the edits renamed, as
   *     {@code @RenamedFrom} would give them, plus (in {@link Profile#ANY}) a few stale or conflicting
   *     hints that a diff must ignore
   */
  public record Evolution(Schema schema, Renames renames) {}

  private static final List<String> TYPES = List.of("integer", "bigint", "smallint", "text", "varchar(255)",
      "varchar(16)", "char(1)", "numeric(38,2)", "numeric(10,0)", "boolean", "date", "time(0)", "timestamp(6)",
      "timestamptz(6)", "uuid", "bytea", "jsonb", "double precision", "real", "integer[]", "varchar(255)[]",
      "interval day to second(3)", "bit varying(8)");
  private static final List<String> INTEGER_TYPES = List.of("integer", "bigint", "smallint");
  /** Types PostgreSQL converts into each other with a plain cast, so a type change works on data. */
  private static final List<List<String>> CASTABLE_FAMILIES = List.of(
      List.of("smallint", "integer", "bigint", "numeric(38,2)", "numeric(10,0)", "real", "double precision"),
      List.of("text", "varchar(255)", "varchar(16)", "char(1)"),
      List.of("date", "timestamp(6)", "timestamptz(6)"));

  private static final List<String> ANY_TABLE_NAMES = List.of("customer", "invoice", "line_item", "order", "Person",
      "tag", "my table", "group", "a.b", "ünï", "q\"uote");
  private static final List<String> ANY_COLUMN_NAMES = List.of("id", "name", "code", "amount", "created_at",
      "status", "parent_id", "x", "Name", "order", "user", "my col", "quo\"te", "dot.ted", "new\nline", "ünï", "a$b",
      "_u", "tab\tbed", "rtl\u202Eo", "emoji\uD83D\uDE00", "back\\slash", "'single'");
  private static final List<String> ANY_NAMESPACES = List.of("app", "billing", "Sales", "select", "two words");
  private static final List<String> ANY_TEXTS = List.of("x", "it's", "say \"hi\"", "back\\slash", "line\nbreak",
      "crlf\r\nend", "tab\there", "bell\u0007", "rtl\u202Eoverride", "zero\u200Bwidth", "bom\uFEFF", "lone \uD800",
      "emoji \uD83D\uDE00", "é ✓", "  padded  ", "''", "now()", "'open'::character varying", "a > 0 AND b < 1", "E'\\n'");
  private static final List<String> POSTGRES_PREFIXES = List.of("", "", "", "Mixed", "with space ", "quo\"te ",
      "ünï_");
  private static final List<String> KEYWORDS_AS_COLUMNS = List.of("order", "user", "group", "select", "check");

  private final Random random;
  private final Profile profile;
  private Set<String> relationNames = new HashSet<>();
  /**
   * Column names taken during one evolution (for PostgreSQL): a column dropped and another of the same
   * name added would be one column whose type changes, which data may not survive.
   */
  private Set<String> columnNames = new HashSet<>();

  public RandomSchemas(long seed) {
    this(seed, Profile.ANY);
  }

  public RandomSchemas(long seed, Profile profile) {
    this.random = new Random(seed);
    this.profile = profile;
  }

  /** The generator's random source, for tests that make further random choices reproducibly. */
  public Random random() {
    return random;
  }

  /** A random schema of up to 6 tables. */
  public Schema schema() {
    relationNames = new HashSet<>();
    columnNames = new HashSet<>();
    Schema schema = Schema.EMPTY;
    if (random.nextInt(3) == 0) {
      schema = addNamespace(schema);
    }
    int tables = random.nextInt(7);
    for (int i = 0; i < tables; i++) {
      schema = addTable(schema);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      schema = addSequence(schema);
    }
    for (Table table : schema.tables()) {
      for (int i = random.nextInt(3); i > 0; i--) {
        schema = addForeignKey(schema, schema.table(table.name()).orElseThrow());
      }
    }
    return repair(schema);
  }

  /** {@code from} after 1 to 8 random edits. */
  public Evolution evolve(Schema from) {
    relationNames = relationNames(from);
    columnNames = new HashSet<>();
    from.tables().forEach(t -> t.columns().forEach(c -> columnNames.add(c.name())));
    Tracker tracker = new Tracker(from);
    Schema schema = from;
    int edits = 1 + random.nextInt(8);
    for (int i = 0; i < edits; i++) {
      schema = repair(edit(schema, tracker));
      tracker.retain(schema);
    }
    return new Evolution(schema, tracker.renames(schema));
  }

  // ---- edits --------------------------------------------------------------------------------------

  private Schema edit(Schema schema, Tracker tracker) {
    Optional<Table> some = schema.tables().isEmpty() ? Optional.empty()
        : Optional.of(schema.tables().get(random.nextInt(schema.tables().size())));
    int kind = random.nextInt(27);
    if (some.isEmpty() && (kind >= 3 && kind < 20 || kind >= 25)) {
      return addTable(schema);
    }
    switch (kind) {
      case 0: case 1: return addTable(schema);
      case 2: return some.isPresent() ? dropTable(schema, some.get(), tracker) : addTable(schema);
      case 3: return renameTable(schema, some.get(), tracker);
      case 4: case 5: return replace(schema, addColumn(some.get()));
      case 6: return dropColumn(schema, some.get(), tracker);
      case 7: return renameColumn(schema, some.get(), tracker);
      case 8: case 9: case 10: return alterColumn(schema, some.get());
      case 11: return replace(schema, primaryKey(some.get()));
      case 12: return addForeignKey(schema, some.get());
      case 13: return changeForeignKey(schema, some.get());
      case 14: return replace(schema, uniqueConstraints(some.get()));
      case 15: return replace(schema, indexes(some.get()));
      case 16: return replace(schema, checks(some.get()));
      case 17: return replace(schema, some.get().withComment(maybe(this::comment)));
      case 18: return replace(schema, addColumn(some.get()));
      case 19: return alterColumn(schema, some.get());
      case 20: return addSequence(schema);
      case 21: return changeSequence(schema);
      case 22: return addNamespace(schema);
      case 23: return dropNamespace(schema);
      case 24: return swapTables(schema, tracker);
      case 25: return swapColumns(schema, some.get(), tracker);
      default: return renameIntoDroppedName(schema, some.get(), tracker);
    }
  }

  private static Schema replace(Schema schema, Table table) {
    return schema.withTable(table);
  }

  private Schema addNamespace(Schema schema) {
    String name = profile == Profile.ANY ? pick(ANY_NAMESPACES) : fresh("ns", false);
    if (schema.namespaces().contains(name)) {
      return schema;
    }
    List<String> all = new ArrayList<>(schema.namespaces());
    all.add(name);
    return schema.withNamespaces(all);
  }

  private Schema dropNamespace(Schema schema) {
    for (String namespace : schema.namespaces()) {
      Optional<String> n = Optional.of(namespace);
      if (schema.tables().stream().noneMatch(t -> t.name().namespace().equals(n))
          && schema.sequences().stream().noneMatch(s -> s.name().namespace().equals(n))) {
        return schema.withNamespaces(schema.namespaces().stream().filter(x -> !x.equals(namespace)).toList());
      }
    }
    return schema;
  }

  private Optional<String> namespace(Schema schema) {
    int choice = random.nextInt(schema.namespaces().size() + 2);
    return choice < schema.namespaces().size() ? Optional.of(schema.namespaces().get(choice)) : Optional.empty();
  }

  private Schema addTable(Schema schema) {
    Optional<String> namespace = namespace(schema);
    QualifiedName name = null;
    for (int attempt = 0; name == null || schema.table(name).isPresent(); attempt++) {
      String simple = profile == Profile.ANY && attempt < 5 ? pick(ANY_TABLE_NAMES) : fresh("t", true);
      name = new QualifiedName(namespace, simple);
    }
    Table table = Table.of(name);
    for (int i = 1 + random.nextInt(5); i > 0; i--) {
      table = addColumn(table);
    }
    if (random.nextInt(10) < 7) {
      table = primaryKey(table);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      table = uniqueConstraints(table);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      table = indexes(table);
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      table = checks(table);
    }
    table = table.withComment(random.nextInt(4) == 0 ? Optional.of(comment()) : Optional.empty());
    return schema.withTable(table);
  }

  private Schema dropTable(Schema schema, Table table, Tracker tracker) {
    tracker.tables.remove(table.name());
    tracker.columns.remove(table.name());
    Schema without = schema.withoutTable(table.name());
    return repair(without);
  }

  private Schema renameTable(Schema schema, Table table, Tracker tracker) {
    String to = null;
    for (int attempt = 0; to == null || schema.table(table.name().withName(to)).isPresent(); attempt++) {
      to = profile == Profile.ANY && attempt < 5 ? pick(ANY_TABLE_NAMES) : fresh("t", true);
    }
    Schema renamed = new Change.RenameTable(table.name(), to).applyTo(schema);
    tracker.renameTable(table.name(), table.name().withName(to));
    return renamed;
  }

  /** Two tables of one namespace trade names, as when two entities trade their table names. */
  private Schema swapTables(Schema schema, Tracker tracker) {
    for (Table a : schema.tables()) {
      for (Table b : schema.tables()) {
        if (a.name().compareTo(b.name()) < 0 && a.name().namespace().equals(b.name().namespace())
            && random.nextInt(3) == 0) {
          QualifiedName temporary = a.name().withName(fresh("swap", true));
          Schema swapped = new Change.RenameTable(a.name(), temporary.name()).applyTo(schema);
          swapped = new Change.RenameTable(b.name(), a.name().name()).applyTo(swapped);
          swapped = new Change.RenameTable(temporary, b.name().name()).applyTo(swapped);
          tracker.renameTable(a.name(), temporary);
          tracker.renameTable(b.name(), a.name());
          tracker.renameTable(temporary, b.name());
          return swapped;
        }
      }
    }
    return schema;
  }

  /** Two or three columns of a table rotate their names. */
  private Schema swapColumns(Schema schema, Table table, Tracker tracker) {
    if (table.columns().size() < 2) {
      return schema;
    }
    List<String> names = someColumns(table, 2 + random.nextInt(2));
    Map<String, String> origins = tracker.columns.getOrDefault(table.name(), Map.of());
    if (profile == Profile.POSTGRES && !origins.keySet().containsAll(names)) {
      return schema; // a new column must not take an old column's name (see renameIntoDroppedName)
    }
    String temporary = columnName(table);
    Schema result = new Change.RenameColumn(table.name(), names.get(0), temporary).applyTo(schema);
    tracker.renameColumn(table.name(), names.get(0), temporary);
    for (int i = 1; i < names.size(); i++) {
      result = new Change.RenameColumn(table.name(), names.get(i), names.get(i - 1)).applyTo(result);
      tracker.renameColumn(table.name(), names.get(i), names.get(i - 1));
    }
    result = new Change.RenameColumn(table.name(), temporary, names.get(names.size() - 1)).applyTo(result);
    tracker.renameColumn(table.name(), temporary, names.get(names.size() - 1));
    if (profile == Profile.POSTGRES) {
      // Check texts would have to follow the rotation; dropping them keeps the generator simple.
      Table t = result.table(table.name()).orElseThrow();
      result = result.withTable(t.withChecks(List.of()));
    }
    return result;
  }

  /** A table or column is dropped and another renamed to its name. */
  private Schema renameIntoDroppedName(Schema schema, Table table, Tracker tracker) {
    // For PostgreSQL, what is renamed into the dropped name must have existed before this evolution:
    // a new column under an old column's name is, to any diff, that column with a new type.
    Map<String, String> origins = tracker.columns.getOrDefault(table.name(), Map.of());
    if (random.nextBoolean() && table.columns().size() >= 2) {
      List<String> names = someColumns(table, 2);
      if (profile == Profile.POSTGRES && !origins.containsKey(names.get(1))) {
        return schema;
      }
      Table edited = withoutColumnUses(table, names.get(0));
      tracker.columns.getOrDefault(table.name(), new HashMap<>()).remove(names.get(0));
      Schema result = repair(schema.withTable(edited));
      for (Table t : result.tables()) {
        // foreign keys of other tables that reference the dropped column go with it
        result = result.withTable(t.withForeignKeys(t.foreignKeys().stream().filter(fk ->
            !(fk.referencedTable().equals(table.name()) && fk.referencedColumns().contains(names.get(0)))).toList()));
      }
      result = result.withTable(result.table(table.name()).orElseThrow().withoutColumn(names.get(0)));
      result = new Change.RenameColumn(table.name(), names.get(1), names.get(0)).applyTo(result);
      tracker.renameColumn(table.name(), names.get(1), names.get(0));
      return profile == Profile.POSTGRES ? result.withTable(result.table(table.name()).orElseThrow()
          .withChecks(List.of())) : result;
    }
    if (profile == Profile.POSTGRES && !tracker.tables.containsKey(table.name())) {
      return schema;
    }
    for (Table other : schema.tables()) {
      if (!other.name().equals(table.name()) && other.name().namespace().equals(table.name().namespace())) {
        Schema result = dropTable(schema, other, tracker);
        tracker.retain(result);
        result = new Change.RenameTable(table.name(), other.name().name()).applyTo(result);
        tracker.renameTable(table.name(), other.name());
        return result;
      }
    }
    return schema;
  }

  private Table addColumn(Table table) {
    String name = columnName(table);
    SqlType type = SqlType.parse(pick(TYPES));
    Column column = Column.of(name, type);
    if (random.nextBoolean()) {
      column = column.notNull();
    }
    if (INTEGER_TYPES.contains(type.sql()) && random.nextInt(6) == 0) {
      column = column.withIdentity(random.nextBoolean() ? Identity.ALWAYS : Identity.BY_DEFAULT);
    } else if (random.nextInt(4) == 0) {
      column = column.withDefault(defaultFor(type));
    }
    if (random.nextInt(5) == 0) {
      column = column.withComment(comment());
    }
    return table.withColumn(column);
  }

  private String columnName(Table table) {
    for (int attempt = 0; ; attempt++) {
      String name;
      if (profile == Profile.ANY && attempt < 5) {
        name = pick(ANY_COLUMN_NAMES);
      } else if (random.nextInt(8) == 0 && attempt < 3) {
        name = pick(KEYWORDS_AS_COLUMNS);
      } else {
        name = fresh("c", false);
      }
      if (table.column(name).isEmpty() && (profile == Profile.ANY || columnNames.add(name))) {
        return name;
      }
    }
  }

  private Schema dropColumn(Schema schema, Table table, Tracker tracker) {
    if (table.columns().isEmpty()) {
      return schema;
    }
    String column = pick(table.columns()).name();
    Table edited = withoutColumnUses(table, column);
    Map<String, String> origins = tracker.columns.get(table.name());
    if (origins != null) {
      origins.remove(column);
    }
    Schema result = schema.withTable(edited.withoutColumn(column));
    return repair(result);
  }

  /** The table without the keys, constraints and indexes that use {@code column}. */
  private Table withoutColumnUses(Table table, String column) {
    return table
        .withPrimaryKey(table.primaryKey().filter(pk -> !pk.columns().contains(column)))
        .withForeignKeys(table.foreignKeys().stream().filter(fk -> !fk.columns().contains(column)).toList())
        .withUniqueConstraints(table.uniqueConstraints().stream().filter(u -> !u.columns().contains(column)).toList())
        .withIndexes(table.indexes().stream()
            .filter(i -> i.columns().stream().noneMatch(c -> c.name().equals(column))).toList())
        .withChecks(table.checks().stream().filter(c -> !mentions(c, column)).toList());
  }

  private boolean mentions(CheckConstraint check, String column) {
    return profile == Profile.POSTGRES && check.expression().contains(sqlIdentifier(column));
  }

  private Schema renameColumn(Schema schema, Table table, Tracker tracker) {
    if (table.columns().isEmpty()) {
      return schema;
    }
    String from = pick(table.columns()).name();
    String to = columnName(table);
    Schema renamed = new Change.RenameColumn(table.name(), from, to).applyTo(schema);
    if (profile == Profile.POSTGRES) {
      // PostgreSQL keeps check expressions as parse trees, so they follow a rename; the text must too.
      Table t = renamed.table(table.name()).orElseThrow();
      renamed = renamed.withTable(t.withChecks(t.checks().stream().map(c -> CheckConstraint.of(c.name(),
          c.expression().replace(sqlIdentifier(from), sqlIdentifier(to)))).toList()));
    }
    tracker.renameColumn(table.name(), from, to);
    return renamed;
  }

  private Schema alterColumn(Schema schema, Table table) {
    if (table.columns().isEmpty()) {
      return schema;
    }
    Column column = pick(table.columns());
    boolean inPrimaryKey = table.primaryKey().map(pk -> pk.columns().contains(column.name())).orElse(false);
    Column changed = column;
    switch (random.nextInt(5)) {
      case 0: {
        SqlType type = SqlType.parse(pick(typeChoices(column.type())));
        changed = new Column(column.name(), type, column.nullable(),
            column.defaultValue().map(d -> defaultFor(type)),
            INTEGER_TYPES.contains(type.sql()) ? column.identity() : Optional.empty(), column.comment());
        break;
      }
      case 1:
        if (column.identity().isEmpty() && !inPrimaryKey) {
          changed = column.withNullable(!column.nullable());
        }
        break;
      case 2:
        if (column.identity().isEmpty()) {
          changed = column.withDefault(random.nextBoolean() ? Optional.empty() : Optional.of(defaultFor(column.type())));
        }
        break;
      case 3:
        if (INTEGER_TYPES.contains(column.type().sql())) {
          Optional<Identity> identity = random.nextInt(3) == 0 ? Optional.empty()
              : Optional.of(random.nextBoolean() ? Identity.ALWAYS : Identity.BY_DEFAULT);
          changed = new Column(column.name(), column.type(), identity.isPresent() ? false : column.nullable(),
              identity.isPresent() ? Optional.empty() : column.defaultValue(), identity, column.comment());
        }
        break;
      default:
        changed = column.withComment(maybe(this::comment));
        break;
    }
    Column result = changed;
    return repair(schema.withTable(table.mapColumn(column.name(), c -> result)));
  }

  /** The types a column of type {@code type} may change to. */
  private List<String> typeChoices(SqlType type) {
    if (profile == Profile.ANY) {
      return TYPES;
    }
    for (List<String> family : CASTABLE_FAMILIES) {
      if (family.contains(type.sql())) {
        return family;
      }
    }
    return List.of(type.sql());
  }

  private Table primaryKey(Table table) {
    List<String> columns = keyColumns(table, 1 + random.nextInt(2));
    if (columns.isEmpty() || random.nextInt(5) == 0) {
      return table.withPrimaryKey(Optional.empty());
    }
    if (profile == Profile.POSTGRES && duplicatesAKey(table.withPrimaryKey(Optional.empty()), columns)) {
      return table;
    }
    Table keyed = table;
    for (String column : columns) {
      keyed = keyed.mapColumn(column, c -> c.withNullable(false));
    }
    String name = table.primaryKey().isPresent() && random.nextBoolean()
        ? table.primaryKey().get().name() : constraintName(table, "pk");
    return keyed.withPrimaryKey(Optional.of(new PrimaryKey(name, columns)));
  }

  private Table uniqueConstraints(Table table) {
    List<UniqueConstraint> all = new ArrayList<>(table.uniqueConstraints());
    if (!all.isEmpty() && random.nextInt(3) == 0) {
      all.remove(random.nextInt(all.size()));
    } else if (!table.columns().isEmpty()) {
      List<String> columns = keyColumns(table, 1 + random.nextInt(2));
      if (columns.isEmpty() || profile == Profile.POSTGRES && duplicatesAKey(table, columns)) {
        return table;
      }
      if (!all.isEmpty() && random.nextBoolean()) {
        UniqueConstraint old = all.remove(random.nextInt(all.size()));
        all.add(new UniqueConstraint(old.name(), columns));
      } else {
        all.add(new UniqueConstraint(constraintName(table, "uk"), columns));
      }
    }
    return table.withUniqueConstraints(all);
  }

  /**
   * Whether a unique constraint on {@code columns} would repeat the primary key or another unique
   * constraint: PostgreSQL's CREATE TABLE silently keeps only one of two such constraints.
   */
  private static boolean duplicatesAKey(Table table, List<String> columns) {
    Set<String> set = new HashSet<>(columns);
    return table.primaryKey().map(pk -> new HashSet<>(pk.columns()).equals(set)).orElse(false)
        || table.uniqueConstraints().stream().anyMatch(u -> new HashSet<>(u.columns()).equals(set));
  }

  /** Up to {@code count} columns that can be in a key (for PostgreSQL: not arrays). */
  private List<String> keyColumns(Table table, int count) {
    List<String> names = new ArrayList<>(table.columns().stream()
        .filter(c -> profile == Profile.ANY || !c.type().array()).map(Column::name).toList());
    java.util.Collections.shuffle(names, random);
    return List.copyOf(names.subList(0, Math.min(count, names.size())));
  }

  private Table indexes(Table table) {
    List<Index> all = new ArrayList<>(table.indexes());
    if (!all.isEmpty() && random.nextInt(3) == 0) {
      all.remove(random.nextInt(all.size()));
    } else if (!table.columns().isEmpty()) {
      String name;
      if (!all.isEmpty() && random.nextBoolean()) {
        name = all.remove(random.nextInt(all.size())).name();
      } else {
        name = relationName(table, "ix", table.indexes().stream().map(Index::name).toList());
      }
      List<IndexColumn> columns = someColumns(table, 1 + random.nextInt(3)).stream()
          .map(c -> new IndexColumn(c, random.nextInt(4) == 0)).toList();
      all.add(new Index(name, columns, random.nextInt(3) == 0));
    }
    return table.withIndexes(all);
  }

  private Table checks(Table table) {
    List<CheckConstraint> all = new ArrayList<>(table.checks());
    if (!all.isEmpty() && random.nextInt(3) == 0) {
      all.remove(random.nextInt(all.size()));
    } else if (!table.columns().isEmpty()) {
      String name = !all.isEmpty() && random.nextBoolean()
          ? all.remove(random.nextInt(all.size())).name() : constraintName(table, "ck");
      all.add(CheckConstraint.of(name, checkExpression(table)));
    }
    return table.withChecks(all);
  }

  private String checkExpression(Table table) {
    if (profile == Profile.ANY) {
      String text = pick(ANY_TEXTS);
      return text.isBlank() ? "true" : text;
    }
    Column column = pick(table.columns());
    String c = sqlIdentifier(column.name());
    String type = column.type().sql();
    if (column.type().array()) {
      return "cardinality(" + c + ") >= 0";
    }
    if (INTEGER_TYPES.contains(type) || type.startsWith("numeric") || type.equals("real")
        || type.equals("double precision")) {
      return c + " >= 0";
    }
    if (type.equals("text") || type.startsWith("varchar") || type.startsWith("char")) {
      return "length(" + c + ") < 1000";
    }
    return c + " IS NOT NULL";
  }

  private Schema addForeignKey(Schema schema, Table table) {
    List<Table> targets = schema.tables().stream().filter(t -> t.primaryKey().isPresent()).toList();
    if (targets.isEmpty()) {
      return schema;
    }
    Table target = pick(targets);
    List<String> referenced = target.primaryKey().get().columns();
    Table from = schema.table(table.name()).orElseThrow();
    List<String> columns = new ArrayList<>();
    for (String key : referenced) {
      SqlType type = target.column(key).orElseThrow().type();
      Optional<Column> match = from.columns().stream()
          .filter(c -> c.type().equals(type) && !columns.contains(c.name()) && c.identity().isEmpty()).findFirst();
      if (match.isPresent() && random.nextBoolean()) {
        columns.add(match.get().name());
      } else {
        String name = columnName(from);
        from = from.withColumn(Column.of(name, type));
        columns.add(name);
      }
    }
    ForeignKey fk = new ForeignKey(constraintName(from, "fk"), columns,
        target.name().equals(from.name()) ? from.name() : target.name(), referenced, action(), action());
    List<ForeignKey> all = new ArrayList<>(from.foreignKeys());
    all.add(fk);
    return schema.withTable(from.withForeignKeys(all));
  }

  private Schema changeForeignKey(Schema schema, Table table) {
    if (table.foreignKeys().isEmpty()) {
      return addForeignKey(schema, table);
    }
    List<ForeignKey> all = new ArrayList<>(table.foreignKeys());
    ForeignKey fk = all.remove(random.nextInt(all.size()));
    if (random.nextBoolean()) {
      all.add(fk.withOnDelete(action()).withOnUpdate(action()));
    }
    return schema.withTable(table.withForeignKeys(all));
  }

  private ReferentialAction action() {
    ReferentialAction[] all = ReferentialAction.values();
    return random.nextBoolean() ? ReferentialAction.NO_ACTION : all[random.nextInt(all.length)];
  }

  private Schema addSequence(Schema schema) {
    QualifiedName name = new QualifiedName(namespace(schema), fresh("seq", true));
    if (schema.sequence(name).isPresent()) {
      return schema;
    }
    return schema.withSequence(new Sequence(name, 1 + random.nextInt(100), random.nextBoolean() ? 50 : 1));
  }

  /** A start that PostgreSQL accepts with this increment: a descending sequence starts at -1 or below. */
  private static long startFor(long start, long increment) {
    return increment < 0 ? -Math.abs(start) - 1 : Math.abs(start) + 1;
  }

  private Schema changeSequence(Schema schema) {
    if (schema.sequences().isEmpty()) {
      return addSequence(schema);
    }
    Sequence sequence = pick(schema.sequences());
    if (random.nextBoolean()) {
      return schema.withoutSequence(sequence.name());
    }
    // Descending sequences only in ANY: turning a sequence around also needs new MINVALUE/MAXVALUE
    // bounds, which the model does not hold (Hibernate creates ascending sequences only).
    long increment = pick(profile == Profile.ANY ? List.of(1L, 50L, -1L, 10L) : List.of(1L, 50L, 10L));
    return schema.withSequence(new Sequence(sequence.name(),
        startFor(sequence.start() + random.nextInt(3), increment), increment));
  }

  /**
   * Restores what edits may break: foreign keys whose table, columns or target key went away, or whose
   * column types no longer match the target's.
   */
  private Schema repair(Schema schema) {
    Schema result = schema;
    for (Table table : schema.tables()) {
      List<ForeignKey> kept = table.foreignKeys().stream().filter(fk -> valid(schema, table, fk)).toList();
      if (kept.size() != table.foreignKeys().size()) {
        result = result.withTable(table.withForeignKeys(kept));
      }
    }
    return result;
  }

  private static boolean valid(Schema schema, Table table, ForeignKey fk) {
    Optional<Table> target = schema.table(fk.referencedTable());
    if (target.isEmpty()) {
      return false;
    }
    for (int i = 0; i < fk.columns().size(); i++) {
      Optional<Column> local = table.column(fk.columns().get(i));
      Optional<Column> remote = target.get().column(fk.referencedColumns().get(i));
      if (local.isEmpty() || remote.isEmpty() || !local.get().type().equals(remote.get().type())) {
        return false;
      }
    }
    Set<String> referenced = new HashSet<>(fk.referencedColumns());
    Table t = target.get();
    return t.primaryKey().map(pk -> new HashSet<>(pk.columns()).equals(referenced)).orElse(false)
        || t.uniqueConstraints().stream().anyMatch(u -> new HashSet<>(u.columns()).equals(referenced));
  }

  // ---- names and values ------------------------------------------------------------------------

  /** A constraint name unused in the table (and, for PostgreSQL, among the relations). */
  private String constraintName(Table table, String prefix) {
    Set<String> used = new HashSet<>();
    table.primaryKey().ifPresent(pk -> used.add(pk.name()));
    table.foreignKeys().forEach(fk -> used.add(fk.name()));
    table.uniqueConstraints().forEach(u -> used.add(u.name()));
    table.checks().forEach(c -> used.add(c.name()));
    return relationName(table, prefix, used);
  }

  private String relationName(Table table, String prefix, List<String> used) {
    return relationName(table, prefix, new HashSet<>(used));
  }

  private String relationName(Table table, String prefix, Set<String> used) {
    while (true) {
      String name = profile == Profile.ANY && random.nextInt(3) == 0
          ? pick(ANY_COLUMN_NAMES) : fresh(prefix, profile == Profile.POSTGRES);
      if (!used.contains(name)) {
        return name;
      }
    }
  }

  /**
   * A new name: a prefix (sometimes one that needs quoting) and a random number; for PostgreSQL
   * relation names also unique among the relations generated so far, and at most 63 bytes.
   */
  private String fresh(String prefix, boolean relation) {
    while (true) {
      String decoration = pick(POSTGRES_PREFIXES);
      String name = decoration + prefix + random.nextInt(10_000);
      if (name.getBytes(StandardCharsets.UTF_8).length > 63) {
        continue;
      }
      if (!relation || relationNames.add(name)) {
        return name;
      }
    }
  }

  private static Set<String> relationNames(Schema schema) {
    Set<String> names = new HashSet<>();
    for (Table table : schema.tables()) {
      names.add(table.name().name());
      table.primaryKey().ifPresent(pk -> names.add(pk.name()));
      table.uniqueConstraints().forEach(u -> names.add(u.name()));
      table.indexes().forEach(i -> names.add(i.name()));
    }
    schema.sequences().forEach(s -> names.add(s.name().name()));
    return names;
  }

  private String defaultFor(SqlType type) {
    if (profile == Profile.ANY) {
      String text = pick(ANY_TEXTS);
      return text.isBlank() ? "0" : text;
    }
    if (type.array()) {
      return "'{}'";
    }
    switch (type.base()) {
      case "integer": case "bigint": case "smallint": return pick(List.of("0", "1", "42"));
      case "numeric": case "real": case "double precision": return pick(List.of("0", "1.5"));
      case "text": case "varchar": return pick(List.of("'x'", "''", "'it''s'"));
      case "char": return "'y'";
      case "boolean": return pick(List.of("true", "false"));
      case "date": return "CURRENT_DATE";
      case "time": return "'12:00:00'";
      case "timestamp": return "LOCALTIMESTAMP";
      case "timestamptz": return pick(List.of("now()", "CURRENT_TIMESTAMP"));
      case "uuid": return "gen_random_uuid()";
      case "bytea": return "'\\x00'::bytea";
      case "jsonb": return "'{}'::jsonb";
      case "interval day to second": return "'1 day'";
      case "bit varying": return "B'1'";
      default: return "NULL";
    }
  }

  private String comment() {
    return profile == Profile.ANY ? pick(ANY_TEXTS) : pick(List.of("A comment", "it's quoted", "ünïcode ✓", ""));
  }

  private <T> Optional<T> maybe(java.util.function.Supplier<T> value) {
    return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
  }

  private List<String> someColumns(Table table, int count) {
    List<String> names = new ArrayList<>(table.columns().stream().map(Column::name).toList());
    java.util.Collections.shuffle(names, random);
    return List.copyOf(names.subList(0, Math.min(count, names.size())));
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** The identifier quoted for SQL, as checks generated for PostgreSQL spell it. */
  private static String sqlIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Follows tables and columns from the original schema through renames and drops. */
  private final class Tracker {
    /** Current table name to its name in the original schema. */
    final Map<QualifiedName, QualifiedName> tables = new LinkedHashMap<>();
    /** Current table name to (current column name to original column name). */
    final Map<QualifiedName, Map<String, String>> columns = new HashMap<>();

    Tracker(Schema from) {
      for (Table table : from.tables()) {
        tables.put(table.name(), table.name());
        Map<String, String> names = new HashMap<>();
        table.columns().forEach(c -> names.put(c.name(), c.name()));
        columns.put(table.name(), names);
      }
    }

    void renameTable(QualifiedName from, QualifiedName to) {
      QualifiedName origin = tables.remove(from);
      Map<String, String> names = columns.remove(from);
      if (origin != null) {
        tables.put(to, origin);
        columns.put(to, names);
      }
    }

    void renameColumn(QualifiedName table, String from, String to) {
      Map<String, String> names = columns.get(table);
      if (names != null) {
        String origin = names.remove(from);
        if (origin != null) {
          names.put(to, origin);
        }
      }
    }

    /** Forgets tables and columns that are gone (dropped, or replaced by a new one of the same name). */
    void retain(Schema schema) {
      tables.keySet().removeIf(t -> schema.table(t).isEmpty());
      columns.keySet().removeIf(t -> !tables.containsKey(t));
      columns.forEach((table, names) -> {
        Table t = schema.table(table).orElseThrow();
        names.keySet().removeIf(c -> t.column(c).isEmpty());
      });
    }

    Renames renames(Schema schema) {
      Map<QualifiedName, QualifiedName> tableHints = new TreeMap<>();
      Map<QualifiedName, Map<String, String>> columnHints = new TreeMap<>();
      tables.forEach((now, origin) -> {
        if (!now.equals(origin)) {
          tableHints.put(now, origin);
        }
        Map<String, String> hints = new TreeMap<>();
        columns.get(now).forEach((column, originColumn) -> {
          if (!column.equals(originColumn)) {
            hints.put(column, originColumn);
          }
        });
        if (!hints.isEmpty()) {
          columnHints.put(now, hints);
        }
      });
      if (profile == Profile.ANY && !schema.tables().isEmpty() && random.nextInt(4) == 0) {
        // A stale hint (its old name does not exist) and one that names an existing table: both ignored.
        Table some = pick(schema.tables());
        tableHints.putIfAbsent(some.name(), some.name().withName("gone_" + random.nextInt(100)));
        if (!some.columns().isEmpty()) {
          Map<String, String> hints = new TreeMap<>(columnHints.getOrDefault(some.name(), Map.of()));
          hints.putIfAbsent(pick(some.columns()).name(), "gone_" + random.nextInt(100));
          columnHints.put(some.name(), hints);
        }
      }
      return new Renames(tableHints, columnHints);
    }
  }

}
