package dev.strata.runtime.internal;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders {@link Change}s to PostgreSQL statements. This is the only place in Strata that writes SQL
 * text and the only place that quotes identifiers and literals: everything else asks it.
 *
 * <p>Identifiers are quoted only when PostgreSQL needs it (anything but a lower-case name made of
 * letters, digits and {@code _} that is not a keyword PostgreSQL reserves in some context),
 * which is the rule of PostgreSQL's own {@code quote_ident}. Keywords are written in lower case, as
 * Hibernate writes its DDL, so the SQL in a revision's Javadoc reads like the DDL users already know.
 */
public final class PostgresDialect implements Change.Visitor<List<String>> {

  /** The one instance; the dialect has no state. */
  public static final PostgresDialect INSTANCE = new PostgresDialect();

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  /**
   * PostgreSQL 17's keywords of the categories reserved, "reserved (can be function or type)" and
   * "non-reserved (cannot be function or type)", i.e. every keyword {@code quote_ident} quotes
   * ({@code pg_get_keywords()} where {@code catcode <> 'U'}). A test compares this list with the
   * server's.
   */
  static final Set<String> KEYWORDS_NEEDING_QUOTES = Set.of(
      // reserved
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
      "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
      "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
      "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
      "unique", "user", "using", "variadic", "when", "where", "window", "with",
      // reserved, can be function or type
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
      "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
      "right", "similar", "tablesample", "verbose",
      // non-reserved, cannot be function or type
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
      "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
      "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
      "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
      "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
      "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
      "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
      "xmlserialize", "xmltable");

  /** Base types between which PostgreSQL has an implicit or assignment cast, so ALTER TYPE needs no USING. */
  private static final Set<String> NUMERIC = Set.of("smallint", "integer", "bigint", "numeric", "real",
      "double precision");
  private static final Set<String> STRINGS = Set.of("varchar", "char", "text");
  private static final Set<String> DATETIME = Set.of("date", "timestamp", "timestamptz", "time", "timetz");
  private static final Set<String> JSON = Set.of("json", "jsonb");

  private PostgresDialect() {}

  // ---- quoting --------------------------------------------------------------------------------------

  /** An identifier as PostgreSQL must read it: bare when that is unambiguous, else double-quoted. */
  public static String identifier(String name) {
    if (PLAIN_IDENTIFIER.matcher(name).matches() && !KEYWORDS_NEEDING_QUOTES.contains(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.name} or {@code name}, each part quoted as needed. */
  public static String qualified(QualifiedName name) {
    return name.namespace().map(n -> identifier(n) + ".").orElse("") + identifier(name.name());
  }

  /**
   * A string literal. Quotes are doubled; a value with a backslash is written as an escape string
   * ({@code E'...'}) with the backslashes doubled, so it means the same whatever
   * {@code standard_conforming_strings} is.
   */
  public static String literal(String value) {
    String quoted = value.replace("'", "''");
    if (value.indexOf('\\') >= 0) {
      return "E'" + quoted.replace("\\", "\\\\") + "'";
    }
    return "'" + quoted + "'";
  }

  /** A column type as PostgreSQL spells it: {@code timestamptz(6)} becomes {@code timestamp(6) with time zone}. */
  public static String type(SqlType type) {
    String base = type.base();
    String suffix = "";
    if (base.equals("timestamptz")) {
      base = "timestamp";
      suffix = " with time zone";
    } else if (base.equals("timetz")) {
      base = "time";
      suffix = " with time zone";
    }
    StringBuilder out = new StringBuilder(base);
    if (!type.modifiers().isEmpty()) {
      out.append(type.modifiers().stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")")));
    }
    out.append(suffix);
    if (type.array()) {
      out.append("[]");
    }
    return out.toString();
  }

  private static String identifiers(List<String> names) {
    return names.stream().map(PostgresDialect::identifier).collect(Collectors.joining(", ", "(", ")"));
  }

  /** The name of an object (an index) that lives in its table's schema. */
  private static String inSchemaOf(QualifiedName table, String name) {
    return qualified(table.withName(name));
  }

  private static String commentText(Optional<String> comment) {
    return comment.map(PostgresDialect::literal).orElse("null");
  }

