package dev.strata.processor.internal.entity;

import dev.strata.runtime.internal.PostgresDialect;

/**
 * The few bits of SQL the reader writes into the schema (check conditions), quoted by the runtime's
 * dialect, which is the one place that quotes identifiers and literals.
 */
final class SqlText {
  private SqlText() {}

  static String identifier(String name) {
    return PostgresDialect.identifier(name);
  }

  static String literal(String value) {
    return PostgresDialect.literal(value);
  }
}
