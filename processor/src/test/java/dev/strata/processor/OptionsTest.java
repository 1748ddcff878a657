package dev.strata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
  @TempDir Path dir;

  @Test
  void badModeIsAnErrorNamingOptionValueAndAllowedValues() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.mode=chek"), List.of(Sources.ORDER));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        "[STRATA-401] option strata.mode has the value 'chek'; allowed: generate, check, off");
  }

  @Test
  void badBooleanIsAnError() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.amend=yes"), List.of(Sources.ORDER));
    assertThat(compilation).hadErrorContaining("[STRATA-401] option strata.amend has the value 'yes'; allowed: true, false");
  }

  @Test
  void badPackageIsAnError() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.package=com.1acme"), List.of(Sources.ORDER));
    assertThat(compilation).hadErrorContaining("[STRATA-401] option strata.package has the value 'com.1acme';"
        + " allowed: a Java package name such as com.example.migrations");
  }

  @Test
  void badNowIsAnError() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.now=yesterday"), List.of(Sources.ORDER));
    assertThat(compilation).hadErrorContaining("[STRATA-401] option strata.now has the value 'yesterday'; allowed:"
        + " an ISO-8601 instant such as 2026-11-26T10:15:00Z");
  }

  @Test
  void emptyRevisionNeedsAMessage() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.empty=true"), List.of(Sources.ORDER));
    assertThat(compilation).hadErrorContaining("[STRATA-402] option strata.empty=true needs strata.message to say"
        + " what the empty revision is for; add -Astrata.message=\"...\"");
  }

  @Test
  void amendAndMergeCannotBeCombined() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.amend", "-Astrata.merge=true"),
        List.of(Sources.ORDER));
    assertThat(compilation).hadErrorContaining("[STRATA-402] options strata.amend and strata.merge cannot be used"
        + " together; use one of them per compile");
  }

  @Test
  void badOptionsWriteNothing() {
    StrataProject project = new StrataProject(dir);
    project.compile(project.options("-Astrata.mode=chek"), List.of(Sources.ORDER));
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(), project.fileTimes());
  }

  @Test
  void withoutFilesOnDiskTheLocationsMustBeGiven() {
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(new StrataProcessor())
        .compile(Sources.ORDER);
    assertThat(compilation).hadErrorContaining("[STRATA-403] cannot tell where the snapshot belongs: the entities'"
        + " source files are not in a src/<set>/java directory on disk (first entity: com.acme.shop.Order); set"
        + " -Astrata.snapshot=<file> and -Astrata.revisions=<source root>");
  }
}
