package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;

import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message of the basic mapping: its exact text, file and line. Sources start on line 5. */
class BasicMappingErrorTest {

  private static void assertOneError(JavaFileObject source, String message, int line) {
    ReaderHarness.Result result = compile(source);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining(message).inFile(source).onLine(line);
  }

  @Test
  void unknownTypeIsAnError() {
    JavaFileObject src = source("Doc", """
        @Entity
        public class Doc {
          @Id Long id;
          Object payload;
        }
        """);
    assertOneError(src, "[STRATA-101] Doc.payload: type java.lang.Object is not a basic type Strata can map to a "
        + "column; change it to a supported type (see docs/type-mapping.md), give it "
        + "@Column(columnDefinition = \"<PostgreSQL type>\"), or mark it @Transient", 8);
  }

  @Test
  void negativeLengthIsAnError() {
    JavaFileObject src = source("Order", """
        @Entity
        public class Order {
          @Id Long id;
          @Column(length = -1)
          String total;
        }
        """);
    assertOneError(src, "[STRATA-102] @Column(length = -1) on Order.total: length must be positive; remove it or "
        + "set a positive value", 8);
  }

  @Test
  void negativePrecisionIsAnError() {
    JavaFileObject src = source("Price", """
        @Entity
        public class Price {
          @Id Long id;
          @Column(precision = -2) BigDecimal amount;
        }
        """);
    assertOneError(src, "[STRATA-102] @Column(precision = -2) on Price.amount: precision must not be negative; "
        + "remove it or set a positive value", 8);
  }

  @Test
  void numericPrecisionAboveThousandIsAnError() {
    JavaFileObject src = source("Price", """
        @Entity
        public class Price {
          @Id Long id;
          @Column(precision = 1001) BigDecimal amount;
        }
        """);
    assertOneError(src, "[STRATA-102] @Column(precision = 1001) on Price.amount: PostgreSQL's numeric precision is "
        + "at most 1000; set a precision from 1 to 1000", 8);
  }

  @Test
  void secondPrecisionAboveSixIsAnError() {
    JavaFileObject src = source("Event", """
        @Entity
        public class Event {
          @Id Long id;
          @Column(secondPrecision = 9) Instant at;
        }
        """);
    assertOneError(src, "[STRATA-102] @Column(secondPrecision = 9) on Event.at: PostgreSQL keeps 0 to 6 fractional "
        + "second digits; set a value from 0 to 6, or remove it", 8);
  }

  @Test
  void scaleOnFloatingPointIsAnError() {
    JavaFileObject src = source("Measure", """
        @Entity
        public class Measure {
          @Id Long id;
          @Column(precision = 10, scale = 2) double value;
        }
        """);
    assertOneError(src, "[STRATA-102] @Column(scale = 2) on Measure.value: scale has no meaning for a floating-point "
        + "column; remove scale", 8);
  }

  @Test
  void idOnTransientFieldIsAnError() {
    JavaFileObject src = source("Session", """
        @Entity
        public class Session {
          @Id Long id;
          @Transient @Id Long shadow;
        }
        """);
    assertOneError(src, "[STRATA-103] @Id on Session.shadow: it is also @Transient, so it is not persistent; remove "
        + "@Transient to map it, or remove @Id", 8);
  }

  @Test
  void columnOnJavaTransientFieldIsAnError() {
    JavaFileObject src = source("Session", """
        @Entity
        public class Session {
          @Id Long id;
          @Column(name = "token") transient String token;
        }
        """);
    assertOneError(src, "[STRATA-103] @Column on Session.token: the field is transient (Java modifier), so it is not "
        + "persistent; remove transient to map it, or remove @Column", 8);
  }

  @Test
  void enumeratedOnNonEnumIsAnError() {
    JavaFileObject src = source("Flag", """
        @Entity
        public class Flag {
          @Id Long id;
          @Enumerated(EnumType.STRING) String name;
        }
        """);
    assertOneError(src, "[STRATA-103] @Enumerated on Flag.name: its type java.lang.String is not an enum; remove "
        + "@Enumerated", 8);
  }

