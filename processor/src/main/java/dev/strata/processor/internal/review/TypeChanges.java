package dev.strata.processor.internal.review;

import dev.strata.schema.SqlType;
import java.util.List;
import java.util.Set;

/**
 * What a column type change does to data and to the table on PostgreSQL. Both questions are
 * answered conservatively: a change not known to be safe counts as narrowing, or as rewriting.
 */
public final class TypeChanges {
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
  /** Decimal digits each integer type can hold. */
  private static final List<Integer> INTEGER_DIGITS = List.of(5, 10, 19);
  private static final Set<String> STRINGS = Set.of("varchar", "char", "text");
  private static final Set<String> TIMESTAMPS = Set.of("timestamp", "timestamptz");

  private TypeChanges() {}

  /** Whether values of type {@code from} may be cut, rounded or fail to convert to {@code to}. */
  public static boolean isNarrowing(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return false;
    }
    if (from.array() != to.array()) {
      return true;
    }
    String a = from.base();
    String b = to.base();
    if (b.equals("text")) {
      return false;
    }
    if (STRINGS.contains(a) && (b.equals("varchar") || b.equals("char"))) {
      return a.equals("text") || length(to) < length(from);
    }
    if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
      return INTEGERS.indexOf(b) < INTEGERS.indexOf(a);
    }
    if (INTEGERS.contains(a) && b.equals("numeric")) {
      return !to.modifiers().isEmpty() && precision(to) - scale(to) < INTEGER_DIGITS.get(INTEGERS.indexOf(a));
    }
    if (a.equals("numeric") && b.equals("numeric")) {
      if (to.modifiers().isEmpty()) {
        return false;
      }
      if (from.modifiers().isEmpty()) {
        return true;
      }
      return scale(to) < scale(from) || precision(to) - scale(to) < precision(from) - scale(from);
    }
    if (a.equals("real") && b.equals("double precision")) {
      return false;
    }
    if (TIMESTAMPS.contains(a) && TIMESTAMPS.contains(b) || a.equals("time") && b.equals("time")) {
      return fraction(to) < fraction(from);
    }
    if (a.equals("date") && TIMESTAMPS.contains(b)) {
      return false;
    }
    return true;
  }

  /**
   * Whether PostgreSQL rewrites the table (and its indexes) for this change; the changes it can do
   * in place are those between binary-compatible types: a longer or unbounded varchar, varchar to
   * text, and more numeric precision at the same scale.
   */
  public static boolean rewrites(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return false;
    }
    if (from.array() != to.array()) {
      return true;
    }
    String a = from.base();
    String b = to.base();
    if ((a.equals("varchar") || a.equals("text")) && b.equals("text")) {
      return false;
    }
    if ((a.equals("varchar") || a.equals("text")) && b.equals("varchar")) {
      return a.equals("text") ? !to.modifiers().isEmpty() : length(to) < length(from);
    }
    if (a.equals("numeric") && b.equals("numeric")) {
      if (to.modifiers().isEmpty()) {
        return false;
      }
      return from.modifiers().isEmpty() || scale(to) != scale(from) || precision(to) < precision(from);
    }
    return true;
  }

  /** The length limit; no modifier means unbounded (char without one means char(1)). */
  private static long length(SqlType type) {
    if (type.base().equals("text")) {
      return Long.MAX_VALUE;
    }
    if (type.modifiers().isEmpty()) {
      return type.base().equals("char") ? 1 : Long.MAX_VALUE;
    }
    return type.modifiers().get(0);
  }

  private static int precision(SqlType type) {
    return type.modifiers().isEmpty() ? Integer.MAX_VALUE : type.modifiers().get(0);
  }

  private static int scale(SqlType type) {
    return type.modifiers().size() < 2 ? 0 : type.modifiers().get(1);
  }

  /** Fractional-second digits of a time type; PostgreSQL's default is 6. */
  private static int fraction(SqlType type) {
    return type.modifiers().isEmpty() ? 6 : type.modifiers().get(0);
  }
}
