package dev.strata.runtime.internal;

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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the live schema from PostgreSQL's catalog into a {@link Schema}.
 *
 * <p>Tables and sequences of the connection's current schema ({@code current_schema()}) get names
 * without a namespace, as the model writes them for entities without {@code @Table(schema=...)};
 * those of the other schemas asked for are qualified. Defaults are normalised with
 * {@link #normalizeDefault} so that they read as a model would write them. Not represented (and
 * skipped): indexes on expressions and partial indexes, indexes that back a constraint, sequences
 * that belong to an identity column, and views.
 */
public final class CatalogReader {

  private CatalogReader() {}

  /**
   * Reads the current schema and {@code namespaces} (those that exist are listed in the result's
   * namespaces), leaving out the tables named in {@code exclude} (Strata's history table).
   */
  public static Schema read(Connection connection, Collection<String> namespaces, Set<QualifiedName> exclude)
      throws SQLException {
    String current = currentSchema(connection);
    List<String> existing = new ArrayList<>();
    for (String namespace : new TreeSet<>(namespaces)) {
      if (!namespace.equals(current) && exists(connection, namespace)) {
        existing.add(namespace);
      }
    }
    List<String> all = new ArrayList<>(existing);
    all.add(current);
    List<Table> tables = new ArrayList<>();
    List<Sequence> sequences = new ArrayList<>();
    for (String namespace : all) {
      Optional<String> modelNamespace = namespace.equals(current) ? Optional.empty() : Optional.of(namespace);
      for (Table table : tables(connection, namespace, modelNamespace, current)) {
        if (!exclude.contains(table.name())) {
          tables.add(table);
        }
      }
      sequences.addAll(sequences(connection, namespace, modelNamespace));
    }
    return new Schema(existing, tables, sequences);
  }

  /** The connection's current schema: where unqualified names go. */
  public static String currentSchema(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("select current_schema()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      String schema = rs.getString(1);
      if (schema == null) {
        throw new SQLException("the connection has no current schema: none of its search_path exists");
      }
      return schema;
    }
  }

