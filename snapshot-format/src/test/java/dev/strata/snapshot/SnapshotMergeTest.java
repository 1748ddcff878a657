package dev.strata.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What git does with snapshots from two branches: it merges changes to different tables, and stops
 * at the head line when both branches generated a revision. Uses git's own three-way merge.
 */
class SnapshotMergeTest {

  private static final String BASE = """
      strata snapshot version 1
      head r1
      entity com.example.A
      entity com.example.B
      entity com.example.C

      table a
      column a id bigint not null
      column a name text

      table b
      column b id bigint not null

      table c
      column c id bigint not null
      column c total numeric(10,2)
      """;

  private static final String OURS = BASE.replace("head r1", "head r2")
      .replace("column a name text\n", "column a name text\ncolumn a note text\n");

  private static final String THEIRS = BASE.replace("head r1", "head r3")
      .replace("column c total numeric(10,2)", "column c total numeric(38,2) not null");

  @Test
  void changesToDifferentTablesMergeAndOnlyTheHeadConflicts(@TempDir Path dir) throws Exception {
    String merged = merge(dir, BASE, OURS, THEIRS, 1);
    assertEquals("""
        strata snapshot version 1
        <<<<<<< ours
        head r2
        =======
        head r3
        >>>>>>> theirs
        entity com.example.A
        entity com.example.B
        entity com.example.C

        table a
        column a id bigint not null
        column a name text
        column a note text

        table b
        column b id bigint not null

        table c
        column c id bigint not null
        column c total numeric(38,2) not null
        """, merged);
  }

  @Test
  void branchesThatTouchDifferentTablesMergeIntoACanonicalFile(@TempDir Path dir) throws Exception {
    // Without a new revision on one side (say, a snapshot rewritten by a merge revision), nothing conflicts.
    String ours = OURS.replace("head r2", "head r1");
    String theirs = THEIRS.replace("head r3", "head r1");
    String merged = merge(dir, BASE, ours, theirs, 0);
    assertEquals(merged, SnapshotWriter.write(SnapshotReader.read(merged)));
    assertEquals(true, merged.contains("column a note text\n") && merged.contains("numeric(38,2) not null\n"));
  }

  @Test
  void aBlankLineKeepsChangesAtTheEndOfOneTableAndTheStartOfTheNextApart(@TempDir Path dir) throws Exception {
    String ours = BASE.replace("column a name text\n", "column a name varchar(10)\n");
    String theirs = BASE.replace("table b\ncolumn b id bigint not null\n", "table b\ncolumn b code text\ncolumn b id"
        + " bigint not null\n");
    String merged = merge(dir, BASE, ours, theirs, 0);
    assertEquals(true, merged.contains("column a name varchar(10)\n\ntable b\ncolumn b code text\n"), merged);
  }

  /** Runs {@code git merge-file} and returns the merged text; it exits with the number of conflicts. */
  private static String merge(Path dir, String base, String ours, String theirs, int conflicts)
      throws IOException, InterruptedException {
    Path o = Files.writeString(dir.resolve("ours"), ours, StandardCharsets.UTF_8);
    Path b = Files.writeString(dir.resolve("base"), base, StandardCharsets.UTF_8);
    Path t = Files.writeString(dir.resolve("theirs"), theirs, StandardCharsets.UTF_8);
    Process git = new ProcessBuilder("git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs",
        o.toString(), b.toString(), t.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String merged = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(conflicts, git.waitFor(), "conflicts reported by git merge-file");
    return merged;
  }
}
