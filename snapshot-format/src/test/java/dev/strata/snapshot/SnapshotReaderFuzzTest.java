package dev.strata.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.schema.testing.RandomSchemas;
import dev.strata.schema.testing.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged snapshots: whatever the damage, the reader either rejects the text with a
 * SnapshotFormatException whose position lies inside the text, or accepts it, and then the text is
 * canonical. It never fails any other way.
 */
class SnapshotReaderFuzzTest {
  private static final List<String> FRAGMENTS = List.of(" ", "  ", "\n", "\r", "\r\n", "'", "''", "\"", "\\", "\\u",
      "(", ")", ", ", ".", "not null", "default", "identity", "comment", "table ", "column ", "index ", "unique ",
      "desc", "asc", "0", "-1", "99999999999999999999", "\u202E", "\uD800", "é", "order", "X");

  @Test
  void damagedSnapshotsAreRejectedCleanlyOrAreCanonical() {
    Seeds.forEach(250, seed -> {
      RandomSchemas random = new RandomSchemas(seed);
      String text = SnapshotWriter.write(Snapshot.of(random.schema()).withHead("r" + seed));
      Random r = random.random();
      for (int i = 0; i < 20; i++) {
        String damaged = damage(text, r);
        try {
          Snapshot read = SnapshotReader.read(damaged);
          String canonical = damaged.replace("\r\n", "\n");
          assertEquals(canonical.startsWith("\uFEFF") ? canonical.substring(1) : canonical,
              SnapshotWriter.write(read), "accepted text must be canonical");
        } catch (SnapshotFormatException e) {
          String[] lines = damaged.split("\n", -1);
          assertTrue(e.line() >= 1 && e.line() <= lines.length, e.getMessage());
          String line = lines[e.line() - 1];
          assertTrue(e.column() >= 1 && e.column() <= line.codePointCount(0, line.length()) + 1,
              e.getMessage() + " in " + Arrays.toString(lines));
        } catch (RuntimeException e) {
          throw new AssertionError("reading this text threw " + e + ":\n" + damaged, e);
        }
      }
    });
  }

  private static String damage(String text, Random r) {
    switch (r.nextInt(5)) {
      case 0: { // delete a few characters
        int at = r.nextInt(text.length());
        return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + r.nextInt(4)));
      }
      case 1: { // insert a fragment
        int at = r.nextInt(text.length() + 1);
        return text.substring(0, at) + FRAGMENTS.get(r.nextInt(FRAGMENTS.size())) + text.substring(at);
      }
      case 2: { // swap two lines
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = r.nextInt(lines.size() - 1);
        int j = r.nextInt(lines.size() - 1);
        String line = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, line);
        return String.join("\n", lines);
      }
      case 3: { // duplicate a line
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = r.nextInt(lines.size() - 1);
        lines.add(i, lines.get(i));
        return String.join("\n", lines);
      }
      default: { // upper-case a stretch
        int at = r.nextInt(text.length());
        int end = Math.min(text.length(), at + 1 + r.nextInt(8));
        return text.substring(0, at) + text.substring(at, end).toUpperCase(java.util.Locale.ROOT) + text.substring(end);
      }
    }
  }
}
