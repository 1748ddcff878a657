package dev.strata.snapshot;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Parses a snapshot (SPEC.md). Reads line by line, checks structure, order and references as it goes
 * so that each error points at the line and column that cause it, and finally checks that the text is
 * exactly what the writer would write: only canonical files are valid, so that
 * {@code write(read(text)).equals(text)} holds for every file this accepts (up to CRLF line ends and a
 * leading byte order mark, which it tolerates).
 */
final class Parser {
  /** Line kinds in a table block, in the order they must appear. */
  private static final List<String> TABLE_ORDER =
      List.of("table", "comment", "column", "primary key", "foreign key", "unique", "index", "check");
  private static final String TABLE_FACTS =
      "'comment', 'column', 'primary key', 'foreign key', 'unique', 'index', 'unique index' or 'check'";
  private static final List<String> CONTINUATION_WORDS =
      List.of("precision", "varying", "year", "month", "day", "hour", "minute", "second", "to");

  private final List<String> lines;
  private final Set<QualifiedName> declaredAnywhere = new HashSet<>();

  private Optional<String> head = Optional.empty();
  private final List<String> entities = new ArrayList<>();
  private final List<String> namespaces = new ArrayList<>();
  private final List<Sequence> sequences = new ArrayList<>();
  private final Map<QualifiedName, TableBuilder> tables = new LinkedHashMap<>();
  private final List<Reference> references = new ArrayList<>();
  private TableBuilder lastTable;

  private Parser(List<String> lines) {
    this.lines = lines;
  }

  static Snapshot read(String text) throws SnapshotFormatException {
    Parser parser = new Parser(lines(text));
    return parser.parse();
  }

