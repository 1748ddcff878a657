package dev.strata.snapshot;

import dev.strata.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tokens of one line, strictly in canonical spelling: words are separated by exactly one
 * space, and every name, string and number must be written the way the writer writes it. Each failure
 * names the column where it happened and what was expected there.
 */
final class Cursor {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

  final String text;
  final int line;
  int pos;

  Cursor(String text, int line) {
    this.text = text;
    this.line = line;
  }

  SnapshotFormatException error(int at, String problem, String expected) {
    return new SnapshotFormatException(line, text.codePointCount(0, Math.min(at, text.length())) + 1, problem, expected);
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  boolean startsWith(String literal) {
    return text.startsWith(literal, pos);
  }

  /** What is at the cursor, for messages: the token up to the next space, or that the line ends. */
  String found() {
    return found(pos);
  }

  String found(int at) {
    if (at >= text.length()) {
      return "the line ends";
    }
    if (text.charAt(at) == ' ') {
      return at + 1 >= text.length() ? "a space at the end of the line" : "an extra space";
    }
    int end = text.indexOf(' ', at);
    String token = text.substring(at, end < 0 ? text.length() : end);
    if (token.length() > 40) {
      token = token.substring(0, 37) + "...";
    }
    return "'" + token + "'";
  }

  /** The error for a token that is missing where {@code what} belongs. */
  SnapshotFormatException missing(String what) {
    return atEnd() ? error(pos, "the line ends", what) : error(pos, found() + " where " + what + " belongs", what);
  }

  /** Consumes {@code literal} exactly, or fails saying {@code expected}. */
  void expect(String literal, String expected) throws SnapshotFormatException {
    if (!startsWith(literal)) {
      throw error(pos, found() + " where " + expected + " belongs", expected);
    }
    pos += literal.length();
  }

  /** Consumes the one space before the next token, which the message calls {@code next}. */
  void space(String next) throws SnapshotFormatException {
    if (atEnd()) {
      throw error(pos, "the line ends", next);
    }
    if (text.charAt(pos) != ' ') {
      throw error(pos, found() + " where a space belongs", "a space and " + next);
    }
    pos++;
    if (atEnd()) {
      throw error(pos - 1, "a space at the end of the line", next);
    }
    if (text.charAt(pos) == ' ') {
      throw error(pos, "an extra space", "one space between words");
    }
  }

  /** Fails unless the line has been read to its end. */
  void end() throws SnapshotFormatException {
    if (!atEnd()) {
      throw error(pos, "unexpected " + found(), "the end of the line");
    }
  }

  /** The lower-case word at the cursor (letters only), without consuming it; empty if none. */
  String peekWord() {
    int end = pos;
    while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') {
      end++;
    }
    return text.substring(pos, end);
  }

  /** Consumes one of {@code options} (each a word or words), longest first; fails listing them. */
  String oneOf(String expected, String... options) throws SnapshotFormatException {
    String best = null;
    for (String option : options) {
      if (startsWith(option) && (pos + option.length() == text.length() || text.charAt(pos + option.length()) == ' ')
          && (best == null || option.length() > best.length())) {
        best = option;
      }
    }
    if (best == null) {
      throw error(pos, found() + " where " + expected + " belongs", expected);
    }
    pos += best.length();
    return best;
  }

