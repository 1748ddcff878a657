package dev.strata.processor.internal.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the values of {@code @Revision(...)} from the text of a revision source file that is not
 * part of this compile (an incremental compile sees only some files). Only literal values are
 * understood: string literals (and {@code +} between them), arrays of them, {@code true} and
 * {@code false} — what Strata generates and what people write by hand. Anything else fails with a
 * reason, and the caller then asks javac for the class instead.
 */
final class RevisionSourceParser {

  /** The parsed annotation: element name to value (a String, a List of Strings, or a Boolean). */
  record Parsed(Map<String, Object> values, int line) {
    String string(String name) {
      Object value = values.get(name);
      return value instanceof String s ? s : "";
    }

    List<String> strings(String name) {
      Object value = values.get(name);
      if (value instanceof String s) {
        return List.of(s);
      }
      if (value instanceof List<?> list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add((String) v));
        return out;
      }
      return List.of();
    }
  }

  /** Thrown when the text holds a {@code @Revision} that this parser cannot read. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private final String text;
  private int pos;

  private RevisionSourceParser(String text) {
    this.text = text;
  }

  /**
   * The {@code @Revision} of {@code text}, or empty when the file has none.
   *
   * @throws Unreadable when it has one whose values are not literals
   */
  static Optional<Parsed> parse(String text) throws Unreadable {
    return new RevisionSourceParser(text).find();
  }

  private Optional<Parsed> find() throws Unreadable {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '/' && peek(1) == '/') {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (c == '"') {
        readString();
      } else if (c == '\'') {
        skipCharLiteral();
      } else if (c == '@') {
        int at = pos;
        pos++;
        skipSpace();
        String name = readQualifiedName();
        if (name.equals("Revision") || name.equals("dev.strata.runtime.Revision")) {
          int line = lineOf(at);
          skipSpace();
          if (peek(0) != '(') {
            throw new Unreadable("@Revision at line " + line + " has no values");
          }
          pos++;
          return Optional.of(new Parsed(readElements(line), line));
        }
      } else {
        pos++;
      }
    }
    return Optional.empty();
  }

  private Map<String, Object> readElements(int line) throws Unreadable {
    Map<String, Object> values = new LinkedHashMap<>();
    skipTrivia();
    if (peek(0) == ')') {
      pos++;
      return values;
    }
    while (true) {
      skipTrivia();
      String name = readQualifiedName();
      if (name.isEmpty()) {
        throw new Unreadable("@Revision at line " + line + ": expected an element name at line " + lineOf(pos));
      }
      skipTrivia();
      if (peek(0) != '=') {
        throw new Unreadable("@Revision at line " + line + ": expected '=' after " + name);
      }
      pos++;
      skipTrivia();
      values.put(name, readValue(name));
      skipTrivia();
      if (peek(0) == ',') {
        pos++;
      } else if (peek(0) == ')') {
        pos++;
        return values;
      } else {
        throw new Unreadable("@Revision at line " + line + ": the value of " + name
            + " is not a string literal, an array of them, true or false");
      }
    }
  }

  private Object readValue(String name) throws Unreadable {
    if (peek(0) == '{') {
      pos++;
      List<String> items = new ArrayList<>();
      skipTrivia();
      if (peek(0) == '}') {
        pos++;
        return items;
      }
      while (true) {
        skipTrivia();
        items.add(readConcatenation(name));
        skipTrivia();
        if (peek(0) == ',') {
          pos++;
          skipTrivia();
          if (peek(0) == '}') {
            pos++;
            return items;
          }
        } else if (peek(0) == '}') {
          pos++;
          return items;
        } else {
          throw new Unreadable("the value of " + name + " at line " + lineOf(pos) + " is not an array of string literals");
        }
      }
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    return readConcatenation(name);
  }

  private String readConcatenation(String name) throws Unreadable {
    if (peek(0) != '"') {
      throw new Unreadable("the value of " + name + " at line " + lineOf(pos) + " is not a string literal");
    }
    StringBuilder out = new StringBuilder(readString());
    while (true) {
      int mark = pos;
      skipTrivia();
      if (peek(0) == '+') {
        pos++;
        skipTrivia();
        if (peek(0) != '"') {
          throw new Unreadable("the value of " + name + " at line " + lineOf(pos) + " is not a string literal");
        }
        out.append(readString());
      } else {
        pos = mark;
        return out.toString();
      }
    }
  }

  /** Reads a string literal starting at the opening quote, decoding escapes. */
  private String readString() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\' || pos >= text.length()) {
        out.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'b': out.append('\b'); break;
        case 't': out.append('\t'); break;
        case 'n': out.append('\n'); break;
        case 'f': out.append('\f'); break;
        case 'r': out.append('\r'); break;
        case 's': out.append(' '); break;
        case 'u':
          while (peek(0) == 'u') {
            pos++;
          }
          out.append((char) Integer.parseInt(text.substring(pos, Math.min(pos + 4, text.length())), 16));
          pos += 4;
          break;
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int i = 0; i < 2 && peek(0) >= '0' && peek(0) <= '7'; i++) {
              value = value * 8 + (text.charAt(pos++) - '0');
            }
            out.append((char) value);
          } else {
            out.append(e);
          }
      }
    }
    return out.toString();
  }

  private void skipCharLiteral() {
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '\'') {
        return;
      }
    }
  }

  private String readQualifiedName() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isJavaIdentifierPart(c) || c == '.') {
        pos++;
      } else if (Character.isWhitespace(c) && nextNonSpaceIs('.')) {
        skipSpace();
      } else {
        break;
      }
    }
    return text.substring(start, pos).replaceAll("\\s+", "");
  }

  private boolean nextNonSpaceIs(char expected) {
    int i = pos;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == expected;
  }

  private void skipTrivia() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && peek(1) == '/') {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private void skipLineComment() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipBlockComment() {
    int end = text.indexOf("*/", pos + 2);
    pos = end < 0 ? text.length() : end + 2;
  }

  private char peek(int offset) {
    int i = pos + offset;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
