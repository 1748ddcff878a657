package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.schema.QualifiedName;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Basic attributes, tables and names: each expectation is what Hibernate 7.4 creates on PostgreSQL. */
class BasicMappingTest {

  private static String schemaOf(String className, String body) {
    ReaderHarness.Result result = compile(source(className, body));
    assertThat(result.compilation).succeededWithoutWarnings();
    return result.schema();
  }

  @Test
  void everyBasicTypeGetsHibernatesDefaultColumnType() {
    String schema = schemaOf("OrderLine", """
        @Entity
        public class OrderLine {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
          String name; int qty; Integer boxed; BigDecimal price; BigInteger big;
          LocalDate d; LocalTime t; LocalDateTime dt; Instant i; OffsetDateTime odt; ZonedDateTime zdt;
          UUID u; byte[] bytes; char c; Character cc; boolean b; Boolean bb; byte by; short s; Short ss;
          long l; float f; double db; Double dd; Duration dur;
          java.util.Date date; java.sql.Date sdate; java.sql.Time stime; java.sql.Timestamp ts; Calendar cal;
          char[] chars; Currency cur; Locale locale; java.time.ZoneOffset zo; Year year;
        }
        """);
    assertEquals("""
        table orderline
          b boolean not null
          bb boolean
          big numeric(38,0)
          boxed integer
          by smallint not null
          bytes bytea
          c char(1) not null
          cal timestamp(6)
          cc char(1)
          chars varchar(255)
          cur varchar(3)
          d date
          date timestamp(6)
          db double precision not null
          dd double precision
          dt timestamp(6)
          dur numeric(21,0)
          f real not null
          i timestamptz(6)
          id bigint not null identity by_default
          l bigint not null
          locale varchar(255)
          name varchar(255)
          odt timestamptz(6)
          price numeric(38,2)
          qty integer not null
          s smallint not null
          sdate date
          ss smallint
          stime time(0)
          t time(0)
          ts timestamp(6)
          u uuid
          year integer
          zdt timestamptz(6)
          zo varchar(6)
          primary key orderline_pkey (id)
        """, schema);
  }

  @Test
  void columnAttributesSetNameNullabilityAndSize() {
    String schema = schemaOf("Item", """
        @Entity @Table(name = "items", schema = "shop")
        public class Item {
          @Id long id;
          @Column(name = "item_name", nullable = false, length = 80) String name;
          @Column(length = 10485760) String longest;
          @Column(length = 10485761) String tooLongForVarchar;
          @Column(precision = 10, scale = 3) BigDecimal amount;
          @Column(precision = 10) BigDecimal whole;
          @Column(scale = 5) BigDecimal scaleWithoutPrecision;
          @Column(precision = 10) double tenDigits;
          @Column(precision = 6) float sixDigits;
          @Column(secondPrecision = 3) LocalDateTime millis;
          @Column(secondPrecision = 0) Instant seconds;
          @Column(precision = 3) LocalDateTime precisionIgnored;
          @Column(length = 5) char fiveChars;
          @Column(length = 40) Integer lengthIgnored;
          @Column(columnDefinition = "text") String body;
          @Column(columnDefinition = "numeric(12, 4)") BigDecimal rate;
          @Column(unique = true) String code;
          @Basic(optional = false) String required;
          @Column(nullable = false) @Basic(optional = true) String stillRequired;
        }
        """);
    assertEquals("""
        namespace shop
        table shop.items
          amount numeric(10,3)
          body text
          code varchar(255)
          fivechars char(5)
          id bigint not null
          item_name varchar(80) not null
          lengthignored integer
          longest varchar(10485760)
          millis timestamp(3)
          precisionignored timestamp(6)
          rate numeric(12,4)
          required varchar(255) not null
          scalewithoutprecision numeric(38,2)
          seconds timestamptz(0)
          sixdigits real
          stillrequired varchar(255) not null
          tendigits double precision
          toolongforvarchar text
          whole numeric(10,0)
          primary key items_pkey (id)
          unique items_code_key (code)
        """, schema);
  }

