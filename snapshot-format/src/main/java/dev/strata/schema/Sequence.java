package dev.strata.schema;

import java.util.Objects;

/**
 * A sequence. Hibernate's default for {@code @GeneratedValue(SEQUENCE)} is {@code <table>_seq}
 * starting at 1 and incrementing by 50.
 */
public record Sequence(QualifiedName name, long start, long increment) implements Comparable<Sequence> {
  public Sequence {
    Objects.requireNonNull(name, "name");
    if (increment == 0) {
      throw new IllegalArgumentException("increment of sequence " + name + " must not be 0");
    }
  }

  public static Sequence of(QualifiedName name, long start, long increment) {
    return new Sequence(name, start, increment);
  }

  public Sequence withName(QualifiedName newName) {
    return new Sequence(newName, start, increment);
  }

  @Override
  public int compareTo(Sequence other) {
    return name.compareTo(other.name);
  }
}
