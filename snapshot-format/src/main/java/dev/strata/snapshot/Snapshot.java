package dev.strata.snapshot;

import dev.strata.schema.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The content of a snapshot file: the schema that the revision chain produces up to its head, and the
 * entity classes that schema was read from.
 *
 * @param head the id of the revision that produced this schema; empty before the first revision
 * @param entities the fully-qualified names of the entity classes the schema was read from, sorted; a
 *     partial compile looks up the entities absent from its round by these names
 * @param schema the schema
 */
public record Snapshot(Optional<String> head, List<String> entities, Schema schema) {

  public Snapshot {
    Objects.requireNonNull(head, "head");
    head.ifPresent(h -> {
      if (!Syntax.REVISION_ID.matcher(h).matches()) {
        throw new IllegalArgumentException("head must be a revision id of letters, digits and '_', not: " + h);
      }
    });
    Objects.requireNonNull(entities, "entities");
    TreeSet<String> sorted = new TreeSet<>();
    for (String entity : entities) {
      Objects.requireNonNull(entity, "entities must not contain null");
      if (!isClassName(entity)) {
        throw new IllegalArgumentException("entities must be fully-qualified Java class names, not: " + entity);
      }
      if (!sorted.add(entity)) {
        throw new IllegalArgumentException("entities names " + entity + " twice");
      }
    }
    entities = List.copyOf(sorted);
    Objects.requireNonNull(schema, "schema");
  }

  /** A snapshot of {@code schema} with no head and no entities. */
  public static Snapshot of(Schema schema) {
    return new Snapshot(Optional.empty(), List.of(), schema);
  }

  public Snapshot withHead(String revision) {
    return new Snapshot(Optional.of(revision), entities, schema);
  }

  public Snapshot withEntities(List<String> names) {
    return new Snapshot(head, names, schema);
  }

  public Snapshot withSchema(Schema newSchema) {
    return new Snapshot(head, entities, newSchema);
  }

  /** Java identifiers separated by dots (a binary name's {@code $} is an identifier character). */
  static boolean isClassName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
        return false;
      }
      for (int i = Character.charCount(part.codePointAt(0)); i < part.length(); i += Character.charCount(part.codePointAt(i))) {
        int cp = part.codePointAt(i);
        if (!Character.isJavaIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
          return false;
        }
      }
    }
    return true;
  }
}
