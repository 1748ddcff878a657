package dev.strata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors about the revision chain: each names the revisions and says how to resolve it. */
class ChainTest {
  @TempDir Path dir;

  @Test
  void twoRevisionsWithTheSameParentAreAnErrorNamingBoth() {
    StrataProject project = new StrataProject(dir);
    project.writeRevision("R20261120_093000_aaaa_First",
        Sources.revision("R20261120_093000_aaaa_First", "20261120_093000_aaaa", "{}", ""));
    project.writeRevision("R20261121_093000_bbbb_Mine",
        Sources.revision("R20261121_093000_bbbb_Mine", "20261121_093000_bbbb", "\"20261120_093000_aaaa\"", ""));
    JavaFileObject theirs = project.writeRevision("R20261122_093000_cccc_Theirs",
        Sources.revision("R20261122_093000_cccc_Theirs", "20261122_093000_cccc", "\"20261120_093000_aaaa\"", ""));

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    Path mine = project.revisionsDir().resolve("R20261121_093000_bbbb_Mine.java");
    Path theirsFile = project.revisionsDir().resolve("R20261122_093000_cccc_Theirs.java");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[STRATA-201] the revision chain has 2 heads: revisions"
        + " R20261121_093000_bbbb_Mine (" + mine + ") and R20261122_093000_cccc_Theirs (" + theirsFile + ") both"
        + " follow revision 20261120_093000_aaaa, as happens when two branches each add a revision. Resolve it:"
        + " delete the newer revision R20261122_093000_cccc_Theirs, restore the snapshot that"
        + " R20261121_093000_bbbb_Mine produced (from version control) and compile again, so that Strata"
        + " regenerates its changes on top of 20261121_093000_bbbb; or compile once with -Astrata.merge=true"
        + " to generate a merge revision with both as parents")
        .inFile(theirs).onLine(7);
  }

  @Test
  void aMissingParentIsAnError() {
    StrataProject project = new StrataProject(dir);
    JavaFileObject orphan = project.writeRevision("R20261121_093000_bbbb_Orphan",
        Sources.revision("R20261121_093000_bbbb_Orphan", "20261121_093000_bbbb", "\"20261120_093000_gone\"", ""));

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-203] revision R20261121_093000_bbbb_Orphan ("
        + project.revisionsDir().resolve("R20261121_093000_bbbb_Orphan.java") + ") names the parent"
        + " 20261120_093000_gone, but no revision has that id; restore the parent revision's file, or correct the"
        + " parent in @Revision").inFile(orphan).onLine(7);
  }

  @Test
  void twoRevisionsWithTheSameIdAreAnError() {
    StrataProject project = new StrataProject(dir);
    JavaFileObject first = project.writeRevision("R20261120_093000_aaaa_First",
        Sources.revision("R20261120_093000_aaaa_First", "20261120_093000_aaaa", "{}", ""));
    project.writeRevision("R20261120_093000_aaaa_Copy",
        Sources.revision("R20261120_093000_aaaa_Copy", "20261120_093000_aaaa", "{}", ""));

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-202] revisions R20261120_093000_aaaa_Copy ("
        + project.revisionsDir().resolve("R20261120_093000_aaaa_Copy.java") + ") and R20261120_093000_aaaa_First ("
        + project.revisionsDir().resolve("R20261120_093000_aaaa_First.java") + ") both have the id"
        + " 20261120_093000_aaaa; a copied revision must get a new id: delete the copy, or give it a new id and"
        + " parent").inFile(first).onLine(7);
  }

  @Test
  void revisionFilesOutsideThisCompileAreReadFromTheDirectory() {
    // An incremental compile: only the entity is compiled; the two heads are files on disk.
    StrataProject project = new StrataProject(dir);
    project.writeRevision("R20261120_093000_aaaa_First",
        Sources.revision("R20261120_093000_aaaa_First", "20261120_093000_aaaa", "{}", ""));
    project.writeRevision("R20261121_093000_bbbb_Mine",
        Sources.revision("R20261121_093000_bbbb_Mine", "20261121_093000_bbbb", "{\"20261120_093000_aaaa\"}", ""));
    project.writeRevision("R20261122_093000_cccc_Theirs",
        Sources.revision("R20261122_093000_cccc_Theirs", "20261122_093000_cccc",
            "{ \"20261120_\" + \"093000_aaaa\" }", ""));

    Compilation compilation = project.compile(project.options(), List.of(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-201] the revision chain has 2 heads: revisions"
        + " R20261121_093000_bbbb_Mine (" + project.revisionsDir().resolve("R20261121_093000_bbbb_Mine.java")
        + ") and R20261122_093000_cccc_Theirs (" + project.revisionsDir().resolve("R20261122_093000_cccc_Theirs.java")
        + ") both follow revision 20261120_093000_aaaa");
  }

  @Test
  void aCycleIsAnError() {
    StrataProject project = new StrataProject(dir);
    JavaFileObject a = project.writeRevision("R20261120_093000_aaaa_A",
        Sources.revision("R20261120_093000_aaaa_A", "20261120_093000_aaaa", "\"20261121_093000_bbbb\"", ""));
    project.writeRevision("R20261121_093000_bbbb_B",
        Sources.revision("R20261121_093000_bbbb_B", "20261121_093000_bbbb", "\"20261120_093000_aaaa\"", ""));

    Compilation compilation = project.compile(project.options(), project.withRevisions(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-204] revisions form a cycle: 20261120_093000_aaaa ->"
        + " 20261121_093000_bbbb -> 20261120_093000_aaaa; a revision's parent must be an older revision: correct the"
        + " parent in @Revision").inFile(a).onLine(7);
  }

  @Test
  void aRevisionFileWithoutLiteralValuesThatJavacCannotFindIsAnError() {
    StrataProject project = new StrataProject(dir);
    project.writeRevision("R20261120_093000_aaaa_A", """
        package com.acme.migrations;

        @dev.strata.runtime.Revision(id = Ids.FIRST)
        public final class R20261120_093000_aaaa_A {}
        """);

    Compilation compilation = project.compile(project.options(), List.of(Sources.ORDER));

    assertThat(compilation).hadErrorContaining("[STRATA-208] cannot read the @Revision of "
        + project.revisionsDir().resolve("R20261120_093000_aaaa_A.java") + ": the value of id at line 3 is not a"
        + " string literal; write its values as string literals, or compile this file together with the others");
  }
}
