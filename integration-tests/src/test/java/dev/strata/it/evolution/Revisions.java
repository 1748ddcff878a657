package dev.strata.it.evolution;

import dev.strata.it.ProjectCompiler;
import dev.strata.runtime.Migration;
import dev.strata.runtime.Operations;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.change.Change;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotFormatException;
import dev.strata.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** What a compile of a project produced: its revision index, its snapshot, and a revision's changes. */
final class Revisions {
  private Revisions() {}

  /** The revision classes the compile listed for the runtime ({@code META-INF/strata/revisions}). */
  static List<String> index(ProjectCompiler project) {
    Path index = project.classes().resolve("META-INF/strata/revisions");
    try {
      return Files.exists(index)
          ? Files.readAllLines(index, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Snapshot snapshot(ProjectCompiler project) {
    try {
      return SnapshotReader.read(Files.readString(project.snapshot(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SnapshotFormatException e) {
      throw new AssertionError("the processor wrote an invalid snapshot: " + e.getMessage(), e);
    }
  }

  /** The source file of a revision class, as the processor wrote it into the project. */
  static String source(ProjectCompiler project, String revisionClass) {
    Path file = project.sources().resolve(revisionClass.replace('.', '/') + ".java");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the revision's source is not in the project: " + file, e);
    }
  }

  static List<Change> upgrade(Class<?> revision) {
    return record(revision, Migration::upgrade);
  }

  static List<Change> downgrade(Class<?> revision) {
    return record(revision, Migration::downgrade);
  }

  /** The changes a revision method makes, recorded instead of run. */
  private static List<Change> record(Class<?> revision, BiConsumer<Migration, Operations> method) {
    Migration migration;
    try {
      migration = (Migration) revision.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate revision " + revision.getName() + ": " + e, e);
    }
    List<Change> changes = new ArrayList<>();
    method.accept(migration, new Operations() {
      @Override public void execute(String sql) {
        throw new AssertionError("a generated revision runs no hand-written SQL: " + sql);
      }

      @Override public void apply(Change change) {
        changes.add(change);
      }

      @Override public void applyConcurrently(Change change) {
        changes.add(change);
      }

      @Override public void applyNotValid(Change change) {
        changes.add(change);
      }

      @Override public void validateConstraint(QualifiedName table, String constraint) {
        // Checks the rows; the schema is what the NOT VALID add made it.
      }

      @Override public void setNotNullViaCheck(QualifiedName table, String column) {
        changes.add(new Change.AlterColumnNullable(table, column, false));
      }
    });
    return changes;
  }
}
