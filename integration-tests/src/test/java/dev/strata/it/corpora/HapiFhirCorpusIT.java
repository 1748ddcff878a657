package dev.strata.it.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAPI FHIR's JPA server model ({@code ca.uhn.hapi.fhir:hapi-fhir-jpaserver-model:8.8.0}): mapped
 * superclasses, {@code @EmbeddedId} and {@code @IdClass} keys, HAPI's own generator (read through
 * {@code strata.sequenceStyleGenerators}). Hibernate 7.4 does
 * not boot on it outside HAPI's Spring context (docs/corpora.md), so only Strata's side is checked.
 */
class HapiFhirCorpusIT {

  /**
   * HAPI's generator wraps Hibernate's SequenceStyleGenerator and sets start 1000 and increment 50
   * itself (HapiSequenceStyleGenerator.configure), which its annotation does not show.
   */
  static final Map<String, String> OPTIONS = Map.of("strata.sequenceStyleGenerators",
      "ca.uhn.fhir.jpa.model.dialect.HapiSequenceStyleGenerator(initial_value=1000, increment_size=50)");

  @TempDir Path dir;

  @Test
  void everyEntityMapsAndApplies() throws Exception {
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
  }

  /** The errors of each class reduced to their codes, sorted. */
  static Map<String, List<String>> codes(Map<String, List<String>> errors) {
    Map<String, List<String>> out = new TreeMap<>();
    errors.forEach((type, messages) -> out.put(type, messages.stream()
        .map(m -> m.replaceFirst("^line \\d+: \\[(STRATA-\\d+)\\].*", "$1")).sorted().toList()));
    return out;
  }
}
