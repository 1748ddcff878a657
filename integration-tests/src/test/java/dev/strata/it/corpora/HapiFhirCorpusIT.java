package dev.strata.it.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.it.oracle.SchemaOracle;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAPI FHIR's JPA server model ({@code ca.uhn.hapi.fhir:hapi-fhir-jpaserver-model:8.8.0}): mapped
 * superclasses, {@code @EmbeddedId} and {@code @IdClass} keys, HAPI's own generator (read through
 * {@code strata.sequenceStyleGenerators}). The test's Hibernate 7.4 cannot load HAPI's classes (built
 * for 6.6), so HAPI's own Hibernate 6.6 judges Strata's schema, booted outside HAPI's Spring context
 * in a class loader of its own ({@link IsolatedHibernate}, docs/corpora.md).
 */
class HapiFhirCorpusIT {

  /**
   * HAPI's generator wraps Hibernate's SequenceStyleGenerator and sets start 1000 and increment 50
   * itself (HapiSequenceStyleGenerator.configure), which its annotation does not show.
   */
  static final Map<String, String> OPTIONS = Map.of("strata.sequenceStyleGenerators",
      "ca.uhn.fhir.jpa.model.dialect.HapiSequenceStyleGenerator(initial_value=1000, increment_size=50)");

  /**
   * The Hibernate service HAPI's generator asks the registry for, which HAPI's Spring configuration
   * registers: its no-op implementation, the one the generator itself falls back to when the
   * registry has none (Hibernate 6.6 throws instead of answering none).
   */
  static final Map<String, String> SERVICES = Map.of("ca.uhn.fhir.jpa.util.ISequenceValueMassager",
      "ca.uhn.fhir.jpa.util.ISequenceValueMassager$NoopSequenceValueMassager");

  /** What Hibernate 6.6's schema may differ in from Strata's, which follows Hibernate 7.4. */
  static final List<SchemaOracle.Allowed> ALLOWED = List.of();

  @TempDir Path dir;

  /**
   * Strata's schema against HAPI's own Hibernate 6.6 (the test's 7.4 cannot load HAPI's classes):
   * its {@code validate} on Strata's database, and the schema it creates itself.
   */
  @Test
  void everyEntityMapsAndHapisHibernateAgrees() throws Exception {
    CorpusRun run = CorpusRun.compile("hapi-fhir", "HAPI FHIR JPA server model 8.8.0", dir, OPTIONS);
    run.apply();
    run.writeReport();
    assertEquals(Map.of(), run.compiled().firstPassErrors(), "every class maps");
    assertEquals(Set.of(), run.compiled().setAside(), "nothing is left out");
    Schema schema = run.compiled().snapshot().orElseThrow().schema();
    assertEquals(29, run.corpus().entityClasses().size(), "HAPI's entities");
    assertEquals(29, schema.tables().size(), "one table per entity");
    // JpaPid.myId, the key of hfj_resource: HAPI's generator, as the option describes it.
    assertEquals(Optional.of(new Sequence(new QualifiedName(Optional.empty(), "seq_resource_id"), 1000, 50)),
        schema.sequence(new QualifiedName(Optional.empty(), "seq_resource_id")));
    run.compareWithModelsHibernate(ALLOWED, SERVICES).validateWithModelsHibernate(SERVICES);
  }
}
