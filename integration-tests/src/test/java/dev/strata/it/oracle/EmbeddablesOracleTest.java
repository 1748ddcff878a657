package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values and composite keys: {@code @Embeddable}/{@code @Embedded} (nested, primitives inside, the
 * same embeddable twice with {@code @AttributeOverride(s)}, dotted override paths),
 * {@code @EmbeddedId}, {@code @IdClass}, and many-to-one references to composite keys with implicit
 * and explicit {@code @JoinColumns}.
 */
class EmbeddablesOracleTest {

  private static final String MONEY = """
      package emb;

      import jakarta.persistence.*;
      import java.math.BigDecimal;

      @Embeddable
      public class Money {
        @Column(precision = 12, scale = 2) BigDecimal amount;
        @Column(length = 3) String currency;
      }
      """;

  private static final String GEO = """
      package emb;

      import jakarta.persistence.*;

      @Embeddable
      public class Geo {
        double lat;
        double lon;
      }
      """;

  private static final String ADDRESS = """
      package emb;

      import jakarta.persistence.*;

      @Embeddable
      public class Address {
        String street;
        @Column(nullable = false, length = 80) String city;
        @Embedded Geo geo;
      }
      """;

  private static final String SHOP = """
      package emb;

      import jakarta.persistence.*;

      @Entity
      public class Shop {
        @Id @GeneratedValue Long id;
        @Embedded Address address;
        @Embedded
        @AttributeOverrides({
          @AttributeOverride(name = "street", column = @Column(name = "billing_street")),
          @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 60)),
          @AttributeOverride(name = "geo.lat", column = @Column(name = "billing_lat")),
          @AttributeOverride(name = "geo.lon", column = @Column(name = "billing_lon"))
        })
        Address billing;
        @Embedded Money turnover;
        @Embedded @AttributeOverride(name = "amount", column = @Column(name = "budget_amount", precision = 8, scale = 0))
        @AttributeOverride(name = "currency", column = @Column(name = "budget_currency", length = 3))
        Money budget;
      }
      """;

  private static final String LINE_KEY = """
      package emb;

      import jakarta.persistence.*;
      import java.io.Serializable;

      @Embeddable
      public class LineKey implements Serializable {
        @Column(name = "order_no", length = 20) String orderNo;
        int lineNo;
      }
      """;

  private static final String ORDER_LINE = """
      package emb;

      import jakarta.persistence.*;

      @Entity
      public class OrderLine {
        @EmbeddedId LineKey key;
        int quantity;
        @Embedded Money price;
      }
      """;

  private static final String STOCK_KEY = """
      package emb;

      import java.io.Serializable;

      public class StockKey implements Serializable {
        Long warehouse;
        String sku;
        short bin;
      }
      """;

  private static final String STOCK = """
      package emb;

      import jakarta.persistence.*;

      @Entity
      @IdClass(StockKey.class)
      public class Stock {
        @Id Long warehouse;
        @Id @Column(length = 16) String sku;
        @Id short bin;
        int onHand;
      }
      """;

  private static final String SHIPMENT = """
      package emb;

      import jakarta.persistence.*;

      @Entity
      public class Shipment {
        @Id @GeneratedValue Long id;
        @ManyToOne OrderLine line;
        @ManyToOne
        @JoinColumns({
          @JoinColumn(name = "from_order", referencedColumnName = "order_no"),
          @JoinColumn(name = "from_line", referencedColumnName = "lineNo")
        })
        OrderLine source;
        @ManyToOne(optional = false) Stock stock;
      }
      """;


  @TempDir Path dir;

  @Test
  void embeddablesAndCompositeKeysMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "embeddables")
        .source("emb/Money.java", MONEY)
        .source("emb/Geo.java", GEO)
        .source("emb/Address.java", ADDRESS)
        .source("emb/Shop.java", SHOP)
        .source("emb/LineKey.java", LINE_KEY)
        .source("emb/OrderLine.java", ORDER_LINE)
        .source("emb/StockKey.java", STOCK_KEY)
        .source("emb/Stock.java", STOCK)
        .source("emb/Shipment.java", SHIPMENT)
        .run()
        .assertOnly();
  }
}