  @Test
  void enumsGetHibernatesCheckConstraints() {
    String schema = schemaOf("Shipment", """
        @Entity
        public class Shipment {
          public enum Status { NEW, SENT, DELIVERED }
          public enum Flag { ON }
          @Id Long id;
          Status implicitOrdinal;
          @Enumerated(EnumType.ORDINAL) Status ordinal;
          @Enumerated(EnumType.STRING) Status named;
          @Enumerated(EnumType.STRING) @Column(length = 1) Flag oneChar;
          @Enumerated(EnumType.STRING) @Column(length = 20, nullable = false) Status shortNamed;
          @Enumerated(EnumType.STRING) @Column(name = "\\"Order\\"") Status quoted;
        }
        """);
    assertEquals("""
        table shipment
          Order varchar(255)
          id bigint not null
          implicitordinal smallint
          named varchar(255)
          onechar char(1)
          ordinal smallint
          shortnamed varchar(20) not null
          primary key shipment_pkey (id)
          check shipment_Order_check: "Order" in ('NEW','SENT','DELIVERED')
          check shipment_implicitordinal_check: implicitordinal between 0 and 2
          check shipment_named_check: named in ('NEW','SENT','DELIVERED')
          check shipment_onechar_check: onechar in ('ON')
          check shipment_ordinal_check: ordinal between 0 and 2
          check shipment_shortnamed_check: shortnamed in ('NEW','SENT','DELIVERED')
        """, schema);
  }

  @Test
  void namesAreWhatPostgresqlStoresForHibernatesUnquotedDdl() {
    String schema = schemaOf("Outer", """
        public class Outer {
          @Entity public static class Inner { @Id int id; }
          @Entity(name = "Named") public static class Other { @Id int id; @Column(name = "`MixedCase`") String mixed; }
          @Entity @Table(name = "\\"Quoted\\"") public static class Q { @Id int id; String camelCase; }
        }
        """);
    assertEquals("""
        table Quoted
          camelcase varchar(255)
          id integer not null
          primary key Quoted_pkey (id)
        table named
          MixedCase varchar(255)
          id integer not null
          primary key named_pkey (id)
        table outer$inner
          id integer not null
          primary key outer$inner_pkey (id)
        """, schema);
  }

  @Test
  void snakeCaseNamingIsSpringBootsPhysicalNaming() {
    ReaderHarness.Result result = compile(Map.of("strata.naming", "snake_case"), source("OrderLine", """
        @Entity
        public class OrderLine {
          @Id Long lineId;
          String unitPrice; String address2Line; String HTTPServer; String already_snake;
          @Column(name = "ExplicitName") String explicit;
          @Column(name = "\\"KeepMe\\"") String kept;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table order_line
          KeepMe varchar(255)
          address2_line varchar(255)
          already_snake varchar(255)
          explicit_name varchar(255)
          httpserver varchar(255)
          line_id bigint not null
          unit_price varchar(255)
          primary key order_line_pkey (line_id)
        """, result.schema());
  }

  @Test
  void transientAndStaticFieldsAreNotMapped() {
    String schema = schemaOf("Account", """
        @Entity
        public class Account {
          static int counter;
          @Id Long id;
          transient String cache;
          @Transient String computed;
          String kept;
        }
        """);
    assertEquals("""
        table account
          id bigint not null
          kept varchar(255)
          primary key account_pkey (id)
        """, schema);
  }

  @Test
  void longNamesAreTruncatedAsPostgresqlDoes() {
    String schema = schemaOf("Gadget", """
        @Entity
        public class Gadget {
          @Id Long id;
          String aColumnNameThatIsLongerThanSixtyThreeCharactersWhichPostgresCutsShort;
          @Column(unique = true) String aUniqueColumnWhoseConstraintNameMustBeShortenedByPostgres;
        }
        """);
    assertEquals("""
        table gadget
          acolumnnamethatislongerthansixtythreecharacterswhichpostgrescut varchar(255)
          auniquecolumnwhoseconstraintnamemustbeshortenedbypostgres varchar(255)
          id bigint not null
          primary key gadget_pkey (id)
          unique gadget_auniquecolumnwhoseconstraintnamemustbeshortenedbypos_key (auniquecolumnwhoseconstraintnamemustbeshortenedbypostgres)
        """, schema);
  }

  @Test
  void renamedFromBecomesRenameHints() {
    ReaderHarness.Result result = compile(source("Customer", """
        @Entity @dev.strata.runtime.RenamedFrom("client")
        public class Customer {
          @Id Long id;
          @dev.strata.runtime.RenamedFrom("full_name") String name;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals(Map.of(QualifiedName.of("customer"), QualifiedName.of("client")), result.model.renames().tables());
    assertEquals(Map.of(QualifiedName.of("customer"), Map.of("name", "full_name")), result.model.renames().columns());
  }

  @Test
  void originsPointAtTheEntityAndTheField() {
    ReaderHarness.Result result = compile(source("Tag", """
        @Entity
        public class Tag { @Id Long id; String label; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("Tag", result.model.tableOrigins().get(QualifiedName.of("tag")).getSimpleName().toString());
    assertEquals("label", result.model.columnOrigins().get(QualifiedName.of("tag")).get("label")
        .getSimpleName().toString());
  }
}
