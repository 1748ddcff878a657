package dev.strata.processor.internal.entity;

import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.diff.Renames;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;

/**
 * What the entities map to: the desired schema, the renames they declare, and for each table and
 * column the element (entity, field or getter) that made it, so later stages can attach their
 * warnings there.
 *
 * @param columnOrigins table to column name to element
 * @param entities what the snapshot's entity list holds, sorted fully-qualified names: every entity
 *     read (those given and those they reach on the class path) and the auto-applied converters used
 *     from outside the entities' packages
 */
public record EntityModel(Schema schema, Renames renames, Map<QualifiedName, Element> tableOrigins,
    Map<QualifiedName, Map<String, Element>> columnOrigins, List<String> entities) {

  public EntityModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(renames, "renames");
    tableOrigins = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(tableOrigins, "tableOrigins")));
    TreeMap<QualifiedName, Map<String, Element>> columns = new TreeMap<>();
    Objects.requireNonNull(columnOrigins, "columnOrigins")
        .forEach((table, map) -> columns.put(table, Collections.unmodifiableMap(new TreeMap<>(map))));
    columnOrigins = Collections.unmodifiableMap(columns);
    entities = List.copyOf(new TreeSet<>(Objects.requireNonNull(entities, "entities")));
  }
}
