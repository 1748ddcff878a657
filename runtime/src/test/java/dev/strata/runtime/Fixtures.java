package dev.strata.runtime;

import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** Revisions for the Migrator's tests: a chain of three, a failing one, and broken graphs. */
final class Fixtures {
  private Fixtures() {}

  static final String R1 = "20260101_000000_aaaa";
  static final String R2 = "20260102_000000_bbbb";
  static final String R3 = "20260103_000000_cccc";
  static final String FAILING = "20260104_000000_dddd";

  static final QualifiedName CUSTOMER = QualifiedName.of("customer");
  static final QualifiedName ORDERS = QualifiedName.of("orders");
  static final Table CUSTOMER_TABLE = Table.of(CUSTOMER).withColumns(
          Column.of("id", "bigint").withIdentity(Identity.BY_DEFAULT),
          Column.of("name", "varchar(100)").notNull())
      .withPrimaryKey("customer_pkey", "id");
  static final Table ORDERS_TABLE = Table.of(ORDERS).withColumns(
          Column.of("id", "bigint").withIdentity(Identity.BY_DEFAULT),
          Column.of("customer_id", "bigint").notNull(),
          Column.of("total", "numeric(10,2)"))
      .withPrimaryKey("orders_pkey", "id");
  static final ForeignKey ORDERS_CUSTOMER =
      ForeignKey.of("fk_orders_customer", List.of("customer_id"), CUSTOMER, List.of("id"));
  static final Index ORDERS_CUSTOMER_IDX = Index.of("idx_orders_customer", "customer_id");
  static final Sequence ORDER_NUMBER = Sequence.of(QualifiedName.of("order_number_seq"), 1, 50);

  @Revision(id = R1, message = "create customer")
  public static final class CreateCustomer implements Migration {
    @Override public void upgrade(Operations op) { op.createTable(CUSTOMER_TABLE); }
    @Override public void downgrade(Operations op) { op.dropTable(CUSTOMER_TABLE); }
  }

  @Revision(id = R2, parent = R1, message = "create orders")
  public static final class CreateOrders implements Migration {
    @Override public void upgrade(Operations op) {
      op.createTable(ORDERS_TABLE);
      op.addForeignKey(ORDERS, ORDERS_CUSTOMER);
      op.createIndex(ORDERS, ORDERS_CUSTOMER_IDX);
    }

    @Override public void downgrade(Operations op) {
      op.dropIndex(ORDERS, ORDERS_CUSTOMER_IDX);
      op.dropForeignKey(ORDERS, ORDERS_CUSTOMER);
      op.dropTable(ORDERS_TABLE);
    }
  }

  @Revision(id = R3, parent = R2, message = "add customer.email, order numbers")
  public static final class AddEmail implements Migration {
    @Override public void upgrade(Operations op) {
      op.addColumn(CUSTOMER, Column.of("email", "varchar(200)"));
      op.createSequence(ORDER_NUMBER);
      op.execute("insert into customer (name) values ('first')");
    }

    @Override public void downgrade(Operations op) {
      op.execute("delete from customer where name = 'first'");
      op.dropSequence(ORDER_NUMBER);
      op.dropColumn(CUSTOMER, Column.of("email", "varchar(200)"));
    }
  }

  /** R3 edited after it was applied: a longer email column. */
  @Revision(id = R3, parent = R2, message = "add customer.email, order numbers")
  public static final class AddEmailEdited implements Migration {
    @Override public void upgrade(Operations op) {
      op.addColumn(CUSTOMER, Column.of("email", "varchar(250)"));
      op.createSequence(ORDER_NUMBER);
      op.execute("insert into customer (name) values ('first')");
    }

    @Override public void downgrade(Operations op) {
      op.execute("delete from customer where name = 'first'");
      op.dropSequence(ORDER_NUMBER);
      op.dropColumn(CUSTOMER, Column.of("email", "varchar(250)"));
    }
  }

  /** Five statements; the third fails (42P01, undefined table). */
  @Revision(id = FAILING, parent = R3, message = "fails at its third statement")
  public static final class FailsAtThird implements Migration {
    @Override public void upgrade(Operations op) {
      op.addColumn(CUSTOMER, Column.of("phone", "text"));
      op.execute("update customer set phone = '1'");
      op.execute("update no_such_table set x = 1");
      op.execute("create table never (id integer)");
      op.execute("drop table never");
    }

    @Override public void downgrade(Operations op) {
      op.dropColumn(CUSTOMER, Column.of("phone", "text"));
    }
  }

  /** A second revision on top of R1: with CreateOrders, the graph has two heads. */
  @Revision(id = "20260102_000000_eeee", parent = R1, message = "branch")
  public static final class Branch implements Migration {
    @Override public void upgrade(Operations op) { op.execute("select 1"); }
    @Override public void downgrade(Operations op) { op.execute("select 1"); }
  }

