package dev.strata.runtime.internal;

import dev.strata.runtime.Operations;
import dev.strata.schema.change.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records what a revision's {@code upgrade} or {@code downgrade} asks for, without a database: the
 * SQL statements (rendered by the dialect, or hand-written through {@code execute}) and the
 * changes to the schema model. The Migrator runs the statements afterwards; the checksum and the
 * offline script are computed from them.
 */
public final class RecordingOperations implements Operations {

  /** One statement; {@code concurrent} when it cannot run inside a transaction. */
  public record Step(String sql, boolean concurrent) {}

  /** What one method of a revision did. */
  public record Recorded(List<Step> steps, List<Change> changes) {
    public Recorded {
      steps = List.copyOf(steps);
      changes = List.copyOf(changes);
    }

    public List<String> statements() {
      return steps.stream().map(Step::sql).toList();
    }
  }

  private final List<Step> steps = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();

  @Override
  public void execute(String sql) {
    Objects.requireNonNull(sql, "sql");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("execute(sql): sql must not be blank");
    }
    steps.add(new Step(sql, false));
  }

  @Override
  public void apply(Change change) {
    Objects.requireNonNull(change, "change");
    changes.add(change);
    for (String sql : PostgresDialect.INSTANCE.render(change)) {
      steps.add(new Step(sql, false));
    }
  }

  @Override
  public void applyConcurrently(Change change) {
    Objects.requireNonNull(change, "change");
    List<String> sql;
    if (change instanceof Change.CreateIndex) {
      sql = PostgresDialect.INSTANCE.createIndexConcurrently((Change.CreateIndex) change);
    } else if (change instanceof Change.DropIndex) {
      sql = PostgresDialect.INSTANCE.dropIndexConcurrently((Change.DropIndex) change);
    } else {
      throw new IllegalArgumentException("only index creation and removal can run concurrently, not " + change);
    }
    changes.add(change);
    sql.forEach(s -> steps.add(new Step(s, true)));
  }

  public Recorded result() {
    return new Recorded(steps, changes);
  }
}
