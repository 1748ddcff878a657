package dev.strata.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.strata.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the dialect's SQL for every kind of change on a real PostgreSQL. */
class PostgresDialectDatabaseTest {

  private static DataSource db;

  @BeforeAll
  static void database() {
    db = TestDatabase.createDatabase();
  }

  /** Every change kind, in an order that applies, and then all of it undone: each statement must run. */
  static List<Change> everyKind() {
    List<Change> up = upgrade();
    QualifiedName customer = QualifiedName.of("Sales", "customer");
    // Undo all of it in reverse: exercises every inverse (drops, identity drop/add, renames back).
    Schema end = Change.applyAll(Schema.EMPTY, up);
    assertEquals(2, end.tables().size());
    List<Change> all = new ArrayList<>(up);
    all.add(new Change.AlterColumnIdentity(customer, "id", Optional.of(Identity.ALWAYS), Optional.empty()));
    all.add(new Change.AlterColumnIdentity(customer, "id", Optional.empty(), Optional.of(Identity.ALWAYS)));
    List<Change> down = Change.inverseOf(all);
    all.addAll(down);
    assertEquals(Schema.EMPTY, Change.applyAll(Schema.EMPTY, all));
    return all;
  }

  /** Builds a schema with every kind of object, using every kind of change that adds or alters. */
  static List<Change> upgrade() {
    QualifiedName customer = QualifiedName.of("Sales", "customer");
    QualifiedName order = QualifiedName.of("Sales", "order");
    Table customerTable = Table.of(customer).withColumns(
            Column.of("id", "bigint").withIdentity(Identity.BY_DEFAULT),
            Column.of("Name", "varchar(100)").notNull().withDefault("'it''s'"),
            Column.of("x\"; drop table y; --", "text").withComment("hostile 'name'"),
            Column.of("created", "timestamptz(6)").notNull().withDefault("now()"))
        .withPrimaryKey("customer_pkey", "id")
        .withUniqueConstraints(List.of(UniqueConstraint.of("uk_customer_name", "Name")))
        .withChecks(List.of(CheckConstraint.of("check", "length(\"Name\") > 0")))
        .withComment(Optional.of("C:\\customers"));
    Table orderTable = Table.of(order).withColumns(
            Column.of("user", "integer").notNull(),
            Column.of("line", "integer").notNull(),
            Column.of("customer_id", "bigint"),
            Column.of("code", "varchar(10)"),
            Column.of("at", "timetz(3)"))
        .withPrimaryKey("order_pkey", "user", "line");
    Column flag = Column.of("flag", "text");
    Index index = new Index("Idx_order", List.of(IndexColumn.desc("user"), IndexColumn.asc("code")), true);
    ForeignKey fk = ForeignKey.of("fk_order_customer", List.of("customer_id"), customer, List.of("id"))
        .withOnDelete(ReferentialAction.SET_NULL);
    Sequence seq = Sequence.of(QualifiedName.of("Sales", "order_seq"), 1, 50);
    List<Change> up = List.of(
        new Change.CreateNamespace("Sales"),
        new Change.CreateTable(customerTable),
        new Change.CreateTable(orderTable),
        new Change.AlterTableComment(order, Optional.empty(), Optional.of("orders")),
        new Change.AddColumn(order, flag),
        new Change.AlterColumnType(order, "flag", SqlType.parse("text"), SqlType.parse("boolean")),
        new Change.AlterColumnType(order, "code", SqlType.parse("varchar(10)"), SqlType.parse("integer")),
        new Change.AlterColumnType(order, "code", SqlType.parse("integer"), SqlType.parse("bigint")),
        new Change.AlterColumnNullable(order, "flag", false),
        new Change.AlterColumnDefault(order, "flag", Optional.empty(), Optional.of("true")),
        new Change.AlterColumnComment(order, "flag", Optional.empty(), Optional.of("a flag")),
        new Change.RenameColumn(order, "flag", "Flag"),
        new Change.AlterColumnIdentity(customer, "id", Optional.of(Identity.BY_DEFAULT), Optional.of(Identity.ALWAYS)),
        new Change.DropPrimaryKey(order, PrimaryKey.of("order_pkey", "user", "line")),
        new Change.AddPrimaryKey(order, PrimaryKey.of("order_pkey", "line", "user")),
        new Change.AddForeignKey(order, fk),
        new Change.AddUniqueConstraint(order, UniqueConstraint.of("uk_order_at", "at")),
        new Change.AddCheckConstraint(order, CheckConstraint.of("order_line_check", "line > 0")),
        new Change.CreateIndex(order, index),
        new Change.CreateSequence(seq),
        new Change.AlterSequence(seq, Sequence.of(seq.name(), 10, 1)),
        new Change.RenameTable(order, "Order"));
    return up;
  }