  @Test
  void temporalOnJavaTimeIsAnError() {
    JavaFileObject src = source("Day", """
        @Entity
        public class Day {
          @Id Long id;
          @Temporal(TemporalType.DATE) LocalDate date;
        }
        """);
    assertOneError(src, "[STRATA-103] @Temporal on Day.date: @Temporal applies only to java.util.Date and "
        + "java.util.Calendar, not to java.time.LocalDate; remove @Temporal", 8);
  }

  @Test
  void generatedValueWithoutIdIsAnError() {
    JavaFileObject src = source("Counter", """
        @Entity
        public class Counter {
          @Id Long id;
          @GeneratedValue Long next;
        }
        """);
    assertOneError(src, "[STRATA-103] @GeneratedValue on Counter.next: only an @Id attribute can be generated; add "
        + "@Id, or remove @GeneratedValue", 8);
  }

  @Test
  void twoFieldsMappingOneColumnIsAnError() {
    JavaFileObject src = source("Person", """
        @Entity
        public class Person {
          @Id Long id;
          String name;
          @Column(name = "name") String alias;
        }
        """);
    assertOneError(src, "[STRATA-104] column name of table person is mapped twice, by Person.name and by "
        + "Person.alias; give one of them another column with @Column(name = ...), or make one read-only with "
        + "insertable = false, updatable = false", 9);
  }

