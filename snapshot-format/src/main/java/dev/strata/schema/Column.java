package dev.strata.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A table column.
 *
 * @param name the column name, exactly as in the database
 * @param type its type
 * @param nullable whether it accepts NULL
 * @param defaultValue the default as a SQL expression (e.g. {@code 'new'}, {@code 0}, {@code now()})
 * @param identity set when the column is an identity column
 * @param comment the column comment
 */
public record Column(
    String name,
    SqlType type,
    boolean nullable,
    Optional<String> defaultValue,
    Optional<Identity> identity,
    Optional<String> comment) {

  public Column {
    Checks.identifier(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(comment, "comment");
    defaultValue.ifPresent(d -> {
      if (d.isBlank()) {
        throw new IllegalArgumentException("defaultValue of column " + name + " must not be blank");
      }
    });
    if (identity.isPresent() && nullable) {
      throw new IllegalArgumentException("identity column " + name + " must not be nullable");
    }
    if (identity.isPresent() && defaultValue.isPresent()) {
      throw new IllegalArgumentException("identity column " + name + " must not have a default");
    }
  }

  /** A nullable column with no default, identity or comment. */
  public static Column of(String name, String type) {
    return new Column(name, SqlType.parse(type), true, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Column of(String name, SqlType type) {
    return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public Column notNull() {
    return new Column(name, type, false, defaultValue, identity, comment);
  }

  public Column withNullable(boolean newNullable) {
    return new Column(name, type, newNullable, defaultValue, identity, comment);
  }

  public Column withName(String newName) {
    return new Column(newName, type, nullable, defaultValue, identity, comment);
  }

  public Column withType(SqlType newType) {
    return new Column(name, newType, nullable, defaultValue, identity, comment);
  }

  public Column withDefault(String expression) {
    return new Column(name, type, nullable, Optional.of(expression), identity, comment);
  }

  public Column withDefault(Optional<String> expression) {
    return new Column(name, type, nullable, expression, identity, comment);
  }

  /** Makes this an identity column; identity columns are NOT NULL. */
  public Column withIdentity(Identity kind) {
    return new Column(name, type, false, defaultValue, Optional.of(kind), comment);
  }

  public Column withIdentity(Optional<Identity> kind) {
    return new Column(name, type, kind.isPresent() ? false : nullable, defaultValue, kind, comment);
  }

  public Column withComment(String text) {
    return new Column(name, type, nullable, defaultValue, identity, Optional.of(text));
  }

  public Column withComment(Optional<String> text) {
    return new Column(name, type, nullable, defaultValue, identity, text);
  }
}
