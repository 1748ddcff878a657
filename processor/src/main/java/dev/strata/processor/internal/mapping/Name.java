package dev.strata.processor.internal.mapping;

import java.util.Objects;

/**
 * A name as Hibernate holds it before it reaches the database: its text, and whether it was quoted
 * in the mapping ({@code "Name"} or {@code `Name`}). Hibernate writes unquoted names into its DDL as
 * they are, so PostgreSQL folds them to lower case; quoted names keep their case.
 *
 * @param text the name without quotes
 * @param quoted whether the mapping quoted it
 */
public record Name(String text, boolean quoted) {

  public Name {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text must not be empty");
    }
  }

  public static Name unquoted(String text) {
    return new Name(text, false);
  }

  /**
   * A name as written in an annotation: {@code "x"} and {@code `x`} are quoted (Hibernate accepts
   * both), anything else is taken as it is.
   */
  public static Name parse(String written) {
    Objects.requireNonNull(written, "written");
    String trimmed = written.trim();
    if (trimmed.length() > 2
        && (trimmed.startsWith("\"") && trimmed.endsWith("\"") || trimmed.startsWith("`") && trimmed.endsWith("`"))) {
      return new Name(trimmed.substring(1, trimmed.length() - 1), true);
    }
    return new Name(trimmed, false);
  }

  /**
   * The name as Hibernate's {@code Identifier.toString()} renders it, which is what its hashed
   * constraint names are computed from: quoted names in back-ticks.
   */
  public String hibernateText() {
    return quoted ? "`" + text + "`" : text;
  }

  /** The name PostgreSQL stores: unquoted names folded to lower case, and at most 63 bytes. */
  public String database() {
    return PostgresNames.truncate(quoted ? text : PostgresNames.fold(text));
  }

  /** A name made from this one's text, keeping its quoting (e.g. an implicit name derived from it). */
  public Name withText(String newText) {
    return new Name(newText, quoted);
  }

  @Override
  public String toString() {
    return hibernateText();
  }
}
