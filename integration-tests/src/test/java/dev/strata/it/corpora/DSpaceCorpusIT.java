package dev.strata.it.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSpace 9.0 ({@code org.dspace:dspace-api:9.0}): sequence generators, join tables, many-to-many,
 * element collections, Hibernate's {@code @CollectionId}. Its dependency tree does not resolve from
 * Maven Central, so it compiles against a class path hand-picked in src/test/corpora/dspace/pom.xml;
 * with it Hibernate 7.4 boots, so Strata's schema is compared with Hibernate's and validated by it.
 */
class DSpaceCorpusIT {

  @TempDir Path dir;

  @Test
  void everyEntityMapsAndTheSchemaIsHibernates() throws Exception {
    CorpusRun run = CorpusRun.compile("dspace", "DSpace 9.0", dir);
    run.writeReport();
    assertEquals(Map.of(), run.compiled().firstPassErrors(), "every class maps");
    assertEquals(run.corpus().entityClasses(), run.compiled().snapshot().orElseThrow().entities());
    run.apply().compareWithHibernate(List.of(), Set.of()).validate();
  }
}
