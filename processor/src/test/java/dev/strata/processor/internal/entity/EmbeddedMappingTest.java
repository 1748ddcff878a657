package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Embeddables, composite keys and property access; expectations are Hibernate 7.4.15's create DDL. */
class EmbeddedMappingTest {

  @Test
  void embeddedValuesOverridesAndCompositeKeys() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Embeddable class Geo { double lat; Double lng; }
        @Embeddable class Address { String street; @Column(name = "zip_code", length = 10) String zip; @Embedded Geo geo; }
        @Embeddable class K2 { String zeta; Long alpha; }
        @Entity class Shop { @Id Long id;
          @Embedded Address home;
          @Embedded @AttributeOverrides({@AttributeOverride(name = "street", column = @Column(name = "work_street")),
            @AttributeOverride(name = "zip", column = @Column(name = "work_zip")),
            @AttributeOverride(name = "geo.lat", column = @Column(name = "work_lat")),
            @AttributeOverride(name = "geo.lng", column = @Column(name = "work_lng"))}) Address work;
        }
        @Entity class E2 { @EmbeddedId K2 key; }
        class PK2 implements java.io.Serializable { String zeta; Long alpha; }
        @Entity @IdClass(PK2.class) class I2 { @Id String zeta; @Id Long alpha; }
        @Entity class R2 { @Id Long id; @ManyToOne E2 e; @ManyToOne I2 i; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table e2
          alpha bigint not null
          zeta varchar(255) not null
          primary key e2_pkey (alpha, zeta)
        table i2
          alpha bigint not null
          zeta varchar(255) not null
          primary key i2_pkey (alpha, zeta)
        table r2
          e_alpha bigint
          e_zeta varchar(255)
          i_alpha bigint
          i_zeta varchar(255)
          id bigint not null
          primary key r2_pkey (id)
          foreign key fkgher8g8911kkpbhmxaf8wq7q3 (e_alpha, e_zeta) references e2 (alpha, zeta)
          foreign key fkohoubr1i3y4sada3ltr9ajyfe (i_alpha, i_zeta) references i2 (alpha, zeta)
        table shop
          id bigint not null
          lat double precision
          lng double precision
          street varchar(255)
          work_lat double precision
          work_lng double precision
          work_street varchar(255)
          work_zip varchar(255)
          zip_code varchar(10)
          primary key shop_pkey (id)
        """, result.schema());
  }

  @Test
  void propertyAccessReadsGetters() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Person {
          private Long key; private String fullName; private boolean active; private String ignored;
          @Id public Long getKey() { return key; } public void setKey(Long k) { key = k; }
          @Column(length = 80) public String getFullName() { return fullName; } public void setFullName(String n) { }
          public boolean isActive() { return active; } public void setActive(boolean a) { }
          @Transient public String getIgnored() { return ignored; }
          public static String getStaticThing() { return ""; }
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table person
          active boolean not null
          fullname varchar(80)
          key bigint not null
          primary key person_pkey (key)
        """, result.schema());
  }

  @Test
  void accessOnAnAttributeMixesFieldAndPropertyAccess() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Person { @Id Long id; String first; String last;
          @Access(AccessType.PROPERTY) @Column(length = 80) public String getFullName() { return first + " " + last; }
          public void setFullName(String n) { }
          private String nick;
          @Access(AccessType.PROPERTY) @Column(name = "nickname", length = 20) public String getNick() { return nick; }
          public void setNick(String n) { nick = n; } }
        @Entity class Item { private Long id; private String code;
          @Id public Long getId() { return id; } public void setId(Long i) { id = i; }
          @Access(AccessType.FIELD) @Column(length = 12) private String sku;
          public String getCode() { return code; } public void setCode(String c) { code = c; } }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table item
          code varchar(255)
          id bigint not null
          sku varchar(12)
          primary key item_pkey (id)
        table person
          first varchar(255)
          fullname varchar(80)
          id bigint not null
          last varchar(255)
          nickname varchar(20)
          primary key person_pkey (id)
        """, result.schema());
  }
}
