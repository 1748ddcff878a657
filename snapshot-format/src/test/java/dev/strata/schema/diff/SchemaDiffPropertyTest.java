package dev.strata.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.schema.testing.RandomSchemas;
import dev.strata.schema.testing.RandomSchemas.Profile;
import dev.strata.schema.testing.Seeds;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The diff's laws, on seeded random schemas: a failure names its seed and shows both schemas. */
class SchemaDiffPropertyTest {

  @ParameterizedTest
  @EnumSource(Profile.class)
  void diffOfASchemaWithItselfIsEmpty(Profile profile) {
    Seeds.forEach(300, seed -> {
      Schema a = new RandomSchemas(seed, profile).schema();
      assertEquals(List.of(), SchemaDiff.diff(a, a, Renames.NONE));
    });
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void upgradeAndDowngradeOfAnEvolutionWithRenames(Profile profile) {
    Seeds.forEach(300, seed -> {
      RandomSchemas random = new RandomSchemas(seed, profile);
      Schema a = random.schema();
      for (int step = 0; step < 4; step++) {
        RandomSchemas.Evolution next = random.evolve(a);
        checkLaws(a, next.schema(), next.renames());
        a = next.schema();
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void upgradeAndDowngradeBetweenUnrelatedSchemas(Profile profile) {
    Seeds.forEach(300, seed -> {
      RandomSchemas random = new RandomSchemas(seed, profile);
      Schema a = random.schema();
      Schema b = random.schema();
      checkLaws(a, b, Renames.NONE);
      checkLaws(Schema.EMPTY, b, Renames.NONE);
      checkLaws(a, Schema.EMPTY, Renames.NONE);
    });
  }

  static void checkLaws(Schema a, Schema b, Renames renames) {
    try {
      List<Change> up = SchemaDiff.diff(a, b, renames);
      assertEquals(up, SchemaDiff.diff(a, b, renames), "the diff is deterministic");
      assertEquals(b, Change.applyAll(a, up), "applying the diff gives the desired schema");
      assertEquals(a, Change.applyAll(b, Change.inverseOf(up)), "applying its inverse gives the current schema");
      assertEquals(List.of(), SchemaDiff.diff(b, b, Renames.NONE), "nothing to do once there");
      // Once applied, every hint is stale, cycles too: the definitions are already under the new names.
      assertEquals(Renames.NONE, SchemaDiff.effectiveRenames(b, b, renames), "no hint applies once applied");
      assertEquals(List.of(), SchemaDiff.diff(b, b, renames), "stale hints change nothing");
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- current:\n" + SnapshotWriter.write(Snapshot.of(a))
          + "--- desired:\n" + SnapshotWriter.write(Snapshot.of(b)) + "--- renames: " + renames
          + "\n--- diff: " + safeDiff(a, b, renames), e);
    }
  }

  private static String safeDiff(Schema a, Schema b, Renames renames) {
    try {
      StringBuilder out = new StringBuilder();
      SchemaDiff.diff(a, b, renames).forEach(c -> out.append("\n  ").append(c));
      return out.toString();
    } catch (RuntimeException e) {
      return "(diff failed: " + e + ")";
    }
  }
}
