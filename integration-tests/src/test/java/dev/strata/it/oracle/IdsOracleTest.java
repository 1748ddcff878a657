package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers and their generators: IDENTITY, AUTO and SEQUENCE without a generator (Hibernate's
 * {@code <table>_seq}, increment 50), {@code @SequenceGenerator} on the attribute, the class and a
 * mapped superclass (name, sequence name, schema, initial value, allocation size), a generator name
 * with no generator declared, one sequence shared by two entities, TABLE with and without
 * {@code @TableGenerator}, UUID ids, primitive and wrapper id types, and {@code @Version}.
 */
class IdsOracleTest {


  private static final String IDENTITY = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class IdentityLong {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Version int version;
      }
      """;

  private static final String IDENTITY_INT = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class IdentityInt {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) int id;
        @Version Long version;
      }
      """;

  private static final String AUTO = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class AutoId {
        @Id @GeneratedValue Long id;
        @Version java.time.Instant updated;
      }
      """;

  private static final String PLAIN_SEQUENCE = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "plain_sequence")
      public class PlainSequence {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) long id;
      }
      """;

  private static final String FIELD_GENERATOR = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class FieldGenerator {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "field_gen")
        @SequenceGenerator(name = "field_gen", sequenceName = "field_generator_ids", initialValue = 100, allocationSize = 10)
        Long id;
      }
      """;

  private static final String CLASS_GENERATOR = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      @SequenceGenerator(name = "class_gen", allocationSize = 1)
      public class ClassGenerator {
        @Id @GeneratedValue(generator = "class_gen") Integer id;
      }
      """;

  private static final String BASE = """
      package ids;

      import jakarta.persistence.*;

      @MappedSuperclass
      @SequenceGenerator(name = "base_gen", sequenceName = "shared_ids", allocationSize = 20)
      public abstract class Base {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "base_gen") Long id;
        @Version short version;
      }
      """;

  private static final String FIRST_CHILD = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class FirstChild extends Base {
        String name;
      }
      """;

  private static final String SECOND_CHILD = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class SecondChild extends Base {
        String title;
      }
      """;

  private static final String UNDECLARED_GENERATOR = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class UndeclaredGenerator {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "undeclared_seq") Long id;
      }
      """;

  private static final String SCHEMA_SEQUENCE = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      @Table(schema = "billing")
      @SequenceGenerator(name = "invoice_gen", schema = "billing", sequenceName = "invoice_numbers", initialValue = 1000)
      public class Invoice {
        @Id @GeneratedValue(generator = "invoice_gen") Long id;
      }
      """;

  private static final String TABLE_DEFAULT = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class TableDefault {
        @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;
      }
      """;

  private static final String TABLE_GENERATOR = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class TableNamed {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "tab_gen")
        @TableGenerator(name = "tab_gen", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_block")
        Long id;
      }
      """;

  private static final String UUIDS = """
      package ids;

      import jakarta.persistence.*;
      import java.util.UUID;

      @Entity
      public class UuidAuto {
        @Id @GeneratedValue UUID id;
      }
      """;

  private static final String UUID_STRATEGY = """
      package ids;

      import jakarta.persistence.*;
      import java.util.UUID;

      @Entity
      public class UuidStrategy {
        @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;
        @Version Integer version;
      }
      """;

  private static final String UUID_STRING = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class UuidString {
        @Id @GeneratedValue(strategy = GenerationType.UUID) String id;
      }
      """;

  private static final String ASSIGNED = """
      package ids;

      import jakarta.persistence.*;

      @Entity
      public class Assigned {
        @Id @Column(length = 40) String code;
        @Version java.time.LocalDateTime changed;
      }
      """;

  @TempDir Path dir;

  @Test
  void identifiersGeneratorsAndSequencesMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "ids")
        .source("ids/IdentityLong.java", IDENTITY)
        .source("ids/IdentityInt.java", IDENTITY_INT)
        .source("ids/AutoId.java", AUTO)
        .source("ids/PlainSequence.java", PLAIN_SEQUENCE)
        .source("ids/FieldGenerator.java", FIELD_GENERATOR)
        .source("ids/ClassGenerator.java", CLASS_GENERATOR)
        .source("ids/Base.java", BASE)
        .source("ids/FirstChild.java", FIRST_CHILD)
        .source("ids/SecondChild.java", SECOND_CHILD)
        .source("ids/UndeclaredGenerator.java", UNDECLARED_GENERATOR)
        .source("ids/Invoice.java", SCHEMA_SEQUENCE)
        .source("ids/TableDefault.java", TABLE_DEFAULT)
        .source("ids/TableNamed.java", TABLE_GENERATOR)
        .source("ids/UuidAuto.java", UUIDS)
        .source("ids/UuidStrategy.java", UUID_STRATEGY)
        .source("ids/UuidString.java", UUID_STRING)
        .source("ids/Assigned.java", ASSIGNED)
        // Hibernate creates the schemas its tables and sequences live in only when asked to.
        .hibernateSetting("hibernate.hbm2ddl.create_namespaces", "true")
        .run()
        .assertOnly();
  }
}
