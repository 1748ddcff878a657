package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Identifier generation and versions, as Hibernate 7.4.15 creates them on PostgreSQL. */
class GenerationMappingTest {

  @Test
  void sequencesFollowHibernatesDefaultsAndGenerators() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Auto { @Id @GeneratedValue Long id; }
        @Entity class Seq { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }
        @Entity @Table(name = "orders") class Ord { @Id @GeneratedValue Long id; }
        @Entity @Table(name = "inv", schema = "acc") class Inv { @Id @GeneratedValue Long id; @Version Integer version; }
        @Entity class SeqNamed { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gen")
          @SequenceGenerator(name = "gen", sequenceName = "my_seq", initialValue = 5, allocationSize = 10) Long id; }
        @Entity class SeqGenOnly { @Id @GeneratedValue(generator = "g2") @SequenceGenerator(name = "g2") Long id; }
        @Entity class SeqUndeclared { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_gen")
          Long id; }
        @Entity @SequenceGenerator(name = "own", sequenceName = "own_seq", allocationSize = 7)
        class ClassGen { @Id @GeneratedValue(generator = "own") Long id; }
        @Entity class UsesOthersGenerator { @Id @GeneratedValue(generator = "own") Long id; }
        @MappedSuperclass abstract class Base { @Id @GeneratedValue(generator = "basegen")
          @SequenceGenerator(name = "basegen", sequenceName = "base_seq") Long id; @Version long v; }
        @Entity class Child extends Base { String x; }
        @Entity class Uuid { @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id; }
        @Entity class UuidAuto { @Id @GeneratedValue UUID id; }
        @Entity class UuidString { @Id @GeneratedValue(strategy = GenerationType.UUID) String id; }
        @Entity class Tab { @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id; }
        @Entity class Tab2 { @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "tg")
          @TableGenerator(name = "tg", table = "ids", pkColumnName = "k", valueColumnName = "v") Long id; }
        @Entity class Versioned { @Id Long id; @Version Instant ts; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        namespace acc
        table auto
          id bigint not null
          primary key auto_pkey (id)
        table child
          id bigint not null
          v bigint not null
          x varchar(255)
          primary key child_pkey (id)
        table classgen
          id bigint not null
          primary key classgen_pkey (id)
        table hibernate_sequences
          next_val bigint
          sequence_name varchar(255) not null
          primary key hibernate_sequences_pkey (sequence_name)
        table ids
          k varchar(255) not null
          v bigint
          primary key ids_pkey (k)
        table orders
          id bigint not null
          primary key orders_pkey (id)
        table seq
          id bigint not null
          primary key seq_pkey (id)
        table seqgenonly
          id bigint not null
          primary key seqgenonly_pkey (id)
        table seqnamed
          id bigint not null
          primary key seqnamed_pkey (id)
        table sequndeclared
          id bigint not null
          primary key sequndeclared_pkey (id)
        table tab
          id bigint not null
          primary key tab_pkey (id)
        table tab2
          id bigint not null
          primary key tab2_pkey (id)
        table usesothersgenerator
          id bigint not null
          primary key usesothersgenerator_pkey (id)
        table uuid
          id uuid not null
          primary key uuid_pkey (id)
        table uuidauto
          id uuid not null
          primary key uuidauto_pkey (id)
        table uuidstring
          id varchar(255) not null
          primary key uuidstring_pkey (id)
        table versioned
          id bigint not null
          ts timestamptz(6) not null
          primary key versioned_pkey (id)
        table acc.inv
          id bigint not null
          version integer not null
          primary key inv_pkey (id)
        sequence auto_seq start 1 increment 50
        sequence base_seq start 1 increment 50
        sequence g2 start 1 increment 50
        sequence inv_seq start 1 increment 50
        sequence my_seq start 5 increment 10
        sequence orders_seq start 1 increment 50
        sequence own start 1 increment 50
        sequence own_seq start 1 increment 7
        sequence seq_seq start 1 increment 50
        sequence shared_gen start 1 increment 50
        """, result.schema());
  }

  @Test
  void conflictingSequenceSettingsAreAnError() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id @GeneratedValue(generator = "a") @SequenceGenerator(name = "a", sequenceName = "ids")
          Long id; }
        @Entity class B { @Id @GeneratedValue(generator = "b")
          @SequenceGenerator(name = "b", sequenceName = "ids", allocationSize = 1) Long id; }
        """);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-112] sequence ids of B.id starts at 1 and increments "
        + "by 1, but another identifier uses it starting at 1 and incrementing by 50; give both generators the same "
        + "initialValue and allocationSize, or use two sequences").inFile(src).onLine(9);
  }

  @Test
  void sequenceOnTextIsAnError() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) String id; }
        """);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-105] @GeneratedValue(strategy = SEQUENCE) on A.id: "
        + "a sequence generates numbers, not varchar(255); use a numeric identifier, or strategy = UUID for a UUID")
        .inFile(src).onLine(6);
  }

  @Test
  void autoOnTextIsAGeneratedUuid() {
    // Hibernate 7.4.15's create: "id varchar(255) not null, primary key (id)" and no sequence.
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class A { @Id @GeneratedValue String id; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table a
          id varchar(255) not null
          primary key a_pkey (id)
        """, result.schema());
  }

  @Test
  void uuidOnNumberIsAnError() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id @GeneratedValue(strategy = GenerationType.UUID) Long id; }
        """);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-105] @GeneratedValue(strategy = UUID) on A.id: a "
        + "generated UUID needs a java.util.UUID or String identifier, not bigint; change the type, or use another "
        + "strategy").inFile(src).onLine(6);
  }
}