  // ---- pieces ---------------------------------------------------------------------------------------

  /** {@code name type [generated ... as identity | default x] [not null]}. */
  static String columnDefinition(Column column) {
    StringBuilder out = new StringBuilder(identifier(column.name())).append(' ').append(type(column.type()));
    if (column.identity().isPresent()) {
      // Identity columns are NOT NULL by definition; PostgreSQL adds the constraint itself.
      out.append(' ').append(identityClause(column.identity().get()));
      return out.toString();
    }
    column.defaultValue().ifPresent(d -> out.append(" default ").append(d));
    if (!column.nullable()) {
      out.append(" not null");
    }
    return out.toString();
  }

  private static String identityClause(Identity identity) {
    return identity == Identity.ALWAYS ? "generated always as identity" : "generated by default as identity";
  }

  private static String primaryKey(PrimaryKey key) {
    return "constraint " + identifier(key.name()) + " primary key " + identifiers(key.columns());
  }

  private static String unique(UniqueConstraint constraint) {
    return "constraint " + identifier(constraint.name()) + " unique " + identifiers(constraint.columns());
  }

  private static String check(CheckConstraint constraint) {
    return "constraint " + identifier(constraint.name()) + " check (" + constraint.expression() + ")";
  }

  private static String foreignKey(ForeignKey key) {
    StringBuilder out = new StringBuilder("constraint ").append(identifier(key.name()))
        .append(" foreign key ").append(identifiers(key.columns()))
        .append(" references ").append(qualified(key.referencedTable()))
        .append(' ').append(identifiers(key.referencedColumns()));
    // NO ACTION is PostgreSQL's default; writing it would only add noise.
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      out.append(" on delete ").append(key.onDelete().sql());
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      out.append(" on update ").append(key.onUpdate().sql());
    }
    return out.toString();
  }

  private static String alterTable(QualifiedName table) {
    return "alter table " + qualified(table) + " ";
  }

  private static String alterColumn(QualifiedName table, String column) {
    return alterTable(table) + "alter column " + identifier(column) + " ";
  }

  private static List<String> one(String statement) {
    return List.of(statement);
  }

  // ---- changes --------------------------------------------------------------------------------------

  @Override
  public List<String> createNamespace(Change.CreateNamespace c) {
    return one("create schema " + identifier(c.name()));
  }

  @Override
  public List<String> dropNamespace(Change.DropNamespace c) {
    return one("drop schema " + identifier(c.name()));
  }

  /**
   * One {@code create table} (primary-key columns first, in key order, then the others in model
   * order; then primary key, unique and check constraints), followed by an {@code alter table} per
   * unique constraint that repeats an earlier key's columns, and a {@code comment on} per commented
   * table or column.
   */
  @Override
  public List<String> createTable(Change.CreateTable c) {
    Table table = c.table();
    List<String> lines = new ArrayList<>();
    List<String> keyColumns = table.primaryKey().map(PrimaryKey::columns).orElse(List.of());
    for (String name : keyColumns) {
      lines.add(columnDefinition(table.column(name).orElseThrow()));
    }
    for (Column column : table.columns()) {
      if (!keyColumns.contains(column.name())) {
        lines.add(columnDefinition(column));
      }
    }
    table.primaryKey().ifPresent(pk -> lines.add(primaryKey(pk)));
    // Inside CREATE TABLE, PostgreSQL silently skips a unique constraint whose columns repeat the
    // primary key's or an earlier unique constraint's; added afterwards with ALTER TABLE it is kept.
    // Such repeats go after the table so the database holds every constraint the model has.
    List<List<String>> keys = new ArrayList<>();
    keyColumns.stream().findAny().ifPresent(any -> keys.add(keyColumns));
    List<UniqueConstraint> repeats = new ArrayList<>();
    for (UniqueConstraint u : table.uniqueConstraints()) {
      if (keys.contains(u.columns())) {
        repeats.add(u);
      } else {
        keys.add(u.columns());
        lines.add(unique(u));
      }
    }
    table.checks().forEach(ch -> lines.add(check(ch)));
    List<String> statements = new ArrayList<>();
    statements.add("create table " + qualified(table.name())
        + (lines.isEmpty() ? " ()" : lines.stream().collect(Collectors.joining(",\n  ", " (\n  ", "\n)"))));
    repeats.forEach(u -> statements.add(alterTable(table.name()) + "add " + unique(u)));
    table.comment().ifPresent(text -> statements.add(tableComment(table.name(), Optional.of(text))));
    for (Column column : table.columns()) {
      column.comment().ifPresent(text -> statements.add(columnComment(table.name(), column.name(), Optional.of(text))));
    }
    return List.copyOf(statements);
  }

  @Override
  public List<String> dropTable(Change.DropTable c) {
    return one("drop table " + qualified(c.table().name()));
  }

  @Override
  public List<String> renameTable(Change.RenameTable c) {
    return one(alterTable(c.from()) + "rename to " + identifier(c.to()));
  }

  private static String tableComment(QualifiedName table, Optional<String> comment) {
    return "comment on table " + qualified(table) + " is " + commentText(comment);
  }

  private static String columnComment(QualifiedName table, String column, Optional<String> comment) {
    return "comment on column " + qualified(table) + "." + identifier(column) + " is " + commentText(comment);
  }

  @Override
  public List<String> alterTableComment(Change.AlterTableComment c) {
    return one(tableComment(c.table(), c.to()));
  }

  @Override
  public List<String> addColumn(Change.AddColumn c) {
    List<String> statements = new ArrayList<>();
    statements.add(alterTable(c.table()) + "add column " + columnDefinition(c.column()));
    c.column().comment().ifPresent(text -> statements.add(columnComment(c.table(), c.column().name(), Optional.of(text))));
    return List.copyOf(statements);
  }

  @Override
  public List<String> dropColumn(Change.DropColumn c) {
    return one(alterTable(c.table()) + "drop column " + identifier(c.column().name()));
  }

  @Override
  public List<String> renameColumn(Change.RenameColumn c) {
    return one(alterTable(c.table()) + "rename column " + identifier(c.from()) + " to " + identifier(c.to()));
  }

  /** {@code alter column ... type}, with {@code using col::type} where PostgreSQL has no implicit or assignment cast. */
  @Override
  public List<String> alterColumnType(Change.AlterColumnType c) {
    String statement = alterColumn(c.table(), c.column()) + "type " + type(c.to());
    if (needsUsing(c.from(), c.to())) {
      statement += " using " + identifier(c.column()) + "::" + type(c.to());
    }
    return one(statement);
  }

  /**
   * Whether {@code ALTER COLUMN TYPE} needs an explicit cast: without {@code USING} PostgreSQL only
   * applies assignment casts, which exist within the numeric, string, date/time and json families
   * and from any type to a string type, but not, for instance, from text to integer, uuid, jsonb or
   * boolean, nor between boolean and integer.
   */
  static boolean needsUsing(SqlType from, SqlType to) {
    if (from.array() != to.array()) {
      return true;
    }
    String a = from.base();
    String b = to.base();
    if (a.equals(b) || STRINGS.contains(b)) {
      return false;
    }
    return !(NUMERIC.contains(a) && NUMERIC.contains(b)
        || DATETIME.contains(a) && DATETIME.contains(b) && !(a.startsWith("time") && b.equals("date"))
        || JSON.contains(a) && JSON.contains(b));
  }

  @Override
  public List<String> alterColumnNullable(Change.AlterColumnNullable c) {
    return one(alterColumn(c.table(), c.column()) + (c.nullable() ? "drop not null" : "set not null"));
  }

  /**
   * {@code set not null} without scanning the table under an ACCESS EXCLUSIVE lock: a check
   * {@code (column is not null)} added {@code not valid} (a brief lock), validated (SHARE UPDATE
   * EXCLUSIVE: reads and writes go on), then {@code set not null}, which PostgreSQL 12+ does without
   * a scan because the validated check proves there is no NULL, then the check is dropped. Each
   * statement must run in its own transaction for the locks to stay short.
   */
  public List<String> setNotNullViaCheck(QualifiedName table, String column) {
    String check = identifier(notNullCheckName(column));
    return List.of(
        alterTable(table) + "add constraint " + check + " check (" + identifier(column) + " is not null) not valid",
        alterTable(table) + "validate constraint " + check,
        alterColumn(table, column) + "set not null",
        alterTable(table) + "drop constraint " + check);
  }

  /**
   * The name of the temporary check of {@link #setNotNullViaCheck}: {@code strata_not_null_<column>},
   * cut to PostgreSQL's 63 bytes. Not {@code <table>_<column>_not_null}, the name PostgreSQL 18
   * gives the NOT NULL constraint itself. Columns of one table may share the cut name: their checks
   * never exist at the same time.
   */
  public static String notNullCheckName(String column) {
    String name = "strata_not_null_" + column;
    while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
      int end = name.length() - 1;
      if (Character.isLowSurrogate(name.charAt(end))) {
        end--;
      }
      name = name.substring(0, end);
    }
    return name;
  }

  @Override
  public List<String> alterColumnDefault(Change.AlterColumnDefault c) {
    return one(alterColumn(c.table(), c.column())
        + c.to().map(d -> "set default " + d).orElse("drop default"));
  }

  @Override
  public List<String> alterColumnIdentity(Change.AlterColumnIdentity c) {
    String prefix = alterColumn(c.table(), c.column());
    if (c.to().isEmpty()) {
      return one(prefix + "drop identity");
    }
    if (c.from().isEmpty()) {
      return one(prefix + "add " + identityClause(c.to().get()));
    }
    return one(prefix + (c.to().get() == Identity.ALWAYS ? "set generated always" : "set generated by default"));
  }

  @Override
  public List<String> alterColumnComment(Change.AlterColumnComment c) {
    return one(columnComment(c.table(), c.column(), c.to()));
  }

  @Override
  public List<String> addPrimaryKey(Change.AddPrimaryKey c) {
    return one(alterTable(c.table()) + "add " + primaryKey(c.key()));
  }

  @Override
  public List<String> dropPrimaryKey(Change.DropPrimaryKey c) {
    return dropConstraint(c.table(), c.key().name());
  }

  @Override
  public List<String> addForeignKey(Change.AddForeignKey c) {
    return one(alterTable(c.table()) + "add " + foreignKey(c.key()));
  }

  /**
   * {@code add constraint ... foreign key ... not valid}: enforced for new and updated rows at once,
   * but the existing rows are not checked, so the table is locked only for a moment; see
   * {@link #validateConstraint}.
   */
  public List<String> addForeignKeyNotValid(Change.AddForeignKey c) {
    return one(alterTable(c.table()) + "add " + foreignKey(c.key()) + " not valid");
  }

  /**
   * {@code validate constraint}: checks the existing rows against a constraint added {@code not
   * valid}, under a SHARE UPDATE EXCLUSIVE lock that lets reads and writes go on, provided it runs
   * in a transaction of its own (in the adding transaction, the adding statement's stronger lock is
   * still held).
   */
  public List<String> validateConstraint(QualifiedName table, String constraint) {
    return one(alterTable(table) + "validate constraint " + identifier(constraint));
  }

  @Override
  public List<String> dropForeignKey(Change.DropForeignKey c) {
    return dropConstraint(c.table(), c.key().name());
  }

  @Override
  public List<String> addUniqueConstraint(Change.AddUniqueConstraint c) {
    return one(alterTable(c.table()) + "add " + unique(c.constraint()));
  }

  @Override
  public List<String> dropUniqueConstraint(Change.DropUniqueConstraint c) {
    return dropConstraint(c.table(), c.constraint().name());
  }

  @Override
  public List<String> addCheckConstraint(Change.AddCheckConstraint c) {
    return one(alterTable(c.table()) + "add " + check(c.constraint()));
  }

  /** {@code add constraint ... check (...) not valid}; see {@link #addForeignKeyNotValid}. */
  public List<String> addCheckConstraintNotValid(Change.AddCheckConstraint c) {
    return one(alterTable(c.table()) + "add " + check(c.constraint()) + " not valid");
  }

  @Override
  public List<String> dropCheckConstraint(Change.DropCheckConstraint c) {
    return dropConstraint(c.table(), c.constraint().name());
  }

  private static List<String> dropConstraint(QualifiedName table, String name) {
    return one(alterTable(table) + "drop constraint " + identifier(name));
  }

  @Override
  public List<String> createIndex(Change.CreateIndex c) {
    return one(createIndex(c, false));
  }

  /** {@code create index concurrently}: cannot run inside a transaction. */
  public List<String> createIndexConcurrently(Change.CreateIndex c) {
    return one(createIndex(c, true));
  }

  private static String createIndex(Change.CreateIndex c, boolean concurrently) {
    Index index = c.index();
    String columns = index.columns().stream()
        .map(column -> identifier(column.name()) + (column.descending() ? " desc" : ""))
        .collect(Collectors.joining(", ", "(", ")"));
    // The index name cannot be schema-qualified here: PostgreSQL puts it in the table's schema.
    return "create " + (index.unique() ? "unique " : "") + "index " + (concurrently ? "concurrently " : "")
        + identifier(index.name()) + " on " + qualified(c.table()) + " " + columns;
  }

  @Override
  public List<String> dropIndex(Change.DropIndex c) {
    return one("drop index " + inSchemaOf(c.table(), c.index().name()));
  }

  /** {@code drop index concurrently}: cannot run inside a transaction. */
  public List<String> dropIndexConcurrently(Change.DropIndex c) {
    return one("drop index concurrently " + inSchemaOf(c.table(), c.index().name()));
  }

  @Override
  public List<String> createSequence(Change.CreateSequence c) {
    Sequence s = c.sequence();
    return one("create sequence " + qualified(s.name()) + " start with " + s.start() + " increment by " + s.increment());
  }

  @Override
  public List<String> dropSequence(Change.DropSequence c) {
    return one("drop sequence " + qualified(c.sequence().name()));
  }

  /**
   * {@code alter sequence}: only what differs. A new start value changes what {@code restart}
   * would go back to, not the sequence's current value, so no issued number is ever handed out twice.
   */
  @Override
  public List<String> alterSequence(Change.AlterSequence c) {
    StringBuilder out = new StringBuilder("alter sequence ").append(qualified(c.to().name()));
    if (c.from().start() != c.to().start()) {
      out.append(" start with ").append(c.to().start());
    }
    if (c.from().increment() != c.to().increment() || c.from().start() == c.to().start()) {
      out.append(" increment by ").append(c.to().increment());
    }
    return one(out.toString());
  }

  // ---- Strata's own statements: history table, session settings, advisory lock ----------------------

  /**
   * The history table: one row per applied revision. {@code state} is {@code applied}, or
   * {@code partial} for a non-transactional revision that has run only some of its statements
   * ({@code progress} holds the SHA-256 of each completed one, {@code failure} what went wrong).
   * {@code upgrade_sql} and {@code downgrade_sql} keep the statements the checksum was computed
   * from, so that an edited revision can be reported statement by statement.
   */
  public static String createHistoryTable(QualifiedName table) {
    return "create table if not exists " + qualified(table) + " (\n"
        + "  revision text primary key,\n"
        + "  parents text not null,\n"
        + "  message text not null,\n"
        + "  checksum text not null,\n"
        + "  applied_rank integer not null,\n"
        + "  applied_at timestamp with time zone not null default clock_timestamp(),\n"
        + "  applied_by text not null default current_user,\n"
        + "  duration_ms bigint not null,\n"
        + "  state text not null default 'applied',\n"
        + "  progress text[] not null default '{}',\n"
        + "  failure text,\n"
        + "  upgrade_sql text[] not null default '{}',\n"
        + "  downgrade_sql text[] not null default '{}'\n"
        + ")";
  }

  public static String createSchemaIfMissing(String schema) {
    return "create schema if not exists " + identifier(schema);
  }

  /** Whether a table exists: one parameter, the name as {@code to_regclass} reads it. */
  public static String tableExists() {
    return "select to_regclass(?) is not null";
  }

  /** The argument for {@link #tableExists()}: the quoted, qualified name. */
  public static String regclassName(QualifiedName table) {
    return qualified(table);
  }

  public static String selectHistory(QualifiedName table) {
    return "select revision, parents, message, checksum, applied_rank, applied_at, applied_by, duration_ms, state,"
        + " progress, failure, upgrade_sql, downgrade_sql from " + qualified(table) + " order by applied_rank";
  }

  /**
   * Parameters: revision, parents, message, checksum, duration_ms, state, progress (text[]), failure,
   * upgrade_sql (text[]), downgrade_sql (text[]); returns applied_at and applied_by.
   */
  public static String insertHistory(QualifiedName table) {
    return "insert into " + qualified(table)
        + " (revision, parents, message, checksum, applied_rank, duration_ms, state, progress, failure,"
        + " upgrade_sql, downgrade_sql)"
        + " values (?, ?, ?, ?, (select coalesce(max(applied_rank), 0) + 1 from " + qualified(table)
        + "), ?, ?, ?, ?, ?, ?) returning applied_at, applied_by";
  }

  /** Parameters: duration_ms, state, progress (text[]), failure, revision. */
  public static String updateHistoryProgress(QualifiedName table) {
    return "update " + qualified(table) + " set duration_ms = ?, state = ?, progress = ?, failure = ?,"
        + " applied_at = clock_timestamp() where revision = ?";
  }

  /** Parameters: progress (text[]), failure, revision. */
  public static String updateHistoryReverting(QualifiedName table) {
    return "update " + qualified(table) + " set state = 'reverting', progress = ?, failure = ? where revision = ?";
  }

  /** Parameters: checksum, upgrade_sql, downgrade_sql, revision. */
  public static String updateHistoryChecksum(QualifiedName table) {
    return "update " + qualified(table) + " set checksum = ?, upgrade_sql = ?, downgrade_sql = ? where revision = ?";
  }

  /** Parameter: revision. */
  public static String deleteHistory(QualifiedName table) {
    return "delete from " + qualified(table) + " where revision = ?";
  }

  /** The history row as an offline script writes it (literal values). */
  public static String insertHistoryLiteral(QualifiedName table, String revision, String parents, String message,
      String checksum, List<String> upgradeSql, List<String> downgradeSql) {
    return "insert into " + qualified(table)
        + " (revision, parents, message, checksum, applied_rank, duration_ms, state, progress, failure,"
        + " upgrade_sql, downgrade_sql)"
        + " values (" + literal(revision) + ", " + literal(parents) + ", " + literal(message) + ", "
        + literal(checksum) + ", (select coalesce(max(applied_rank), 0) + 1 from " + qualified(table)
        + "), 0, 'applied', '{}', null, " + textArray(upgradeSql) + ", " + textArray(downgradeSql) + ")";
  }

  private static String textArray(List<String> values) {
    return values.isEmpty() ? "'{}'::text[]"
        : values.stream().map(PostgresDialect::literal).collect(Collectors.joining(", ", "array[", "]::text[]"));
  }

  public static String deleteHistoryLiteral(QualifiedName table, String revision) {
    return "delete from " + qualified(table) + " where revision = " + literal(revision);
  }

  /** {@code set [local] lock_timeout}; {@code local} lasts until the end of the transaction. */
  public static String setLockTimeout(java.time.Duration timeout, boolean local) {
    return "set " + (local ? "local " : "") + "lock_timeout = " + timeout.toMillis();
  }

  public static String setStatementTimeout(java.time.Duration timeout, boolean local) {
    return "set " + (local ? "local " : "") + "statement_timeout = " + timeout.toMillis();
  }

  public static List<String> resetTimeouts() {
    return List.of("reset lock_timeout", "reset statement_timeout");
  }

  /** Session-level, so it survives {@code CREATE INDEX CONCURRENTLY} and ends with the session. */
  public static String tryAdvisoryLock() {
    return "select pg_try_advisory_lock(?)";
  }

  public static String advisoryUnlock() {
    return "select pg_advisory_unlock(?)";
  }

  /** Parameters: index name, index schema (or null for the current schema). */
  public static String invalidIndexExists() {
    return "select 1 from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace"
        + " where not i.indisvalid and c.relname = ? and n.nspname = coalesce(?, current_schema())";
  }

  /** Drops an index (an INVALID one left by a failed concurrent build) without blocking writes. */
  public static String dropIndexConcurrentlyIfExists(QualifiedName index) {
    return "drop index concurrently if exists " + qualified(index);
  }

  public static String begin() {
    return "begin";
  }

  public static String commit() {
    return "commit";
  }

  /** The statements of one change. */
  public List<String> render(Change change) {
    return change.accept(this);
  }
}
