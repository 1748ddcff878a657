package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two branches that each generated a revision, merged with git, joined by {@code strata.merge}. */
class MergeTest {
  @TempDir Path dir;

  static final JavaFileObject ORDER_WITH_TOTAL = order("java.math.BigDecimal");
  static final JavaFileObject ORDER_WITH_TEXT_TOTAL = order("String");

  private static JavaFileObject order(String totalType) {
    return JavaFileObjects.forSourceString("com.acme.shop.Order", """
        package com.acme.shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id
          private Long id;
          private String note;
          private %s total;
        }
        """.formatted(totalType));
  }

  private int git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Strata Test",
        "-c", "user.email=test@strata.invalid", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  private void gitOk(String... args) throws IOException, InterruptedException {
    assertThat(git(args)).isEqualTo(0);
  }

  /** trunk: orders; branch a: adds orders.total; branch b: {@code otherBranch}; then b merges a. */
  private StrataProject branchesMerged(JavaFileObject... otherBranch) throws Exception {
    StrataProject project = new StrataProject(dir);
    gitOk("init", "-q", "-b", "trunk");
    assertThat(project.compile(Sources.ORDER)).succeeded();
    gitOk("add", ".");
    gitOk("commit", "-q", "-m", "orders");
    gitOk("checkout", "-q", "-b", "a");
    assertThat(project.compile(project.options("-Astrata.now=2026-11-27T08:00:00Z"),
        project.withRevisions(ORDER_WITH_TOTAL))).succeeded();
    gitOk("add", ".");
    gitOk("commit", "-q", "-m", "total");
    gitOk("checkout", "-q", "trunk");
    gitOk("checkout", "-q", "-b", "b");
    assertThat(project.compile(project.options("-Astrata.now=2026-11-28T08:00:00Z", "-Astrata.seed=2"),
        project.withRevisions(otherBranch))).succeeded();
    gitOk("add", ".");
    gitOk("commit", "-q", "-m", "other branch");
    // The snapshot's head line differs on both branches, so the merge stops with a conflict there.
    assertThat(git("merge", "-q", "a")).isNotEqualTo(0);
    assertThat(StrataProject.read(project.snapshot())).contains("<<<<<<<");
    return project;
  }

  @Test
  void mergeJoinsTwoHeadsThatTouchDifferentObjects() throws Exception {
    StrataProject project = branchesMerged(Sources.ORDER, Sources.CUSTOMER);
    List<String> before = List.copyOf(project.revisionFiles().keySet());
    assertThat(before).hasSize(3);

    Compilation compilation = project.compile(project.options("-Astrata.now=2026-11-29T08:00:00Z", "-Astrata.merge"),
        project.withRevisions(ORDER_WITH_TOTAL, Sources.CUSTOMER));

    assertThat(compilation).succeeded();
    List<String> after = new ArrayList<>(project.revisionFiles().keySet());
    after.removeAll(before);
    assertThat(after).containsExactly("R20261129_080000_72t7_Merge.java");
    String merge = StrataProject.read(project.revisionsDir().resolve("R20261129_080000_72t7_Merge.java"));
    assertThat(merge).contains("""
        @Revision(
                id = "20261129_080000_72t7",
                parent = {
                        "20261127_080000_72t7",
                        "20261128_080000_%s"
                },
                message = "merge revisions 20261127_080000_72t7 and 20261128_080000_%s",
        """.formatted(secondId(before), secondId(before)));
    String snapshot = StrataProject.read(project.snapshot());
    assertThat(snapshot).startsWith("strata snapshot version 1\nhead 20261129_080000_72t7\n"
        + "entity com.acme.shop.Customer\nentity com.acme.shop.Order\n");
    assertThat(snapshot).contains("table customer\n");
    assertThat(snapshot).contains("column orders total numeric(38,2)\n");

    Compilation next = project.compile(project.options(), project.withRevisions(ORDER_WITH_TOTAL, Sources.CUSTOMER));
    assertThat(next).succeededWithoutWarnings();
  }

  /** The random part of branch b's id, read from its file name. */
  private static String secondId(List<String> files) {
    String name = files.stream().filter(f -> f.startsWith("R20261128_080000_")).findFirst().orElseThrow();
    return name.substring("R20261128_080000_".length(), "R20261128_080000_".length() + 4);
  }

  @Test
  void mergeRefusesBranchesThatChangeTheSameColumn() throws Exception {
    StrataProject project = branchesMerged(ORDER_WITH_TEXT_TOTAL);

    Compilation compilation = project.compile(project.options("-Astrata.merge"),
        project.withRevisions(ORDER_WITH_TOTAL));

    assertThat(compilation).hadErrorContaining("[STRATA-211] strata.merge: the branches of revisions"
        + " R20261127_080000_72t7_AddColumnOrdersTotal (" + project.revisionsDir()
        .resolve("R20261127_080000_72t7_AddColumnOrdersTotal.java") + ") and R20261128_080000_");
    assertThat(compilation).hadErrorContaining(" both change orders.total, so no merge revision can order their"
        + " changes. Delete the newer revision R20261128_080000_");
  }

  @Test
  void withoutMergeTheTwoHeadsAreAnError() throws Exception {
    StrataProject project = branchesMerged(Sources.ORDER, Sources.CUSTOMER);

    Compilation compilation = project.compile(project.options(), project.withRevisions(ORDER_WITH_TOTAL, Sources.CUSTOMER));

    assertThat(compilation).hadErrorContaining("[STRATA-201] the revision chain has 2 heads");
  }
}
