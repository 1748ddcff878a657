package dev.strata.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.schema.Schema;
import dev.strata.schema.testing.RandomSchemas;
import dev.strata.schema.testing.RandomSchemas.Profile;
import dev.strata.schema.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapshotRoundTripPropertyTest {

  @ParameterizedTest
  @EnumSource(Profile.class)
  void readOfWriteIsTheIdentityAndWriteOfReadToo(Profile profile) {
    Seeds.forEach(300, seed -> {
      RandomSchemas random = new RandomSchemas(seed, profile);
      Schema schema = random.schema();
      Snapshot snapshot = new Snapshot(head(random.random()), entities(random.random()), schema);
      String text = SnapshotWriter.write(snapshot);
      try {
        Snapshot read = SnapshotReader.read(text);
        assertEquals(snapshot, read);
        assertEquals(text, SnapshotWriter.write(read));
        assertEquals(snapshot, SnapshotReader.read(text.replace("\n", "\r\n")));
        assertEquals(SchemaHash.of(schema), SchemaHash.of(read.schema()));
        Schema evolved = random.evolve(schema).schema();
        assertEquals(evolved, SnapshotReader.read(SnapshotWriter.write(Snapshot.of(evolved))).schema());
      } catch (SnapshotFormatException | RuntimeException | AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n--- text:\n" + text, e);
      }
    });
  }

  private static Optional<String> head(Random random) {
    return random.nextBoolean() ? Optional.empty() : Optional.of("20250101_120000_" + random.nextInt(10_000));
  }

  private static List<String> entities(Random random) {
    List<String> names = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      String name = "com.example.E" + random.nextInt(100) + (random.nextBoolean() ? "$Inner" : "");
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