  /** Splits into lines; accepts '\n' and '\r\n' line ends and a leading byte order mark. */
  private static List<String> lines(String text) throws SnapshotFormatException {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    if (start == text.length()) {
      throw new SnapshotFormatException(1, 1, "the file is empty", "'" + Syntax.HEADER + "' on the first line");
    }
    List<String> lines = new ArrayList<>();
    int lineStart = start;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines.add(text.substring(lineStart, i));
        lineStart = i + 1;
      } else if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          lines.add(text.substring(lineStart, i));
          lineStart = i + 2;
          i++;
        } else {
          throw new SnapshotFormatException(lines.size() + 1, text.codePointCount(lineStart, i) + 1,
              "a carriage return that does not end the line", "line ends of '\\n' or '\\r\\n'");
        }
      }
    }
    if (lineStart < text.length()) {
      throw new SnapshotFormatException(lines.size() + 1, text.codePointCount(lineStart, text.length()) + 1,
          "the last line has no line end", "a line break at the end of the file");
    }
    return lines;
  }

  private Cursor cursor(int index) {
    return new Cursor(lines.get(index), index + 1);
  }

  private Snapshot parse() throws SnapshotFormatException {
    prescanTables();
    header(cursor(0));
    int i = 1;
    if (i < lines.size() && lines.get(i).startsWith("head")) {
      head(cursor(i++));
    }
    while (i < lines.size() && lines.get(i).startsWith("entity")) {
      entity(cursor(i++));
    }
    if (i < lines.size() && !lines.get(i).isEmpty()) {
      throw preambleError(cursor(i));
    }
    int lastBlock = -1;
    while (i < lines.size()) {
      int blank = i++;
      if (i == lines.size()) {
        throw new SnapshotFormatException(blank + 1, 1, "a blank line at the end of the file",
            "no blank line after the last block");
      }
      if (lines.get(i).isEmpty()) {
        throw new SnapshotFormatException(i + 1, 1, "a second blank line", "one blank line between blocks");
      }
      Cursor first = cursor(i);
      String kind = first.peekWord();
      int block = kind.equals("namespace") ? 0 : kind.equals("sequence") ? 1 : kind.equals("table") ? 2 : -1;
      if (block < 0) {
        throw first.error(0, "unknown line " + first.found(),
            "a block of 'namespace' lines, of 'sequence' lines, or a table block starting with 'table'");
      }
      if (block < lastBlock || block == lastBlock && block != 2) {
        throw first.error(0, blockName(block) + " after " + blockName(lastBlock),
            "one block of namespaces, then one block of sequences, then the tables, each block after one blank line");
      }
      lastBlock = block;
      i = block == 0 ? namespaces(i) : block == 1 ? sequences(i) : table(i);
    }
    return build();
  }

  private static String blockName(int block) {
    return block == 0 ? "a namespace block" : block == 1 ? "a sequence block" : "a table block";
  }

  /** Finds every declared table first, so that a fact about a table can tell "undeclared" from "misplaced". */
  private void prescanTables() {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("table ")) {
        Cursor c = cursor(i);
        c.pos = "table ".length();
        try {
          declaredAnywhere.add(c.qualifiedName("a table name"));
        } catch (SnapshotFormatException e) {
          // Reported where the line is parsed for real.
        }
      }
    }
  }

  // ---- preamble ---------------------------------------------------------------------------------

  private void header(Cursor c) throws SnapshotFormatException {
    String expected = "'" + Syntax.HEADER + "' on the first line";
    if (!c.startsWith(Syntax.HEADER_PREFIX)) {
      String first = c.text.length() > 40 ? c.text.substring(0, 37) + "..." : c.text;
      throw c.error(0, "not a Strata snapshot: the first line is '" + first + "'", expected);
    }
    c.pos = Syntax.HEADER_PREFIX.length();
    int at = c.pos;
    int end = at;
    while (end < c.text.length() && Character.isDigit(c.text.charAt(end))) {
      end++;
    }
    String version = c.text.substring(at, end);
    if (version.isEmpty()) {
      throw c.error(at, c.found() + " where the format version belongs",
          Syntax.VERSION + ", the format version this Strata reads");
    }
    if (!version.equals(Integer.toString(Syntax.VERSION))) {
      throw c.error(at, "snapshot format version " + version + " is not supported (a newer Strata may have written it)",
          "version " + Syntax.VERSION + ", the only version this Strata reads; upgrade Strata to read this file");
    }
    c.pos = end;
    c.end();
  }

  private void head(Cursor c) throws SnapshotFormatException {
    c.expect("head", "'head'");
    c.space("the revision id of the head");
    String id = c.text.substring(c.pos);
    if (!Syntax.REVISION_ID.matcher(id).matches()) {
      throw c.error(c.pos, "'" + id + "' is not a revision id",
          "letters, digits and '_' only, as in 20250101_120000_ab12");
    }
    head = Optional.of(id);
  }

  private void entity(Cursor c) throws SnapshotFormatException {
    c.expect("entity", "'entity'");
    c.space("the fully-qualified name of an entity class");
    String name = c.text.substring(c.pos);
    if (!Snapshot.isClassName(name)) {
      throw c.error(c.pos, "'" + name + "' is not a Java class name",
          "a fully-qualified class name such as com.example.Order");
    }
    if (!entities.isEmpty()) {
      String previous = entities.get(entities.size() - 1);
      if (name.equals(previous)) {
        throw c.error(c.pos, "entity " + name + " is listed twice", "each entity class once");
      }
      if (name.compareTo(previous) < 0) {
        throw c.error(c.pos, "entity " + name + " after " + previous, "the entity classes sorted by name");
      }
    }
    entities.add(name);
  }

  private SnapshotFormatException preambleError(Cursor c) {
    String kind = c.peekWord();
    switch (kind) {
      case "head":
        return c.error(0, head.isPresent() ? "a second 'head' line" : "'head' line after the 'entity' lines",
            "one 'head' line, right after the first line");
      case "entity":
        return c.error(0, "malformed 'entity' line", "'entity' and one space and a class name");
      case "namespace": case "sequence": case "table":
        return c.error(0, "'" + kind + "' line without a blank line before it",
            "a blank line between the entity lines and the schema");
      default:
        return c.error(0, "unknown line " + c.found(),
            "'head <revision id>', 'entity <class name>', or a blank line before the schema");
    }
  }

  // ---- namespace and sequence blocks ------------------------------------------------------------

  private int namespaces(int i) throws SnapshotFormatException {
    for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      Cursor c = cursor(i);
      requireKind(c, "namespace", "'namespace <name>' lines in the namespace block");
      c.space("a namespace name");
      int at = c.pos;
      String name = c.identifier("a namespace name");
      c.end();
      if (!namespaces.isEmpty()) {
        String previous = namespaces.get(namespaces.size() - 1);
        if (name.equals(previous)) {
          throw c.error(at, "namespace " + show(name) + " is declared twice", "each namespace once");
        }
        if (name.compareTo(previous) < 0) {
          throw c.error(at, "namespace " + show(name) + " after " + show(previous), "the namespaces sorted by name");
        }
      }
      namespaces.add(name);
    }
    return i;
  }

  private int sequences(int i) throws SnapshotFormatException {
    for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      Cursor c = cursor(i);
      requireKind(c, "sequence", "'sequence <name> start <n> increment <n>' lines in the sequence block");
      c.space("a sequence name");
      int at = c.pos;
      QualifiedName name = c.qualifiedName("a sequence name");
      c.space("'start'");
      c.expect("start", "'start'");
      c.space("the start value");
      long start = c.number("the start value");
      c.space("'increment'");
      c.expect("increment", "'increment'");
      c.space("the increment");
      int incrementAt = c.pos;
      long increment = c.number("the increment");
      c.end();
      if (increment == 0) {
        throw c.error(incrementAt, "increment 0", "a non-zero increment");
      }
      if (!sequences.isEmpty()) {
        QualifiedName previous = sequences.get(sequences.size() - 1).name();
        if (name.equals(previous)) {
          throw c.error(at, "sequence " + show(name) + " is declared twice", "each sequence once");
        }
        if (name.compareTo(previous) < 0) {
          throw c.error(at, "sequence " + show(name) + " after " + show(previous),
              "the sequences sorted by namespace, then name");
        }
      }
      sequences.add(new Sequence(name, start, increment));
    }
    return i;
  }

  private void requireKind(Cursor c, String kind, String expected) throws SnapshotFormatException {
    String word = c.peekWord();
    if (!word.equals(kind)) {
      if (word.equals("namespace") || word.equals("sequence") || word.equals("table")) {
        throw c.error(0, "'" + word + "' line without a blank line before it", "a blank line between blocks");
      }
      throw c.error(0, "unknown line " + c.found(), expected);
    }
    c.pos = kind.length();
  }

  // ---- table blocks -----------------------------------------------------------------------------

  private int table(int i) throws SnapshotFormatException {
    Cursor c = cursor(i);
    c.expect("table", "'table'");
    c.space("a table name");
    int at = c.pos;
    QualifiedName name = c.qualifiedName("a table name");
    c.end();
    if (tables.containsKey(name)) {
      throw c.error(at, "table " + show(name) + " is declared twice (first at line " + tables.get(name).line + ")",
          "each table once");
    }
    if (!tables.isEmpty()) {
      QualifiedName previous = lastTable.name;
      if (name.compareTo(previous) < 0) {
        throw c.error(at, "table " + show(name) + " after table " + show(previous),
            "the tables sorted by namespace, then name");
      }
    }
    TableBuilder table = new TableBuilder(name, i + 1);
    tables.put(name, table);
    lastTable = table;
    for (i++; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      fact(cursor(i), table);
    }
    return i;
  }

  private void fact(Cursor c, TableBuilder table) throws SnapshotFormatException {
    String kind;
    try {
      kind = c.oneOf("a line kind", "comment", "column", "primary key", "foreign key", "unique index", "unique",
          "index", "check", "table", "namespace", "sequence", "head", "entity");
    } catch (SnapshotFormatException e) {
      throw c.error(0, "unknown line " + c.found(0),
          TABLE_FACTS + " line of table " + show(table.name) + ", or a blank line before the next block");
    }
    switch (kind) {
      case "table":
        throw c.error(0, "'table' line without a blank line before it", "a blank line between table blocks");
      case "namespace": case "sequence":
        throw c.error(0, "'" + kind + "' line in the block of table " + show(table.name),
            "the " + kind + "s in their own block, before the tables");
      case "head": case "entity":
        throw c.error(0, "'" + kind + "' line in the block of table " + show(table.name),
            "'" + kind + "' lines at the top of the file, before the first blank line");
      case "comment": comment(c, table); break;
      case "column": column(c, table); break;
      case "primary key": primaryKey(c, table); break;
      case "foreign key": foreignKey(c, table); break;
      case "unique index": uniqueIndex(c, table); break;
      case "unique": unique(c, table); break;
      case "index": index(c, table, false); break;
      case "check": check(c, table); break;
      default: throw new AssertionError(kind);
    }
    c.end();
  }

  /** The table name that starts every fact: it must be the table of the block. */
  private void tableOf(Cursor c, TableBuilder table) throws SnapshotFormatException {
    c.space("the table name");
    int at = c.pos;
    QualifiedName name = c.qualifiedName("the table name");
    if (!name.equals(table.name)) {
      if (declaredAnywhere.contains(name)) {
        throw c.error(at, "a fact about table " + show(name) + " in the block of table " + show(table.name),
            "facts about " + show(table.name) + " only; those about " + show(name) + " belong in its own block");
      }
      throw c.error(at, "table " + show(name) + " was not declared",
          "a 'table " + SnapshotWriter.name(name) + "' line before facts about it");
    }
  }

  /** Checks the position of a line kind in its block, and the order of names within a kind. */
  private void order(Cursor c, TableBuilder table, String kind, String name, int nameAt)
      throws SnapshotFormatException {
    int rank = TABLE_ORDER.indexOf(kind);
    if (rank < table.rank) {
      throw c.error(0, "'" + kind + "' line after '" + TABLE_ORDER.get(table.rank) + "' lines",
          "the lines of a table block in the order: " + String.join(", ", TABLE_ORDER));
    }
    Map<String, Integer> seen = table.names.computeIfAbsent(kind, k -> new HashMap<>());
    if (name == null) {
      if (!seen.isEmpty()) {
        throw c.error(0, "a second '" + kind + "' line for table " + show(table.name) + " (first at line "
            + seen.get("") + ")", "one " + kind + " per table");
      }
      seen.put("", c.line);
    } else {
      if (seen.containsKey(name)) {
        throw c.error(nameAt, kind + " " + show(name) + " is declared twice (first at line " + seen.get(name) + ")",
            "each " + kind + " once");
      }
      if (rank == table.rank && table.lastName != null && name.compareTo(table.lastName) < 0) {
        throw c.error(nameAt, kind + " " + show(name) + " after " + show(table.lastName),
            "the " + (kind.equals("index") ? "indexes" : kind + "s") + " of a table sorted by name");
      }
      seen.put(name, c.line);
    }
    table.rank = rank;
    table.lastName = name;
  }

  /** The name a table-block line declares, and where it starts on the line (for errors). */
  private record LineName(String name, int at) {}

  /**
   * Reads the start shared by the lines that declare a named thing of a table ({@code <kind> <table>
   * <name>}): the table must be this block's, and the line and name must be in canonical order.
   */
  private LineName lineName(Cursor c, TableBuilder table, String kind, String expected)
      throws SnapshotFormatException {
    tableOf(c, table);
    c.space(expected);
    int at = c.pos;
    String name = c.identifier(expected);
    order(c, table, kind, name, at);
    return new LineName(name, at);
  }

  /** {@link #lineName} for a constraint, whose name must also be free among the table's constraints. */
  private String constraintLineName(Cursor c, TableBuilder table, String kind, String constraintKind,
      String expected) throws SnapshotFormatException {
    LineName name = lineName(c, table, kind, expected);
    constraintName(c, table, constraintKind, name.name(), name.at());
    return name.name();
  }

  /** Primary key, foreign key, unique and check constraint names share one namespace per table. */
  private void constraintName(Cursor c, TableBuilder table, String kind, String name, int at)
      throws SnapshotFormatException {
    String[] previous = table.constraints.get(name);
    if (previous != null) {
      throw c.error(at, "constraint name " + show(name) + " is already used by the " + previous[0] + " at line "
          + previous[1], "constraint names that are unique within a table");
    }
    table.constraints.put(name, new String[] {kind, Integer.toString(c.line)});
  }

  private List<String> columnList(Cursor c, TableBuilder table, String what) throws SnapshotFormatException {
    Set<String> inList = new HashSet<>();
    return c.names("a column name", (column, at) -> {
      requireColumn(c, table, what, column, at);
      if (!inList.add(column)) {
        throw c.error(at, "column " + show(column) + " appears twice in " + what, "each column once");
      }
    });
  }

  private void requireColumn(Cursor c, TableBuilder table, String what, String column, int at)
      throws SnapshotFormatException {
    if (!table.columns.containsKey(column)) {
      throw c.error(at, what + " names column " + show(column) + ", which table " + show(table.name)
          + " does not have", columnsOf(table));
    }
  }

  private static String columnsOf(TableBuilder table) {
    if (table.columns.isEmpty()) {
      return "a column declared by a 'column' line of the table";
    }
    return "one of its columns: " + table.columns.keySet().stream().map(Parser::show).collect(Collectors.joining(", "));
  }

  private void comment(Cursor c, TableBuilder table) throws SnapshotFormatException {
    order(c, table, "comment", null, 0);
    tableOf(c, table);
    c.space("the comment");
    table.comment = Optional.of(c.string("the comment"));
  }

  private void column(Cursor c, TableBuilder table) throws SnapshotFormatException {
    LineName declared = lineName(c, table, "column", "a column name");
    String name = declared.name();
    c.space("the column type");
    SqlType type = type(c);

    boolean nullable = true;
    Optional<String> defaultValue = Optional.empty();
    Optional<Identity> identity = Optional.empty();
    Optional<String> comment = Optional.empty();
    List<String> attributes = List.of("not null", "default", "identity", "comment");
    int last = -1;
    int identityAt = 0;
    while (!c.atEnd()) {
      c.space("a column attribute");
      int at = c.pos;
      String word = c.peekWord();
      String attribute = word.equals("not") && c.startsWith("not null") ? "not null" : word;
      int rank = attributes.indexOf(attribute);
      String found = c.found();
      if (rank < 0 || !(c.text.startsWith(attribute, at) && (at + attribute.length() == c.text.length()
          || c.text.charAt(at + attribute.length()) == ' '))) {
        throw c.error(at, "unknown column attribute " + found, "'not null', 'default', 'identity' or 'comment'");
      }
      if (rank == last) {
        throw c.error(at, "column attribute '" + attribute + "' given twice", "each attribute at most once");
      }
      if (rank < last) {
        throw c.error(at, "column attribute '" + attribute + "' after '" + attributes.get(last) + "'",
            "the attributes in the order: not null, default, identity, comment");
      }
      last = rank;
      c.pos += attribute.length();
      switch (attribute) {
        case "not null":
          nullable = false;
          break;
        case "default":
          c.space("the default, an SQL expression in single quotes");
          int defaultAt = c.pos;
          String expression = c.string("the default");
          if (expression.isBlank()) {
            throw c.error(defaultAt, "a blank default", "an SQL expression");
          }
          defaultValue = Optional.of(expression);
          break;
        case "identity":
          identityAt = at;
          c.space("'by default' or 'always'");
          identity = Optional.of(c.oneOf("'by default' or 'always'", "by default", "always").equals("always")
              ? Identity.ALWAYS : Identity.BY_DEFAULT);
          break;
        default:
          c.space("the comment");
          comment = Optional.of(c.string("the comment"));
          break;
      }
    }
    if (identity.isPresent() && nullable) {
      throw c.error(identityAt, "identity column " + show(name) + " is not 'not null'",
          "'not null' before 'identity' (identity columns never hold NULL)");
    }
    if (identity.isPresent() && defaultValue.isPresent()) {
      throw c.error(identityAt, "column " + show(name) + " has both a default and an identity", "one of them");
    }
    try {
      table.columns.put(name, new Column(name, type, nullable, defaultValue, identity, comment));
    } catch (IllegalArgumentException e) {
      throw c.error(declared.at(), e.getMessage(), "a column the schema model accepts");
    }
  }

  /**
   * The column type: one word, or one of PostgreSQL's multi-word types (double precision, bit varying,
   * interval with fields), in canonical spelling.
   */
  private SqlType type(Cursor c) throws SnapshotFormatException {
    int start = c.pos;
    int end = tokenEnd(c.text, start);
    if (end == start) {
      throw c.missing("the column type");
    }
    while (end < c.text.length() && !hasSuffix(c.text, start, end)) {
      int next = tokenEnd(c.text, end + 1);
      String word = c.text.substring(end + 1, next);
      for (int i = 0; i < word.length(); i++) {
        if (word.charAt(i) == '(' || word.charAt(i) == '[') {
          word = word.substring(0, i);
          break;
        }
      }
      if (!CONTINUATION_WORDS.contains(word)) {
        break;
      }
      end = next;
    }
    for (String zone : List.of(" with time zone", " without time zone")) {
      // Not canonical, but common enough in SQL that the error should name the canonical spelling.
      if (c.text.startsWith(zone, end)) {
        end = tokenEnd(c.text, end + zone.length());
        break;
      }
    }
    String text = c.text.substring(start, end);
    SqlType type;
    try {
      type = SqlType.parse(text);
    } catch (IllegalArgumentException e) {
      throw c.error(start, "'" + text + "' is not a SQL type", "a PostgreSQL type such as integer, varchar(255) or "
          + "numeric(38,2)");
    }
    if (!type.sql().equals(text)) {
      throw c.error(start, "type '" + text + "' is not in canonical form", "'" + type.sql() + "'");
    }
    c.pos = end;
    return type;
  }

  /** Whether the type text between {@code start} and {@code end} already has modifiers or an array suffix. */
  private static boolean hasSuffix(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '(' || text.charAt(i) == '[') {
        return true;
      }
    }
    return false;
  }

  private static int tokenEnd(String text, int from) {
    int end = text.indexOf(' ', from);
    return end < 0 ? text.length() : end;
  }

  private void primaryKey(Cursor c, TableBuilder table) throws SnapshotFormatException {
    order(c, table, "primary key", null, 0);
    tableOf(c, table);
    c.space("the primary key's name");
    int at = c.pos;
    String name = c.identifier("the primary key's name");
    constraintName(c, table, "primary key", name, at);
    c.space("the key's columns in parentheses");
    table.primaryKey = Optional.of(new PrimaryKey(name, columnList(c, table, "primary key " + show(name))));
  }

  private void foreignKey(Cursor c, TableBuilder table) throws SnapshotFormatException {
    String name = constraintLineName(c, table, "foreign key", "foreign key", "the foreign key's name");
    String what = "foreign key " + show(name);
    c.space("the key's columns in parentheses");
    List<String> columns = columnList(c, table, what);
    c.space("'references'");
    c.expect("references", "'references'");
    c.space("the referenced table");
    int targetAt = c.pos;
    QualifiedName target = c.qualifiedName("the referenced table");
    c.space("the referenced columns in parentheses");
    int listAt = c.pos;
    Map<String, Integer> referenced = new LinkedHashMap<>();
    c.names("a referenced column", (column, columnAt) -> {
      if (referenced.putIfAbsent(column, columnAt) != null) {
        throw c.error(columnAt, "column " + show(column) + " appears twice in the columns " + what + " references",
            "each column once");
      }
    });
    if (referenced.size() != columns.size()) {
      throw c.error(listAt, what + " has " + columns.size() + " column" + (columns.size() == 1 ? "" : "s")
          + " but references " + referenced.size(), "as many referenced columns as columns");
    }
    ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
    String last = null;
    while (!c.atEnd()) {
      c.space("'on delete' or 'on update'");
      int actionAt = c.pos;
      String event = c.oneOf("'on delete' or 'on update'", "on delete", "on update");
      if (event.equals(last)) {
        throw c.error(actionAt, "'" + event + "' given twice", "each of 'on delete' and 'on update' at most once");
      }
      if ("on update".equals(last)) {
        throw c.error(actionAt, "'on delete' after 'on update'", "'on delete' before 'on update'");
      }
      last = event;
      c.space("the action");
      int wordAt = c.pos;
      String action = c.oneOf("restrict, cascade, set null or set default", "no action", "restrict", "cascade",
          "set null", "set default");
      if (action.equals("no action")) {
        throw c.error(wordAt, "'no action' is the default and is not written",
            "nothing, or restrict, cascade, set null or set default");
      }
      ReferentialAction value = ReferentialAction.valueOf(action.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
      if (event.equals("on delete")) {
        onDelete = value;
      } else {
        onUpdate = value;
      }
    }
    table.foreignKeys.add(new ForeignKey(name, columns, target, List.copyOf(referenced.keySet()), onDelete, onUpdate));
    references.add(new Reference(c, what, target, targetAt, referenced));
  }

  private void unique(Cursor c, TableBuilder table) throws SnapshotFormatException {
    String name = constraintLineName(c, table, "unique", "unique constraint", "the unique constraint's name");
    c.space("the constraint's columns in parentheses");
    table.uniqueConstraints.add(new UniqueConstraint(name, columnList(c, table, "unique constraint " + show(name))));
  }

  /**
   * {@code unique index t i (...)}; a unique constraint of a table named {@code index}
   * ({@code unique index u (...)}) starts the same way, so that reading is tried when this one fails.
   */
  private void uniqueIndex(Cursor c, TableBuilder table) throws SnapshotFormatException {
    int afterUnique = "unique".length();
    int start = c.pos;
    TableBuilder.State state = table.save();
    try {
      index(c, table, true);
      c.end();
    } catch (SnapshotFormatException asIndex) {
      table.restore(state);
      c.pos = afterUnique;
      try {
        unique(c, table);
        c.end();
      } catch (SnapshotFormatException asConstraint) {
        table.restore(state);
        c.pos = start;
        throw asIndex;
      }
    }
  }

  private void index(Cursor c, TableBuilder table, boolean unique) throws SnapshotFormatException {
    String name = lineName(c, table, "index", "the index's name").name();
    c.space("the index's columns in parentheses");
    String what = "index " + show(name);
    List<IndexColumn> columns = new ArrayList<>();
    Set<String> inList = new HashSet<>();
    c.list("a column name", () -> {
      int columnAt = c.pos;
      String column = c.identifier("a column name");
      requireColumn(c, table, what, column, columnAt);
      if (!inList.add(column)) {
        throw c.error(columnAt, "column " + show(column) + " appears twice in " + what, "each column once");
      }
      boolean descending = false;
      if (c.startsWith(" desc") && c.text.length() > c.pos + 5 && ",)".indexOf(c.text.charAt(c.pos + 5)) >= 0) {
        c.pos += 5;
        descending = true;
      } else if (c.startsWith(" asc") && c.text.length() > c.pos + 4 && ",)".indexOf(c.text.charAt(c.pos + 4)) >= 0) {
        throw c.error(c.pos + 1, "'asc' is the default and is not written", "nothing, or 'desc'");
      }
      columns.add(new IndexColumn(column, descending));
    });
    table.indexes.add(new Index(name, columns, unique));
  }

  private void check(Cursor c, TableBuilder table) throws SnapshotFormatException {
    String name = constraintLineName(c, table, "check", "check constraint", "the check constraint's name");
    c.space("the check's expression in single quotes");
    int expressionAt = c.pos;
    String expression = c.string("the check's expression");
    if (expression.isBlank()) {
      throw c.error(expressionAt, "a blank check expression", "an SQL boolean expression");
    }
    table.checks.add(new CheckConstraint(name, expression));
  }

  // ---- the whole ---------------------------------------------------------------------------------

  private Snapshot build() throws SnapshotFormatException {
    for (Reference reference : references) {
      TableBuilder target = tables.get(reference.target);
      if (target == null) {
        throw reference.cursor.error(reference.targetAt, reference.what + " references table " + show(reference.target)
            + ", which this snapshot does not declare", "a table declared in this snapshot");
      }
      for (Map.Entry<String, Integer> column : reference.columns.entrySet()) {
        if (!target.columns.containsKey(column.getKey())) {
          throw reference.cursor.error(column.getValue(), reference.what + " references column "
              + show(column.getKey()) + ", which table " + show(reference.target) + " does not have",
              columnsOf(target));
        }
      }
    }
    List<Table> built = new ArrayList<>();
    for (TableBuilder table : tables.values()) {
      try {
        built.add(table.build());
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException(table.line, 1, e.getMessage(), "a table the schema model accepts");
      }
    }
    Snapshot snapshot = new Snapshot(head, entities, new Schema(namespaces, built, sequences));
    requireCanonical(snapshot);
    return snapshot;
  }

  /**
   * The last line of defence for "only canonical text is valid": whatever the checks above let
   * through must still be exactly what the writer writes.
   */
  private void requireCanonical(Snapshot snapshot) throws SnapshotFormatException {
    String[] canonical = SnapshotWriter.write(snapshot).split("\n", -1);
    // split leaves one empty string after the final '\n'
    int canonicalLines = canonical.length - 1;
    for (int i = 0; i < Math.max(canonicalLines, lines.size()); i++) {
      if (i >= lines.size()) {
        throw new SnapshotFormatException(i + 1, 1, "the file ends", "'" + canonical[i] + "'");
      }
      if (i >= canonicalLines) {
        throw new SnapshotFormatException(i + 1, 1, "a line after the end of the canonical form",
            "the end of the file");
      }
      String line = lines.get(i);
      if (!line.equals(canonical[i])) {
        int at = Cursor.firstDifference(line, canonical[i]);
        throw new SnapshotFormatException(i + 1, line.codePointCount(0, at) + 1,
            "this line is not in canonical form", "'" + canonical[i] + "'");
      }
    }
  }

  static String show(String name) {
    return Syntax.isSimple(name) ? "'" + name + "'" : Syntax.identifier(name);
  }

  static String show(QualifiedName name) {
    String written = SnapshotWriter.name(name);
    return written.indexOf('"') >= 0 ? written : "'" + written + "'";
  }

  /** A foreign key's target, checked once every table has been read. */
  private record Reference(Cursor cursor, String what, QualifiedName target, int targetAt, Map<String, Integer> columns) {}

  private static final class TableBuilder {
    final QualifiedName name;
    final int line;
    Optional<String> comment = Optional.empty();
    final Map<String, Column> columns = new LinkedHashMap<>();
    Optional<PrimaryKey> primaryKey = Optional.empty();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    /** Line kind to the names seen (with their line); "" for kinds without a name. */
    final Map<String, Map<String, Integer>> names = new TreeMap<>();
    /** Constraint name to {kind, line}. */
    final Map<String, String[]> constraints = new HashMap<>();
    int rank;
    String lastName;

    TableBuilder(QualifiedName name, int line) {
      this.name = name;
      this.line = line;
    }

    Table build() {
      return new Table(name, List.copyOf(columns.values()), primaryKey, foreignKeys, uniqueConstraints, indexes,
          checks, comment);
    }

    record State(int rank, String lastName, int uniques, int indexes, Map<String, Map<String, Integer>> names,
        Map<String, String[]> constraints) {}

    State save() {
      Map<String, Map<String, Integer>> namesCopy = new TreeMap<>();
      names.forEach((k, v) -> namesCopy.put(k, new HashMap<>(v)));
      return new State(rank, lastName, uniqueConstraints.size(), indexes.size(), namesCopy, new HashMap<>(constraints));
    }

    void restore(State state) {
      rank = state.rank;
      lastName = state.lastName;
      while (uniqueConstraints.size() > state.uniques) {
        uniqueConstraints.remove(uniqueConstraints.size() - 1);
      }
      while (indexes.size() > state.indexes) {
        indexes.remove(indexes.size() - 1);
      }
      names.clear();
      state.names.forEach((k, v) -> names.put(k, new HashMap<>(v)));
      constraints.clear();
      constraints.putAll(state.constraints);
    }
  }
}
