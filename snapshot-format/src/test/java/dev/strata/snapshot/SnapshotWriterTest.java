package dev.strata.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotWriterTest {

  static final QualifiedName INVOICE = QualifiedName.of("billing", "invoice");
  static final QualifiedName CUSTOMER = QualifiedName.of("customer");

  static final Schema SCHEMA = new Schema(
      List.of("billing"),
      List.of(
          Table.of(INVOICE)
              .withColumns(
                  Column.of("id", "bigint").withIdentity(Identity.BY_DEFAULT),
                  Column.of("customer_id", "bigint").notNull(),
                  Column.of("status", "varchar(16)").notNull().withDefault("'open'"),
                  Column.of("total", "numeric(38,2)").notNull().withDefault("0"),
                  Column.of("note", "text").withComment("free text, may hold 'quotes'"))
              .withPrimaryKey("invoice_pkey", "id")
              .withForeignKeys(List.of(ForeignKey.of("fk_invoice_customer", List.of("customer_id"), CUSTOMER,
                  List.of("id")).withOnDelete(ReferentialAction.CASCADE)))
              .withUniqueConstraints(List.of(UniqueConstraint.of("uk_invoice_number", "customer_id", "id")))
              .withIndexes(List.of(new Index("idx_invoice_status",
                  List.of(IndexColumn.asc("status"), IndexColumn.desc("total")), false)))
              .withChecks(List.of(CheckConstraint.of("invoice_status_check", "status in ('open', 'paid')")))
              .withComment(Optional.of("Invoices sent to customers")),
          Table.of(CUSTOMER)
              .withColumns(Column.of("id", "bigint").notNull(), Column.of("Name", "varchar(255)"),
                  Column.of("order", "integer"))
              .withPrimaryKey("customer_pkey", "id")
              .withIndexes(List.of(Index.of("ix_customer_name", "Name").withUnique(true)))),
      List.of(Sequence.of(QualifiedName.of("customer_seq"), 1, 50),
          Sequence.of(QualifiedName.of("billing", "invoice_seq"), 1, 50)));

  static final Snapshot SNAPSHOT = new Snapshot(Optional.of("20250101_120000_ab12"),
      List.of("com.example.Order", "com.example.Customer"), SCHEMA);

  static final String TEXT = """
      strata snapshot version 1
      head 20250101_120000_ab12
      entity com.example.Customer
      entity com.example.Order

      namespace billing

      sequence customer_seq start 1 increment 50
      sequence billing.invoice_seq start 1 increment 50

      table customer
      column customer "Name" varchar(255)
      column customer id bigint not null
      column customer "order" integer
      primary key customer customer_pkey (id)
      unique index customer ix_customer_name ("Name")

      table billing.invoice
      comment billing.invoice 'Invoices sent to customers'
      column billing.invoice customer_id bigint not null
      column billing.invoice id bigint not null identity by default
      column billing.invoice note text comment 'free text, may hold ''quotes'''
      column billing.invoice status varchar(16) not null default '''open'''
      column billing.invoice total numeric(38,2) not null default '0'
      primary key billing.invoice invoice_pkey (id)
      foreign key billing.invoice fk_invoice_customer (customer_id) references customer (id) on delete cascade
      unique billing.invoice uk_invoice_number (customer_id, id)
      index billing.invoice idx_invoice_status (status, total desc)
      check billing.invoice invoice_status_check 'status in (''open'', ''paid'')'
      """;

  @Test
  void writesTheCanonicalText() {
    assertEquals(TEXT, SnapshotWriter.write(SNAPSHOT));
  }

  @Test
  void anEmptySnapshotIsTheHeaderLine() {
    assertEquals("strata snapshot version 1\n", SnapshotWriter.write(Snapshot.of(Schema.EMPTY)));
  }

  @Test
  void withoutEntitiesTheSchemaFollowsTheHeadAfterABlankLine() {
    Schema schema = new Schema(List.of(), List.of(Table.of("t").withColumns(Column.of("a", "integer"))), List.of());
    assertEquals("""
        strata snapshot version 1
        head r1

        table t
        column t a integer
        """, SnapshotWriter.write(Snapshot.of(schema).withHead("r1")));
  }

  @Test
  void everyColumnAttributeAndReferentialAction() {
    QualifiedName t = QualifiedName.of("t");
    Schema schema = new Schema(List.of(), List.of(Table.of(t)
        .withColumns(
            Column.of("a", "integer").withIdentity(Identity.ALWAYS).withComment("c"),
            Column.of("b", SqlType.parse("timestamp(6) with time zone").asArray()).notNull().withDefault("now()")
                .withComment(""),
            Column.of("c", "interval day to second(3)"),
            Column.of("d", "double precision"))
        .withForeignKeys(List.of(
            ForeignKey.of("f1", List.of("a"), t, List.of("a")).withOnUpdate(ReferentialAction.SET_NULL),
            ForeignKey.of("f2", List.of("a", "b"), t, List.of("a", "b"))
                .withOnDelete(ReferentialAction.RESTRICT).withOnUpdate(ReferentialAction.SET_DEFAULT)))),
        List.of());
    assertEquals("""
        strata snapshot version 1

        table t
        column t a integer not null identity always comment 'c'
        column t b timestamptz(6)[] not null default 'now()' comment ''
        column t c interval day to second(3)
        column t d double precision
        foreign key t f1 (a) references t (a) on update set null
        foreign key t f2 (a, b) references t (a, b) on delete restrict on update set default
        """, SnapshotWriter.write(Snapshot.of(schema)));
  }

  @Test
  void quotesNamesThatAreNotSimpleOrAreKeywordsAndEscapesWhatIsInvisible() {
    QualifiedName t = QualifiedName.of("My Schema", "select");
    Schema schema = new Schema(List.of("My Schema"), List.of(Table.of(t)
        .withColumns(
            Column.of("say \"hi\"", "text").withDefault("E'a\\nb'"),
            Column.of("line\nbreak", "text").withComment("tab\there, bell\u0007, rtl\u202Eoverride, \uD800 alone"),
            Column.of("user", "text"),
            Column.of("Ünïcode", "text").withComment("ok: é ✓ 😀"),
            Column.of("a$1", "text"),
            Column.of("_x", "text"))
        .withChecks(List.of(CheckConstraint.of("multi", "a > 0\r\nand b < 1")))), List.of());
    assertEquals("""
        strata snapshot version 1

        namespace "My Schema"

        table "My Schema"."select"
        column "My Schema"."select" _x text
        column "My Schema"."select" a$1 text
        column "My Schema"."select" "line\\nbreak" text comment 'tab\\there, bell\\u0007, rtl\\u202Eoverride, \\uD800 alone'
        column "My Schema"."select" "say ""hi""\" text default 'E''a\\\\nb'''
        column "My Schema"."select" "user" text
        column "My Schema"."select" "Ünïcode" text comment 'ok: é ✓ 😀'
        check "My Schema"."select" multi 'a > 0\\r\\nand b < 1'
        """, SnapshotWriter.write(Snapshot.of(schema)));
  }

  @Test
  void theSameSchemaBuiltInAnotherOrderWritesTheSameBytes() {
    List<Table> tables = new ArrayList<>(SCHEMA.tables());
    Collections.reverse(tables);
    List<Table> rebuilt = new ArrayList<>();
    for (Table table : tables) {
      List<Column> columns = new ArrayList<>(table.columns());
      Collections.reverse(columns);
      rebuilt.add(table.withColumns(columns));
    }
    List<Sequence> sequences = new ArrayList<>(SCHEMA.sequences());
    Collections.reverse(sequences);
    Schema shuffled = new Schema(SCHEMA.namespaces(), rebuilt, sequences);
    assertEquals(SCHEMA, shuffled);
    assertEquals(TEXT, SnapshotWriter.write(new Snapshot(SNAPSHOT.head(),
        List.of("com.example.Customer", "com.example.Order"), shuffled)));
    assertEquals(SnapshotWriter.write(SNAPSHOT), SnapshotWriter.write(SNAPSHOT));
  }

  @Test
  void schemaHashIsTheSha256OfTheSchemaBody() {
    // Computed independently: printf 'table t\ncolumn t a integer\n' | sha256sum
    Schema schema = new Schema(List.of(), List.of(Table.of("t").withColumns(Column.of("a", "integer"))), List.of());
    assertEquals("sha256:" + "fa81b0f600cedb117149076cdaf458a5d525dd6fa6dc7a0f832bad72f7a700b2", SchemaHash.of(schema));
    // printf '' | sha256sum
    assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SchemaHash.of(Schema.EMPTY));
  }

  @Test
  void schemaHashIgnoresHeadAndEntitiesButNotTheSchema() {
    String body = TEXT.substring(TEXT.indexOf("\n\n") + 2);
    assertEquals(body, SnapshotWriter.body(SCHEMA));
    Schema changed = SCHEMA.withTable(SCHEMA.table(CUSTOMER).orElseThrow().withComment(Optional.of("x")));
    assertEquals(false, SchemaHash.of(SCHEMA).equals(SchemaHash.of(changed)));
  }
}
