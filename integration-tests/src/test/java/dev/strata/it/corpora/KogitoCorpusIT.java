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
 * Apache KIE Kogito's data index ({@code org.kie.kogito:data-index-storage-jpa-common:10.1.0}):
 * {@code @IdClass} keys, element collections, converters, composite foreign keys. Hibernate 7.4 boots
 * on it, so Strata's schema is compared with Hibernate's and validated by it.
 */
class KogitoCorpusIT {

  /**
   * Every difference is one of two known Strata bugs (dev.strata.it.oracle.KnownBugs); the oracle
   * tests reproduce both in the default build.
   */
  private static final List<Allowed> ALLOWED = Stream.of(
      keyOrder("definitions_addons", "process_id, process_version, addon", "addon, process_id, process_version"),
      keyOrder("definitions_nodes_metadata", "node_id, process_id, process_version, name",
          "name, node_id, process_id, process_version"),
      keyOrder("processes_addons", "process_id, addon", "addon, process_id"),
      keyOrder("tasks_admin_groups", "task_id, group_id", "group_id, task_id"),
      keyOrder("tasks_potential_groups", "task_id, group_id", "group_id, task_id"),
      fkName("processes_addons", "fklkf7fjitd37a1u9ee4as7495", "process_id", "processes",
          "fk_processes_addons_processes"),
      fkName("processes_roles", "fk5hxa5tfuyccqawdespqm3e924", "process_id", "processes",
          "fk_processes_roles_processes"),
      fkName("tasks_admin_groups", "fkj228vdaniej2q0d2bc3hl0dnw", "task_id", "tasks", "fk_tasks_admin_groups_tasks"),
      fkName("tasks_admin_users", "fkt9o6v17os7g7fh0li9wcwifj3", "task_id", "tasks", "fk_tasks_admin_users_tasks"),
      fkName("tasks_excluded_users", "fkea5sjc5d318w6lexb93cwwx56", "task_id", "tasks",
          "fk_tasks_excluded_users_tasks"),
      fkName("tasks_potential_groups", "fk8bej9ji30ajnhrogoenp4gmq6", "task_id", "tasks",
          "fk_tasks_potential_groups_tasks"),
      fkName("tasks_potential_users", "fk63l94v0exysmh2mh5lk4im23k", "task_id", "tasks",
          "fk_tasks_potential_users_tasks"))
      .flatMap(List::stream).toList();

  @TempDir Path dir;

  @Test
  void everyEntityMapsAndTheSchemaIsHibernates() throws Exception {
    CorpusRun run = CorpusRun.compile("kogito", "Apache KIE Kogito data index 10.1.0", dir);
    assertEquals(Map.of(), run.compiled().firstPassErrors(), "every class maps");
    assertEquals(run.corpus().entityClasses(), run.compiled().snapshot().entities());
    run.apply().compareWithHibernate(ALLOWED, Set.of()).validate();
  }

  /** A collection table's foreign key named on its join column ({@link KnownBugs#COLLECTION_JOIN_COLUMN_FK_NAME}). */
  private static List<Allowed> fkName(String table, String strataName, String column, String target,
      String hibernateName) {
    return KnownDifferences.foreignKeyName(table, strataName, column, target, hibernateName,
        KnownBugs.COLLECTION_JOIN_COLUMN_FK_NAME);
  }
}
