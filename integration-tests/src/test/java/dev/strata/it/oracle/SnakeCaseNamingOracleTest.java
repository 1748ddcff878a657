package dev.strata.it.oracle;

import java.nio.file.Path;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata.naming=snake_case} against Hibernate configured as Spring Boot configures it:
 * {@code CamelCaseToUnderscoresNamingStrategy} for physical names and Spring's implicit naming
 * ({@link SpringImplicitNaming}). Entity, table, column, join column, join table, embedded,
 * sequence, index, unique and quoted names.
 */
class SnakeCaseNamingOracleTest {

  private static final String ORDER_LINE = """
      package snake;

      import jakarta.persistence.*;
      import java.math.BigDecimal;
      import java.util.*;

      @Entity
      @Table(indexes = @Index(columnList = "unitPrice, lineNo"),
          uniqueConstraints = @UniqueConstraint(columnNames = {"purchaseOrder_orderId", "lineNo"}))
      public class OrderLine {
        @Id @GeneratedValue Long id;
        int lineNo;
        BigDecimal unitPrice;
        String address2Line;
        String HTTPServer;
        String url;
        @Column(name = "explicitName") String renamed;
        @Column(name = "\\"QuotedName\\"") String quoted;
        @ManyToOne(optional = false) PurchaseOrder purchaseOrder;
        @ManyToOne @JoinColumn(name = "shipToAddress") ShippingAddress shipTo;
        @ManyToMany Set<ProductTag> productTags;
        @OneToMany @JoinTable(name = "orderLineNotes") List<LineNote> lineNotes;
        @Embedded DeliveryWindow deliveryWindow;
      }
      """;

  private static final String PURCHASE_ORDER = """
      package snake;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "PurchaseOrder")
      public class PurchaseOrder {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long orderId;
        @Column(unique = true) String externalRef;
      }
      """;

  private static final String SHIPPING_ADDRESS = """
      package snake;

      import jakarta.persistence.*;

      @Entity(name = "ShipAddr")
      public class ShippingAddress {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long addressId;
        String streetName;
      }
      """;

  private static final String PRODUCT_TAG = """
      package snake;

      import jakarta.persistence.*;

      @Entity
      @SequenceGenerator(name = "tagGen", sequenceName = "productTagSeq")
      public class ProductTag {
        @Id @GeneratedValue(generator = "tagGen") Long tagId;
      }
      """;

  private static final String LINE_NOTE = """
      package snake;

      import jakarta.persistence.*;

      @Entity
      public class LineNote {
        @Id Long noteId;
        String noteText;
      }
      """;

  private static final String DELIVERY_WINDOW = """
      package snake;

      import jakarta.persistence.*;
      import java.time.LocalDateTime;

      @Embeddable
      public class DeliveryWindow {
        LocalDateTime earliestAt;
        LocalDateTime latestAt;
      }
      """;

  @TempDir Path dir;

  @Test
  void snakeCaseNamingMatchesSpringBootsHibernate() throws Exception {
    SchemaOracle.in(dir, "snake-case")
        .source("snake/OrderLine.java", ORDER_LINE)
        .source("snake/PurchaseOrder.java", PURCHASE_ORDER)
        .source("snake/ShippingAddress.java", SHIPPING_ADDRESS)
        .source("snake/ProductTag.java", PRODUCT_TAG)
        .source("snake/LineNote.java", LINE_NOTE)
        .source("snake/DeliveryWindow.java", DELIVERY_WINDOW)
        .processorOption("strata.naming", "snake_case")
        .hibernateSetting("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName())
        .hibernateSetting("hibernate.implicit_naming_strategy", SpringImplicitNaming.class.getName())
        .run()
        .assertOnly();
  }
}
