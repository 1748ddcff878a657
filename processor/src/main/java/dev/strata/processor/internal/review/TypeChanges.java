package dev.strata.processor.internal.review;

import dev.strata.schema.SqlType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a column type change does to data and to the table on PostgreSQL. Both questions are
 * answered conservatively: a change not known to be safe counts as narrowing, or as rewriting.
 * Whether PostgreSQL can convert the column at all is answered from its cast catalogue.
 */
public final class TypeChanges {
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
  /** Decimal digits each integer type can hold. */
  private static final List<Integer> INTEGER_DIGITS = List.of(5, 10, 19);
  private static final Set<String> STRINGS = Set.of("varchar", "char", "text");
  private static final Set<String> TIMESTAMPS = Set.of("timestamp", "timestamptz");
  private static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "real", "double precision",
      "numeric");

  /**
   * For each base type Strata knows, the other base types PostgreSQL 17 casts it to, as
   * {@code pg_cast} lists them (implicit, assignment or explicit), besides the string types: every
   * type converts to and from {@code varchar}, {@code char} and {@code text} through its text form
   * (an I/O conversion cast), which no table needs to list. These are the types the entity mapping
   * produces, and a few more a {@code columnDefinition} commonly names. TypeCastsTest in
   * integration-tests tries every pair on PostgreSQL, so this table cannot drift from it.
   */
  private static final Map<String, Set<String>> CASTS = Map.ofEntries(
      Map.entry("smallint", union(NUMBERS, Set.of("oid"))),
      Map.entry("integer", union(NUMBERS, Set.of("oid", "boolean"))),
      Map.entry("bigint", union(NUMBERS, Set.of("oid"))),
      Map.entry("real", NUMBERS),
      Map.entry("double precision", NUMBERS),
      Map.entry("numeric", NUMBERS),
      // oid to smallint has no cast: an oid does not fit.
      Map.entry("oid", Set.of("integer", "bigint")),
      // Only integer: boolean to smallint or bigint has no cast.
      Map.entry("boolean", Set.of("integer")),
      Map.entry("date", Set.of("timestamp", "timestamptz")),
      Map.entry("time", Set.of("timetz", "interval")),
      Map.entry("timetz", Set.of("time")),
      Map.entry("timestamp", Set.of("date", "time", "timestamptz")),
      Map.entry("timestamptz", Set.of("date", "time", "timetz", "timestamp")),
      Map.entry("interval", Set.of("time")),
      Map.entry("json", Set.of("jsonb")),
      Map.entry("jsonb", union(NUMBERS, Set.of("json", "boolean"))),
      Map.entry("uuid", Set.of()),
      Map.entry("bytea", Set.of()),
      Map.entry("xml", Set.of()),
      Map.entry("inet", Set.of()));

  private TypeChanges() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Whether {@link #canCast} knows this type (or, for an array, its element type). */
  public static boolean knows(SqlType type) {
    return STRINGS.contains(type.base()) || CASTS.containsKey(type.base());
  }

  /**
   * Whether PostgreSQL can convert a column of type {@code from} to {@code to}
   * ({@code ALTER COLUMN ... TYPE to USING col::to}) for some values; whether the values at hand
   * convert is {@link #isNarrowing}'s question. Arrays convert element by element, and to and from
   * the string types. For a type Strata does not {@link #knows know}, the answer is true: only a
   * change known to be impossible is refused.
   */
  public static boolean canCast(SqlType from, SqlType to) {
    if (!knows(from) || !knows(to)) {
      return true;
    }
    if (from.array() != to.array()) {
      // Only the text form bridges an array and a single value.
      return !from.array() && STRINGS.contains(from.base()) || !to.array() && STRINGS.contains(to.base());
    }
    String a = from.base();
    String b = to.base();
    return a.equals(b) || STRINGS.contains(a) || STRINGS.contains(b) || CASTS.get(a).contains(b);
  }

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
