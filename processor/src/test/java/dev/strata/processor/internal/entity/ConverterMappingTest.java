package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Convert} and {@code @Converter(autoApply = true)}: the column is typed by the converter's
 * database-side type. The expected schema is Hibernate 7.4.15's {@code create} DDL for the same
 * source (the auto-applied converter registered with Hibernate, as Spring Boot's scanning does).
 */
class ConverterMappingTest {

  @Test
  void convertedColumnsAreTypedByTheDatabaseSideOfTheConverter() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        class Money { long cents; }
        @Converter(autoApply = true) class MoneyConverter implements AttributeConverter<Money, Long> {
          public Long convertToDatabaseColumn(Money m) { return null; }
          public Money convertToEntityAttribute(Long v) { return null; } }
        abstract class JsonConverter<T> implements AttributeConverter<T, String> {
          public String convertToDatabaseColumn(T value) { return null; }
          public T convertToEntityAttribute(String text) { return null; } }
        class TagsConverter extends JsonConverter<List<String>> { }
        class YearConverter implements AttributeConverter<Integer, BigDecimal> {
          public BigDecimal convertToDatabaseColumn(Integer y) { return null; }
          public Integer convertToEntityAttribute(BigDecimal v) { return null; } }
        class CodeConverter implements AttributeConverter<String, Integer> {
          public Integer convertToDatabaseColumn(String code) { return null; }
          public String convertToEntityAttribute(Integer v) { return null; } }
        @Embeddable class Price { Money amount; String code; }
        @Entity class Item { @Id Long id;
          Money price;
          @Convert(converter = TagsConverter.class) List<String> tags;
          @Convert(converter = TagsConverter.class) @Lob List<String> lobTags;
          @Convert(converter = YearConverter.class) int year;
          @Convert(converter = YearConverter.class) @Column(precision = 4, scale = 0) int shortYear;
          @Convert(converter = org.hibernate.type.YesNoConverter.class) boolean active;
          @Convert(converter = org.hibernate.type.TrueFalseConverter.class) Boolean flag;
          @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) boolean num;
          @Embedded @Convert(attributeName = "code", converter = CodeConverter.class) Price cost;
          @ElementCollection List<Money> history;
          @ElementCollection @Convert(converter = CodeConverter.class) Set<String> codes;
          @ElementCollection @Convert(attributeName = "key", converter = CodeConverter.class) Map<String, Money> byCode;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table item
          active char(1) not null
          amount bigint
          code integer
          flag char(1)
          id bigint not null
          lobtags oid
          num integer not null
          price bigint
          shortyear numeric(4,0)
          tags varchar(255)
          year numeric(38,2) not null
          primary key item_pkey (id)
          check item_active_check: active in ('N','Y')
          check item_flag_check: flag in ('F','T')
          check item_num_check: num in (0,1)
        table item_bycode
          bycode bigint
          bycode_key integer not null
          item_id bigint not null
          primary key item_bycode_pkey (bycode_key, item_id)
          foreign key fkfyv8qy59hile4chidov0kb5uc (item_id) references item (id)
        table item_codes
          codes integer
          item_id bigint not null
          foreign key fkr598qvu4rm8q20y8rb3tvjsnf (item_id) references item (id)
          unique item_codes_item_id_codes_key (item_id, codes)
        table item_history
          history bigint
          item_id bigint not null
          foreign key fk971ixgsiwhsphmpleqrbv9qil (item_id) references item (id)
        """, result.schema());
  }

  @Test
  void aConvertedEnumHasNoCheckAndAWarningSaysSo() {
    JavaFileObject src = source("Model", """
        class Model {}
        enum Status { ON, OFF }
        class StatusConverter implements AttributeConverter<Status, String> {
          public String convertToDatabaseColumn(Status s) { return null; }
          public Status convertToEntityAttribute(String s) { return null; } }
        @Entity class Item { @Id Long id;
          @Convert(converter = StatusConverter.class) Status status; }
        """);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).succeeded();
    assertThat(result.compilation).hadWarningCount(1);
    assertThat(result.compilation).hadWarningContaining("[STRATA-151] Item.status is an enum converted by "
        + "StatusConverter: Hibernate adds a check listing the values the converter writes, which Strata cannot "
        + "compute at compile time, so column status has none; declare it with @Check if you want it")
        .inFile(src).onLine(11);
    assertEquals("""
        table item
          id bigint not null
          status varchar(255)
          primary key item_pkey (id)
        """, result.schema());
  }
}
