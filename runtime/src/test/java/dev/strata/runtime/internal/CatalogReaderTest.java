package dev.strata.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import dev.strata.schema.change.Change;
import dev.strata.testing.CatalogDump;
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The catalog reader and the dump: what the dialect creates reads back as the model that made it. */
class CatalogReaderTest {

  private static void run(DataSource db, List<Change> changes) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (Change change : changes) {
        for (String sql : PostgresDialect.INSTANCE.render(change)) {
          st.execute(sql);
        }
      }
    }
  }

  @Test
  void everyKindOfObjectReadsBackAsTheModel() throws SQLException {
    DataSource db = TestDatabase.createDatabase();
    List<Change> changes = new ArrayList<>(PostgresDialectDatabaseTest.upgrade());
    Schema model = Change.applyAll(Schema.EMPTY, changes);
    run(db, changes);
    assertEquals(CatalogDump.of(model), CatalogDump.of(db));
    try (Connection c = db.getConnection()) {
      assertEquals(List.of(), SchemaDump.differences(CatalogDump.read(c), model));
    }
  }

  @Test
  void unqualifiedNamesDefaultsChecksAndSequences() throws SQLException {
    DataSource db = TestDatabase.createDatabase();
    QualifiedName parent = QualifiedName.of("parent");
    QualifiedName child = QualifiedName.of("Child");
    List<Change> changes = List.of(
        new Change.CreateTable(Table.of(parent).withColumns(Column.of("id", "integer").notNull())
            .withPrimaryKey("parent_pkey", "id")),
        new Change.CreateTable(Table.of(child).withColumns(
                Column.of("id", "bigint").withIdentity(Identity.ALWAYS),
                Column.of("parent_id", "integer"),
                Column.of("status", "varchar(10)").notNull().withDefault("'new'"),
                Column.of("n", "integer").withDefault("-1"),
                Column.of("price", "numeric(10,2)").withDefault("0.5"),
                Column.of("day", "date").withDefault("'2020-01-01'"),
                Column.of("at", "timestamptz(6)").withDefault("CURRENT_TIMESTAMP"))
            .withPrimaryKey("Child_pkey", "id")
            .withChecks(List.of(
                CheckConstraint.of("child_status_check", "status in ('new','paid')"),
                CheckConstraint.of("child_price_check", "price > 0 and n <> 3")))),
        new Change.AddForeignKey(child, ForeignKey.of("fk_child_parent", List.of("parent_id"), parent, List.of("id"))
            .withOnDelete(ReferentialAction.CASCADE)),
        new Change.CreateIndex(child, Index.of("idx_child_parent", "parent_id", "status")),
        new Change.CreateSequence(Sequence.of(QualifiedName.of("child_seq"), 1, 50)));
    Schema model = Change.applyAll(Schema.EMPTY, changes);
    run(db, changes);
    String expected = """
        sequence child_seq: start 1 increment 50
        table Child
        table Child check child_price_check: price>0andn<>3
        table Child check child_status_check: statusin'new','paid'
        table Child column at: timestamp(6) with time zone null default current_timestamp
        table Child column day: date null default '2020-01-01'
        table Child column id: bigint not null identity always
        table Child column n: integer null default -1
        table Child column parent_id: integer null
        table Child column price: numeric(10,2) null default 0.5
        table Child column status: varchar(10) not null default 'new'
        table Child foreign key fk_child_parent: (parent_id) references parent (id) on delete cascade on update no action
        table Child index idx_child_parent: (parent_id, status)
        table Child primary key Child_pkey: (id)
        table parent
        table parent column id: integer not null
        table parent primary key parent_pkey: (id)
        """;
    assertEquals(expected, CatalogDump.of(model));
    assertEquals(expected, CatalogDump.of(db));
  }

  /**
   * What Hibernate writes for an ordinal enum ({@code between}), a one-value {@code in} list and
   * SQL-standard defaults ({@code current_date}) read back, in PostgreSQL's spelling, as no difference.
   */
  @Test
  void ordinalEnumChecksAndStandardDefaultsMatchTheirModel() throws SQLException {
    DataSource db = TestDatabase.createDatabase();
    Table table = Table.of("t")
        .withColumns(Column.of("kind", "smallint"), Column.of("day", "date").withDefault("current_date"),
            Column.of("at", "timestamp(6)").withDefault("current_timestamp"))
        .withChecks(List.of(CheckConstraint.of("t_kind_check", "kind between 0 and 2"),
            CheckConstraint.of("t_day_check", "day in ('2020-01-01')")));
    run(db, List.of(new Change.CreateTable(table)));
    Schema model = Change.applyAll(Schema.EMPTY, List.of(new Change.CreateTable(table)));
    assertEquals(CatalogDump.of(model), CatalogDump.of(db));
    try (Connection c = db.getConnection()) {
      assertEquals(List.of(), SchemaDump.differences(CatalogDump.read(c), model));
    }
  }

  @Test
  void differencesNameEachObject() throws SQLException {
    DataSource db = TestDatabase.createDatabase();
    QualifiedName t = QualifiedName.of("t");
    Table table = Table.of(t).withColumns(Column.of("a", "integer"), Column.of("b", "text"));
    run(db, List.of(new Change.CreateTable(table)));
    try (Statement st = db.getConnection().createStatement()) {
      st.execute("alter table t drop column b");
      st.execute("alter table t alter column a set not null");
      st.execute("alter table t add column c integer");
      st.execute("create table strata_history (x integer)");
    }
    try (Connection c = db.getConnection()) {
      assertEquals(List.of(
          "differs: table t column a: the database has integer not null, expected integer null",
          "missing in the database: table t column b (text null)",
          "not expected, found in the database: table t column c (integer null)"),
          SchemaDump.differences(CatalogDump.read(c), Change.applyAll(Schema.EMPTY, List.of(new Change.CreateTable(table)))));
    }
  }

  @Test
  void normalizesDefaults() {
    assertEquals("'new'", CatalogReader.normalizeDefault("'new'::character varying"));
    assertEquals("-1", CatalogReader.normalizeDefault("'-1'::integer"));
    assertEquals("'-1'", CatalogReader.normalizeDefault("'-1'::text"));
    assertEquals("'a''b'", CatalogReader.normalizeDefault("'a''b'::character varying(10)"));
    assertEquals("'2020-01-01 00:00:00+00'", CatalogReader.normalizeDefault("'2020-01-01 00:00:00+00'::timestamp with time zone"));
    assertEquals("nextval('s'::regclass)", CatalogReader.normalizeDefault("nextval('s'::regclass)"));
    assertEquals("now()", CatalogReader.normalizeDefault(" now() "));
    // PostgreSQL prints the SQL-standard value functions in upper case, whichever way they were written.
    assertEquals(CatalogReader.normalizeDefault("current_date"), CatalogReader.normalizeDefault("CURRENT_DATE"));
    assertEquals("current_timestamp(3)", CatalogReader.normalizeDefault("CURRENT_TIMESTAMP(3)"));
    assertEquals("'It''s'", CatalogReader.normalizeDefault("'It''s'::character varying"));
    assertEquals("nextval('Seq'::regclass)", CatalogReader.normalizeDefault("NEXTVAL('Seq'::regclass)"));
    assertEquals("lower(\"Name\")", CatalogReader.normalizeDefault("LOWER(\"Name\")"));
  }

  @Test
  void normalizesChecks() {
    assertEquals(CatalogReader.normalizeCheck("status in ('A', 'B')"),
        CatalogReader.normalizeCheck("((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))"));
    assertEquals(CatalogReader.normalizeCheck("price > 0"), CatalogReader.normalizeCheck("(price > (0)::numeric)"));
    // Quoted names keep their case; the rest is folded as PostgreSQL folds it.
    assertEquals("lengthName>0", CatalogReader.normalizeCheck("(length((\"Name\")::text) > 0)"));
    assertEquals("lengthname>0", CatalogReader.normalizeCheck("LENGTH(Name) > 0"));
    assertNotEquals(CatalogReader.normalizeCheck("x = 'A B'"), CatalogReader.normalizeCheck("x = 'AB'"));
    // PostgreSQL stores BETWEEN (Hibernate's check for an ordinal enum) as two comparisons.
    assertEquals(CatalogReader.normalizeCheck("kind between 0 and 2"),
        CatalogReader.normalizeCheck("((kind >= 0) AND (kind <= 2))"));
    assertEquals(CatalogReader.normalizeCheck("\"Kind\" BETWEEN -1 AND 'z'"),
        CatalogReader.normalizeCheck("((\"Kind\" >= -1) AND (\"Kind\" <= 'z'::text))"));
    assertEquals(CatalogReader.normalizeCheck("x not between 1 and 5"),
        CatalogReader.normalizeCheck("((x < 1) OR (x > 5))"));
    // An IN list of one value (an enum of one constant) is stored as an equality.
    assertEquals(CatalogReader.normalizeCheck("status in ('A')"),
        CatalogReader.normalizeCheck("((status)::text = 'A'::text)"));
    assertNotEquals(CatalogReader.normalizeCheck("status in ('A')"), CatalogReader.normalizeCheck("status in ('B')"));
  }
}
