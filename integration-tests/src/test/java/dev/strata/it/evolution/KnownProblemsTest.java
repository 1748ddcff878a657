package dev.strata.it.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.it.ProjectCompiler;
import dev.strata.schema.change.Change;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems the evolution test found in Strata and reported to the lead; {@link RandomEvolution}
 * does not make these edits. Each test pins today's behaviour and fails with "fixed" once it
 * changes: then let the generator make the edit again (the place is named) and delete the test.
 */
class KnownProblemsTest {

  private static final String HEADER = """
      package shop;

      import dev.strata.runtime.RenamedFrom;
      import jakarta.persistence.*;

      """;

  private static SharedCompiler compiler;

  @TempDir Path dir;

  @BeforeAll
  static void startCompiler() {
    compiler = new SharedCompiler();
  }

  @AfterAll
  static void closeCompiler() throws Exception {
    compiler.close();
  }

  /**
   * {@code @RenamedFrom} on a {@code @ManyToOne} attribute is ignored: the join column is dropped
   * and added (its values lost), and STRATA-520 even suggests the very annotation that is there.
   * Once fixed, {@code RandomEvolution.renameAttr} can declare relation renames too.
   */
  @Test
  void renamedFromOnARelationIsIgnored() throws Exception {
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Customer.java", HEADER + "@Entity public class Customer { @Id Long id; }\n");
    project.write("shop/Purchase.java", HEADER
        + "@Entity public class Purchase { @Id Long id; @ManyToOne Customer owner; }\n");
    compiler.compile(project, Map.of("strata.now", "2030-01-01T00:00:00Z")).assertSuccess();
    project.write("shop/Purchase.java", HEADER
        + "@Entity public class Purchase { @Id Long id; @RenamedFrom(\"owner_id\") @ManyToOne Customer buyer; }\n");
    ProjectCompiler.Result result = compiler.compile(project, Map.of("strata.now", "2030-01-01T00:01:00Z"))
        .assertSuccess();

    List<Change> upgrade = newestUpgrade(project);
    if (upgrade.stream().anyMatch(c -> c instanceof Change.RenameColumn)) {
      fail("fixed: @RenamedFrom on a relation now renames its join column (" + upgrade + "); let"
          + " RandomEvolution.renameAttr declare relation renames and delete this test");
    }
    assertTrue(upgrade.stream().anyMatch(c -> c instanceof Change.DropColumn d && d.column().name().equals("owner_id")),
        upgrade.toString());
    assertTrue(upgrade.stream().anyMatch(c -> c instanceof Change.AddColumn a && a.column().name().equals("buyer_id")),
        upgrade.toString());
    assertTrue(result.messages(Diagnostic.Kind.WARNING).stream()
        .anyMatch(w -> w.contains("STRATA-520") && w.contains("@RenamedFrom(\"owner_id\")")),
        result.messages(Diagnostic.Kind.WARNING).toString());
  }

  /**
   * After two columns swapped names (with {@code @RenamedFrom} on both), the annotations left in the
   * source swap them again on every later compile, though nothing changed: each compile writes a
   * new revision, which breaks "compiling twice with no change writes nothing", and no STRATA-521
   * note says that the annotations can go. Once fixed, {@code RandomEvolution.next} can keep a swap's
   * annotations for a while like any other.
   */
  @Test
  void renamedFromLeftAfterASwapSwapsAgainOnEveryCompile() throws Exception {
    ProjectCompiler project = new ProjectCompiler(dir);
    project.write("shop/Item.java", HEADER + "@Entity public class Item { @Id Long id;"
        + " @Column(length = 10) String a; @Column(length = 20) String b; }\n");
    compiler.compile(project, Map.of("strata.now", "2030-01-01T00:00:00Z")).assertSuccess();
    project.write("shop/Item.java", HEADER + "@Entity public class Item { @Id Long id;"
        + " @RenamedFrom(\"b\") @Column(length = 20) String a; @RenamedFrom(\"a\") @Column(length = 10) String b; }\n");
    compiler.compile(project, Map.of("strata.now", "2030-01-01T00:01:00Z")).assertSuccess();
    assertEquals(2, Revisions.index(project).size(), "the swap makes a revision");

    ProjectCompiler.Result again = compiler.compile(project, Map.of("strata.now", "2030-01-01T00:02:00Z"))
        .assertSuccess();
    if (Revisions.index(project).size() == 2) {
      fail("fixed: compiling the swapped entity again writes nothing now (notes: "
          + again.messages(Diagnostic.Kind.NOTE) + "); let RandomEvolution.next keep a swap's @RenamedFrom like"
          + " any other and delete this test");
    }
    assertEquals(3, Revisions.index(project).size());
    List<Change> upgrade = newestUpgrade(project);
    assertTrue(upgrade.stream().anyMatch(c -> c instanceof Change.RenameColumn), upgrade.toString());
    assertTrue(again.messages(Diagnostic.Kind.NOTE).stream().noneMatch(n -> n.contains("STRATA-521")),
        again.messages(Diagnostic.Kind.NOTE).toString());
  }

  private static List<Change> newestUpgrade(ProjectCompiler project) throws Exception {
    List<String> index = Revisions.index(project);
    try (URLClassLoader loader = project.classLoader()) {
      return Revisions.upgrade(loader.loadClass(index.stream().sorted().reduce((a, b) -> b).orElseThrow()));
    }
  }
}
