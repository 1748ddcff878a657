package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derived identities and overrides: {@code @MapsId} on a one-to-one (shared key) and into an
 * {@code @EmbeddedId}, {@code @AssociationOverride} of a mapped superclass's and an embeddable's
 * to-one, Maps keyed by an entity ({@code @MapKeyJoinColumn}) in an element collection and a join
 * table, and {@code @SecondaryTable} columns.
 */
class DerivedKeysAndOverridesOracleTest {

  private static final String CUSTOMER = """
      package der;

      import jakarta.persistence.*;
      import java.util.Map;

      @Entity
      @SecondaryTable(name = "customer_details", pkJoinColumns = @PrimaryKeyJoinColumn(name = "customer_id"))
      public class Customer {
        @Id @GeneratedValue Long id;
        String name;
        @Column(table = "customer_details", length = 2000) String notes;
        @Column(table = "customer_details") java.time.LocalDate since;
        @ElementCollection @MapKeyJoinColumn(name = "product_id") @Column(name = "quantity")
        Map<Product, Integer> favourites;
        @OneToMany @JoinTable(name = "customer_last_order") @MapKeyJoinColumn(name = "product")
        Map<Product, PurchaseOrder> lastOrderByProduct;
      }
      """;

  private static final String PROFILE = """
      package der;

      import jakarta.persistence.*;

      @Entity
      public class Profile {
        @Id Long id;
        @MapsId @OneToOne Customer customer;
        String bio;
      }
      """;

  private static final String PRODUCT = """
      package der;

      import jakarta.persistence.*;

      @Entity
      public class Product {
        @Id @Column(length = 20) String sku;
      }
      """;

  private static final String ORDER = """
      package der;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "purchase_order")
      public class PurchaseOrder {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
      }
      """;

  private static final String LINE_KEY = """
      package der;

      import jakarta.persistence.*;

      @Embeddable
      public class LineKey implements java.io.Serializable {
        Long orderId;
        int lineNo;
      }
      """;

  private static final String ORDER_LINE = """
      package der;

      import jakarta.persistence.*;

      @Entity
      public class OrderLine {
        @EmbeddedId LineKey key;
        @MapsId("orderId") @ManyToOne PurchaseOrder order;
        int quantity;
      }
      """;

  private static final String OWNED = """
      package der;

      import jakarta.persistence.*;

      @MappedSuperclass
      public abstract class Owned {
        @ManyToOne Customer owner;
      }
      """;

  private static final String WISHLIST = """
      package der;

      import jakarta.persistence.*;

      @Entity
      @AssociationOverride(name = "owner", joinColumns = @JoinColumn(name = "customer_ref", nullable = false),
          foreignKey = @ForeignKey(name = "fk_wishlist_customer"))
      public class Wishlist extends Owned {
        @Id @GeneratedValue Long id;
        @Embedded
        @AssociationOverride(name = "product", joinColumns = @JoinColumn(name = "top_product"))
        Pick top;
      }
      """;

  private static final String PICK = """
      package der;

      import jakarta.persistence.*;

      @Embeddable
      public class Pick {
        @ManyToOne Product product;
        int rank;
      }
      """;

  @TempDir Path dir;

  @Test
  void derivedKeysOverridesEntityMapKeysAndSecondaryTablesMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "derived")
        .source("der/Customer.java", CUSTOMER)
        .source("der/Profile.java", PROFILE)
        .source("der/Product.java", PRODUCT)
        .source("der/PurchaseOrder.java", ORDER)
        .source("der/LineKey.java", LINE_KEY)
        .source("der/OrderLine.java", ORDER_LINE)
        .source("der/Owned.java", OWNED)
        .source("der/Wishlist.java", WISHLIST)
        .source("der/Pick.java", PICK)
        .run()
        .assertOnly();
  }
}
