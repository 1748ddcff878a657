package dev.strata.processor.internal.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Revision ids and class names.
 *
 * <p>An id is {@code yyyyMMdd_HHmmss_xxxx}: the UTC creation time, so ids sort by time, and four
 * random characters from {@code [a-z0-9]}, so two branches that generate a revision in the same
 * second still pick different ids. A class name is {@code R}, the id, and the message's first
 * clause (up to the first comma) in PascalCase, cut to at most {@value #SLUG_LENGTH} characters at
 * a word boundary, e.g. {@code R20261126_101500_k3f9_CreateTableOrders} for the message
 * {@code create table orders, add column customers.email}; class names therefore also sort by time.
 */
final class RevisionNaming {
  static final int SLUG_LENGTH = 40;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RevisionNaming() {}

  static String newId(Instant now, Random random) {
    StringBuilder id = new StringBuilder(TIME.format(now)).append('_');
    for (int i = 0; i < 4; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  static String className(String id, String message) {
    String slug = slug(message);
    return slug.isEmpty() ? "R" + id : "R" + id + "_" + slug;
  }

  /**
   * The words of the message's first clause that are made of ASCII letters and digits, each
   * capitalised, joined; at most {@value #SLUG_LENGTH} characters.
   */
  static String slug(String message) {
    StringBuilder out = new StringBuilder();
    int comma = message.indexOf(',');
    String clause = comma < 0 ? message : message.substring(0, comma);
    for (String word : clause.split("[\\s\\p{Punct}]+")) {
      // Words with other characters are left out whole rather than cut into pieces of ASCII.
      if (word.isEmpty() || !word.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
        continue;
      }
      String part = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      if (out.length() + part.length() > SLUG_LENGTH) {
        break;
      }
      out.append(part);
    }
    return out.toString();
  }
}
