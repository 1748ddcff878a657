package dev.strata.processor.internal.generate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.strata.runtime.Migration;
import dev.strata.runtime.Revision;
import dev.strata.runtime.internal.RecordingOperations;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java that {@link ChangeRenderer} writes for every kind of change (exact text, as it stands in
 * a generated revision), and proof that it means exactly the change it was made from: revisions
 * holding every case are generated as the pipeline generates them, compiled, and run against
 * {@link RecordingOperations}; the upgrade must record the very changes, the downgrade their
 * inverses in reverse order.
 */
class ChangeRendererTest {

  private static final QualifiedName ORDERS = QualifiedName.of("orders");
  private static final QualifiedName INVOICE = QualifiedName.of("billing", "invoice");

  /** Its canonical text does not parse back (a modifier of ten digits), so it is written with the constructor. */
  private static final SqlType UNREADABLE_TYPE = new SqlType("varchar", List.of(1_234_567_890), false);

  private static final Table ORDERS_TABLE = Table.of(ORDERS)
      .withColumns(
          Column.of("id", "bigint").withIdentity(Identity.ALWAYS),
          Column.of("number", "integer").withIdentity(Identity.BY_DEFAULT).withComment("shown to customers"),
          Column.of("status", "varchar(20)").notNull().withDefault("'new'"),
          Column.of("total", "numeric(10,2)"),
          Column.of("tags", "text[]"),
          Column.of("placed_at", "timestamptz(6)").notNull().withDefault("now()"),
          Column.of("code", UNREADABLE_TYPE))
      .withPrimaryKey("orders_pkey", "id")
      .withUniqueConstraints(List.of(UniqueConstraint.of("uk_orders_status_total", "status", "total"),
          UniqueConstraint.of("uk_orders_number", "number")))
      .withChecks(List.of(CheckConstraint.of("ck_orders_status", "status in ('new', 'paid')")))
      .withComment(Optional.of("one row per order"));

  /** The key's columns in key order, which is not the columns' (sorted) order. */
  private static final Table INVOICE_TABLE = Table.of(INVOICE)
      .withColumns(
          Column.of("year", "integer").notNull(),
          Column.of("number", "integer").notNull(),
          Column.of("note", "text"))
      .withPrimaryKey("invoice_pkey", "year", "number");

  /**
   * Names an entity may give that must stay inside string literals and comments: quotes, a dollar
   * (JavaPoet's placeholder sign), backslashes that spell Unicode escapes (javac reads those even in
   * comments), a comment end, line breaks, a reserved word and non-ASCII letters.
   */
  private static final Table HOSTILE_TABLE = Table.of(QualifiedName.of("we$ird",
          "price$list \"q\" \\u002a/ \\u000a */ ;drop table x"))
      .withColumns(
          Column.of("select", "integer"),
          Column.of("new\nline", "text"),
          Column.of("car\rriage", "text"),
          Column.of("sep\u2028arator", "text"),
          Column.of("\u00e9t\u00e9 \uD83D\uDE00", "text"),
          Column.of("end */ @param <b>", "text"));

  private static final ForeignKey ORDERS_CUSTOMER =
      ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id"));
  private static final Index PLACED_DESC =
      new Index("idx_orders_placed", List.of(IndexColumn.desc("placed_at"), IndexColumn.asc("id")), false);
  private static final Sequence ORDERS_SEQ = Sequence.of(QualifiedName.of("orders_seq"), 1, 50);

  /**
   * One rendering to check: {@code java} is the upgrade's statement as it stands in a revision
   * ({@code transactional} or not), without the method's indentation.
   */
  record Case(String label, boolean transactional, Change change, String java) {
    @Override public String toString() {
      return label;
    }
  }

  private static Case tx(String label, Change change, String java) {
    return new Case(label, true, change, java);
  }