  @Test
  void readOnlyDuplicateIsAccepted() {
    ReaderHarness.Result result = compile(source("Person", """
        @Entity
        public class Person {
          @Id Long id;
          @Column(name = "name", insertable = false, updatable = false) String alias;
          String name;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertEquals("""
        table person
          id bigint not null
          name varchar(255)
          primary key person_pkey (id)
        """, result.schema());
  }

  /**
   * Hibernate keeps the column of the attribute it binds first: identifiers, then basic and embedded
   * attributes by name (an embedded value's in its place), then to-one join columns; the later
   * mappings of the column change nothing of it (HAPI FHIR's BaseTag and ResourceHistoryTable).
   */
  @Test
  void theAttributeHibernateBindsFirstDefinesASharedColumn() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Target { @Id Long id; }
        @Embeddable class Pid { Long v; }
        @Entity class Tag {
          @Id Long id;
          @ManyToOne @JoinColumn(name = "target_id", nullable = false) Target aTarget;
          @Column(name = "target_id", insertable = false, updatable = false) Long targetId;
          @Column(name = "x") Long zeta;
          @Column(name = "x", nullable = false, insertable = false, updatable = false) Long alpha;
          @Embedded @AttributeOverride(name = "v", column = @Column(name = "e")) Pid bravo;
          @Column(name = "e", nullable = false, insertable = false, updatable = false) Long bravo2;
          @Column(name = "f", nullable = false, insertable = false, updatable = false) Long charlie;
          @Embedded @AttributeOverride(name = "v", column = @Column(name = "f")) Pid delta;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertEquals("""
        table tag
          e bigint
          f bigint not null
          id bigint not null
          target_id bigint
          x bigint not null
          primary key tag_pkey (id)
          foreign key fk68ejx7nx15gccq6fvkf73t2in (target_id) references target (id)
        table target
          id bigint not null
          primary key target_pkey (id)
        """, result.schema());
  }

  @Test
  void identityOnStringIsAnError() {
    JavaFileObject src = source("Code", """
        @Entity
        public class Code {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) String code;
        }
        """);
    assertOneError(src, "[STRATA-105] @GeneratedValue(strategy = IDENTITY) on Code.code: PostgreSQL identity columns "
        + "are smallint, integer or bigint, not varchar(255); use a Long or Integer identifier, or another strategy "
        + "(UUID for a java.util.UUID)", 7);
  }

  @Test
  void entityWithoutIdIsAnError() {
    JavaFileObject src = source("Note", """
        @Entity
        public class Note {
          String text;
        }
        """);
    assertOneError(src, "[STRATA-106] entity Note has no identifier; annotate the field (or getter) that holds its "
        + "primary key with @Id, or its @Embeddable key with @EmbeddedId", 6);
  }

  @Test
  void catalogIsAnError() {
    JavaFileObject src = source("Ledger", """
        @Entity
        @Table(catalog = "other")
        public class Ledger {
          @Id Long id;
        }
        """);
    assertOneError(src, "[STRATA-107] @Table(catalog = \"other\") on Ledger: PostgreSQL has no catalogs within a "
        + "database; remove catalog, or use schema", 6);
  }

  @Test
  void secondaryTableColumnIsAnError() {
    JavaFileObject src = source("Profile", """
        @Entity
        public class Profile {
          @Id Long id;
          @Column(table = "profile_extra") String bio;
        }
        """);
    assertOneError(src, "[STRATA-111] @Column(table = \"profile_extra\") on Profile.bio: Profile declares no "
        + "@SecondaryTable of that name; name one of its secondary tables, or declare it", 8);
  }

  @Test
  void lobOnNumberIsAnError() {
    JavaFileObject src = source("Blobby", """
        @Entity
        public class Blobby {
          @Id Long id;
          @Lob int size;
        }
        """);
    assertOneError(src, "[STRATA-107] @Lob on Blobby.size: Strata maps @Lob only on String, char[], byte[], Clob and "
        + "Blob, not on int; remove @Lob", 8);
  }

  @Test
  void columnDefinitionWithClausesIsAnError() {
    JavaFileObject src = source("Memo", """
        @Entity
        public class Memo {
          @Id Long id;
          @Column(columnDefinition = "text not null default ''") String body;
        }
        """);
    assertOneError(src, "[STRATA-108] @Column(columnDefinition = \"text not null default ''\") on Memo.body: Strata "
        + "reads columnDefinition as a PostgreSQL type only, e.g. \"text\" or \"numeric(12,4)\"; move NOT NULL to "
        + "nullable = false and defaults to @ColumnDefault", 8);
  }

  @Test
  void twoEntitiesOnOneTableIsAnError() {
    JavaFileObject a = source("Alpha", """
        @Entity @Table(name = "shared")
        public class Alpha { @Id Long id; }
        """);
    JavaFileObject b = source("Beta", """
        @Entity @Table(name = "shared")
        public class Beta { @Id Long id; }
        """);
    ReaderHarness.Result result = compile(a, b);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-109] entity Beta maps to table shared, which Alpha "
        + "maps too; give one of them another table with @Table(name = ...)").inFile(b).onLine(6);
  }

  @Test
  void emptyRenamedFromIsAnError() {
    JavaFileObject src = source("Client", """
        @Entity
        public class Client {
          @Id Long id;
          @dev.strata.runtime.RenamedFrom("") String name;
        }
        """);
    assertOneError(src, "[STRATA-110] @RenamedFrom on Client.name: the old column name is empty; write the column's "
        + "old name, exactly as in the database", 8);
  }

  @Test
  void unknownNamingOptionIsAnError() {
    ReaderHarness.Result result = compile(Map.of("strata.naming", "kebab"), source("Thing", """
        @Entity public class Thing { @Id Long id; }
        """));
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-451] option strata.naming=kebab is not a naming "
        + "Strata knows; use one of jpa, snake_case, or leave it out for jpa");
  }

  @Test
  void unknownConstraintNamingOptionIsAnError() {
    ReaderHarness.Result result = compile(Map.of("strata.constraintNaming", "short"), source("Thing", """
        @Entity public class Thing { @Id Long id; }
        """));
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-452] option strata.constraintNaming=short is not a "
        + "constraint naming Strata knows; use one of hibernate, readable, or leave it out for hibernate");
  }
}
