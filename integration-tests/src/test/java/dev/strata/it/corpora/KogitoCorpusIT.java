package dev.strata.it.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache KIE Kogito's data index ({@code org.kie.kogito:data-index-storage-jpa-common:10.1.0}):
 * {@code @IdClass} keys, element collections, converters, composite foreign keys. Hibernate 7.4 boots
 * on it, so Strata's schema is compared with Hibernate's and validated by it.
 */
class KogitoCorpusIT {

  @TempDir Path dir;

  @Test
  void everyEntityMapsAndTheSchemaIsHibernates() throws Exception {
    CorpusRun run = CorpusRun.compile("kogito", "Apache KIE Kogito data index 10.1.0", dir);
    assertEquals(Map.of(), run.compiled().firstPassErrors(), "every class maps");
    assertEquals(run.corpus().entityClasses(), run.compiled().snapshot().orElseThrow().entities());
    run.apply().compareWithHibernate(List.of(), Set.of()).validate();
  }
}