  @Revision(id = "20260105_000000_ffff", parent = "20260101_000000_zzzz", message = "orphan")
  public static final class Orphan implements Migration {
    @Override public void upgrade(Operations op) { op.execute("select 1"); }
    @Override public void downgrade(Operations op) { op.execute("select 1"); }
  }

  /** Same id as CreateCustomer. */
  @Revision(id = R1, message = "duplicate")
  public static final class Duplicate implements Migration {
    @Override public void upgrade(Operations op) { op.execute("select 1"); }
    @Override public void downgrade(Operations op) { op.execute("select 1"); }
  }

  @Revision(id = "20260106_000000_gggg", parent = "20260106_000000_hhhh")
  public static final class CycleA implements Migration {
    @Override public void upgrade(Operations op) { op.execute("select 1"); }
    @Override public void downgrade(Operations op) { op.execute("select 1"); }
  }

  @Revision(id = "20260106_000000_hhhh", parent = "20260106_000000_gggg")
  public static final class CycleB implements Migration {
    @Override public void upgrade(Operations op) { op.execute("select 1"); }
    @Override public void downgrade(Operations op) { op.execute("select 1"); }
  }

  /** A second root. */
  @Revision(id = "20260107_000000_iiii")
  public static final class SecondRoot implements Migration {
    @Override public void upgrade(Operations op) { op.execute("select 1"); }
    @Override public void downgrade(Operations op) { op.execute("select 1"); }
  }

  static final String SLOW = "20260108_000000_jjjj";

  /** Takes a while, so that concurrent upgrades overlap. */
  @Revision(id = SLOW, parent = R3, message = "slow")
  public static final class Slow implements Migration {
    @Override public void upgrade(Operations op) {
      op.execute("select pg_sleep(0.3)");
      op.execute("create table slow (id integer)");
    }

    @Override public void downgrade(Operations op) { op.execute("drop table slow"); }
  }

  static final String NON_TX = "20260109_000000_kkkk";
  static final Index CUSTOMER_NAME_UNIQUE = Index.of("uk_customer_name_idx", "name").withUnique(true);

  /** Builds a unique index concurrently between two other statements; fails while customer names repeat. */
  @Revision(id = NON_TX, parent = R3, message = "unique customer names", transactional = false)
  public static final class UniqueNamesConcurrently implements Migration {
    @Override public void upgrade(Operations op) {
      op.execute("create table audit_log (n integer)");
      op.createIndexConcurrently(CUSTOMER, CUSTOMER_NAME_UNIQUE);
      op.execute("insert into audit_log values (1)");
    }

    @Override public void downgrade(Operations op) {
      op.dropIndexConcurrently(CUSTOMER, CUSTOMER_NAME_UNIQUE);
      op.execute("drop table audit_log");
    }
  }

  /** The same revision with its first statement edited. */
  @Revision(id = NON_TX, parent = R3, message = "unique customer names", transactional = false)
  public static final class UniqueNamesConcurrentlyEdited implements Migration {
    @Override public void upgrade(Operations op) {
      op.execute("create table audit_log (n bigint)");
      op.createIndexConcurrently(CUSTOMER, CUSTOMER_NAME_UNIQUE);
      op.execute("insert into audit_log values (1)");
    }

    @Override public void downgrade(Operations op) {
      op.dropIndexConcurrently(CUSTOMER, CUSTOMER_NAME_UNIQUE);
      op.execute("drop table audit_log");
    }
  }

  /** Asks for a concurrent index in a transactional revision. */
  @Revision(id = NON_TX, parent = R3, message = "wrongly transactional")
  public static final class ConcurrentInTransaction implements Migration {
    @Override public void upgrade(Operations op) { op.createIndexConcurrently(CUSTOMER, CUSTOMER_NAME_UNIQUE); }
    @Override public void downgrade(Operations op) { op.dropIndexConcurrently(CUSTOMER, CUSTOMER_NAME_UNIQUE); }
  }

  /** Its connection is terminated after its first statement: a connection lost mid-revision. */
  @Revision(id = FAILING, parent = R3, message = "loses its connection")
  public static final class LosesConnection implements Migration {
    @Override public void upgrade(Operations op) {
      op.addColumn(CUSTOMER, Column.of("phone", "text"));
      op.execute("select pg_terminate_backend(pg_backend_pid())");
      op.execute("create table never (id integer)");
    }

    @Override public void downgrade(Operations op) {
      op.dropColumn(CUSTOMER, Column.of("phone", "text"));
    }
  }

  /** A System.Logger that keeps what it is told. */
  static final class RecordingLogger implements Logger {
    final List<String> lines = new ArrayList<>();

    @Override public String getName() { return "test"; }
    @Override public boolean isLoggable(Level level) { return true; }

    @Override public synchronized void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg);
    }

    @Override public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + (params == null ? format : java.text.MessageFormat.format(format, params)));
    }
  }
}
