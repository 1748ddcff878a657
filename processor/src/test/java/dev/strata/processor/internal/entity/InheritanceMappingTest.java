package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Entity inheritance. Each expected schema is Hibernate 7.4.15's {@code create} DDL for the same
 * source on PostgreSQLDialect, the entities given to Hibernate in class-name order (names as
 * PostgreSQL stores them, its own names for the unnamed checks: {@code <table>_check},
 * {@code <table>_check1} ... in the order Hibernate writes them).
 */
class InheritanceMappingTest {

  @Test
  void singleTableNullableSubclassColumnsDiscriminatorsAndTheirChecks() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        enum Size { S, M }
        @Entity abstract class Animal { @Id @GeneratedValue Long id; String name;
          @Column(nullable = false) String owner; }
        @Entity class Dog extends Animal { int barks; @Column(nullable = false) String breed; Size size;
          @ManyToOne Animal friend; }
        @Entity @DiscriminatorValue("KITTY") class Cat extends Animal { boolean indoor;
          @ElementCollection Set<String> toys; }
        @MappedSuperclass abstract class Working extends Dog { BigDecimal wage; }
        @Entity class Guide extends Working { @Column(length = 20) String agency; }
        @Entity @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
        @DiscriminatorValue("1")
        class Vehicle { @Id Long id; }
        @Entity @DiscriminatorValue("2") class Car extends Vehicle { long km; }
        @Entity @DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR) @DiscriminatorValue("S")
        abstract class Shape { @Id Long id; }
        @Entity @DiscriminatorValue("C") class Circle extends Shape { double r; }
        @Entity @DiscriminatorValue("Q") class Square extends Shape { double side; }
        @Entity class Plain { @Id Long id; }
        @Entity @DiscriminatorColumn(length = 10) class Tree { @Id Long id; }
        @Entity class Pine extends Tree { short height; }
        @Entity abstract class Account { @Id Long id; }
        @Entity class Savings extends Account { int a; long b; @Basic(optional = false) String c;
          @ManyToOne(optional = false) Plain p; @Column(nullable = false) Integer d; }
        @Entity class Checking extends Account { @Embedded Money limit; }
        @Embeddable class Money { int cents; String currency; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table account
          a integer
          b bigint
          c varchar(255)
          cents integer
          currency varchar(255)
          d integer not null
          dtype varchar(31) not null
          id bigint not null
          p_id bigint
          primary key account_pkey (id)
          foreign key fk9j2366pkosit3dxpijs7m7ty6 (p_id) references plain (id)
          check account_check: dtype <> 'Savings' or (a is not null and b is not null and c is not null and p_id is not null)
          check account_dtype_check: dtype in ('Checking','Savings')
        table animal
          agency varchar(20)
          barks integer
          breed varchar(255) not null
          dtype varchar(31) not null
          friend_id bigint
          id bigint not null
          indoor boolean
          name varchar(255)
          owner varchar(255) not null
          size smallint
          wage numeric(38,2)
          primary key animal_pkey (id)
          foreign key fki4yx22hnq51i60rb220o7csgw (friend_id) references animal (id)
          check animal_check: dtype <> 'KITTY' or (indoor is not null)
          check animal_check1: dtype <> 'Dog' or (barks is not null)
          check animal_check2: dtype <> 'Guide' or (barks is not null)
          check animal_dtype_check: dtype in ('Guide','KITTY','Dog')
          check animal_size_check: size between 0 and 1
        table cat_toys
          cat_id bigint not null
          toys varchar(255)
          foreign key fkdxxc2r7x6y3xsppbyjxrmxo3d (cat_id) references animal (id)
          unique cat_toys_cat_id_toys_key (cat_id, toys)
        table plain
          id bigint not null
          primary key plain_pkey (id)
        table shape
          dtype char(1) not null
          id bigint not null
          r double precision
          side double precision
          primary key shape_pkey (id)
          check shape_check: dtype <> 'C' or (r is not null)
          check shape_check1: dtype <> 'Q' or (side is not null)
          check shape_dtype_check: dtype in ('C','Q')
        table tree
          dtype varchar(10) not null
          height smallint
          id bigint not null
          primary key tree_pkey (id)
          check tree_check: dtype <> 'Pine' or (height is not null)
          check tree_dtype_check: dtype in ('Tree','Pine')
        table vehicle
          id bigint not null
          kind integer not null
          km bigint
          primary key vehicle_pkey (id)
          check vehicle_check: kind <> 2 or (km is not null)
          check vehicle_kind_check: kind in (1,2)
        sequence animal_seq start 1 increment 50
        """, result.schema());
  }

  @Test
  void singleTableChecksListTheParentsColumnsFirstAndSiblingsShareColumns() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Tag { @Id Long id; }
        @Entity class RootE { @Id Long id; }
        @Entity class AEnt extends RootE { int zed; String shared; }
        @MappedSuperclass abstract class Mid extends AEnt { int mm; }
        @Entity class BEnt extends Mid { int bee; @ManyToMany Set<Tag> tags; }
        @Entity class CEnt extends RootE { String shared; long cee; @ElementCollection List<String> notes; }
        @Entity @Inheritance(strategy = InheritanceType.JOINED) class JR { @Id Long id; }
        @Entity class JS extends JR { @ElementCollection Set<String> labels; @ManyToMany Set<Tag> tags;
          @OneToMany @JoinColumn(name = "js_id") Set<Tag2> t2; }
        @Entity class Tag2 { @Id Long id; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table cent_notes
          cent_id bigint not null
          notes varchar(255)
          foreign key fkht3a06vtxp8lwvm34nwggdtpq (cent_id) references roote (id)
        table jr
          id bigint not null
          primary key jr_pkey (id)
        table js
          id bigint not null
          primary key js_pkey (id)
          foreign key fkbsusd68gxlw6x0wfyo7cyll1h (id) references jr (id)
        table js_labels
          js_id bigint not null
          labels varchar(255)
          foreign key fklskmwa8lmqtn7e50sr4679j6m (js_id) references js (id)
          unique js_labels_js_id_labels_key (js_id, labels)
        table js_tag
          js_id bigint not null
          tags_id bigint not null
          primary key js_tag_pkey (js_id, tags_id)
          foreign key fk5n8txsna1xp86alg9c9ihsmhl (js_id) references js (id)
          foreign key fk6jdbn1o247kdsyf7bnw3bpqls (tags_id) references tag (id)
        table roote
          bee integer
          cee bigint
          dtype varchar(31) not null
          id bigint not null
          mm integer
          shared varchar(255)
          zed integer
          primary key roote_pkey (id)
          check roote_check: dtype <> 'AEnt' or (zed is not null)
          check roote_check1: dtype <> 'BEnt' or (zed is not null and mm is not null and bee is not null)
          check roote_check2: dtype <> 'CEnt' or (cee is not null)
          check roote_dtype_check: dtype in ('RootE','BEnt','AEnt','CEnt')
        table roote_tag
          bent_id bigint not null
          tags_id bigint not null
          primary key roote_tag_pkey (bent_id, tags_id)
          foreign key fk343megg37pldbjfsk42d9grx9 (tags_id) references tag (id)
          foreign key fkp2kcxmvcfk20eli7f5l89ydqb (bent_id) references roote (id)
        table tag
          id bigint not null
          primary key tag_pkey (id)
        table tag2
          id bigint not null
          js_id bigint
          primary key tag2_pkey (id)
          foreign key fknf519odkb4dkxm8phd12vrwv5 (js_id) references js (id)
        """, result.schema());
  }

  @Test
  void joinedAndTablePerClassHierarchies() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity @Inheritance(strategy = InheritanceType.JOINED) abstract class Party {
          @Id @GeneratedValue Long id; String name; }
        @Entity class Person extends Party { int age; @Column(nullable = false) String first; }
        @Entity @PrimaryKeyJoinColumn(name = "org_id") @Table(name = "orgs")
          class Organization extends Party { String vat; }
        @Entity class Charity extends Organization { boolean tax; }
        @Entity @Inheritance(strategy = InheritanceType.JOINED) @DiscriminatorColumn class Doc { @Id Long id; }
        @Entity @DiscriminatorValue("R") class Report extends Doc { String title; }
        class K implements java.io.Serializable { Long a; Long b; }
        @Entity @Inheritance(strategy = InheritanceType.JOINED) @IdClass(K.class) class Base2 { @Id Long a;
          @Id Long b; }
        @Entity @PrimaryKeyJoinColumns({@PrimaryKeyJoinColumn(name = "x", referencedColumnName = "a"),
          @PrimaryKeyJoinColumn(name = "y", referencedColumnName = "b")}) class Sub2 extends Base2 { String s; }
        @Entity class Sub3 extends Base2 { }
        @Entity @PrimaryKeyJoinColumn(foreignKey = @ForeignKey(name = "fk_report2")) class Report2 extends Doc { }
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) abstract class Payment {
          @Id @GeneratedValue Long id; BigDecimal amount; }
        @Entity class CardPayment extends Payment { String card; }
        @Entity class CashPayment extends Payment { int notes; }
        @Entity class Voucher extends CashPayment { String code; }
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) class Item { @Id Long id;
          @ManyToOne Item parent; }
        @Entity class Book extends Item { @ManyToOne Person author; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table base2
          a bigint not null
          b bigint not null
          primary key base2_pkey (a, b)
        table book
          author_id bigint
          id bigint not null
          parent_id bigint
          primary key book_pkey (id)
          foreign key fkrxrgiajod1le3gii8whx2doie (author_id) references person (id)
        table cardpayment
          amount numeric(38,2)
          card varchar(255)
          id bigint not null
          primary key cardpayment_pkey (id)
        table cashpayment
          amount numeric(38,2)
          id bigint not null
          notes integer not null
          primary key cashpayment_pkey (id)
        table charity
          org_id bigint not null
          tax boolean not null
          primary key charity_pkey (org_id)
          foreign key fkbvm21qypq5auvt4pef3m8933t (org_id) references orgs (org_id)
        table doc
          dtype varchar(31) not null
          id bigint not null
          primary key doc_pkey (id)
          check doc_dtype_check: dtype in ('Doc','R','Report2')
        table item
          id bigint not null
          parent_id bigint
          primary key item_pkey (id)
        table orgs
          org_id bigint not null
          vat varchar(255)
          primary key orgs_pkey (org_id)
          foreign key fkgk8h79cr5b9kqss4176a4kytx (org_id) references party (id)
        table party
          id bigint not null
          name varchar(255)
          primary key party_pkey (id)
        table person
          age integer not null
          first varchar(255) not null
          id bigint not null
          primary key person_pkey (id)
          foreign key fkd24ho54eekm0132jtn98n6wda (id) references party (id)
        table report
          id bigint not null
          title varchar(255)
          primary key report_pkey (id)
          foreign key fk8dx7c7arhjbhoseffv9t1mgsm (id) references doc (id)
        table report2
          id bigint not null
          primary key report2_pkey (id)
          foreign key fk_report2 (id) references doc (id)
        table sub2
          s varchar(255)
          x bigint not null
          y bigint not null
          primary key sub2_pkey (x, y)
          foreign key fkrvkj0i0w9upemlwheplng4kj8 (x, y) references base2 (a, b)
        table sub3
          a bigint not null
          b bigint not null
          primary key sub3_pkey (a, b)
          foreign key fk5edsc9ae1vp10iov2eolbt7ky (a, b) references base2 (a, b)
        table voucher
          amount numeric(38,2)
          code varchar(255)
          id bigint not null
          notes integer not null
          primary key voucher_pkey (id)
        sequence party_seq start 1 increment 50
        sequence payment_seq start 1 increment 50
        """, result.schema());
  }

  @Test
  void tablePerClassKeepsNoForeignKeyToAClassWithSubclasses() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Person { @Id Long id; }
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
        @Table(uniqueConstraints = @UniqueConstraint(columnNames = "ref"),
            indexes = @jakarta.persistence.Index(columnList = "amount"))
        abstract class Payment { @Id @GeneratedValue Long id; BigDecimal amount;
          @Column(unique = true) String ref; @ManyToOne Person payer; @ElementCollection Set<String> tags;
            @ManyToMany Set<Person> witnesses; }
        @Entity class CardPayment extends Payment { String card; }
        @Entity class CashPayment extends Payment { int notes; }
        @Entity class Voucher extends CashPayment { String code; }
        @Entity class Refund { @Id Long id; @ManyToOne CardPayment card; @ManyToOne CashPayment cash;
          @ManyToOne Voucher voucher; @ManyToOne Payment any; }
        @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) class Lone { @Id Long id; }
        @Entity @DiscriminatorColumn class Lone2 { @Id Long id; }
        @Entity class Root3 { @Id Long id; }
        @Entity class Sub3 extends Root3 { long zeta; int alpha; @Column(nullable = false) Integer mid;
          boolean beta; }
        @Entity @Inheritance(strategy = InheritanceType.JOINED) class JRoot { @Id Long id; @ManyToOne Person p; }
        @Entity class JSub extends JRoot { @ManyToOne JRoot other; }
        @Entity class JRef { @Id Long id; @ManyToOne JSub sub; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table cardpayment
          amount numeric(38,2)
          card varchar(255)
          id bigint not null
          payer_id bigint
          ref varchar(255)
          primary key cardpayment_pkey (id)
          foreign key fklba0njetu35ekavr6kyxocub6 (payer_id) references person (id)
          unique cardpayment_ref_key (ref)
        table cashpayment
          amount numeric(38,2)
          id bigint not null
          notes integer not null
          payer_id bigint
          ref varchar(255)
          primary key cashpayment_pkey (id)
          foreign key fktaf99qdpf4xr95rv4sfy3qqls (payer_id) references person (id)
          unique cashpayment_ref_key (ref)
        table jref
          id bigint not null
          sub_id bigint
          primary key jref_pkey (id)
          foreign key fklylel2frtvpafsospcyi5jonv (sub_id) references jsub (id)
        table jroot
          id bigint not null
          p_id bigint
          primary key jroot_pkey (id)
          foreign key fk7lea9vqg22x19ea17l2g9el5c (p_id) references person (id)
        table jsub
          id bigint not null
          other_id bigint
          primary key jsub_pkey (id)
          foreign key fk92voxrfhh7cscw69xkl5oljry (id) references jroot (id)
          foreign key fki7vp47ei351wrxdm7qiebrnt1 (other_id) references jroot (id)
        table lone
          id bigint not null
          primary key lone_pkey (id)
        table lone2
          dtype varchar(31) not null
          id bigint not null
          primary key lone2_pkey (id)
          check lone2_dtype_check: dtype in ('Lone2')
        table payment_person
          payment_id bigint not null
          witnesses_id bigint not null
          primary key payment_person_pkey (payment_id, witnesses_id)
          foreign key fkrwaqo9f5fnjvf8wargcw7sb1i (witnesses_id) references person (id)
        table payment_tags
          payment_id bigint not null
          tags varchar(255)
          unique payment_tags_payment_id_tags_key (payment_id, tags)
        table person
          id bigint not null
          primary key person_pkey (id)
        table refund
          any_id bigint
          card_id bigint
          cash_id bigint
          id bigint not null
          voucher_id bigint
          primary key refund_pkey (id)
          foreign key fk41p4kdts3l9a1opga9mkac0gu (voucher_id) references voucher (id)
          foreign key fkage4o6o78y64hm44vqdt1pf4w (card_id) references cardpayment (id)
        table root3
          alpha integer
          beta boolean
          dtype varchar(31) not null
          id bigint not null
          mid integer not null
          zeta bigint
          primary key root3_pkey (id)
          check root3_check: dtype <> 'Sub3' or (alpha is not null and beta is not null and zeta is not null)
          check root3_dtype_check: dtype in ('Root3','Sub3')
        table voucher
          amount numeric(38,2)
          code varchar(255)
          id bigint not null
          notes integer not null
          payer_id bigint
          ref varchar(255)
          primary key voucher_pkey (id)
          foreign key fkq7u4846m1qd9030pu04088xlk (payer_id) references person (id)
          unique voucher_ref_key (ref)
        sequence payment_seq start 1 increment 50
        """, result.schema());
  }
}