  /** In a non-transactional revision, whose indexes are created and dropped concurrently. */
  private static Case concurrent(String label, Change change, String java) {
    return new Case(label, false, change, java);
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();

    // ---- namespaces
    all.add(tx("CreateNamespace", new Change.CreateNamespace("billing"), """
        op.createNamespace("billing");
        """));
    all.add(tx("CreateNamespace, quoted name", new Change.CreateNamespace("Bill\"ing; drop schema public"), """
        op.createNamespace("Bill\\"ing; drop schema public");
        """));
    all.add(tx("DropNamespace", new Change.DropNamespace("billing"), """
        op.dropNamespace("billing");
        """));

    // ---- tables
    all.add(tx("CreateTable, no columns", new Change.CreateTable(Table.of("audit")), """
        op.createTable(Table.of("audit"));
        """));
    all.add(tx("CreateTable, every column option", new Change.CreateTable(ORDERS_TABLE), """
        op.createTable(Table.of("orders")
                .withColumns(
                        Column.of("code", new SqlType("varchar", List.of(1234567890), false)),
                        Column.of("id", "bigint").withIdentity(Identity.ALWAYS),
                        Column.of("number", "integer").withIdentity(Identity.BY_DEFAULT).withComment("shown to customers"),
                        Column.of("placed_at", "timestamptz(6)").notNull().withDefault("now()"),
                        Column.of("status", "varchar(20)").notNull().withDefault("'new'"),
                        Column.of("tags", "text[]"),
                        Column.of("total", "numeric(10,2)"))
                .withPrimaryKey("orders_pkey", "id")
                .withUniqueConstraints(List.of(UniqueConstraint.of("uk_orders_number", "number"), UniqueConstraint.of("uk_orders_status_total", "status", "total")))
                .withChecks(List.of(CheckConstraint.of("ck_orders_status", "status in ('new', 'paid')")))
                .withComment(Optional.of("one row per order")));
        """));
    all.add(tx("CreateTable, schema-qualified, composite key", new Change.CreateTable(INVOICE_TABLE), """
        op.createTable(Table.of(QualifiedName.of("billing", "invoice"))
                .withColumns(
                        Column.of("note", "text"),
                        Column.of("number", "integer").notNull(),
                        Column.of("year", "integer").notNull())
                .withPrimaryKey("invoice_pkey", "year", "number"));
        """));
    all.add(tx("DropTable", new Change.DropTable(ORDERS_TABLE), """
        op.dropTable(Table.of("orders")
                .withColumns(
                        Column.of("code", new SqlType("varchar", List.of(1234567890), false)),
                        Column.of("id", "bigint").withIdentity(Identity.ALWAYS),
                        Column.of("number", "integer").withIdentity(Identity.BY_DEFAULT).withComment("shown to customers"),
                        Column.of("placed_at", "timestamptz(6)").notNull().withDefault("now()"),
                        Column.of("status", "varchar(20)").notNull().withDefault("'new'"),
                        Column.of("tags", "text[]"),
                        Column.of("total", "numeric(10,2)"))
                .withPrimaryKey("orders_pkey", "id")
                .withUniqueConstraints(List.of(UniqueConstraint.of("uk_orders_number", "number"), UniqueConstraint.of("uk_orders_status_total", "status", "total")))
                .withChecks(List.of(CheckConstraint.of("ck_orders_status", "status in ('new', 'paid')")))
                .withComment(Optional.of("one row per order")));
        """));
    all.add(tx("DropTable, hostile names", new Change.DropTable(HOSTILE_TABLE), """
        op.dropTable(Table.of(QualifiedName.of("we$ird", "price$list \\"q\\" \\\\u002a/ \\\\u000a */ ;drop table x"))
                .withColumns(
                        Column.of("car\\rriage", "text"),
                        Column.of("end */ @param <b>", "text"),
                        Column.of("new\\n"
                                + "line", "text"),
                        Column.of("select", "integer"),
                        Column.of("sep" + "\\u2028" + "arator", "text"),
                        Column.of("\u00e9t\u00e9 \ud83d\ude00", "text")));
        """));
    all.add(tx("RenameTable", new Change.RenameTable(ORDERS, "purchase"), """
        op.renameTable(QualifiedName.of("orders"), "purchase");
        """));
    all.add(tx("RenameTable, schema-qualified", new Change.RenameTable(INVOICE, "bill"), """
        op.renameTable(QualifiedName.of("billing", "invoice"), "bill");
        """));
    all.add(tx("AlterTableComment, set", new Change.AlterTableComment(ORDERS, Optional.empty(),
        Optional.of("one row per order")), """
        op.alterTableComment(QualifiedName.of("orders"), Optional.empty(), Optional.of("one row per order"));
        """));
    all.add(tx("AlterTableComment, removed, with quotes", new Change.AlterTableComment(INVOICE,
        Optional.of("it's \"billed\" \\ paid"), Optional.empty()), """
        op.alterTableComment(QualifiedName.of("billing", "invoice"), Optional.of("it's \\"billed\\" \\\\ paid"), Optional.empty());
        """));

    // ---- columns
    all.add(tx("AddColumn, nullable", new Change.AddColumn(ORDERS, Column.of("note", "text")), """
        op.addColumn(QualifiedName.of("orders"), Column.of("note", "text"));
        """));
    all.add(tx("AddColumn, not null with default and comment", new Change.AddColumn(ORDERS,
        Column.of("currency", "char(3)").notNull().withDefault("'EUR'").withComment("ISO 4217 code")), """
        op.addColumn(QualifiedName.of("orders"), Column.of("currency", "char(3)").notNull().withDefault("'EUR'").withComment("ISO 4217 code"));
        """));
    all.add(tx("AddColumn, identity BY DEFAULT, schema-qualified", new Change.AddColumn(INVOICE,
        Column.of("seq", "bigint").withIdentity(Identity.BY_DEFAULT)), """
        op.addColumn(QualifiedName.of("billing", "invoice"), Column.of("seq", "bigint").withIdentity(Identity.BY_DEFAULT));
        """));
    all.add(tx("DropColumn", new Change.DropColumn(ORDERS, Column.of("legacy", "varchar(255)").notNull()), """
        op.dropColumn(QualifiedName.of("orders"), Column.of("legacy", "varchar(255)").notNull());
        """));
    all.add(tx("DropColumn, hostile names", new Change.DropColumn(QualifiedName.of("my$schema", "t\\u002a/"),
        Column.of("a$b\nc", "integer")), """
        op.dropColumn(QualifiedName.of("my$schema", "t\\\\u002a/"), Column.of("a$b\\n"
                        + "c", "integer"));
        """));
    all.add(tx("RenameColumn", new Change.RenameColumn(ORDERS, "total", "amount"), """
        op.renameColumn(QualifiedName.of("orders"), "total", "amount");
        """));
    all.add(tx("RenameColumn, quoted names", new Change.RenameColumn(QualifiedName.of("My Schema", "Order\"s"),
        "select", "from"), """
        op.renameColumn(QualifiedName.of("My Schema", "Order\\"s"), "select", "from");
        """));
    all.add(tx("AlterColumnType, widening", new Change.AlterColumnType(ORDERS, "total", SqlType.parse("numeric(10,2)"),
        SqlType.parse("numeric(12,2)")), """
        op.alterColumnType(QualifiedName.of("orders"), "total", SqlType.parse("numeric(10,2)"), SqlType.parse("numeric(12,2)"));
        """));
    all.add(tx("AlterColumnType, narrowing, hostile column name", new Change.AlterColumnType(ORDERS, "x\r\ny$",
        SqlType.parse("varchar(255)"), SqlType.parse("varchar(20)")), """
        op.alterColumnType(QualifiedName.of("orders"), "x\\r\\n"
                        + "y$", SqlType.parse("varchar(255)"), SqlType.parse("varchar(20)"));
        """));
    all.add(tx("AlterColumnType, array to a type that does not read back", new Change.AlterColumnType(ORDERS, "tags",
        SqlType.parse("varchar(50)[]"), UNREADABLE_TYPE.asArray()), """
        op.alterColumnType(QualifiedName.of("orders"), "tags", SqlType.parse("varchar(50)[]"), new SqlType("varchar", List.of(1234567890), true));
        """));
    all.add(tx("AlterColumnNullable, not null", new Change.AlterColumnNullable(ORDERS, "status", false), """
        op.alterColumnNullable(QualifiedName.of("orders"), "status", false);
        """));
    all.add(tx("AlterColumnNullable, nullable", new Change.AlterColumnNullable(INVOICE, "note", true), """
        op.alterColumnNullable(QualifiedName.of("billing", "invoice"), "note", true);
        """));
    all.add(tx("AlterColumnDefault, set", new Change.AlterColumnDefault(ORDERS, "status", Optional.empty(),
        Optional.of("'new'")), """
        op.alterColumnDefault(QualifiedName.of("orders"), "status", Optional.empty(), Optional.of("'new'"));
        """));
    all.add(tx("AlterColumnDefault, changed", new Change.AlterColumnDefault(ORDERS, "number", Optional.of("0"),
        Optional.of("nextval('orders_seq'::regclass)")), """
        op.alterColumnDefault(QualifiedName.of("orders"), "number", Optional.of("0"), Optional.of("nextval('orders_seq'::regclass)"));
        """));
    all.add(tx("AlterColumnDefault, dropped", new Change.AlterColumnDefault(ORDERS, "placed_at", Optional.of("now()"),
        Optional.empty()), """
        op.alterColumnDefault(QualifiedName.of("orders"), "placed_at", Optional.of("now()"), Optional.empty());
        """));
    all.add(tx("AlterColumnIdentity, none to ALWAYS", new Change.AlterColumnIdentity(ORDERS, "id", Optional.empty(),
        Optional.of(Identity.ALWAYS)), """
        op.alterColumnIdentity(QualifiedName.of("orders"), "id", Optional.empty(), Optional.of(Identity.ALWAYS));
        """));
    all.add(tx("AlterColumnIdentity, BY DEFAULT to ALWAYS", new Change.AlterColumnIdentity(ORDERS, "id",
        Optional.of(Identity.BY_DEFAULT), Optional.of(Identity.ALWAYS)), """
        op.alterColumnIdentity(QualifiedName.of("orders"), "id", Optional.of(Identity.BY_DEFAULT), Optional.of(Identity.ALWAYS));
        """));
    all.add(tx("AlterColumnIdentity, BY DEFAULT to none", new Change.AlterColumnIdentity(INVOICE, "seq",
        Optional.of(Identity.BY_DEFAULT), Optional.empty()), """
        op.alterColumnIdentity(QualifiedName.of("billing", "invoice"), "seq", Optional.of(Identity.BY_DEFAULT), Optional.empty());
        """));
    all.add(tx("AlterColumnComment, set, two lines", new Change.AlterColumnComment(ORDERS, "note", Optional.empty(),
        Optional.of("line one\nline two")), """
        op.alterColumnComment(QualifiedName.of("orders"), "note", Optional.empty(), Optional.of("line one\\n"
                        + "line two"));
        """));
    all.add(tx("AlterColumnComment, removed", new Change.AlterColumnComment(ORDERS, "note", Optional.of("old"),
        Optional.empty()), """
        op.alterColumnComment(QualifiedName.of("orders"), "note", Optional.of("old"), Optional.empty());
        """));

    // ---- keys and constraints
    all.add(tx("AddPrimaryKey", new Change.AddPrimaryKey(ORDERS, PrimaryKey.of("orders_pkey", "id")), """
        op.addPrimaryKey(QualifiedName.of("orders"), PrimaryKey.of("orders_pkey", "id"));
        """));
    all.add(tx("AddPrimaryKey, composite, schema-qualified", new Change.AddPrimaryKey(INVOICE,
        PrimaryKey.of("invoice_pkey", "year", "number")), """
        op.addPrimaryKey(QualifiedName.of("billing", "invoice"), PrimaryKey.of("invoice_pkey", "year", "number"));
        """));
    all.add(tx("DropPrimaryKey", new Change.DropPrimaryKey(ORDERS, PrimaryKey.of("orders_pkey", "id")), """
        op.dropPrimaryKey(QualifiedName.of("orders"), PrimaryKey.of("orders_pkey", "id"));
        """));
    all.add(tx("AddForeignKey, no action", new Change.AddForeignKey(ORDERS, ORDERS_CUSTOMER), """
        op.addForeignKey(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")));
        """));
    all.add(tx("AddForeignKey, on delete cascade", new Change.AddForeignKey(ORDERS,
        ORDERS_CUSTOMER.withOnDelete(ReferentialAction.CASCADE)), """
        op.addForeignKey(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")).withOnDelete(ReferentialAction.CASCADE));
        """));
    all.add(tx("AddForeignKey, on update set null, composite, schema-qualified target", new Change.AddForeignKey(
        QualifiedName.of("line"), ForeignKey.of("fk_line_invoice", List.of("invoice_year", "invoice_number"), INVOICE,
            List.of("year", "number")).withOnUpdate(ReferentialAction.SET_NULL)), """
        op.addForeignKey(QualifiedName.of("line"), ForeignKey.of("fk_line_invoice", List.of("invoice_year", "invoice_number"), QualifiedName.of("billing", "invoice"), List.of("year", "number")).withOnUpdate(ReferentialAction.SET_NULL));
        """));
    all.add(tx("AddForeignKey, on delete restrict and on update cascade", new Change.AddForeignKey(ORDERS,
        ORDERS_CUSTOMER.withOnDelete(ReferentialAction.RESTRICT).withOnUpdate(ReferentialAction.CASCADE)), """
        op.addForeignKey(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")).withOnDelete(ReferentialAction.RESTRICT).withOnUpdate(ReferentialAction.CASCADE));
        """));
    all.add(tx("DropForeignKey, on delete set default", new Change.DropForeignKey(ORDERS,
        ORDERS_CUSTOMER.withOnDelete(ReferentialAction.SET_DEFAULT)), """
        op.dropForeignKey(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")).withOnDelete(ReferentialAction.SET_DEFAULT));
        """));
    all.add(tx("AddUniqueConstraint", new Change.AddUniqueConstraint(ORDERS,
        UniqueConstraint.of("uk_orders_number", "number")), """
        op.addUniqueConstraint(QualifiedName.of("orders"), UniqueConstraint.of("uk_orders_number", "number"));
        """));
    all.add(tx("AddUniqueConstraint, two columns", new Change.AddUniqueConstraint(INVOICE,
        UniqueConstraint.of("uk_invoice_year_number", "year", "number")), """
        op.addUniqueConstraint(QualifiedName.of("billing", "invoice"), UniqueConstraint.of("uk_invoice_year_number", "year", "number"));
        """));
    all.add(tx("DropUniqueConstraint", new Change.DropUniqueConstraint(ORDERS,
        UniqueConstraint.of("uk_orders_number", "number")), """
        op.dropUniqueConstraint(QualifiedName.of("orders"), UniqueConstraint.of("uk_orders_number", "number"));
        """));
    all.add(tx("AddCheckConstraint", new Change.AddCheckConstraint(ORDERS,
        CheckConstraint.of("ck_orders_status", "status in ('new', 'paid') and total >= 0")), """
        op.addCheckConstraint(QualifiedName.of("orders"), CheckConstraint.of("ck_orders_status", "status in ('new', 'paid') and total >= 0"));
        """));
    all.add(tx("AddCheckConstraint, quotes and backslashes", new Change.AddCheckConstraint(ORDERS,
        CheckConstraint.of("ck_orders_note", "note !~ '\\d+\"' and note <> E'\\\\'")), """
        op.addCheckConstraint(QualifiedName.of("orders"), CheckConstraint.of("ck_orders_note", "note !~ '\\\\d+\\"' and note <> E'\\\\\\\\'"));
        """));
    all.add(tx("DropCheckConstraint", new Change.DropCheckConstraint(ORDERS,
        CheckConstraint.of("ck_orders_status", "status in ('new', 'paid') and total >= 0")), """
        op.dropCheckConstraint(QualifiedName.of("orders"), CheckConstraint.of("ck_orders_status", "status in ('new', 'paid') and total >= 0"));
        """));

    // ---- indexes
    all.add(tx("CreateIndex", new Change.CreateIndex(ORDERS, Index.of("idx_orders_customer", "customer_id")), """
        op.createIndex(QualifiedName.of("orders"), Index.of("idx_orders_customer", "customer_id"));
        """));
    all.add(tx("CreateIndex, unique, two columns", new Change.CreateIndex(INVOICE,
        Index.of("uk_invoice_number_idx", "year", "number").withUnique(true)), """
        op.createIndex(QualifiedName.of("billing", "invoice"), Index.of("uk_invoice_number_idx", "year", "number").withUnique(true));
        """));
    all.add(tx("CreateIndex, a DESC column", new Change.CreateIndex(ORDERS, PLACED_DESC), """
        op.createIndex(QualifiedName.of("orders"), new Index("idx_orders_placed", List.of(IndexColumn.desc("placed_at"), IndexColumn.asc("id")), false));
        """));
    all.add(tx("CreateIndex, unique, DESC columns, schema-qualified", new Change.CreateIndex(INVOICE,
        new Index("idx_invoice_recent", List.of(IndexColumn.desc("year"), IndexColumn.desc("number")), true)), """
        op.createIndex(QualifiedName.of("billing", "invoice"), new Index("idx_invoice_recent", List.of(IndexColumn.desc("year"), IndexColumn.desc("number")), true));
        """));
    all.add(tx("DropIndex", new Change.DropIndex(ORDERS, Index.of("idx_orders_customer", "customer_id")), """
        op.dropIndex(QualifiedName.of("orders"), Index.of("idx_orders_customer", "customer_id"));
        """));
    all.add(tx("DropIndex, a DESC column", new Change.DropIndex(ORDERS, PLACED_DESC), """
        op.dropIndex(QualifiedName.of("orders"), new Index("idx_orders_placed", List.of(IndexColumn.desc("placed_at"), IndexColumn.asc("id")), false));
        """));
    all.add(concurrent("CreateIndex, concurrently", new Change.CreateIndex(ORDERS,
        Index.of("idx_orders_customer", "customer_id")), """
        op.createIndexConcurrently(QualifiedName.of("orders"), Index.of("idx_orders_customer", "customer_id"));
        """));
    all.add(concurrent("CreateIndex, concurrently, unique with a DESC column", new Change.CreateIndex(INVOICE,
        new Index("uk_invoice_recent", List.of(IndexColumn.asc("year"), IndexColumn.desc("number")), true)), """
        op.createIndexConcurrently(QualifiedName.of("billing", "invoice"), new Index("uk_invoice_recent", List.of(IndexColumn.asc("year"), IndexColumn.desc("number")), true));
        """));
    all.add(concurrent("DropIndex, concurrently", new Change.DropIndex(ORDERS, PLACED_DESC), """
        op.dropIndexConcurrently(QualifiedName.of("orders"), new Index("idx_orders_placed", List.of(IndexColumn.desc("placed_at"), IndexColumn.asc("id")), false));
        """));
    // The safe forms of strata.safeConstraints: validated apart from the adding statement.
    all.add(concurrent("AddForeignKey, NOT VALID then validated", new Change.AddForeignKey(ORDERS,
        ORDERS_CUSTOMER.withOnDelete(ReferentialAction.CASCADE)), """
        op.addForeignKeyNotValid(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")).withOnDelete(ReferentialAction.CASCADE));
        op.validateConstraint(QualifiedName.of("orders"), "fk_orders_customer");
        """));
    all.add(concurrent("AddCheckConstraint, NOT VALID then validated", new Change.AddCheckConstraint(INVOICE,
        CheckConstraint.of("ck_invoice_$year", "\"year\" > 2000")), """
        op.addCheckConstraintNotValid(QualifiedName.of("billing", "invoice"), CheckConstraint.of("ck_invoice_$year", "\\"year\\" > 2000"));
        op.validateConstraint(QualifiedName.of("billing", "invoice"), "ck_invoice_$year");
        """));
    all.add(concurrent("AlterColumnNullable, not null through a validated check",
        new Change.AlterColumnNullable(ORDERS, "status", false), """
        op.setNotNullViaCheck(QualifiedName.of("orders"), "status");
        """));

    // ---- sequences
    all.add(tx("CreateSequence", new Change.CreateSequence(ORDERS_SEQ), """
        op.createSequence(Sequence.of(QualifiedName.of("orders_seq"), 1, 50));
        """));
    all.add(tx("CreateSequence, schema-qualified, long start, negative increment", new Change.CreateSequence(
        Sequence.of(QualifiedName.of("billing", "invoice_seq"), 10_000_000_000L, -1)), """
        op.createSequence(Sequence.of(QualifiedName.of("billing", "invoice_seq"), 10000000000L, -1));
        """));
    all.add(tx("CreateSequence, extreme values", new Change.CreateSequence(
        Sequence.of(QualifiedName.of("extreme_seq"), Long.MIN_VALUE, Integer.MIN_VALUE)), """
        op.createSequence(Sequence.of(QualifiedName.of("extreme_seq"), -9223372036854775808L, -2147483648));
        """));
    all.add(tx("DropSequence", new Change.DropSequence(ORDERS_SEQ), """
        op.dropSequence(Sequence.of(QualifiedName.of("orders_seq"), 1, 50));
        """));
    all.add(tx("AlterSequence", new Change.AlterSequence(ORDERS_SEQ,
        Sequence.of(QualifiedName.of("orders_seq"), 1000, Long.MAX_VALUE)), """
        op.alterSequence(Sequence.of(QualifiedName.of("orders_seq"), 1, 50), Sequence.of(QualifiedName.of("orders_seq"), 1000, 9223372036854775807L));
        """));
    return List.copyOf(all);
  }

