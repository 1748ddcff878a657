package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.entity.Mapper.EntityInfo;
import dev.strata.processor.internal.entity.Mapper.KeyPart;
import dev.strata.processor.internal.entity.Mapper.Target;
import dev.strata.processor.internal.entity.Relations.Join;
import dev.strata.processor.internal.entity.Relations.Kind;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @ElementCollection}: a collection table holding the owner's key and the elements (a basic
 * value or an embeddable's columns), keyed as Hibernate 7.4 keys it.
 *
 * <ul>
 *   <li>Name {@code @CollectionTable(name)}, else {@code <owner entity name>_<attribute>}; in the
 *       default schema unless {@code @CollectionTable(schema)} names one (not the owner's).
 *   <li>Owner columns {@code <owner entity name>_<key column>}, NOT NULL, with a foreign key to the
 *       owner ({@code @CollectionTable(joinColumns, foreignKey)}).
 *   <li>Element columns nullable unless mapped NOT NULL; a basic element's column is named after the
 *       attribute and follows the attribute's {@code @Column}, {@code @Enumerated}, {@code @Lob},
 *       {@code @Temporal}.
 *   <li>Keys ({@code Set.createPrimaryKey}, {@code IndexedCollection.createPrimaryKey}): a Set has
 *       the primary key (owner, elements) when every element column is NOT NULL, else a unique
 *       constraint on the same columns, and neither when an element column is a large object or the
 *       table declares unique constraints of its own; a List with {@code @OrderColumn} has
 *       (owner, order); a Map (owner, key); a bag (List, Collection) none.
 * </ul>
 */
final class ElementCollections {
  private final Mapper m;
  private final Annotations ann;

  ElementCollections(Mapper mapper) {
    this.m = mapper;
    this.ann = mapper.ann;
  }

  void map(Attribute a, Target target) {
    Element e = a.element();
    AnnotationMirror collection = ann.find(e, Jpa.ELEMENT_COLLECTION).get();
    if (target.inCollection()) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@ElementCollection on " + a.describe() + ": "
          + Elements2.simpleName(a.declaringType()) + " is itself the element of an element collection, and JPA "
          + "allows no collection inside one; map the outer collection as an entity", e, collection);
      return;
    }
    Optional<Kind> kind = m.relations.kind(a, collection);
    if (kind.isEmpty()) {
      return;
    }
    Optional<TypeMirror> declared = ann.explicitValue(collection, "targetClass").map(v -> (TypeMirror) v.getValue())
        .or(() -> Relations.typeArgument(a.type(), kind.get() == Kind.MAP ? 1 : 0));
    if (declared.isEmpty()) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_TYPE, "@ElementCollection on " + a.describe() + ": the element type "
          + "is not declared; declare it, e.g. Set<String>, or name it with @ElementCollection(targetClass = ...)",
          e, collection);
      return;
    }
    TypeMirror elementType = declared.get();
    if (elementType.getKind() == TypeKind.DECLARED && ann.has(m.types.asElement(elementType), Jpa.ENTITY)) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, "@ElementCollection on " + a.describe() + ": its elements are "
          + "entities (" + Mapper.display(elementType) + "), but an element collection holds basic values or "
          + "embeddables; map entities with @OneToMany or @ManyToMany", e, collection);
      return;
    }
    EntityInfo owner = target.entity();
    Optional<AnnotationMirror> tableAnn = ann.find(e, Jpa.COLLECTION_TABLE);
    Optional<TableBuilder> built = table(a, owner, tableAnn);
    if (built.isEmpty()) {
      return;
    }
    TableBuilder table = built.get();
    List<AnnotationMirror> joinColumns = tableAnn.map(t -> ann.annotations(t, "joinColumns")).orElse(List.of());
    Optional<List<Join>> ownerJoins = m.relations.resolveJoins(a, owner, joinColumns, owner.entityName);
    if (ownerJoins.isEmpty()) {
      return;
    }
    List<String> ownerColumns = m.relations.joinColumns(table, a, ownerJoins.get());
    if (ownerColumns == null) {
      return;
    }
    Optional<List<String>> elementColumns = elementColumns(a, owner, table, elementType, kind.get());
    if (elementColumns.isEmpty()) {
      return;
    }
    Optional<AnnotationMirror> collectionId = ann.find(e, Jpa.H_COLLECTION_ID);
    if (collectionId.isPresent() && kind.get() != Kind.BAG) {
      // IdBagBinder would turn the collection into a bag; Strata asks for the bag to be declared.
      m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@CollectionId on " + a.describe() + ": a collection id "
          + "belongs to a bag (a List without @OrderColumn, or a Collection), and " + a.describe() + " is a "
          + (kind.get() == Kind.LIST ? "List with @OrderColumn" : Mapper.display(a.type())) + "; declare it as a "
          + "List or Collection, or remove @CollectionId", e, collectionId.get());
      return;
    }
    if (collectionId.isPresent() && !new CollectionIds(m).add(a, owner, table, collectionId.get())) {
      return;
    }
    List<String> key = new ArrayList<>(ownerColumns);
    switch (kind.get()) {
      case LIST:
        Optional<String> order = m.relations.orderColumn(a, table);
        if (order.isEmpty()) {
          return;
        }
        key.add(order.get());
        table.primaryKey(key);
        break;
      case MAP:
        Optional<List<String>> mapKey = m.relations.mapKeyColumns(a, table);
        if (mapKey.isEmpty()) {
          return;
        }
        key.addAll(mapKey.get());
        table.primaryKey(key);
        break;
      case SET:
        boolean ownKeys = tableAnn.map(t -> !ann.annotations(t, "uniqueConstraints").isEmpty()).orElse(false);
        if (!ownKeys) {
          setKey(table, key, elementColumns.get());
        }
        break;
      default:
        break;
    }
    tableAnn.ifPresent(t -> TableConstraints.keysAndIndexes(m, e, a.describe(), table, t));
    List<Name> ownerPhysicals = new ArrayList<>();
    ownerJoins.get().forEach(j -> ownerPhysicals.add(j.physical()));
    m.relations.addForeignKey(a, table, ownerColumns, ownerPhysicals, owner, ownerJoins.get(), joinColumns, tableAnn);
    m.tables.put(table.name, table);
  }

  /** The collection table, named and placed, or empty after an error (a name taken already). */
  private Optional<TableBuilder> table(Attribute a, EntityInfo owner, Optional<AnnotationMirror> tableAnn) {
    String explicit = tableAnn.map(t -> ann.string(t, "name")).orElse("");
    Name logical = explicit.isBlank() ? m.naming.collectionTable(owner.entityName, a.name()) : Name.parse(explicit);
    if (tableAnn.isPresent() && !ann.string(tableAnn.get(), "catalog").isBlank()) {
      AnnotationMirror t = tableAnn.get();
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@CollectionTable(catalog = \"" + ann.string(t, "catalog")
          + "\") on " + a.describe() + ": PostgreSQL has no catalogs within a database; remove catalog, or use "
          + "schema", a.element(), t, ann.explicitValue(t, "catalog").orElse(null));
      return Optional.empty();
    }
    Optional<String> namespace = tableAnn.map(t -> ann.string(t, "schema")).filter(s -> !s.isBlank())
        .map(s -> m.naming.physical(Name.parse(s)).database());
    Name physical = m.naming.physical(logical);
    QualifiedName name = new QualifiedName(namespace, physical.database());
    TableBuilder existing = m.tables.get(name);
    if (existing != null) {
      m.diagnostics.error(MappingCode.DUPLICATE_TABLE, "collection table " + name + " of " + a.describe()
          + " is also mapped by " + Elements2.describe(existing.origin) + "; give it its own name with "
          + "@CollectionTable(name = ...)", a.element(), ann.find(a.element(), Jpa.ELEMENT_COLLECTION).get());
      return Optional.empty();
    }
    return Optional.of(new TableBuilder(name, physical, a.element()));
  }

  /**
   * Maps the element into the table: an embeddable's attributes (with the collection's
   * {@code @AttributeOverride}s; for a Map only those prefixed {@code value.}, as Hibernate reads
   * them), or one basic column named after the attribute. Returns the element's columns in
   * Hibernate's order (an embeddable's attributes alphabetically), or empty after an error.
   */
  private Optional<List<String>> elementColumns(Attribute a, EntityInfo owner, TableBuilder table,
      TypeMirror elementType, Kind kind) {
    List<KeyPart> parts = new ArrayList<>();
    if (m.isEmbeddable(elementType)) {
      Map<String, AnnotationMirror> overrides = valuePaths(m.overrides(a.element()), kind);
      Map<String, AnnotationMirror> converts = valuePaths(m.converts(a.element()), kind);
      Target inner = new Target(table, owner, null, "", overrides, converts,
          valuePaths(m.associations(a.element()), kind), true, false, true,
          Mapper.Validation.OFF);
      TypeElement embeddable = (TypeElement) m.types.asElement(elementType);
      // An attribute that fails is reported and left out, as in an entity's own table.
      for (Attribute attribute : m.attributes(embeddable, owner.access)) {
        m.mapAttribute(attribute, inner, parts);
      }
    } else {
      Target inner = new Target(table, owner, null, "", Map.of(), Map.of(), Map.of(), false, false, true,
          Mapper.Validation.OFF);
      Attribute element = new Attribute(a.element(), a.name(), elementType, a.declaringType());
      Optional<Mapper.ColumnDef> def = m.basicColumn(element, inner, false);
      if (def.isEmpty() || !m.addColumn(inner, element, def.get())) {
        return Optional.empty();
      }
      parts.add(new KeyPart(a.name(), def.get().column().name()));
    }
    return Optional.of(Mapper.keyColumns(parts));
  }

  /** For a Map, the paths under {@code value.} (Hibernate reads only those for the value); else all. */
  private static Map<String, AnnotationMirror> valuePaths(Map<String, AnnotationMirror> byPath, Kind kind) {
    Map<String, AnnotationMirror> out = new HashMap<>();
    byPath.forEach((path, annotation) -> {
      if (kind != Kind.MAP) {
        out.put(path, annotation);
      } else if (path.startsWith("value.")) {
        out.put(path.substring("value.".length()), annotation);
      }
    });
    return out;
  }

  /**
   * A Set's key ({@code Set.createPrimaryKey}): the owner's and the element's columns, a primary key
   * when all element columns are NOT NULL, else a unique constraint (written inline, so PostgreSQL
   * names it); none when an element column is a large object ({@code oid}).
   */
  private void setKey(TableBuilder table, List<String> ownerColumns, List<String> elementColumns) {
    if (elementColumns.isEmpty()) {
      return;
    }
    boolean nullable = false;
    for (String column : elementColumns) {
      TableBuilder.Entry entry = table.column(column).get();
      if (entry.column().type().base().equals("oid")) {
        return;
      }
      nullable |= entry.column().nullable();
    }
    List<String> columns = new ArrayList<>(ownerColumns);
    columns.addAll(elementColumns);
    if (!nullable) {
      table.primaryKey(columns);
      return;
    }
    List<Name> physicals = new ArrayList<>();
    columns.forEach(c -> physicals.add(table.column(c).get().physical()));
    table.addUnique(new UniqueConstraint(m.constraintNaming.uniqueKey(table.physical, physicals), columns));
  }
}
