package dev.strata.it.corpora;

import static dev.strata.it.corpora.KnownDifferences.keyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.it.oracle.KnownBugs;
import dev.strata.it.oracle.SchemaOracle.Allowed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSpace 9.0 ({@code org.dspace:dspace-api:9.0}): sequence generators, join tables, many-to-many,
 * element collections, Hibernate's {@code @CollectionId}. Its dependency tree does not resolve from
 * Maven Central, so it compiles against a class path hand-picked in src/test/corpora/dspace/pom.xml;
 * Hibernate 7.4 boots on it with that class path.
 */
class DSpaceCorpusIT {

  /** Classes that do not map, with the codes of their errors: findings reported to the lead. */
  private static final Map<String, List<String>> NOT_MAPPED = Map.of(
      // @Enumerated(ORDINAL) @JdbcTypeCode(SqlTypes.INTEGER): Hibernate makes an integer column.
      "org.dspace.content.Relationship", List.of("STRATA-107"),
      "org.dspace.content.RelationshipType", List.of("STRATA-107"));

  /** Their tables and the sequences of their generators. */
  private static final Set<String> NOT_MAPPED_OBJECTS =
      Set.of("relationship", "relationship_type", "relationship_id_seq", "relationship_type_id_seq");

  private static final String NO_ACTION = KnownDifferences.NO_ACTION;

  private static final List<Allowed> ALLOWED = Stream.of(
      keyOrder("bundle2bitstream", "bundle_id, bitstream_order", "bitstream_order, bundle_id"),
      keyOrder("collection2item", "item_id, collection_id", "collection_id, item_id"),
      keyOrder("community2community", "parent_comm_id, child_comm_id", "child_comm_id, parent_comm_id"),
      // Group2GroupCache: two @Id @ManyToOne and a unique constraint on the same two columns.
      keyOrder("group2groupcache", "child_id, parent_id", "parent_id, child_id", KnownBugs.UNIQUE_SAME_AS_KEY),
      List.of(
          Allowed.knownBugOnlyStrata("table group2groupcache unique group2groupcache_parent_id_child_id_key",
              "(parent_id, child_id)", KnownBugs.UNIQUE_SAME_AS_KEY),
          // BitstreamFormat.fileExtensions: an idbag (@CollectionId) in table fileextension.
          Allowed.knownBugOnlyHibernate("sequence fileextension_seq", "start 1 increment 1",
              KnownBugs.COLLECTION_ID_IGNORED),
          Allowed.knownBugOnlyHibernate("table fileextension column file_extension_id", "integer not null",
              KnownBugs.COLLECTION_ID_IGNORED),
          Allowed.knownBugOnlyHibernate("table fileextension primary key fileextension_pkey",
              "(file_extension_id)", KnownBugs.COLLECTION_ID_IGNORED)))
      .flatMap(List::stream).toList();

  @TempDir Path dir;

  @Test
  void theMappableEntitiesApplyAndMatchHibernate() throws Exception {
    CorpusRun run = CorpusRun.compile("dspace", "DSpace 9.0", dir);
    assertEquals(NOT_MAPPED, HapiFhirCorpusIT.codes(run.compiled().firstPassErrors()),
        "classes that do not map, with their codes");
    assertEquals(NOT_MAPPED.keySet(), run.compiled().setAside(), "only those are left out");
    run.apply().compareWithHibernate(ALLOWED, NOT_MAPPED_OBJECTS);
  }
}
