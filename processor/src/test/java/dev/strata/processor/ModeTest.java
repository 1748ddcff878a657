package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata.mode=check} and {@code strata.mode=off}. */
class ModeTest {
  @TempDir Path dir;

  @Test
  void checkFailsWhenTheEntitiesDifferFromTheSnapshot() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    Map<Path, FileTime> before = project.fileTimes();

    Compilation compilation = project.compile(project.options("-Astrata.mode=check"),
        project.withRevisions(Sources.ORDER_V2));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[STRATA-303] the entities differ from the snapshot "
        + project.snapshot() + " (strata.mode=check): drop column orders.note; add column orders.total. Compile"
        + " without -Astrata.mode=check to generate the revision, and commit it with the snapshot");
    assertThat(project.fileTimes()).isEqualTo(before);
  }

  @Test
  void checkPassesWhenTheEntitiesMatchTheSnapshot() {
    StrataProject project = new StrataProject(dir);
    project.compile(Sources.ORDER);
    Map<Path, FileTime> before = project.fileTimes();

    Compilation compilation = project.compile(project.options("-Astrata.mode=check"),
        project.withRevisions(Sources.ORDER));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.fileTimes()).isEqualTo(before);
  }

  @Test
  void checkFailsOnAProjectWithoutSnapshot() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.mode=check"), List.of(Sources.ORDER));
    assertThat(compilation).hadErrorContaining("[STRATA-303] the entities differ from the snapshot "
        + project.snapshot() + " (strata.mode=check): create table orders. Compile");
    assertThat(project.fileTimes()).isEmpty();
  }

  @Test
  void offDoesNothing() {
    StrataProject project = new StrataProject(dir);
    Compilation compilation = project.compile(project.options("-Astrata.mode=off"), List.of(Sources.ORDER));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedFiles().stream().map(f -> f.toUri().getPath()).toList())
        .containsExactly("/CLASS_OUTPUT/com/acme/shop/Order.class");
    assertThat(project.fileTimes()).isEmpty();
  }
}
