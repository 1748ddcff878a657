package dev.strata.processor.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  void snakeCaseFollowsHibernatesSnakeCaseStrategy() {
    assertEquals("order_line", Naming.snakeCase("OrderLine"));
    assertEquals("unit_price", Naming.snakeCase("unitPrice"));
    assertEquals("address2_line", Naming.snakeCase("address2Line"));
    assertEquals("httpserver", Naming.snakeCase("HTTPServer"));
    assertEquals("myurl", Naming.snakeCase("myURL"));
    assertEquals("a1b", Naming.snakeCase("a1B"));
    assertEquals("billing_address_street", Naming.snakeCase("billingAddress.street"));
    assertEquals("already_snake", Naming.snakeCase("already_snake"));
    assertEquals("a", Naming.snakeCase("A"));
  }

  @Test
  void physicalNamesKeepQuotedNames() {
    assertEquals(Name.unquoted("order_line"), Naming.SNAKE_CASE.physical(Name.unquoted("OrderLine")));
    assertEquals(new Name("OrderLine", true), Naming.SNAKE_CASE.physical(Name.parse("\"OrderLine\"")));
    assertEquals(Name.unquoted("OrderLine"), Naming.JPA.physical(Name.unquoted("OrderLine")));
  }

  @Test
  void implicitNamesAreJpaOnesAndSpringBootsJoinTable() {
    assertEquals("customer_id", Naming.JPA.joinColumn("customer", Name.unquoted("id")).text());
    assertEquals("Order_Product", Naming.JPA.joinTable(Name.unquoted("Order"), Name.unquoted("Product"), "items")
        .text());
    assertEquals("order_items", Naming.SNAKE_CASE.joinTable(Name.unquoted("order"), Name.unquoted("product"), "items")
        .text());
    assertEquals("Order_tags", Naming.JPA.collectionTable("Order", "tags").text());
    assertEquals("tags_KEY", Naming.JPA.mapKeyColumn("tags").text());
    assertEquals("lines_ORDER", Naming.JPA.orderColumn("lines").text());
    assertEquals("DTYPE", Naming.JPA.discriminatorColumn().text());
  }

  @Test
  void namesAreParsedWithEitherQuote() {
    assertEquals(new Name("Mixed", true), Name.parse("\"Mixed\""));
    assertEquals(new Name("Mixed", true), Name.parse("`Mixed`"));
    assertEquals(new Name("plain", false), Name.parse("plain"));
    assertEquals("`Mixed`", Name.parse("\"Mixed\"").hibernateText());
    assertEquals("mixed", Name.parse("Mixed").database());
    assertEquals("Mixed", Name.parse("`Mixed`").database());
  }

  @Test
  void hashedNamesAreHibernates() {
    // Values printed by Hibernate 7.4.15 (hbm2ddl create on PostgreSQLDialect) for the same mappings.
    Name orderLine = Name.unquoted("OrderLine");
    assertEquals("fk7d79lnpikyrn3m6dy8awaj2sl", ConstraintNaming.HIBERNATE.foreignKey(orderLine,
        Name.unquoted("Customer"), List.of(Name.unquoted("customer_id"))));
    assertEquals("fk49c1nrwbv2syoagputntx4u09", ConstraintNaming.HIBERNATE.foreignKey(orderLine,
        Name.unquoted("Customer"), List.of(new Name("Payer", true))));
    assertEquals("idxlqu55wnls5t6nxj6qvxkf70lj", ConstraintNaming.HIBERNATE.index(orderLine,
        List.of(Name.unquoted("sku"), Name.unquoted("qty"))));
    // With Spring Boot's naming the physical names are snake case, and so is the hash's input.
    assertEquals("fk7odkckbrwimrhkswpxdwsj3qw", ConstraintNaming.HIBERNATE.foreignKey(Name.unquoted("order_line"),
        Name.unquoted("customer"), List.of(Name.unquoted("customer_id"))));
    assertEquals("idxdhofpltlf9ckg2qwems51mhri", ConstraintNaming.HIBERNATE.index(Name.unquoted("order_line"),
        List.of(Name.unquoted("qty"), Name.unquoted("sku"))));
  }

  @Test
  void uniqueKeysArePostgresqlsNamesOrReadable() {
    Name table = Name.unquoted("OrderLine");
    List<Name> columns = List.of(Name.unquoted("sku"), Name.unquoted("customer_id"));
    assertEquals("orderline_sku_customer_id_key", ConstraintNaming.HIBERNATE.uniqueKey(table, columns));
    assertEquals("uk_orderline_sku_customer_id", ConstraintNaming.READABLE.uniqueKey(table, columns));
    assertEquals("fk_orderline_customer_id", ConstraintNaming.READABLE.foreignKey(table, Name.unquoted("Customer"),
        List.of(Name.unquoted("customer_id"))));
    assertEquals("idx_orderline_sku_customer_id", ConstraintNaming.READABLE.index(table, columns));
  }

  @Test
  void postgresqlObjectNamesShortenTheLongerPartFirst() {
    assertEquals("orderline_pkey", PostgresNames.objectName("orderline", null, "pkey"));
    assertEquals("t_status_check", PostgresNames.objectName("t", "status", "check"));
    String longTable = "t".repeat(70);
    String name = PostgresNames.objectName(longTable, "col", "check");
    assertEquals("t".repeat(53) + "_col_check", name);
    assertEquals(63, name.length());
    assertEquals("é".repeat(31), PostgresNames.truncate("é".repeat(40)));
    assertEquals("größe", PostgresNames.fold("GRößE"));
  }
}
