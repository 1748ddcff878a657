package dev.strata.processor.internal.mapping;

import java.nio.charset.StandardCharsets;

/**
 * How PostgreSQL turns the names it is given into the names it stores, and the names it chooses
 * itself for constraints that the DDL leaves unnamed. Hibernate names neither primary keys, nor
 * inline unique constraints ({@code @Column(unique = true)}), nor the inline checks it writes for
 * enum columns, so the database's own choices are the names Strata must record.
 */
public final class PostgresNames {
  /** {@code NAMEDATALEN - 1}: PostgreSQL truncates longer identifiers (with a NOTICE). */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private PostgresNames() {}

  /**
   * Folds an unquoted identifier as PostgreSQL's {@code downcase_identifier} does in a UTF-8
   * database: ASCII letters only, so {@code OrderLine} becomes {@code orderline} and {@code Größe}
   * becomes {@code größe}.
   */
  public static String fold(String unquoted) {
    StringBuilder out = new StringBuilder(unquoted.length());
    for (int i = 0; i < unquoted.length(); i++) {
      char c = unquoted.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  /** Truncates to at most 63 bytes of UTF-8 without splitting a character, as PostgreSQL does. */
  public static String truncate(String name) {
    return clip(name, MAX_IDENTIFIER_BYTES);
  }

  /**
   * The name PostgreSQL's {@code makeObjectName} builds for an unnamed constraint or index:
   * {@code name1_name2_label}, shortening the longer of the two names first until it fits in 63
   * bytes. E.g. {@code (orderline, null, "pkey")} gives {@code orderline_pkey} and
   * {@code (orderline, status, "check")} gives {@code orderline_status_check}.
   *
   * @param name2 may be null (primary keys have no column part)
   */
  public static String objectName(String name1, String name2, String label) {
    int overhead = label.getBytes(StandardCharsets.UTF_8).length + 1;
    int name1Bytes = name1.getBytes(StandardCharsets.UTF_8).length;
    int name2Bytes = 0;
    if (name2 != null) {
      name2Bytes = name2.getBytes(StandardCharsets.UTF_8).length;
      overhead++;
    }
    int available = MAX_IDENTIFIER_BYTES - overhead;
    while (name1Bytes + name2Bytes > available) {
      if (name1Bytes > name2Bytes) {
        name1Bytes--;
      } else {
        name2Bytes--;
      }
    }
    StringBuilder out = new StringBuilder(clip(name1, name1Bytes));
    if (name2 != null) {
      out.append('_').append(clip(name2, name2Bytes));
    }
    return out.append('_').append(label).toString();
  }

  /** The longest prefix of {@code text} whose UTF-8 encoding has at most {@code maxBytes} bytes. */
  static String clip(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