  /** A name: bare when simple, double-quoted otherwise (Syntax.identifier). */
  String identifier(String what) throws SnapshotFormatException {
    int start = pos;
    if (atEnd() || text.charAt(pos) == ' ') {
      throw missing(what);
    }
    if (text.charAt(pos) == '"') {
      String value = quoted('"', "quoted name");
      String raw = text.substring(start, pos);
      if (value.isEmpty()) {
        throw error(start, "an empty quoted name", what);
      }
      if (value.indexOf('\0') >= 0) {
        throw error(start, "a name with a NUL character", what + " without NUL characters (PostgreSQL has none)");
      }
      String canonical = Syntax.identifier(value);
      if (!raw.equals(canonical)) {
        if (Syntax.isSimple(value)) {
          throw error(start, "name " + raw + " is quoted but need not be", "'" + value + "'");
        }
        int at = firstDifference(raw, canonical);
        throw error(start + at, "name " + raw + " is not written in canonical form", canonical);
      }
      return value;
    }
    int end = pos;
    while (end < text.length() && " (),.".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String token = text.substring(pos, end);
    if (token.isEmpty()) {
      throw missing(what);
    }
    if (!Syntax.SIMPLE_IDENTIFIER.matcher(token).matches()) {
      throw error(pos, "name '" + token + "' must be quoted", Syntax.identifier(token));
    }
    if (Syntax.KEYWORDS.contains(token)) {
      throw error(pos, "'" + token + "' is an SQL key word and must be quoted", "\"" + token + "\"");
    }
    pos = end;
    return token;
  }

  /** {@code name} or {@code namespace.name}. */
  QualifiedName qualifiedName(String what) throws SnapshotFormatException {
    String first = identifier(what);
    if (!atEnd() && text.charAt(pos) == '.') {
      pos++;
      return new QualifiedName(Optional.of(first), identifier("a name after '" + Syntax.identifier(first) + ".'"));
    }
    return new QualifiedName(Optional.empty(), first);
  }

  /** A single-quoted string in canonical form (Syntax.string). */
  String string(String what) throws SnapshotFormatException {
    int start = pos;
    if (atEnd() || text.charAt(pos) != '\'') {
      throw error(pos, found() + " where " + what + " belongs", what + " in single quotes");
    }
    String value = quoted('\'', "string");
    String raw = text.substring(start, pos);
    String canonical = Syntax.string(value);
    if (!raw.equals(canonical)) {
      int at = firstDifference(raw, canonical);
      throw error(start + at, "string is not written in canonical form", canonical);
    }
    return value;
  }

  /** Reads a quoted token starting at the cursor, decoding doubled quotes and backslash escapes. */
  private String quoted(char quote, String kind) throws SnapshotFormatException {
    StringBuilder value = new StringBuilder();
    int i = pos + 1;
    while (true) {
      if (i >= text.length()) {
        throw error(pos, "unterminated " + kind, "a closing " + quote + " before the end of the line");
      }
      char c = text.charAt(i);
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          value.append(quote);
          i += 2;
          continue;
        }
        pos = i + 1;
        return value.toString();
      }
      if (c == '\\') {
        i = escape(i, value);
        continue;
      }
      if (Syntax.mustEscape(text, i)) {
        String escaped = Syntax.quote(String.valueOf(c), quote);
        throw error(i, String.format("unescaped character U+%04X in a %s", (int) c, kind),
            "the escape " + escaped.substring(1, escaped.length() - 1));
      }
      value.append(c);
      i++;
    }
  }

  private int escape(int at, StringBuilder value) throws SnapshotFormatException {
    String expected = "\\\\, \\n, \\r, \\t or \\u and four hex digits";
    if (at + 1 >= text.length()) {
      throw error(at, "a backslash at the end of the line", expected);
    }
    char e = text.charAt(at + 1);
    switch (e) {
      case '\\': value.append('\\'); return at + 2;
      case 'n': value.append('\n'); return at + 2;
      case 'r': value.append('\r'); return at + 2;
      case 't': value.append('\t'); return at + 2;
      case 'u':
        if (at + 6 <= text.length() && isHex(text, at + 2, at + 6)) {
          value.append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
          return at + 6;
        }
        throw error(at, "escape '\\u' without four hex digits", expected);
      default:
        throw error(at, "unknown escape '\\" + e + "'", expected);
    }
  }

  private static boolean isHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  /** A whole number in canonical spelling (no sign but '-', no leading zeros). */
  long number(String what) throws SnapshotFormatException {
    int start = pos;
    Matcher m = NUMBER.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw error(pos, found() + " where " + what + " belongs", what + ", a whole number");
    }
    String raw = m.group();
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw error(start, "number " + raw + " is out of range",
          "a number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
    }
    if (!Long.toString(value).equals(raw)) {
      throw error(start, "number " + raw + " is not written in canonical form", Long.toString(value));
    }
    pos = m.end();
    return value;
  }

  /** {@code (item, item, ...)}: at least one item, each read by {@code item}. */
  void list(String what, ItemReader item) throws SnapshotFormatException {
    expect("(", "'(' and " + what);
    while (true) {
      item.read();
      if (startsWith(")")) {
        pos++;
        return;
      }
      if (startsWith(", ")) {
        pos += 2;
        continue;
      }
      throw error(pos, found() + " in a list", "', ' and another name, or ')'");
    }
  }

  /** A list of names, each reported to {@code accept} with its position. */
  List<String> names(String what, NameCheck accept) throws SnapshotFormatException {
    List<String> names = new ArrayList<>();
    list(what, () -> {
      int at = pos;
      String name = identifier(what);
      accept.check(name, at);
      names.add(name);
    });
    return names;
  }

  @FunctionalInterface
  interface ItemReader {
    void read() throws SnapshotFormatException;
  }

  @FunctionalInterface
  interface NameCheck {
    void check(String name, int at) throws SnapshotFormatException;
  }

  static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }

}