  private static boolean exists(Connection connection, String namespace) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<Table> tables(Connection connection, String namespace, Optional<String> modelNamespace,
      String current) throws SQLException {
    Map<Long, Table> byOid = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select c.oid, c.relname, obj_description(c.oid, 'pg_class')
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname""")) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byOid.put(rs.getLong(1), Table.of(new QualifiedName(modelNamespace, rs.getString(2)))
              .withComment(Optional.ofNullable(rs.getString(3))));
        }
      }
    }
    List<Table> result = new ArrayList<>();
    for (Map.Entry<Long, Table> entry : byOid.entrySet()) {
      long oid = entry.getKey();
      Table table = entry.getValue().withColumns(columns(connection, oid, entry.getValue().name()));
      table = constraints(connection, oid, table, current);
      table = table.withIndexes(indexes(connection, oid));
      result.add(table);
    }
    return result;
  }

  private static List<Column> columns(Connection connection, long table, QualifiedName name) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(a.attrelid, a.attnum)
        from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = ? and a.attnum > 0 and not a.attisdropped
        order by a.attnum""")) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(1);
          SqlType type;
          try {
            type = SqlType.parse(rs.getString(2));
          } catch (IllegalArgumentException e) {
            throw new SQLException("column " + name + "." + column + " has type " + rs.getString(2)
                + ", which Strata's schema model cannot represent");
          }
          String identity = rs.getString(5);
          Optional<Identity> kind = "a".equals(identity) ? Optional.of(Identity.ALWAYS)
              : "d".equals(identity) ? Optional.of(Identity.BY_DEFAULT) : Optional.empty();
          Optional<String> defaultValue = kind.isPresent() ? Optional.empty()
              : Optional.ofNullable(rs.getString(4)).map(CatalogReader::normalizeDefault);
          columns.add(new Column(column, type, !rs.getBoolean(3) && kind.isEmpty(), defaultValue, kind,
              Optional.ofNullable(rs.getString(6))));
        }
      }
    }
    return columns;
  }

  private static Table constraints(Connection connection, long table, Table t, String current) throws SQLException {
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    Optional<PrimaryKey> primaryKey = Optional.empty();
    try (PreparedStatement ps = connection.prepareStatement("""
        select con.conname, con.contype,
               array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord),
               fn.nspname, fc.relname,
               array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord),
               con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid)
        from pg_constraint con
        left join pg_class fc on fc.oid = con.confrelid
        left join pg_namespace fn on fn.oid = fc.relnamespace
        where con.conrelid = ? and con.contype in ('p', 'f', 'u', 'c')
        order by con.conname""")) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          List<String> columns = strings(rs.getArray(3));
          switch (rs.getString(2)) {
            case "p":
              primaryKey = Optional.of(new PrimaryKey(name, columns));
              break;
            case "u":
              uniques.add(new UniqueConstraint(name, columns));
              break;
            case "f":
              String targetNamespace = rs.getString(4);
              QualifiedName target = new QualifiedName(
                  targetNamespace.equals(current) ? Optional.empty() : Optional.of(targetNamespace), rs.getString(5));
              foreignKeys.add(new ForeignKey(name, columns, target, strings(rs.getArray(6)),
                  action(rs.getString(7)), action(rs.getString(8))));
              break;
            default:
              checks.add(new CheckConstraint(name, checkExpression(rs.getString(9))));
              break;
          }
        }
      }
    }
    return t.withPrimaryKey(primaryKey).withForeignKeys(foreignKeys).withUniqueConstraints(uniques).withChecks(checks);
  }

  /** {@code CHECK ((a > 0)) NOT VALID} → {@code (a > 0)}: the expression as PostgreSQL prints it. */
  static String checkExpression(String definition) {
    String text = definition.trim();
    if (text.endsWith(" NOT VALID")) {
      text = text.substring(0, text.length() - " NOT VALID".length());
    }
    if (text.startsWith("CHECK (") && text.endsWith(")")) {
      text = text.substring("CHECK (".length(), text.length() - 1);
    }
    return text;
  }

  private static ReferentialAction action(String code) {
    switch (code) {
      case "r": return ReferentialAction.RESTRICT;
      case "c": return ReferentialAction.CASCADE;
      case "n": return ReferentialAction.SET_NULL;
      case "d": return ReferentialAction.SET_DEFAULT;
      default: return ReferentialAction.NO_ACTION;
    }
  }

  private static List<Index> indexes(Connection connection, long table) throws SQLException {
    List<Index> indexes = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select ic.relname, i.indisunique,
               array(select a.attname from unnest(i.indkey::int2[]) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num order by k.ord),
               array(select (o.opt & 1) = 1 from unnest(i.indoption::int2[]) with ordinality o(opt, ord) order by o.ord)
        from pg_index i join pg_class ic on ic.oid = i.indexrelid
        where i.indrelid = ? and i.indexprs is null and i.indpred is null
          and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid)
          and 0 <> all (i.indkey::int2[])
        order by ic.relname""")) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> names = strings(rs.getArray(3));
          Object[] descending = (Object[]) rs.getArray(4).getArray();
          List<IndexColumn> columns = new ArrayList<>();
          for (int i = 0; i < names.size(); i++) {
            columns.add(new IndexColumn(names.get(i), Boolean.TRUE.equals(descending[i])));
          }
          indexes.add(new Index(rs.getString(1), columns, rs.getBoolean(2)));
        }
      }
    }
    return indexes;
  }

  private static List<Sequence> sequences(Connection connection, String namespace, Optional<String> modelNamespace)
      throws SQLException {
    List<Sequence> sequences = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select c.relname, s.seqstart, s.seqincrement
        from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ?
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                          and d.deptype = 'i')
        order by c.relname""")) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sequences.add(new Sequence(new QualifiedName(modelNamespace, rs.getString(1)), rs.getLong(2), rs.getLong(3)));
        }
      }
    }
    return sequences;
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      values.add((String) value);
    }
    return values;
  }

  /**
   * A default as a model writes it. PostgreSQL stores {@code 'new'} on a varchar column as
   * {@code 'new'::character varying} and {@code -1} on an integer column as {@code '-1'::integer};
   * both read back as the short form ({@code 'new'}, {@code -1}). Anything else is kept as printed
   * ({@code now()}, {@code nextval('s'::regclass)}), except that it is folded to lower case outside
   * string literals and quoted names: PostgreSQL prints the SQL-standard value functions in upper
   * case ({@code CURRENT_DATE}, {@code CURRENT_TIMESTAMP}) whichever way they were written, and
   * unquoted names are case-insensitive anyway. Idempotent.
   */
  public static String normalizeDefault(String expression) {
    String text = expression.trim();
    java.util.regex.Matcher m = CAST_LITERAL.matcher(text);
    if (m.matches()) {
      String literal = m.group(1);
      String content = literal.substring(1, literal.length() - 1);
      if (NUMBER.matcher(content).matches() && NUMERIC_TYPE.matcher(m.group(2)).matches()) {
        return content;
      }
      return literal;
    }
    return lowerOutsideQuotes(text);
  }

  /** Lower case, except inside {@code '...'} literals and {@code "..."} names. */
  private static String lowerOutsideQuotes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        // A doubled quote inside a literal or name reads as closing and reopening: same result.
        quote = ch == quote ? 0 : quote;
        out.append(ch);
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        out.append(ch);
      } else {
        out.append(Character.toLowerCase(ch));
      }
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern CAST_LITERAL = java.util.regex.Pattern.compile(
      "('(?:[^']|'')*')::([a-z][a-z0-9_ ]*(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?: with(?:out)? time zone)?(?:\\[\\])?)");
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final java.util.regex.Pattern NUMERIC_TYPE = java.util.regex.Pattern.compile(
      "(smallint|integer|bigint|numeric|real|double precision)(\\(.*\\))?");

  /**
   * A check expression reduced to a form in which what a model writes and what PostgreSQL prints
   * for it compare equal: lower case outside string literals, casts, parentheses and white space
   * removed, {@code x = ANY (ARRAY[a, b])} written as {@code x in (a, b)}, and {@code x BETWEEN a AND b}
   * written as PostgreSQL stores it, {@code x >= a AND x <= b} (Hibernate's check for an ordinal
   * enum is a {@code between}), as is {@code x IN (a)} with one value, {@code x = a} (the check for
   * an enum of one constant). It is for comparing only; two different expressions can in rare
   * cases reduce to the same text.
   */
  public static String normalizeCheck(String expression) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    String text = NOT_BETWEEN.matcher(expression).replaceAll("$1 < $2 or $1 > $3");
    text = BETWEEN.matcher(text).replaceAll("$1 >= $2 and $1 <= $3");
    text = IN_ONE.matcher(text).replaceAll("$1 = $2");
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\'') {
        int end = i + 1;
        while (end < text.length()) {
          if (text.charAt(end) == '\'') {
            if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        out.append(text, i, Math.min(end + 1, text.length()));
        i = end + 1;
        continue;
      }
      if (ch == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
        java.util.regex.Matcher m = CAST_TYPE.matcher(text).region(i + 2, text.length());
        if (m.lookingAt()) {
          i = m.end();
          continue;
        }
      }
      if (ch == '"') {
        int end = text.indexOf('"', i + 1);
        end = end < 0 ? text.length() - 1 : end;
        out.append(text, i + 1, end);
        i = end + 1;
        continue;
      }
      if (ch != '(' && ch != ')' && !Character.isWhitespace(ch)) {
        out.append(Character.toLowerCase(ch));
      }
      i++;
    }
    String reduced = out.toString();
    // x = ANY (ARRAY['a', 'b']) is how PostgreSQL prints x IN ('a', 'b').
    StringBuilder result = new StringBuilder();
    int from = 0;
    int at;
    while ((at = reduced.indexOf("=anyarray[", from)) >= 0) {
      int close = reduced.indexOf(']', at);
      if (close < 0) {
        break;
      }
      result.append(reduced, from, at).append("in").append(reduced, at + "=anyarray[".length(), close);
      from = close + 1;
    }
    result.append(reduced.substring(from));
    return result.toString();
  }

  /** {@code name BETWEEN a AND b} with a plain or quoted name and number or literal bounds. */
  private static final String BETWEEN_OPERANDS = "([A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\")\\s+%s\\s+"
      + "([-+]?[0-9.]+|'(?:[^']|'')*')\\s+(?i:and)\\s+([-+]?[0-9.]+|'(?:[^']|'')*')";
  private static final java.util.regex.Pattern BETWEEN = java.util.regex.Pattern.compile(
      BETWEEN_OPERANDS.formatted("(?i:between)"));
  private static final java.util.regex.Pattern IN_ONE = java.util.regex.Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\")\\s+(?i:in)\\s*\\(\\s*([-+]?[0-9.]+|'(?:[^']|'')*')\\s*\\)");
  private static final java.util.regex.Pattern NOT_BETWEEN = java.util.regex.Pattern.compile(
      BETWEEN_OPERANDS.formatted("(?i:not\\s+between)"));

  private static final java.util.regex.Pattern CAST_TYPE = java.util.regex.Pattern.compile(
      "\\s*(?:\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*)(?:\\s+(?:varying|precision|with|without|time|zone))*"
          + "(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\s+with(?:out)?\\s+time\\s+zone)?(?:\\[\\])*");
}
