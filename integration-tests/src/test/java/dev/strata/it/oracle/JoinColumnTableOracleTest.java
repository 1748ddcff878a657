package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @JoinColumn(table = ...)}: the join columns of a to-one relationship in one of the entity's
 * {@code @SecondaryTable}s, named or implicit, optional or not, many-to-one and one-to-one (unique),
 * with the foreign key from the secondary table.
 */
class JoinColumnTableOracleTest {

  private static final String CUSTOMER = """
      package jct;

      import jakarta.persistence.*;

      @Entity
      public class Customer {
        @Id Long id;
      }
      """;

  private static final String INVOICE = """
      package jct;

      import jakarta.persistence.*;

      @Entity
      public class Invoice {
        @Id Long id;
      }
      """;

  private static final String ORDER = """
      package jct;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "orders")
      @SecondaryTable(name = "order_details")
      public class PurchaseOrder {
        @Id Long id;
        @Column(table = "order_details", length = 80) String note;
        @ManyToOne @JoinColumn(name = "customer_id", table = "order_details") Customer customer;
        @OneToOne(optional = false) @JoinColumn(table = "order_details") Invoice invoice;
        @ManyToOne Customer placedBy;
      }
      """;

  @TempDir Path dir;

  @Test
  void joinColumnsInSecondaryTablesMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "join-column-table")
        .source("jct/Customer.java", CUSTOMER)
        .source("jct/Invoice.java", INVOICE)
        .source("jct/PurchaseOrder.java", ORDER)
        .run()
        .assertOnly();
  }
}