  // ---- every kind ---------------------------------------------------------------------------------

  /**
   * The {@code Operations} method each kind of change is written as. Being a {@link Change.Visitor},
   * it stops compiling when a kind of change is added, until the kind is named here;
   * {@link #everyKindOfChangeHasCases} then fails until the kind has cases.
   */
  private static final class OperationsMethod implements Change.Visitor<String> {
    @Override public String createNamespace(Change.CreateNamespace c) { return "createNamespace"; }
    @Override public String dropNamespace(Change.DropNamespace c) { return "dropNamespace"; }
    @Override public String createTable(Change.CreateTable c) { return "createTable"; }
    @Override public String dropTable(Change.DropTable c) { return "dropTable"; }
    @Override public String renameTable(Change.RenameTable c) { return "renameTable"; }
    @Override public String alterTableComment(Change.AlterTableComment c) { return "alterTableComment"; }
    @Override public String addColumn(Change.AddColumn c) { return "addColumn"; }
    @Override public String dropColumn(Change.DropColumn c) { return "dropColumn"; }
    @Override public String renameColumn(Change.RenameColumn c) { return "renameColumn"; }
    @Override public String alterColumnType(Change.AlterColumnType c) { return "alterColumnType"; }
    @Override public String alterColumnNullable(Change.AlterColumnNullable c) { return "alterColumnNullable"; }
    @Override public String alterColumnDefault(Change.AlterColumnDefault c) { return "alterColumnDefault"; }
    @Override public String alterColumnIdentity(Change.AlterColumnIdentity c) { return "alterColumnIdentity"; }
    @Override public String alterColumnComment(Change.AlterColumnComment c) { return "alterColumnComment"; }
    @Override public String addPrimaryKey(Change.AddPrimaryKey c) { return "addPrimaryKey"; }
    @Override public String dropPrimaryKey(Change.DropPrimaryKey c) { return "dropPrimaryKey"; }
    @Override public String addForeignKey(Change.AddForeignKey c) { return "addForeignKey"; }
    @Override public String dropForeignKey(Change.DropForeignKey c) { return "dropForeignKey"; }
    @Override public String addUniqueConstraint(Change.AddUniqueConstraint c) { return "addUniqueConstraint"; }
    @Override public String dropUniqueConstraint(Change.DropUniqueConstraint c) { return "dropUniqueConstraint"; }
    @Override public String addCheckConstraint(Change.AddCheckConstraint c) { return "addCheckConstraint"; }
    @Override public String dropCheckConstraint(Change.DropCheckConstraint c) { return "dropCheckConstraint"; }
    @Override public String createIndex(Change.CreateIndex c) { return "createIndex"; }
    @Override public String dropIndex(Change.DropIndex c) { return "dropIndex"; }
    @Override public String createSequence(Change.CreateSequence c) { return "createSequence"; }
    @Override public String dropSequence(Change.DropSequence c) { return "dropSequence"; }
    @Override public String alterSequence(Change.AlterSequence c) { return "alterSequence"; }
  }

