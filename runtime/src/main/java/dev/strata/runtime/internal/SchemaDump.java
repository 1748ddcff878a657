package dev.strata.runtime.internal;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A canonical, comparable description of a {@link Schema}: one entry per object ({@code key} names
 * the object, {@code definition} says what it is), sorted by key. Defaults and check expressions are
 * normalised ({@link CatalogReader#normalizeDefault}, {@link CatalogReader#normalizeCheck}) so that a
 * schema read from the catalog and the model it was created from describe alike.
 *
 * <p>Used to compare a live database with a snapshot: {@link #text} for tests, {@link #differences}
 * for drift reports.
 */
public final class SchemaDump {

  private SchemaDump() {}

  /** Object key → definition, sorted by key. */
  public static Map<String, String> entries(Schema schema) {
    Map<String, String> out = new TreeMap<>();
    for (String namespace : schema.namespaces()) {
      out.put("schema " + namespace, "");
    }
    for (Sequence s : schema.sequences()) {
      out.put("sequence " + s.name(), "start " + s.start() + " increment " + s.increment());
    }
    for (Table table : schema.tables()) {
      String t = "table " + table.name();
      out.put(t, table.comment().map(c -> "comment " + PostgresDialect.literal(c)).orElse(""));
      for (Column c : table.columns()) {
        out.put(t + " column " + c.name(), column(c));
      }
      table.primaryKey().ifPresent(pk -> out.put(t + " primary key " + pk.name(), list(pk.columns())));
      for (ForeignKey fk : table.foreignKeys()) {
        out.put(t + " foreign key " + fk.name(), list(fk.columns()) + " references " + fk.referencedTable()
            + " " + list(fk.referencedColumns()) + " on delete " + fk.onDelete().sql()
            + " on update " + fk.onUpdate().sql());
      }
      for (UniqueConstraint u : table.uniqueConstraints()) {
        out.put(t + " unique " + u.name(), list(u.columns()));
      }
      for (CheckConstraint ch : table.checks()) {
        out.put(t + " check " + ch.name(), CatalogReader.normalizeCheck(ch.expression()));
      }
      for (Index i : table.indexes()) {
        out.put(t + " index " + i.name(), (i.unique() ? "unique " : "") + i.columns().stream()
            .map(ic -> ic.name() + (ic.descending() ? " desc" : "")).collect(Collectors.joining(", ", "(", ")")));
      }
    }
    return out;
  }

  private static String column(Column c) {
    StringBuilder out = new StringBuilder(PostgresDialect.type(c.type()));
    out.append(c.nullable() ? " null" : " not null");
    c.defaultValue().ifPresent(d -> out.append(" default ").append(CatalogReader.normalizeDefault(d)));
    c.identity().ifPresent(i -> out.append(i == Identity.ALWAYS ? " identity always" : " identity by default"));
    c.comment().ifPresent(text -> out.append(" comment ").append(PostgresDialect.literal(text)));
    return out.toString();
  }

  private static String list(List<String> names) {
    return "(" + String.join(", ", names) + ")";
  }

  /** The schema as text, one object per line ({@code key: definition}), sorted; '\n' line ends. */
  public static String text(Schema schema) {
    StringBuilder out = new StringBuilder();
    entries(schema).forEach((key, definition) ->
        out.append(key).append(definition.isEmpty() ? "" : ": " + definition).append('\n'));
    return out.toString();
  }

  /**
   * What differs between {@code actual} (a live database) and {@code expected} (a model), one line
   * per object, sorted: {@code missing: ...}, {@code unexpected: ...}, or {@code differs: ...}
   * with both definitions. Empty when they describe alike.
   */
  public static List<String> differences(Schema actual, Schema expected) {
    Map<String, String> a = entries(actual);
    Map<String, String> e = entries(expected);
    TreeMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> entry : e.entrySet()) {
      String key = entry.getKey();
      if (!a.containsKey(key)) {
        out.put(key, "missing in the database: " + key + suffix(entry.getValue()));
      } else if (!Objects.equals(a.get(key), entry.getValue())) {
        out.put(key, "differs: " + key + ": the database has " + describe(a.get(key))
            + ", expected " + describe(entry.getValue()));
      }
    }
    for (Map.Entry<String, String> entry : a.entrySet()) {
      if (!e.containsKey(entry.getKey())) {
        out.put(entry.getKey(), "not expected, found in the database: " + entry.getKey() + suffix(entry.getValue()));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String suffix(String definition) {
    return definition.isEmpty() ? "" : " (" + definition + ")";
  }

  private static String describe(String definition) {
    return definition.isEmpty() ? "(nothing)" : definition;
  }
}
