package dev.strata.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type in Strata's canonical spelling: a lower-case base name, optional type
 * modifiers, and an optional array suffix, e.g. {@code varchar(255)}, {@code numeric(38,2)},
 * {@code timestamptz(6)}, {@code integer[]}.
 *
 * <p>Canonical base names are PostgreSQL's short aliases ({@code varchar}, {@code char},
 * {@code timestamptz}, {@code timetz}, {@code float4}/{@code real} is spelled {@code real},
 * {@code float8} is spelled {@code double precision}). {@link #parse} accepts the long spellings and
 * folds them, so {@code parse("character varying(10)").equals(parse("varchar(10)"))}.
 */
public record SqlType(String base, List<Integer> modifiers, boolean array) {

  private static final Pattern SHAPE =
      Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?(\\s+with(?:out)? time zone)?\\s*((?:\\[\\])?)");

  public SqlType {
    Objects.requireNonNull(base, "base");
    if (!base.matches("[a-z][a-z0-9_]*( [a-z][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("base must be a lower-case type name, not: " + base);
    }
    modifiers = Checks.copy(modifiers, "modifiers");
    if (modifiers.size() > 2) {
      throw new IllegalArgumentException("modifiers has more than two values: " + modifiers);
    }
    for (int m : modifiers) {
      if (m < 0) {
        throw new IllegalArgumentException("modifiers must not be negative: " + modifiers);
      }
    }
  }

  public static SqlType of(String base, Integer... modifiers) {
    return new SqlType(base, List.of(modifiers), false);
  }

  /**
   * Parses a type as written in SQL or in a snapshot.
   *
   * @throws IllegalArgumentException naming the text when it is not a type
   */
  public static SqlType parse(String text) {
    Objects.requireNonNull(text, "text");
    String lower = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHAPE.matcher(lower);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a SQL type: " + text);
    }
    String base = m.group(1).trim().replaceAll("\\s+", " ");
    List<Integer> mods = m.group(3) != null
        ? List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
        : m.group(2) != null ? List.of(Integer.parseInt(m.group(2))) : List.of();
    boolean withTimeZone = m.group(4) != null && !m.group(4).contains("without");
    boolean array = !m.group(5).isEmpty();
    if (base.equals("float") || base.equals("double precision") && !mods.isEmpty()) {
      // float(p): PostgreSQL picks real for p <= 24 and double precision above (Hibernate writes float(53)).
      int precision = mods.isEmpty() ? 53 : mods.get(0);
      return new SqlType(precision <= 24 ? "real" : "double precision", List.of(), array);
    }
    return new SqlType(canonicalBase(base, withTimeZone), mods, array);
  }

  private static String canonicalBase(String base, boolean withTimeZone) {
    switch (base) {
      case "character varying": return "varchar";
      case "character": case "bpchar": return "char";
      case "int": case "int4": return "integer";
      case "int2": return "smallint";
      case "int8": return "bigint";
      case "float4": return "real";
      case "float8": return "double precision";
      case "bool": return "boolean";
      case "decimal": return "numeric";
      case "timestamp": return withTimeZone ? "timestamptz" : "timestamp";
      case "time": return withTimeZone ? "timetz" : "time";
      default: return base;
    }
  }

  public SqlType asArray() {
    return new SqlType(base, modifiers, true);
  }

  /** The canonical text, e.g. {@code numeric(38,2)}; this form defines equality in snapshots. */
  public String sql() {
    StringBuilder out = new StringBuilder(base);
    if (!modifiers.isEmpty()) {
      out.append('(');
      for (int i = 0; i < modifiers.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(modifiers.get(i));
      }
      out.append(')');
    }
    if (array) {
      out.append("[]");
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return sql();
  }
}
