package dev.strata.schema;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name (PostgreSQL names inline column checks {@code <table>_<column>_check})
 * @param expression the boolean SQL expression, without the surrounding {@code CHECK ( )}
 */
public record CheckConstraint(String name, String expression) {
  public CheckConstraint {
    Checks.identifier(name, "name");
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression of check " + name + " must not be blank");
    }
  }

  public static CheckConstraint of(String name, String expression) {
    return new CheckConstraint(name, expression);
  }
}
