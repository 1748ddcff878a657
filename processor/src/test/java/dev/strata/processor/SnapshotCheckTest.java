package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot must be readable and be the state the head revision produces. */
class SnapshotCheckTest {
  static final String FIRST = FirstCompileTest.CLASS;

  @TempDir Path dir;

  private JavaFileObject firstRevision(StrataProject project) {
    return StrataProject.fileObject(project.revisionsDir().resolve(FIRST + ".java"));
  }

  @Test
  void anUnreadableSnapshotIsAnErrorWithItsLineAndColumn() {
    StrataProject project = new StrataProject(dir);
    project.writeSnapshot("""
        strata snapshot version 1
        head 20261126_101500_72t7
        tabel orders
        """);

    Compilation compilation = project.compile(Sources.ORDER);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[STRATA-301] the snapshot " + project.snapshot()
        + " is not valid at line 3, column 1: ");
    assertThat(compilation).hadErrorContaining(". Fix that line, or restore the file from version control"
        + " (a merge can leave conflict markers in it)");
  }

  @Test
  void aSnapshotEditedByHandDoesNotMatchItsHead() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    project.writeSnapshot(FirstCompileTest.SNAPSHOT.replace("column orders note varchar(255)",
        "column orders note varchar(100)"));
    String recorded = dev.strata.snapshot.SchemaHash.of(FirstCompileTest.snapshotSchema());

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[STRATA-206] the snapshot " + project.snapshot() + " is not the"
        + " schema that revision " + FIRST + " (" + project.revisionsDir().resolve(FIRST + ".java") + ") produces:"
        + " the revision records " + recorded + ", the snapshot's schema hashes to sha256:")
        .inFile(firstRevision(project)).onLine(23);
    assertThat(compilation).hadErrorContaining("The snapshot was edited by hand or badly merged: restore it from"
        + " version control (git checkout -- schema.strata); if the revision's snapshot value was edited instead,"
        + " restore the revision");
  }

  @Test
  void aRevisionAddedWithoutItsSnapshotIsAnError() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    JavaFileObject second = project.writeRevision("R20261127_080000_bbbb_ByHand",
        Sources.revision("R20261127_080000_bbbb_ByHand", "20261127_080000_bbbb", "\"20261126_101500_72t7\"", ""));

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-205] the snapshot " + project.snapshot() + " is out of"
        + " date: it is the state after revision 20261126_101500_72t7, but the chain's head is"
        + " R20261127_080000_bbbb_ByHand (" + project.revisionsDir().resolve("R20261127_080000_bbbb_ByHand.java")
        + "), which was added without updating the snapshot. Restore the snapshot that R20261127_080000_bbbb_ByHand"
        + " produced (from version control), or delete R20261127_080000_bbbb_ByHand and compile again to"
        + " regenerate it").inFile(second).onLine(7);
  }

  @Test
  void aSnapshotNamingAnUnknownHeadIsAnError() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    project.writeSnapshot(FirstCompileTest.SNAPSHOT.replace("head 20261126_101500_72t7", "head 20261125_000000_zzzz"));

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-205] the snapshot " + project.snapshot() + " names the head"
        + " revision 20261125_000000_zzzz, which does not exist; the chain's head is " + FIRST)
        .inFile(firstRevision(project)).onLine(23);
  }

  @Test
  void revisionsWithoutASnapshotAreAnError() throws Exception {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    java.nio.file.Files.delete(project.snapshot());

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-207] revisions exist (head " + FIRST + " ("
        + project.revisionsDir().resolve(FIRST + ".java") + ")) but the snapshot " + project.snapshot()
        + " does not; restore it from version control (or set strata.snapshot to where it is)")
        .inFile(firstRevision(project)).onLine(23);
    assertThat(project.fileTimes().keySet()).doesNotContain(project.snapshot());
  }

  @Test
  void aSnapshotWithAHeadButNoRevisionsIsAnError() {
    StrataProject project = new StrataProject(dir);
    project.writeSnapshot(FirstCompileTest.SNAPSHOT);

    Compilation compilation = project.compile(project.options(), List.of(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-205] the snapshot " + project.snapshot() + " names the head"
        + " revision 20261126_101500_72t7, but there are no revisions in " + project.revisionsDir()
        + "; restore the revision files (or set strata.package/strata.revisions to where they are)");
  }

  @Test
  void aSnapshotThatCannotBeReadIsAnError() throws Exception {
    StrataProject project = new StrataProject(dir);
    java.nio.file.Files.createDirectories(project.snapshot());

    Compilation compilation = project.compile(Sources.ORDER);

    assertThat(compilation).hadErrorContaining("[STRATA-302] cannot read the snapshot " + project.snapshot() + ": ");
    assertThat(compilation).hadErrorContaining("; check that the file is readable");
  }

  @Test
  void aRevisionThatCannotBeWrittenIsAnError() {
    StrataProject project = new StrataProject(dir);
    // A file where the revisions package's directory should be: the directory cannot be created.
    StrataProject.write(project.revisionsRoot().resolve("com"), "not a directory");

    Compilation compilation = project.compile(Sources.ORDER);

    assertThat(compilation).hadErrorContaining("[STRATA-212] cannot write revision com.acme.migrations."
        + FirstCompileTest.CLASS + " to " + project.revisionsDir().resolve(FirstCompileTest.CLASS + ".java") + ": ");
    assertThat(project.fileTimes().keySet()).doesNotContain(project.snapshot());
  }
}
