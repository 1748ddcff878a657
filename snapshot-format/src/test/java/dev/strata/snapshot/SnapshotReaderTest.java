package dev.strata.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.schema.Column;
import dev.strata.schema.Schema;
import dev.strata.schema.Table;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotReaderTest {

  @Test
  void readsWhatTheWriterWrote() throws SnapshotFormatException {
    assertEquals(SnapshotWriterTest.SNAPSHOT, SnapshotReader.read(SnapshotWriterTest.TEXT));
    assertEquals(SnapshotWriterTest.TEXT, SnapshotWriter.write(SnapshotReader.read(SnapshotWriterTest.TEXT)));
  }

  @Test
  void readsTheSmallestFiles() throws SnapshotFormatException {
    assertEquals(Snapshot.of(Schema.EMPTY), SnapshotReader.read("strata snapshot version 1\n"));
    assertEquals(Snapshot.of(Schema.EMPTY).withHead("abc_1"), SnapshotReader.read("strata snapshot version 1\nhead abc_1\n"));
  }

  @Test
  void acceptsCrlfLineEndsAndAByteOrderMark() throws SnapshotFormatException {
    String crlf = SnapshotWriterTest.TEXT.replace("\n", "\r\n");
    assertEquals(SnapshotWriterTest.SNAPSHOT, SnapshotReader.read(crlf));
    assertEquals(SnapshotWriterTest.SNAPSHOT, SnapshotReader.read("\uFEFF" + SnapshotWriterTest.TEXT));
    // Writing it again gives the canonical '\n' form.
    assertEquals(SnapshotWriterTest.TEXT, SnapshotWriter.write(SnapshotReader.read(crlf)));
  }

  @Test
  void escapedCarriageReturnsInStringsAreNotLineEnds() throws SnapshotFormatException {
    Schema schema = new Schema(List.of(), List.of(Table.of("t").withColumns(
        Column.of("a", "text").withComment("one\r\ntwo"))), List.of());
    String text = SnapshotWriter.write(Snapshot.of(schema));
    assertEquals("strata snapshot version 1\n\ntable t\ncolumn t a text comment 'one\\r\\ntwo'\n", text);
    assertEquals(schema, SnapshotReader.read(text.replace("\n", "\r\n")).schema());
  }

  static Stream<Arguments> malformed() {
    String h = "strata snapshot version 1\n";
    String t = h + "\ntable t\ncolumn t a integer\ncolumn t b text\n";
    return Stream.of(
        // the file as a whole
        bad("empty", "", "line 1, column 1: the file is empty; expected 'strata snapshot version 1' on the first line"),
        bad("no header", "table t\n",
            "line 1, column 1: not a Strata snapshot: the first line is 'table t'; expected 'strata snapshot version 1'"
                + " on the first line"),
        bad("newer version", "strata snapshot version 2\n",
            "line 1, column 25: snapshot format version 2 is not supported (a newer Strata may have written it);"
                + " expected version 1, the only version this Strata reads; upgrade Strata to read this file"),
        bad("version missing", "strata snapshot version x\n",
            "line 1, column 25: 'x' where the format version belongs; expected 1, the format version this Strata reads"),
        bad("no final line end", "strata snapshot version 1",
            "line 1, column 26: the last line has no line end; expected a line break at the end of the file"),
        bad("lone carriage return", h + "head a\rb\n",
            "line 2, column 7: a carriage return that does not end the line; expected line ends of '\\n' or '\\r\\n'"),
        bad("trailing blank line", t + "\n",
            "line 6, column 1: a blank line at the end of the file; expected no blank line after the last block"),
        bad("two blank lines", h + "\n\ntable t\n",
            "line 3, column 1: a second blank line; expected one blank line between blocks"),
        bad("trailing space", h + "\ntable t \n", "line 3, column 8: unexpected a space at the end of the line;"
            + " expected the end of the line"),
        bad("double space", h + "\ntable t\ncolumn t  a integer\n",
            "line 4, column 10: an extra space; expected one space between words"),
        // preamble
        bad("bad head", h + "head 2025-01-01\n",
            "line 2, column 6: '2025-01-01' is not a revision id; expected letters, digits and '_' only,"
                + " as in 20250101_120000_ab12"),
        bad("head after entity", h + "entity a.B\nhead r\n",
            "line 3, column 1: 'head' line after the 'entity' lines; expected one 'head' line, right after the first line"),
        bad("entities unsorted", h + "entity b.A\nentity a.B\n",
            "line 3, column 8: entity a.B after b.A; expected the entity classes sorted by name"),
        bad("entity twice", h + "entity a.B\nentity a.B\n",
            "line 3, column 8: entity a.B is listed twice; expected each entity class once"),
        bad("entity not a class name", h + "entity com..Foo\n",
            "line 2, column 8: 'com..Foo' is not a Java class name; expected a fully-qualified class name such as"
                + " com.example.Order"),
        bad("table without blank line", h + "table t\n",
            "line 2, column 1: 'table' line without a blank line before it; expected a blank line between the entity"
                + " lines and the schema"),
        bad("unknown preamble line", h + "hello\n",
            "line 2, column 1: unknown line 'hello'; expected 'head <revision id>', 'entity <class name>', or a blank"
                + " line before the schema"),
        // blocks
        bad("unknown block", h + "\nviews v\n",
            "line 3, column 1: unknown line 'views'; expected a block of 'namespace' lines, of 'sequence' lines, or a"
                + " table block starting with 'table'"),
        bad("namespaces after tables", t + "\nnamespace n\n",
            "line 7, column 1: a namespace block after a table block; expected one block of namespaces, then one block"
                + " of sequences, then the tables, each block after one blank line"),
        bad("namespaces unsorted", h + "\nnamespace b\nnamespace a\n",
            "line 4, column 11: namespace 'a' after 'b'; expected the namespaces sorted by name"),
        bad("namespace twice", h + "\nnamespace a\nnamespace a\n",
            "line 4, column 11: namespace 'a' is declared twice; expected each namespace once"),
        bad("table inside namespace block", h + "\nnamespace a\ntable t\n",
            "line 4, column 1: 'table' line without a blank line before it; expected a blank line between blocks"),
        bad("sequence increment zero", h + "\nsequence s start 1 increment 0\n",
            "line 3, column 30: increment 0; expected a non-zero increment"),
        bad("sequence number not canonical", h + "\nsequence s start 01 increment 1\n",
            "line 3, column 18: number 01 is not written in canonical form; expected 1"),
        bad("sequence number out of range", h + "\nsequence s start 99999999999999999999 increment 1\n",
            "line 3, column 18: number 99999999999999999999 is out of range; expected a number from"
                + " -9223372036854775808 to 9223372036854775807"),
        bad("sequence without start", h + "\nsequence s increment 1\n",
            "line 3, column 12: 'increment' where 'start' belongs; expected 'start'"),
        bad("sequences unsorted", h + "\nsequence b start 1 increment 1\nsequence b.a start 1 increment 1\nsequence a.z start 1 increment 1\n",
            "line 5, column 10: sequence 'a.z' after 'b.a'; expected the sequences sorted by namespace, then name"),
        // tables
        bad("tables unsorted", h + "\ntable b\n\ntable a\n",
            "line 5, column 7: table 'a' after table 'b'; expected the tables sorted by namespace, then name"),
        bad("table twice", h + "\ntable a\n\ntable a\n",
            "line 5, column 7: table 'a' is declared twice (first at line 3); expected each table once"),
        bad("fact about an undeclared table", h + "\ntable t\ncolumn u a integer\n",
            "line 4, column 8: table 'u' was not declared; expected a 'table u' line before facts about it"),
        bad("fact about another table", h + "\ntable t\ncolumn u a integer\n\ntable u\n",
            "line 4, column 8: a fact about table 'u' in the block of table 't'; expected facts about 't' only;"
                + " those about 'u' belong in its own block"),
        bad("second table without blank line", t + "table u\n",
            "line 6, column 1: 'table' line without a blank line before it; expected a blank line between table blocks"),
        bad("unknown fact", t + "colum t c integer\n",
            "line 6, column 1: unknown line 'colum'; expected 'comment', 'column', 'primary key', 'foreign key',"
                + " 'unique', 'index', 'unique index' or 'check' line of table 't', or a blank line before the next"
                + " block"),
        bad("fact out of order", t + "primary key t pk (a)\ncomment t 'x'\n",
            "line 7, column 1: 'comment' line after 'primary key' lines; expected the lines of a table block in the"
                + " order: table, comment, column, primary key, foreign key, unique, index, check"),
        bad("columns unsorted", h + "\ntable t\ncolumn t b integer\ncolumn t a integer\n",
            "line 5, column 10: column 'a' after 'b'; expected the columns of a table sorted by name"),
        bad("column twice", h + "\ntable t\ncolumn t a integer\ncolumn t a text\n",
            "line 5, column 10: column 'a' is declared twice (first at line 4); expected each column once"),
        bad("second comment", h + "\ntable t\ncomment t 'x'\ncomment t 'y'\n",
            "line 5, column 1: a second 'comment' line for table 't' (first at line 4); expected one comment per table"),
        bad("second primary key", t + "primary key t pk (a)\nprimary key t pk2 (b)\n",
            "line 7, column 1: a second 'primary key' line for table 't' (first at line 6); expected one primary key per"
                + " table"),
        // columns
        bad("unknown column attribute", h + "\ntable t\ncolumn t id integer nul\n",
            "line 4, column 21: unknown column attribute 'nul'; expected 'not null', 'default', 'identity' or 'comment'"),
        bad("attribute twice", h + "\ntable t\ncolumn t a integer not null not null\n",
            "line 4, column 29: column attribute 'not null' given twice; expected each attribute at most once"),
        bad("attributes out of order", h + "\ntable t\ncolumn t a integer default '1' not null\n",
            "line 4, column 32: column attribute 'not null' after 'default'; expected the attributes in the order:"
                + " not null, default, identity, comment"),
        bad("type missing", h + "\ntable t\ncolumn t a\n", "line 4, column 11: the line ends; expected the column type"),
        bad("not a type", h + "\ntable t\ncolumn t a integer(\n",
            "line 4, column 12: 'integer(' is not a SQL type; expected a PostgreSQL type such as integer, varchar(255)"
                + " or numeric(38,2)"),
        bad("type not canonical", h + "\ntable t\ncolumn t a int4\n",
            "line 4, column 12: type 'int4' is not in canonical form; expected 'integer'"),
        bad("long type spelling", h + "\ntable t\ncolumn t a character varying(3)\n",
            "line 4, column 12: type 'character varying(3)' is not in canonical form; expected 'varchar(3)'"),
        bad("time zone spelled out", h + "\ntable t\ncolumn t a timestamp(6) with time zone[] not null\n",
            "line 4, column 12: type 'timestamp(6) with time zone[]' is not in canonical form; expected"
                + " 'timestamptz(6)[]'"),
        bad("identity without not null", h + "\ntable t\ncolumn t a integer identity always\n",
            "line 4, column 20: identity column 'a' is not 'not null'; expected 'not null' before 'identity' (identity"
                + " columns never hold NULL)"),
        bad("identity and default", h + "\ntable t\ncolumn t a integer not null default '1' identity always\n",
            "line 4, column 41: column 'a' has both a default and an identity; expected one of them"),
        bad("identity kind", h + "\ntable t\ncolumn t a integer not null identity sometimes\n",
            "line 4, column 38: 'sometimes' where 'by default' or 'always' belongs; expected 'by default' or 'always'"),
        bad("blank default", h + "\ntable t\ncolumn t a integer default ' '\n",
            "line 4, column 28: a blank default; expected an SQL expression"),
        bad("default not quoted", h + "\ntable t\ncolumn t a integer default 0\n",
            "line 4, column 28: '0' where the default belongs; expected the default in single quotes"),
        // names and strings
        bad("name must be quoted", h + "\ntable Orders\n",
            "line 3, column 7: name 'Orders' must be quoted; expected \"Orders\""),
        bad("keyword must be quoted", h + "\ntable order\n",
            "line 3, column 7: 'order' is an SQL key word and must be quoted; expected \"order\""),
        bad("needless quotes", h + "\ntable \"orders\"\n",
            "line 3, column 7: name \"orders\" is quoted but need not be; expected 'orders'"),
        bad("unterminated quoted name", h + "\ntable \"ord\n",
            "line 3, column 7: unterminated quoted name; expected a closing \" before the end of the line"),
        bad("empty quoted name", h + "\ntable \"\"\n", "line 3, column 7: an empty quoted name; expected a table name"),
        bad("unterminated string", t + "check t c 'a > 0\n",
            "line 6, column 11: unterminated string; expected a closing ' before the end of the line"),
        bad("unknown escape", t + "check t c 'a \\q'\n",
            "line 6, column 14: unknown escape '\\q'; expected \\\\, \\n, \\r, \\t or \\u and four hex digits"),
        bad("short unicode escape", t + "check t c 'a \\u12'\n",
            "line 6, column 14: escape '\\u' without four hex digits; expected \\\\, \\n, \\r, \\t or \\u and four hex"
                + " digits"),
        bad("needless escape", t + "check t c 'a \\u0041'\n",
            "line 6, column 14: string is not written in canonical form; expected 'a A'"),
        bad("raw tab in string", t + "check t c 'a\tb'\n",
            "line 6, column 13: unescaped character U+0009 in a string; expected the escape \\t"),
        bad("raw bidi override in name", h + "\ntable \"a\u202Eb\"\n",
            "line 3, column 9: unescaped character U+202E in a quoted name; expected the escape \\u202E"),
        bad("blank check", t + "check t c ''\n", "line 6, column 11: a blank check expression; expected an SQL boolean"
            + " expression"),
        // keys, constraints, indexes
        bad("key names an unknown column", t + "primary key t pk (a, c)\n",
            "line 6, column 22: primary key 'pk' names column 'c', which table 't' does not have; expected one of its"
                + " columns: 'a', 'b'"),
        bad("key names a column twice", t + "primary key t pk (a, a)\n",
            "line 6, column 22: column 'a' appears twice in primary key 'pk'; expected each column once"),
        bad("key without columns", t + "primary key t pk ()\n",
            "line 6, column 19: ')' where a column name belongs; expected a column name"),
        bad("list separator", t + "primary key t pk (a,b)\n",
            "line 6, column 20: ',b)' in a list; expected ', ' and another name, or ')'"),
        bad("constraint name reused", t + "primary key t k (a)\nunique t k (b)\n",
            "line 7, column 10: constraint name 'k' is already used by the primary key at line 6; expected constraint"
                + " names that are unique within a table"),
        bad("foreign key to an undeclared table", t + "foreign key t fk (a) references u (id)\n",
            "line 6, column 33: foreign key 'fk' references table 'u', which this snapshot does not declare; expected"
                + " a table declared in this snapshot"),
        bad("foreign key to an unknown column", t + "foreign key t fk (a) references t (c)\n",
            "line 6, column 36: foreign key 'fk' references column 'c', which table 't' does not have; expected one of"
                + " its columns: 'a', 'b'"),
        bad("foreign key arity", t + "foreign key t fk (a, b) references t (a)\n",
            "line 6, column 38: foreign key 'fk' has 2 columns but references 1; expected as many referenced columns as"
                + " columns"),
        bad("foreign key no action written", t + "foreign key t fk (a) references t (a) on delete no action\n",
            "line 6, column 49: 'no action' is the default and is not written; expected nothing, or restrict, cascade,"
                + " set null or set default"),
        bad("foreign key actions out of order", t + "foreign key t fk (a) references t (a) on update cascade on delete"
            + " cascade\n", "line 6, column 57: 'on delete' after 'on update'; expected 'on delete' before 'on update'"),
        bad("foreign key unknown action", t + "foreign key t fk (a) references t (a) on delete nothing\n",
            "line 6, column 49: 'nothing' where restrict, cascade, set null or set default belongs; expected restrict,"
                + " cascade, set null or set default"),
        bad("index asc written", t + "index t ix (a asc)\n",
            "line 6, column 15: 'asc' is the default and is not written; expected nothing, or 'desc'"),
        bad("index on an unknown column", t + "unique index t ix (c)\n",
            "line 6, column 20: index 'ix' names column 'c', which table 't' does not have; expected one of its"
                + " columns: 'a', 'b'"),
        bad("indexes unsorted", t + "index t b (a)\nunique index t a (a)\n",
            "line 7, column 16: index 'a' after 'b'; expected the indexes of a table sorted by name"),
        bad("checks unsorted", t + "check t b 'a > 0'\ncheck t a 'a > 0'\n",
            "line 7, column 9: check 'a' after 'b'; expected the checks of a table sorted by name"),
        bad("namespace line in a table block", t + "namespace n\n",
            "line 6, column 1: 'namespace' line in the block of table 't'; expected the namespaces in their own block,"
                + " before the tables"));
  }

  private static Arguments bad(String name, String text, String message) {
    return Arguments.of(name, text, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsWithLineColumnAndWhatWasExpected(String name, String text, String message) {
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> SnapshotReader.read(text));
    assertEquals(message, e.getMessage());
    assertEquals(message, "line " + e.line() + ", column " + e.column() + ": " + e.problem() + "; expected "
        + e.expected());
  }

  @Test
  void aTableNamedIndexCanHaveUniqueConstraintsAndUniqueIndexes() throws SnapshotFormatException {
    String text = """
        strata snapshot version 1

        table index
        column index a integer
        unique index u (a)
        unique index index v (a)
        """;
    Snapshot snapshot = SnapshotReader.read(text);
    Table table = snapshot.schema().tables().get(0);
    assertEquals("u", table.uniqueConstraints().get(0).name());
    assertEquals("v", table.indexes().get(0).name());
    assertEquals(true, table.indexes().get(0).unique());
    assertEquals(text, SnapshotWriter.write(snapshot));
  }
}
