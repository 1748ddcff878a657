package dev.strata.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.MigrationResult;
import dev.strata.runtime.Revision;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quickstart's committed revisions apply, and its main reports them and the tables. */
class MainTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void appliesEveryCommittedRevisionThenFindsNothingToDo() throws Exception {
    List<String> committed = committedRevisionIds();
    assertTrue(committed.size() >= 2, "the quickstart shows an evolution: " + committed);

    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    MigrationResult first = Main.run(postgres.getPostgresDatabase(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String output = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(committed, first.ids());
    for (String id : committed) {
      assertTrue(output.contains("Applied " + id), output);
    }
    for (String table : List.of("customer", "product", "purchase_order")) {
      assertTrue(output.contains("\n  " + table + "\n"), output);
    }

    buffer.reset();
    MigrationResult second = Main.run(postgres.getPostgresDatabase(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    assertTrue(second.revisions().isEmpty());
    assertTrue(buffer.toString(StandardCharsets.UTF_8).startsWith("Nothing to apply"), buffer.toString(StandardCharsets.UTF_8));
  }

  /** The revision ids in the index the processor wrote, in chain order (ids sort by creation time). */
  private static List<String> committedRevisionIds() throws Exception {
    try (InputStream in = MainTest.class.getClassLoader().getResourceAsStream("META-INF/strata/revisions")) {
      String index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return index.lines().filter(l -> !l.isBlank())
          .map(name -> load(name).getAnnotation(Revision.class).id())
          .sorted().toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the index names a class that was not compiled: " + name, e);
    }
  }
}
