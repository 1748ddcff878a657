package dev.strata.snapshot;

import java.util.Set;
import java.util.regex.Pattern;

/** The lexical rules of the snapshot format that the writer and the reader share (SPEC.md, "Lexical rules"). */
final class Syntax {
  private Syntax() {}

  static final int VERSION = 1;
  static final String HEADER_PREFIX = "strata snapshot version ";
  static final String HEADER = HEADER_PREFIX + VERSION;

  static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
  static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * PostgreSQL's reserved key words, and those it reserves except as function or type names
   * (src/include/parser/kwlist.h, RESERVED_KEYWORD and TYPE_FUNC_NAME_KEYWORD). An identifier spelled
   * like one of them is quoted, as it must be in SQL. The list is part of format version 1: changing it
   * changes canonical text, so it needs a new version.
   */
  static final Set<String> KEYWORDS = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
      "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
      "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
      "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
      "unique", "user", "using", "variadic", "when", "where", "window", "with",
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
      "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
      "right", "similar", "tablesample", "verbose");

  static boolean isSimple(String identifier) {
    return SIMPLE_IDENTIFIER.matcher(identifier).matches() && !KEYWORDS.contains(identifier);
  }

  /** The identifier as written: bare when simple, otherwise in double quotes. */
  static String identifier(String name) {
    return isSimple(name) ? name : quote(name, '"');
  }

  /** A single-quoted string: SQL expressions and comments. */
  static String string(String value) {
    return quote(value, '\'');
  }

  /**
   * Quotes {@code value}: the quote character is doubled, as in SQL; a backslash starts an escape, so
   * that every line stays one line and nothing invisible reaches a reviewer's screen.
   */
  static String quote(String value, char quote) {
    StringBuilder out = new StringBuilder(value.length() + 2).append(quote);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == quote) {
        out.append(quote).append(quote);
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (mustEscape(value, i)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }

  /**
   * Characters written as {@code \\uXXXX}: controls (C0, DEL, C1), line and paragraph separators,
   * invisible format characters that can make text read differently from what it is (bidirectional
   * overrides, zero-width characters, the byte order mark), and surrogates that are not half of a pair
   * (they have no UTF-8 form). The set is fixed here rather than taken from the JDK's Unicode tables,
   * so the canonical text does not depend on the Java version.
   */
  static boolean mustEscape(CharSequence value, int i) {
    char c = value.charAt(i);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x061C
        || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F)
        || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }
}
