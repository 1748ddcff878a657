package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Convert} and {@code @Converter(autoApply = true)}: converters to String, Integer,
 * BigDecimal and byte[], a converter inherited through a generic superclass, Hibernate's
 * {@code YesNoConverter}, {@code TrueFalseConverter} and {@code NumericBooleanConverter}, conversion
 * of an embeddable's attribute and of element-collection elements, and {@code disableConversion}.
 */
class ConvertersOracleTest {

  private static final String MONEY = """
      package conv;

      public record Money(long cents) {}
      """;

  private static final String MONEY_CONVERTER = """
      package conv;

      import jakarta.persistence.*;
      import java.math.BigDecimal;

      @Converter(autoApply = true)
      public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {
        public BigDecimal convertToDatabaseColumn(Money m) { return m == null ? null : BigDecimal.valueOf(m.cents(), 2); }
        public Money convertToEntityAttribute(BigDecimal d) { return d == null ? null : new Money(d.movePointRight(2).longValue()); }
      }
      """;

  private static final String JSON_CONVERTER = """
      package conv;

      import jakarta.persistence.*;

      public abstract class JsonConverter<T> implements AttributeConverter<T, String> {
        public String convertToDatabaseColumn(T value) { return String.valueOf(value); }
        public T convertToEntityAttribute(String text) { return null; }
      }
      """;

  private static final String TAGS_CONVERTER = """
      package conv;

      import java.util.List;

      public class TagsConverter extends JsonConverter<List<String>> {}
      """;

  private static final String LEVEL_CONVERTER = """
      package conv;

      import jakarta.persistence.*;

      @Converter
      public class LevelConverter implements AttributeConverter<String, Integer> {
        public Integer convertToDatabaseColumn(String s) { return s == null ? null : s.length(); }
        public String convertToEntityAttribute(Integer i) { return i == null ? null : "x".repeat(i); }
      }
      """;

  private static final String BYTES_CONVERTER = """
      package conv;

      import jakarta.persistence.*;

      @Converter
      public class BytesConverter implements AttributeConverter<String, byte[]> {
        public byte[] convertToDatabaseColumn(String s) { return s == null ? null : s.getBytes(); }
        public String convertToEntityAttribute(byte[] b) { return b == null ? null : new String(b); }
      }
      """;

  private static final String PRICE = """
      package conv;

      import jakarta.persistence.*;

      @Embeddable
      public class Price {
        Money net;
        @Column(length = 40) String label;
      }
      """;

  private static final String PRODUCT = """
      package conv;

      import jakarta.persistence.*;
      import java.util.*;
      import org.hibernate.type.*;

      @Entity
      public class Product {
        @Id @GeneratedValue Long id;
        Money listPrice;
        @Column(nullable = false, precision = 12, scale = 2) Money cost;
        @Convert(disableConversion = true) @Column(length = 10) String plain;
        @Convert(converter = TagsConverter.class) @Column(length = 1000) List<String> tags;
        @Convert(converter = LevelConverter.class) String level;
        @Convert(converter = BytesConverter.class) String packed;
        @Convert(converter = YesNoConverter.class) boolean active;
        @Convert(converter = TrueFalseConverter.class) Boolean verified;
        @Convert(converter = NumericBooleanConverter.class) Boolean archived;
        @Embedded Price price;
        @Embedded @Convert(attributeName = "label", converter = LevelConverter.class)
        @AttributeOverride(name = "net", column = @Column(name = "sale_net"))
        @AttributeOverride(name = "label", column = @Column(name = "sale_level"))
        Price sale;
        @ElementCollection Set<Money> priceHistory;
        @ElementCollection @Convert(converter = LevelConverter.class) List<String> levels;
      }
      """;

  @TempDir Path dir;

  @Test
  void convertersMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "converters")
        .source("conv/Money.java", MONEY)
        .source("conv/MoneyConverter.java", MONEY_CONVERTER)
        .source("conv/JsonConverter.java", JSON_CONVERTER)
        .source("conv/TagsConverter.java", TAGS_CONVERTER)
        .source("conv/LevelConverter.java", LEVEL_CONVERTER)
        .source("conv/BytesConverter.java", BYTES_CONVERTER)
        .source("conv/Price.java", PRICE)
        .source("conv/Product.java", PRODUCT)
        .run()
        .assertOnly();
  }
}