  @Test
  void everyKindOfChangeHasCases() {
    Set<String> covered = cases().stream().map(c -> c.change().getClass().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> missing = Arrays.stream(Change.class.getPermittedSubclasses()).map(Class::getName)
        .filter(kind -> !covered.contains(kind)).sorted().toList();
    assertEquals(List.of(), missing, "kinds of change without a case in ChangeRendererTest.cases()");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheChangeAsItsOperationsCalls(Case c) {
    String method = c.change().accept(new OperationsMethod());
    boolean concurrently = !c.transactional()
        && (c.change() instanceof Change.CreateIndex || c.change() instanceof Change.DropIndex);
    boolean notValid = !c.transactional()
        && (c.change() instanceof Change.AddForeignKey || c.change() instanceof Change.AddCheckConstraint);
    boolean viaCheck = !c.transactional() && c.change() instanceof Change.AlterColumnNullable n && !n.nullable();
    String body = upgradeBody(RevisionSource.build(spec("R1", List.of(c.change()), c.transactional())).toString());
    assertEquals(c.java(), body);
    String first = viaCheck ? "setNotNullViaCheck"
        : method + (concurrently ? "Concurrently" : "") + (notValid ? "NotValid" : "");
    assertTrue(body.startsWith("op." + first + "("), body);
    assertEquals(notValid ? 2 : 1, body.lines().filter(line -> line.startsWith("op.")).count(), body);
  }

  // ---- generating, compiling and running ----------------------------------------------------------------

  private static final String PACKAGE = "com.acme.migrations";

  /** The message holds what must stay inside the annotation's literal and the Javadoc. */
  private static final String MESSAGE =
      "every kind: \"quoted\" $1 \\u002a/ */ <b>@param</b> & line\nbreak sep\u2028arator";

  private static RevisionSource.Spec spec(String className, List<Change> changes, boolean transactional) {
    return spec(className, MESSAGE, changes, transactional);
  }

  /** A revision as the pipeline makes it ({@link RevisionWriter#newRevision}), with the SQL in its Javadoc. */
  private static RevisionSource.Spec spec(String className, String message, List<Change> changes,
      boolean transactional) {
    return new RevisionSource.Spec(PACKAGE, className, "20261126_101500_72t7", List.of("20261125_090000_abcd"),
        message, "sha256:0123", changes, RevisionWriter.sql(changes, transactional), transactional);
  }

  /** The statements of {@code upgrade(Operations op)}, without the method's indentation. */
  private static String upgradeBody(String source) {
    String start = "    public void upgrade(Operations op) {\n";
    int from = source.indexOf(start);
    int to = source.indexOf("\n    }\n", from);
    assertTrue(from >= 0 && to > from, source);
    return source.substring(from + start.length(), to + 1).lines()
        .map(line -> line.startsWith("        ") ? line.substring(8) : line)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void revisionsOfEveryCaseCompileAndRecordExactlyTheChangesTheyWereMadeFrom() throws Exception {
    RevisionSource.Spec transactional = spec("R20261126_101500_72t7_EveryKind",
        cases().stream().filter(Case::transactional).map(Case::change).toList(), true);
    RevisionSource.Spec concurrent = spec("R20261126_101500_72t7_IndexesConcurrently",
        cases().stream().filter(c -> !c.transactional()).map(Case::change).toList(), false);
    String transactionalSource = RevisionSource.build(transactional).toString();
    String concurrentSource = RevisionSource.build(concurrent).toString();
    Compilation compilation = javac().withOptions("-proc:none").compile(
        JavaFileObjects.forSourceString(transactional.qualifiedName(), transactionalSource),
        JavaFileObjects.forSourceString(concurrent.qualifiedName(), concurrentSource));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClasses(compilation);
    assertMeansExactly(transactional, transactionalSource, loader);
    assertMeansExactly(concurrent, concurrentSource, loader);
  }

  /**
   * The compiled revision carries the spec's annotation values; its upgrade records exactly the
   * spec's changes, its downgrade their inverses in reverse order; indexes are built concurrently
   * exactly when the revision is not transactional; and the SQL in its Javadoc is the SQL it runs.
   */
  private static void assertMeansExactly(RevisionSource.Spec spec, String source, ClassLoader loader)
      throws ReflectiveOperationException {
    Class<?> type = loader.loadClass(spec.qualifiedName());
    Revision revision = type.getAnnotation(Revision.class);
    assertEquals(spec.id(), revision.id());
    assertEquals(spec.parents(), List.of(revision.parent()));
    assertEquals(spec.message(), revision.message());
    assertEquals(spec.snapshotHash(), revision.snapshot());
    assertEquals(spec.transactional(), revision.transactional());

    Migration migration = (Migration) type.getDeclaredConstructor().newInstance();
    RecordingOperations upgrade = new RecordingOperations();
    migration.upgrade(upgrade);
    RecordingOperations downgrade = new RecordingOperations();
    migration.downgrade(downgrade);
    assertEquals(spec.upgrade(), upgrade.result().changes());
    assertEquals(Change.inverseOf(spec.upgrade()), downgrade.result().changes());

    for (RecordingOperations.Recorded recorded : List.of(upgrade.result(), downgrade.result())) {
      assertTrue(recorded.steps().stream().allMatch(step -> step.concurrent()
          == (!spec.transactional() && step.sql().contains(" index concurrently "))), recorded.statements().toString());
    }
    assertEquals(readable(String.join(";\n", upgrade.result().statements()) + ";\n"), javadocSql(source));
  }

  /**
   * The SQL of a revision's Javadoc, unescaped. Javadoc lines break at every Unicode line break, so
   * the statements it is compared with are given through {@link #readable}.
   */
  private static String javadocSql(String source) {
    String start = " * <pre>\n";
    int from = source.indexOf(start);
    int to = source.indexOf(" * </pre>\n", from);
    assertTrue(from >= 0 && to > from, source);
    return source.substring(from + start.length(), to).lines()
        .map(line -> line.equals(" *") ? "" : line.substring(" * ".length()))
        .collect(Collectors.joining("\n", "", "\n"))
        .replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&#47;", "/")
        .replace("&#92;", "\\").replace("&amp;", "&");
  }

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private static String readable(String text) {
    return LINE_BREAK.matcher(text).replaceAll("\n");
  }

  /** Loads the classes a compilation wrote; the runtime's and the model's classes come from the tests' loader. */
  private static final class CompiledClasses extends ClassLoader {
    private final Compilation compilation;

    CompiledClasses(Compilation compilation) {
      super(ChangeRendererTest.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
      Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
          name.replace('.', '/') + ".class");
      if (file.isEmpty()) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.get().openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---- whole revisions ------------------------------------------------------------------------------

  @Test
  void aRevisionShowsItsSqlAndWhatItsDowngradeCannotRestore() {
    List<Change> upgrade = List.of(
        new Change.DropColumn(ORDERS, Column.of("legacy", "varchar(255)").notNull()),
        new Change.AlterColumnType(ORDERS, "status", SqlType.parse("varchar(20)"), SqlType.parse("varchar(10)")),
        new Change.AlterColumnType(ORDERS, "total", SqlType.parse("numeric(10,2)"), SqlType.parse("numeric(12,2)")),
        new Change.DropTable(INVOICE_TABLE));
    String source = RevisionSource.build(spec("R20261126_101500_72t7_DropColumnOrdersLegacy",
        "drop column orders.legacy", upgrade, true)).toString();
    assertEquals("""
        package com.acme.migrations;

        import dev.strata.runtime.Migration;
        import dev.strata.runtime.Operations;
        import dev.strata.runtime.Revision;
        import dev.strata.schema.Column;
        import dev.strata.schema.QualifiedName;
        import dev.strata.schema.SqlType;
        import dev.strata.schema.Table;

        /**
         * drop column orders.legacy
         *
         * <p>Parent: {@code 20261125_090000_abcd}.
         *
         * <p>The upgrade runs on PostgreSQL:
         * <pre>
         * alter table orders drop column legacy;
         * alter table orders alter column status type varchar(10);
         * alter table orders alter column total type numeric(12,2);
         * drop table billing.invoice;
         * </pre>
         */
        @Revision(
                id = "20261126_101500_72t7",
                parent = "20261125_090000_abcd",
                message = "drop column orders.legacy",
                snapshot = "sha256:0123"
        )
        public final class R20261126_101500_72t7_DropColumnOrdersLegacy implements Migration {
            @Override
            public void upgrade(Operations op) {
                op.dropColumn(QualifiedName.of("orders"), Column.of("legacy", "varchar(255)").notNull());
                op.alterColumnType(QualifiedName.of("orders"), "status", SqlType.parse("varchar(20)"), SqlType.parse("varchar(10)"));
                op.alterColumnType(QualifiedName.of("orders"), "total", SqlType.parse("numeric(10,2)"), SqlType.parse("numeric(12,2)"));
                op.dropTable(Table.of(QualifiedName.of("billing", "invoice"))
                        .withColumns(
                                Column.of("note", "text"),
                                Column.of("number", "integer").notNull(),
                                Column.of("year", "integer").notNull())
                        .withPrimaryKey("invoice_pkey", "year", "number"));
            }

            @Override
            public void downgrade(Operations op) {
                // Recreates table billing.invoice empty: its rows cannot be restored.
                op.createTable(Table.of(QualifiedName.of("billing", "invoice"))
                        .withColumns(
                                Column.of("note", "text"),
                                Column.of("number", "integer").notNull(),
                                Column.of("year", "integer").notNull())
                        .withPrimaryKey("invoice_pkey", "year", "number"));
                op.alterColumnType(QualifiedName.of("orders"), "total", SqlType.parse("numeric(12,2)"), SqlType.parse("numeric(10,2)"));
                // Values of orders.status cut by the change to varchar(10) cannot be restored.
                op.alterColumnType(QualifiedName.of("orders"), "status", SqlType.parse("varchar(10)"), SqlType.parse("varchar(20)"));
                // Re-adds column orders.legacy without its values: they cannot be restored.
                op.addColumn(QualifiedName.of("orders"), Column.of("legacy", "varchar(255)").notNull());
            }
        }
        """, source);
  }

  @Test
  void aNonTransactionalRevisionAddsConstraintsNotValidThenValidatesThem() {
    List<Change> upgrade = List.of(
        new Change.AddForeignKey(ORDERS, ORDERS_CUSTOMER),
        new Change.AddCheckConstraint(ORDERS, CheckConstraint.of("ck_orders_total", "total >= 0")),
        new Change.AlterColumnNullable(ORDERS, "status", false));
    String source = RevisionSource.build(spec("R20261126_101500_72t7_AddForeignKeyFkOrdersCustomerToOrders",
        "add foreign key fk_orders_customer to orders without long locks", upgrade, false)).toString();
    assertEquals("""
        package com.acme.migrations;

        import dev.strata.runtime.Migration;
        import dev.strata.runtime.Operations;
        import dev.strata.runtime.Revision;
        import dev.strata.schema.CheckConstraint;
        import dev.strata.schema.ForeignKey;
        import dev.strata.schema.QualifiedName;
        import java.util.List;

        /**
         * add foreign key fk_orders_customer to orders without long locks
         *
         * <p>Parent: {@code 20261125_090000_abcd}.
         *
         * <p>The upgrade runs on PostgreSQL:
         * <pre>
         * alter table orders add constraint fk_orders_customer foreign key (customer_id) references customer (id) not valid;
         * alter table orders validate constraint fk_orders_customer;
         * alter table orders add constraint ck_orders_total check (total &gt;= 0) not valid;
         * alter table orders validate constraint ck_orders_total;
         * alter table orders add constraint strata_not_null_status check (status is not null) not valid;
         * alter table orders validate constraint strata_not_null_status;
         * alter table orders alter column status set not null;
         * alter table orders drop constraint strata_not_null_status;
         * </pre>
         */
        @Revision(
                id = "20261126_101500_72t7",
                parent = "20261125_090000_abcd",
                message = "add foreign key fk_orders_customer to orders without long locks",
                snapshot = "sha256:0123",
                transactional = false
        )
        public final class R20261126_101500_72t7_AddForeignKeyFkOrdersCustomerToOrders implements Migration {
            @Override
            public void upgrade(Operations op) {
                op.addForeignKeyNotValid(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")));
                op.validateConstraint(QualifiedName.of("orders"), "fk_orders_customer");
                op.addCheckConstraintNotValid(QualifiedName.of("orders"), CheckConstraint.of("ck_orders_total", "total >= 0"));
                op.validateConstraint(QualifiedName.of("orders"), "ck_orders_total");
                op.setNotNullViaCheck(QualifiedName.of("orders"), "status");
            }

            @Override
            public void downgrade(Operations op) {
                op.alterColumnNullable(QualifiedName.of("orders"), "status", true);
                op.dropCheckConstraint(QualifiedName.of("orders"), CheckConstraint.of("ck_orders_total", "total >= 0"));
                op.dropForeignKey(QualifiedName.of("orders"), ForeignKey.of("fk_orders_customer", List.of("customer_id"), QualifiedName.of("customer"), List.of("id")));
            }
        }
        """, source);
  }

  @Test
  void hostileNamesStayInsideTheirLiteralsAndComments() {
    List<Change> upgrade = List.of(
        new Change.DropColumn(QualifiedName.of("we$ird", "t \\u002a/"), Column.of("a\u2028b\\u000a", "text")),
        new Change.DropTable(Table.of(QualifiedName.of("x\r\ny */ @see")).withColumns(Column.of("$c", "text"))));
    String source = RevisionSource.build(spec("R20261126_101500_72t7_Hostile", MESSAGE, upgrade, true)).toString();
    assertEquals("""
        package com.acme.migrations;

        import dev.strata.runtime.Migration;
        import dev.strata.runtime.Operations;
        import dev.strata.runtime.Revision;
        import dev.strata.schema.Column;
        import dev.strata.schema.QualifiedName;
        import dev.strata.schema.Table;

        /**
         * every kind: "quoted" $1 &#92;u002a/ *&#47; &lt;b&gt;&#64;param&lt;/b&gt; &amp; line
         * break sep
         * arator
         *
         * <p>Parent: {@code 20261125_090000_abcd}.
         *
         * <p>The upgrade runs on PostgreSQL:
         * <pre>
         * alter table "we$ird"."t &#92;u002a/" drop column "a
         * b&#92;u000a";
         * drop table "x
         * y *&#47; &#64;see";
         * </pre>
         */
        @Revision(
                id = "20261126_101500_72t7",
                parent = "20261125_090000_abcd",
                message = "every kind: \\"quoted\\" $1 \\\\u002a/ */ <b>@param</b> & line\\n"
                                + "break sep" + "\\u2028" + "arator",
                snapshot = "sha256:0123"
        )
        public final class R20261126_101500_72t7_Hostile implements Migration {
            @Override
            public void upgrade(Operations op) {
                op.dropColumn(QualifiedName.of("we$ird", "t \\\\u002a/"), Column.of("a" + "\\u2028" + "b\\\\u000a", "text"));
                op.dropTable(Table.of("x\\r\\n"
                                + "y */ @see")
                        .withColumns(
                                Column.of("$c", "text")));
            }

            @Override
            public void downgrade(Operations op) {
                // Recreates table x\\r\\ny */ @see empty: its rows cannot be restored.
                op.createTable(Table.of("x\\r\\n"
                                + "y */ @see")
                        .withColumns(
                                Column.of("$c", "text")));
                // Re-adds column we$ird.t \\\\u002a/.aU+2028b\\\\u000a without its values: they cannot be restored.
                op.addColumn(QualifiedName.of("we$ird", "t \\\\u002a/"), Column.of("a" + "\\u2028" + "b\\\\u000a", "text"));
            }
        }
        """, source);
    assertThat(javac().withOptions("-proc:none")
        .compile(JavaFileObjects.forSourceString(PACKAGE + ".R20261126_101500_72t7_Hostile", source)))
        .succeededWithoutWarnings();
  }
}
