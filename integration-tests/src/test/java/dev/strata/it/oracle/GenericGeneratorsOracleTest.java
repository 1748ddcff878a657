package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's {@code @GenericGenerator} on AUTO identifiers: {@code SequenceStyleGenerator} named by
 * class, by strategy ({@code enhanced-sequence}, the default {@code native}), a subclass that keeps its
 * sequence, parameters ({@code sequence_name} with a schema, {@code initial_value},
 * {@code increment_size}, {@code sequence_per_entity_suffix}, {@code optimizer = none}), and a
 * generator that wraps SequenceStyleGenerator with values of its own, as HAPI FHIR's
 * {@code HapiSequenceStyleGenerator} does, vouched for with {@code strata.sequenceStyleGenerators} and
 * used both on a plain id and inside an {@code @EmbeddedId}.
 */
class GenericGeneratorsOracleTest {

  private static final String BY_TYPE = """
      package gen;

      import jakarta.persistence.*;
      import org.hibernate.annotations.GenericGenerator;
      import org.hibernate.id.enhanced.SequenceStyleGenerator;

      @Entity
      public class ByType {
        @Id @GeneratedValue(generator = "by_type") @GenericGenerator(name = "by_type", type = SequenceStyleGenerator.class)
        Long id;
      }
      """;

  private static final String BY_STRATEGY = """
      package gen;

      import jakarta.persistence.*;
      import org.hibernate.annotations.GenericGenerator;

      @Entity
      public class ByStrategy {
        @Id @GeneratedValue(generator = "ByStrategyIds") @GenericGenerator(name = "ByStrategyIds", strategy = "enhanced-sequence")
        Long id;
      }
      """;

  private static final String NATIVE = """
      package gen;

      import jakarta.persistence.*;
      import org.hibernate.annotations.GenericGenerator;

      @Entity
      public class NativeIds {
        @Id @GeneratedValue(generator = "native_gen") @GenericGenerator(name = "native_gen") Long id;
      }
      """;

  private static final String KEEPS_SEQUENCE = """
      package gen;

      public class KeepsSequence extends org.hibernate.id.enhanced.SequenceStyleGenerator {
        @Override
        public String toString() {
          return "keeps the sequence";
        }
      }
      """;

  private static final String PARAMS = """
      package gen;

      import jakarta.persistence.*;
      import org.hibernate.annotations.GenericGenerator;
      import org.hibernate.annotations.Parameter;

      @Entity
      @Table(schema = "ids")
      public class Params {
        @Id @GeneratedValue(generator = "p")
        @GenericGenerator(name = "p", type = KeepsSequence.class, parameters = {
            @Parameter(name = "sequence_name", value = "ids.params_ids"),
            @Parameter(name = "initial_value", value = "10"), @Parameter(name = "increment_size", value = "5") })
        Long id;
      }
      """;

  private static final String ON_CLASS = """
      package gen;

      import jakarta.persistence.*;
      import org.hibernate.annotations.GenericGenerator;
      import org.hibernate.annotations.Parameter;

      @Entity
      @GenericGenerator(name = "on_class", strategy = "sequence", parameters = {
          @Parameter(name = "sequence_per_entity_suffix", value = "_ids"),
          @Parameter(name = "increment_size", value = "20"), @Parameter(name = "optimizer", value = "none") })
      public class OnClass {
        @Id @GeneratedValue(generator = "on_class") Integer id;
      }
      """;

  /** HAPI FHIR's HapiSequenceStyleGenerator, written against Hibernate 7's generator API. */
  private static final String WRAPPING = """
      package gen;

      import java.util.Properties;
      import org.hibernate.boot.model.relational.Database;
      import org.hibernate.boot.model.relational.SqlStringGenerationContext;
      import org.hibernate.engine.spi.SharedSessionContractImplementor;
      import org.hibernate.generator.GeneratorCreationContext;
      import org.hibernate.id.IdentifierGenerator;
      import org.hibernate.id.OptimizableGenerator;
      import org.hibernate.id.enhanced.SequenceStyleGenerator;

      public class Wrapping implements IdentifierGenerator {
        private final SequenceStyleGenerator inner = new SequenceStyleGenerator();

        @Override
        public void configure(GeneratorCreationContext context, Properties parameters) {
          // As HAPI does: Hibernate's parameters become defaults (which SequenceStyleGenerator does not
          // read), and the generator sets its own optimizer, start and increment.
          Properties own = new Properties(parameters);
          own.put(OptimizableGenerator.OPT_PARAM, "pooled");
          own.put(OptimizableGenerator.INITIAL_PARAM, 1000);
          own.put(OptimizableGenerator.INCREMENT_PARAM, 50);
          own.put(IdentifierGenerator.GENERATOR_NAME, parameters.getProperty(IdentifierGenerator.GENERATOR_NAME));
          inner.configure(context, own);
        }

        @Override
        public void registerExportables(Database database) {
          inner.registerExportables(database);
        }

        @Override
        public void initialize(SqlStringGenerationContext context) {
          inner.initialize(context);
        }

        @Override
        public Object generate(SharedSessionContractImplementor session, Object object) {
          return inner.generate(session, object);
        }
      }
      """;

  private static final String PID = """
      package gen;

      import jakarta.persistence.*;
      import java.io.Serializable;
      import org.hibernate.annotations.GenericGenerator;

      @Embeddable
      public class Pid implements Serializable {
        @GenericGenerator(name = "SEQ_RESOURCE_ID", type = Wrapping.class)
        @GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_RESOURCE_ID")
        @Column(name = "RES_ID", nullable = false)
        Long id;

        @Column(name = "PARTITION_ID")
        Integer partition;

        @Override
        public boolean equals(Object o) {
          return o instanceof Pid p && java.util.Objects.equals(id, p.id) && java.util.Objects.equals(partition, p.partition);
        }

        @Override
        public int hashCode() {
          return java.util.Objects.hash(id, partition);
        }
      }
      """;

  private static final String RESOURCE = """
      package gen;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "HFJ_RESOURCE")
      public class Resource {
        @EmbeddedId Pid pid;
        @Column(name = "RES_TYPE", length = 40) String type;
      }
      """;

  private static final String TAG = """
      package gen;

      import jakarta.persistence.*;
      import org.hibernate.annotations.GenericGenerator;

      @Entity
      @Table(name = "HFJ_RES_TAG")
      public class Tag {
        @GenericGenerator(name = "SEQ_RESTAG_ID", type = Wrapping.class)
        @GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_RESTAG_ID")
        @Id @Column(name = "PID")
        Long id;
      }
      """;

  @TempDir Path dir;

  @Test
  void genericGeneratorsMakeHibernatesSequences() throws Exception {
    SchemaOracle.in(dir, "generic-generators")
        .source("gen/ByType.java", BY_TYPE)
        .source("gen/ByStrategy.java", BY_STRATEGY)
        .source("gen/NativeIds.java", NATIVE)
        .source("gen/KeepsSequence.java", KEEPS_SEQUENCE)
        .source("gen/Params.java", PARAMS)
        .source("gen/OnClass.java", ON_CLASS)
        .source("gen/Wrapping.java", WRAPPING)
        .source("gen/Pid.java", PID)
        .source("gen/Resource.java", RESOURCE)
        .source("gen/Tag.java", TAG)
        .processorOption("strata.sequenceStyleGenerators", "gen.Wrapping(initial_value=1000, increment_size=50)")
        // Hibernate creates the schemas its tables and sequences live in only when asked to.
        .hibernateSetting("hibernate.hbm2ddl.create_namespaces", "true")
        .run()
        .assertOnly();
  }
}