  @Test
  void everyKindOfChangeRunsOnPostgres() throws SQLException {
    List<String> ran = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (Change change : everyKind()) {
        for (String sql : PostgresDialect.INSTANCE.render(change)) {
          try {
            st.execute(sql);
          } catch (SQLException e) {
            throw new AssertionError("statement failed: " + sql + "\n" + e.getMessage(), e);
          }
          ran.add(sql);
        }
      }
      assertEquals(0, count(st, "select count(*) from pg_namespace where nspname = 'Sales'"));
    }
    assertEquals(true, ran.size() >= 50, "ran " + ran.size() + " statements");
  }

  @Test
  void uniqueConstraintsThatRepeatAKeyAreKept() throws SQLException {
    Table table = Table.of("repeats").withColumns(Column.of("id", "integer").notNull(), Column.of("code", "text"))
        .withPrimaryKey("repeats_pkey", "id")
        .withUniqueConstraints(List.of(UniqueConstraint.of("repeats_code_key", "code"),
            UniqueConstraint.of("repeats_code_key1", "code"), UniqueConstraint.of("repeats_id_key", "id")));
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (String statement : new Change.CreateTable(table).accept(PostgresDialect.INSTANCE)) {
        st.execute(statement);
      }
      assertEquals(3, count(st, "select count(*) from pg_constraint where conrelid = 'repeats'::regclass and contype = 'u'"));
    }
  }

  @Test
  void concurrentIndexStatementsRun() throws SQLException {
    QualifiedName t = QualifiedName.of("concurrent_t");
    Index index = Index.of("concurrent_idx", "a");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("create table concurrent_t (a integer)");
      st.execute(PostgresDialect.INSTANCE.createIndexConcurrently(new Change.CreateIndex(t, index)).get(0));
      assertEquals(1, count(st, "select count(*) from pg_class where relname = 'concurrent_idx'"));
      st.execute(PostgresDialect.INSTANCE.dropIndexConcurrently(new Change.DropIndex(t, index)).get(0));
      assertEquals(0, count(st, "select count(*) from pg_class where relname = 'concurrent_idx'"));
    }
  }

  @Test
  void setNotNullAfterAValidatedCheckSkipsTheScanAndLeavesNoCheck() throws SQLException {
    QualifiedName t = QualifiedName.of("Not Null T");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("create table \"Not Null T\" (\"Note\" text)");
      st.execute("insert into \"Not Null T\" values ('a'), ('b')");
      // PostgreSQL says at DEBUG1 when existing constraints spare SET NOT NULL its scan.
      st.execute("set client_min_messages = debug1");
      List<String> messages = new ArrayList<>();
      for (String statement : PostgresDialect.INSTANCE.setNotNullViaCheck(t, "Note")) {
        st.clearWarnings();
        st.execute(statement);
        for (java.sql.SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
          messages.add(w.getMessage());
        }
      }
      st.execute("reset client_min_messages");
      assertEquals(1, messages.stream().filter(m -> m.contains("existing constraints on column \"Not Null T.Note\""
          + " are sufficient to prove that it does not contain nulls")).count(), messages.toString());
      assertEquals(1, count(st, "select count(*) from pg_attribute where attrelid = '\"Not Null T\"'::regclass"
          + " and attname = 'Note' and attnotnull"));
      assertEquals(0, count(st, "select count(*) from pg_constraint where conrelid = '\"Not Null T\"'::regclass"
          + " and contype = 'c'"));
    }
  }

  @Test
  void constraintsAddedNotValidAreValidatedAfterwards() throws SQLException {
    QualifiedName parent = QualifiedName.of("nv_parent");
    QualifiedName child = QualifiedName.of("nv_child");
    ForeignKey fk = ForeignKey.of("nv_child_parent_fk", List.of("parent_id"), parent, List.of("id"));
    CheckConstraint ck = CheckConstraint.of("nv_child_n_check", "n > 0");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("create table nv_parent (id integer primary key)");
      st.execute("create table nv_child (parent_id integer, n integer)");
      st.execute("insert into nv_parent values (1)");
      st.execute("insert into nv_child values (1, 1)");
      st.execute(PostgresDialect.INSTANCE.addForeignKeyNotValid(new Change.AddForeignKey(child, fk)).get(0));
      st.execute(PostgresDialect.INSTANCE.addCheckConstraintNotValid(new Change.AddCheckConstraint(child, ck)).get(0));
      assertEquals(2, count(st, "select count(*) from pg_constraint where conrelid = 'nv_child'::regclass"
          + " and not convalidated"));
      st.execute(PostgresDialect.INSTANCE.validateConstraint(child, fk.name()).get(0));
      st.execute(PostgresDialect.INSTANCE.validateConstraint(child, ck.name()).get(0));
      assertEquals(2, count(st, "select count(*) from pg_constraint where conrelid = 'nv_child'::regclass"
          + " and convalidated and conname in ('nv_child_parent_fk', 'nv_child_n_check')"));
    }
  }

  @Test
  void quotesExactlyTheKeywordsPostgresQuotes() throws SQLException {
    TreeSet<String> expected = new TreeSet<>();
    TreeSet<String> actual = new TreeSet<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select word, quote_ident(word) from pg_get_keywords()")) {
      while (rs.next()) {
        String word = rs.getString(1);
        expected.add(word + " -> " + rs.getString(2));
        actual.add(word + " -> " + PostgresDialect.identifier(word));
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void hostileNamesAndLiteralsRoundTrip() throws SQLException {
    List<String> names = List.of("Mixed", "a\"b", "x'; drop table t; --", "select", "with space", "ü", "$x", "a$");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (String name : names) {
        try (ResultSet rs = st.executeQuery("select quote_ident(" + PostgresDialect.literal(name) + "), "
            + PostgresDialect.literal(name) + " as " + PostgresDialect.identifier(name))) {
          rs.next();
          assertEquals(rs.getString(1), PostgresDialect.identifier(name), name);
          assertEquals(name, rs.getString(2));
          assertEquals(name, rs.getMetaData().getColumnLabel(2));
        }
      }
      for (String value : List.of("it's", "back\\slash", "\\'; select 1; --", "E'x'")) {
        try (ResultSet rs = st.executeQuery("select " + PostgresDialect.literal(value))) {
          rs.next();
          assertEquals(value, rs.getString(1));
        }
      }
    }
  }

  private static int count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
