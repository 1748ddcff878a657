package dev.strata.schema;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of a table or sequence, optionally in a PostgreSQL schema (a namespace).
 *
 * <p>An absent namespace means the connection's default schema (normally {@code public}), which is
 * how JPA entities without {@code @Table(schema = ...)} are mapped. Names are kept exactly as they
 * are in the database: no case folding happens here.
 */
public record QualifiedName(Optional<String> namespace, String name) implements Comparable<QualifiedName> {

  private static final Comparator<QualifiedName> ORDER =
      Comparator.comparing((QualifiedName q) -> q.namespace.orElse(""))
          .thenComparing(QualifiedName::name);

  public QualifiedName {
    Objects.requireNonNull(namespace, "namespace");
    namespace.ifPresent(n -> Checks.identifier(n, "namespace"));
    Checks.identifier(name, "name");
  }

  /** A name in the default schema. */
  public static QualifiedName of(String name) {
    return new QualifiedName(Optional.empty(), name);
  }

  /** A name in the given schema; {@code namespace} may be null for the default schema. */
  public static QualifiedName of(String namespace, String name) {
    return new QualifiedName(Optional.ofNullable(namespace), name);
  }

  public QualifiedName withName(String newName) {
    return new QualifiedName(namespace, newName);
  }

  @Override
  public int compareTo(QualifiedName other) {
    return ORDER.compare(this, other);
  }

  /** For messages only: {@code schema.name} or {@code name}, unquoted. */
  @Override
  public String toString() {
    return namespace.map(n -> n + "." + name).orElse(name);
  }
}
