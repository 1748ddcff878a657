package dev.strata.runtime.internal;

import dev.strata.runtime.Operations;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.change.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records what a revision's {@code upgrade} or {@code downgrade} asks for, without a database: the
 * SQL statements (rendered by the dialect, or hand-written through {@code execute}) and the
 * changes to the schema model. The Migrator runs the statements afterwards; the checksum and the
 * offline script are computed from them.
 */
public final class RecordingOperations implements Operations {

  /**
   * One statement; {@code concurrent} when it cannot run inside a transaction; {@code createsIndex}
   * names the index a {@code create index concurrently} builds (a failed build leaves it INVALID).
   */
  public record Step(String sql, boolean concurrent, Optional<QualifiedName> createsIndex) {
    public Step(String sql, boolean concurrent) {
      this(sql, concurrent, Optional.empty());
    }
  }

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
    if (change instanceof Change.CreateIndex) {
      Change.CreateIndex create = (Change.CreateIndex) change;
      QualifiedName index = create.table().withName(create.index().name());
      PostgresDialect.INSTANCE.createIndexConcurrently(create)
          .forEach(s -> steps.add(new Step(s, true, Optional.of(index))));
    } else if (change instanceof Change.DropIndex) {
      PostgresDialect.INSTANCE.dropIndexConcurrently((Change.DropIndex) change).forEach(s -> steps.add(new Step(s, true)));
    } else {
      throw new IllegalArgumentException("only index creation and removal can run concurrently, not " + change);
    }
    changes.add(change);
  }

  @Override
  public void applyNotValid(Change change) {
    Objects.requireNonNull(change, "change");
    if (change instanceof Change.AddForeignKey) {
      steps(PostgresDialect.INSTANCE.addForeignKeyNotValid((Change.AddForeignKey) change));
    } else if (change instanceof Change.AddCheckConstraint) {
      steps(PostgresDialect.INSTANCE.addCheckConstraintNotValid((Change.AddCheckConstraint) change));
    } else {
      throw new IllegalArgumentException("only foreign keys and check constraints can be added NOT VALID, not "
          + change);
    }
    changes.add(change);
  }

  @Override
  public void validateConstraint(QualifiedName table, String constraint) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(constraint, "constraint");
    steps(PostgresDialect.INSTANCE.validateConstraint(table, constraint));
  }

  @Override
  public void setNotNullViaCheck(QualifiedName table, String column) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Change change = new Change.AlterColumnNullable(table, column, false);
    steps(PostgresDialect.INSTANCE.setNotNullViaCheck(table, column));
    changes.add(change);
  }

  private void steps(List<String> statements) {
    statements.forEach(s -> steps.add(new Step(s, false)));
  }

  public Recorded result() {
    return new Recorded(steps, changes);
  }
}
