package dev.strata.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type in Strata's canonical spelling: a lower-case base name, optional type
 * modifiers, and an optional array suffix, e.g. {@code varchar(255)}, {@code numeric(38,2)},
 * {@code timestamptz(6)}, {@code integer[]}.
 *
 * <p>Canonical base names are PostgreSQL's short aliases ({@code varchar}, {@code char},
 * {@code timestamptz}, {@code timetz}, {@code integer}, {@code boolean}, {@code numeric}); {@code float4}
 * is spelled {@code real} and {@code float8} {@code double precision}; {@code float(p)} becomes
 * {@code real} for p &lt;= 24 and {@code double precision} above, as PostgreSQL does. The
 * constructor folds every alias, so {@code new SqlType("int4", ...)} equals
 * {@code new SqlType("integer", ...)}, and {@link #parse} accepts the long SQL spellings as well:
 * {@code parse("character varying(10)").equals(parse("varchar(10)"))}.
 *
 * <p>A base has one word, except PostgreSQL's few multi-word types: {@code double precision},
 * {@code bit varying} and {@code interval} with fields ({@code interval day to second}).
 * PostgreSQL does not distinguish array dimensions, so {@code integer[][]}, {@code integer[3]} and
 * {@code integer array} are all {@code integer[]}.
 */
public record SqlType(String base, List<Integer> modifiers, boolean array) {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static final Pattern WORDS = Pattern.compile("[a-z][a-z0-9_]*( [a-z][a-z0-9_]*)*");

  private static final Pattern INTERVAL_FIELDS = Pattern.compile(
      "interval (year|month|day|hour|minute|second|year to month|day to (hour|minute|second)"
          + "|hour to (minute|second)|minute to second)");

  private static final Set<String> MULTI_WORD = Set.of("double precision", "bit varying");

  /** One array suffix at the end of a type: {@code []}, {@code [3]}, {@code array} or {@code array[3]}. */
  private static final Pattern ARRAY_SUFFIX = Pattern.compile("(.*?)\\s*(?:\\[\\s*\\d*\\s*\\]|\\barray(?:\\s*\\[\\s*\\d*\\s*\\])?)$");

  private static final Pattern SHAPE = Pattern.compile(
      "([a-z][a-z0-9_]*(?: [a-z][a-z0-9_]*)*?)"
          + "(?: ?\\( ?(\\d{1,9}) ?(?:, ?(\\d{1,9}) ?)?\\))?"
          + "( with(?:out)? time zone)?");

  public SqlType {
    Objects.requireNonNull(base, "base");
    modifiers = Checks.copy(modifiers, "modifiers");
    if (!WORDS.matcher(base).matches()) {
      throw new IllegalArgumentException(
          "base must be lower-case words separated by single spaces (e.g. double precision), not: " + base);
    }
    if (modifiers.size() > 2) {
      throw new IllegalArgumentException("modifiers has more than two values: " + modifiers);
    }
    for (int m : modifiers) {
      if (m < 0) {
        throw new IllegalArgumentException("modifiers must not be negative: " + modifiers);
      }
    }
    if (base.endsWith(" array")) {
      base = base.substring(0, base.length() - " array".length());
      array = true;
    }
    if (base.equals("float")) {
      // float(p): PostgreSQL picks real for p <= 24 and double precision above; plain float is float8.
      if (modifiers.size() > 1) {
        throw new IllegalArgumentException("float takes one modifier (its precision), not: " + modifiers);
      }
      int precision = modifiers.isEmpty() ? 53 : modifiers.get(0);
      if (precision < 1 || precision > 53) {
        throw new IllegalArgumentException("precision of float must be between 1 and 53, not: " + precision);
      }
      base = precision <= 24 ? "real" : "double precision";
      modifiers = List.of();
    } else {
      base = canonicalBase(base);
    }
    if (base.indexOf(' ') >= 0 && !MULTI_WORD.contains(base) && !INTERVAL_FIELDS.matcher(base).matches()) {
      throw new IllegalArgumentException("not a PostgreSQL type: " + base
          + "; only double precision, bit varying and interval with fields have more than one word");
    }
    if ((base.equals("real") || base.equals("double precision")) && !modifiers.isEmpty()) {
      throw new IllegalArgumentException(base + " takes no modifiers; write float(p) for a precision");
    }
  }

  public static SqlType of(String base, Integer... modifiers) {
    return new SqlType(base, List.of(modifiers), false);
  }

  /**
   * Parses a type as written in SQL or in a snapshot, case-insensitively, e.g.
   * {@code timestamp(6) with time zone}, {@code float(53)}, {@code character varying(10)},
   * {@code integer array}, {@code varchar(255)[]}.
   *
   * @throws IllegalArgumentException naming the text when it is not a type
   */
  public static SqlType parse(String text) {
    Objects.requireNonNull(text, "text");
    String rest = WHITESPACE.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    boolean array = false;
    for (Matcher suffix = ARRAY_SUFFIX.matcher(rest); suffix.matches(); suffix = ARRAY_SUFFIX.matcher(rest)) {
      rest = suffix.group(1);
      array = true;
    }
    Matcher m = SHAPE.matcher(rest);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a SQL type: " + text);
    }
    String base = m.group(1);
    List<Integer> mods = m.group(3) != null
        ? List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
        : m.group(2) != null ? List.of(Integer.parseInt(m.group(2))) : List.of();
    if (m.group(4) != null) {
      if (!base.equals("timestamp") && !base.equals("time")) {
        throw new IllegalArgumentException("not a SQL type: " + text + " (only time and timestamp take a time zone)");
      }
      base = base + m.group(4);
    }
    try {
      return new SqlType(base, mods, array);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a SQL type: " + text + " (" + e.getMessage() + ")", e);
    }
  }

  private static String canonicalBase(String base) {
    switch (base) {
      case "character varying": case "char varying": case "national character varying":
      case "national char varying": case "nchar varying":
        return "varchar";
      case "character": case "bpchar": case "national character": case "national char": case "nchar":
        return "char";
      case "int": case "int4":
        return "integer";
      case "int2":
        return "smallint";
      case "int8":
        return "bigint";
      case "float4":
        return "real";
      case "float8":
        return "double precision";
      case "bool":
        return "boolean";
      case "decimal": case "dec":
        return "numeric";
      case "varbit":
        return "bit varying";
      case "timestamp with time zone":
        return "timestamptz";
      case "timestamp without time zone":
        return "timestamp";
      case "time with time zone":
        return "timetz";
      case "time without time zone":
        return "time";
      default:
        return base;
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
