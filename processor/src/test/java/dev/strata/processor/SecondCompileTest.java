package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles after the first: unchanged entities, partial compiles, changed entities. */
class SecondCompileTest {
  @TempDir Path dir;
  @TempDir Path classesDir;

  @Test
  void unchangedEntitiesWriteNothingAndTouchNoFile() throws Exception {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.ORDER, Sources.CUSTOMER)).succeeded();
    Map<Path, FileTime> before = project.fileTimes();
    Thread.sleep(20);

    Compilation second = project.compile(project.options(), project.withRevisions(Sources.ORDER, Sources.CUSTOMER));

    assertThat(second).succeededWithoutWarnings();
    assertThat(project.fileTimes()).isEqualTo(before);
    assertThat(second.generatedSourceFiles()).isEmpty();
  }

  @Test
  void unchangedEntitiesStillWriteTheIndex() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    String revision = "com.acme.migrations." + FirstCompileTest.CLASS;

    Compilation second = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(second).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/strata/revisions")
        .contentsAsUtf8String().isEqualTo(revision + "\n");
    assertThat(second).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/strata/schema.strata")
        .contentsAsUtf8String().isEqualTo(FirstCompileTest.SNAPSHOT);
  }

  @Test
  void aPartialCompileDropsNoTableOfAnEntityOnTheClassPath() throws Exception {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.ORDER, Sources.CUSTOMER)).succeeded();
    Map<Path, FileTime> before = project.fileTimes();
    File classes = compiledClasses(Sources.CUSTOMER);

    // Only Order's source is compiled; Customer is a class on the class path, as in an incremental build.
    Compilation partial = Compiler.javac().withProcessors(new StrataProcessor()).withOptions(project.options())
        .withClasspath(classPathWith(classes)).compile(project.withRevisions(Sources.ORDER));

    assertThat(partial).succeededWithoutWarnings();
    assertThat(project.fileTimes()).isEqualTo(before);
  }

  @Test
  void anEntityThatIsGoneIsDropped() {
    // The counterpart of the partial compile: Customer no longer exists anywhere, so its table is dropped.
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(Sources.ORDER, Sources.CUSTOMER)).succeeded();

    Compilation second = project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"),
        project.withRevisions(Sources.ORDER));

    assertThat(second).succeeded();
    assertThat(second).hadWarningContaining("[STRATA-501] the revision drops table customer with all its rows");
    assertThat(project.revisionFiles().keySet()).contains("R20261127_080000_72t7_DropTableCustomer.java");
  }

  @Test
  void changedEntitiesGiveARevisionOnTopOfTheHead() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);

    Compilation second = project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"),
        project.withRevisions(Sources.ORDER_V2));

    assertThat(second).succeeded();
    String text = StrataProject.read(project.revisionsDir().resolve(
        "R20261127_080000_72t7_DropColumnOrdersNote.java"));
    assertThat(text).contains("""
        @Revision(
                id = "20261127_080000_72t7",
                parent = "20261126_101500_72t7",
                message = "drop column orders.note, add column orders.total",
        """);
    assertThat(StrataProject.read(project.snapshot())).startsWith("""
        strata snapshot version 1
        head 20261127_080000_72t7
        """);
  }

  @Test
  void aGeneratedRevisionIsCompiledAgainFromTheSourceTreeWithoutDuplicates() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"), project.withRevisions(Sources.ORDER_V2));

    Compilation third = project.compile(project.options(), project.withRevisions(Sources.ORDER_V2));

    assertThat(third).succeededWithoutWarnings();
    assertThat(third).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/strata/revisions")
        .contentsAsUtf8String().isEqualTo("""
            com.acme.migrations.R20261126_101500_72t7_CreateTableOrders
            com.acme.migrations.R20261127_080000_72t7_DropColumnOrdersNote
            """);
  }

  @Test
  void aNewIdNeverRepeatsACommittedOne() {
    // The same strata.now and strata.seed draw the first revision's id again; it must be drawn anew.
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    assertThat(project.compile(project.options(), project.withRevisions(Sources.ORDER_V2))).succeeded();

    assertThat(project.revisionFiles().keySet()).containsExactly(FirstCompileTest.CLASS + ".java",
        "R20261126_101500_0eok_DropColumnOrdersNote.java");
    assertThat(project.compile(project.options(), project.withRevisions(Sources.ORDER_V2)))
        .succeededWithoutWarnings();
  }

  private File compiledClasses(JavaFileObject... sources) throws IOException {
    Compilation compilation = Compiler.javac().withOptions("-proc:none").compile(sources);
    assertThat(compilation).succeeded();
    Path out = classesDir;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      Path target = out.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (var in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    return out.toFile();
  }

  private static List<File> classPathWith(File classes) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    path.add(classes);
    return path;
  }

  static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }
}
