package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.mapping.BasicType;
import dev.strata.processor.internal.mapping.ConstraintNaming;
import dev.strata.processor.internal.mapping.JdbcKind;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.processor.internal.mapping.Naming;
import dev.strata.processor.internal.mapping.PostgresNames;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.Identity;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The reader's working state for one {@link EntityReader#read} call. */
final class Mapper {
  enum Access { FIELD, PROPERTY }

  /** What an entity maps to, known before its attributes are read. */
  static final class EntityInfo {
    final TypeElement type;
    final String entityName;
    final QualifiedName table;
    final Name tableLogical;
    final Name tablePhysical;
    final Access access;
    /** The nearest entity superclass's info, or null for a root. */
    final EntityInfo parent;
    /** The hierarchy's root (itself for a root). */
    final EntityInfo root;
    final Hierarchies.Strategy strategy;

    EntityInfo(TypeElement type, String entityName, QualifiedName table, Name tableLogical, Name tablePhysical,
        Access access, EntityInfo parent, Hierarchies.Strategy strategy) {
      this.type = type;
      this.entityName = entityName;
      this.table = table;
      this.tableLogical = tableLogical;
      this.tablePhysical = tablePhysical;
      this.access = access;
      this.parent = parent;
      this.root = parent == null ? this : parent.root;
      this.strategy = strategy;
    }

    boolean isSubclass() {
      return parent != null;
    }
  }

  /**
   * Where the attributes being read go.
   *
   * @param entity the entity whose table it is
   * @param required for a single-table subclass: its columns are nullable (the table is shared), and
   *     those NOT NULL only because of a primitive type or {@code optional = false} are collected here
   *     for the subclass's check; null elsewhere
   * @param converts {@code @Convert(attributeName)}s of enclosing elements, by the path they name
   * @param associations {@code @AssociationOverride}s of enclosing elements, by the path they name
   * @param validation whether Bean Validation constraints apply here, and their NOT NULL
   * @param inCollection the attributes are those of an element collection's embeddable element: every
   *     column they map is reported to the caller's key list, which becomes the element's columns
   */
  record Target(TableBuilder table, EntityInfo entity, List<KeyPart> required, String path,
      Map<String, AnnotationMirror> overrides, Map<String, AnnotationMirror> converts,
      Map<String, AnnotationMirror> associations, boolean inEmbeddable,
      boolean inId, boolean inCollection, Validation validation) {

    /** Whether the columns mapped through this target are reported to the key list. */
    boolean collects(boolean id) {
      return id || inCollection;
    }
  }

  /**
   * A column of a primary key, and the attribute path it sorts by: Hibernate orders the attributes of
   * a composite identifier ({@code @IdClass}, {@code @EmbeddedId}) alphabetically.
   */
  record KeyPart(String path, String column) {}

  /** A column that others reference: its name as Hibernate has it, and its definition. */
  record KeyColumn(Name physical, Column column) {}

  /** Mapping annotations that make no sense on a {@code @Transient} or {@code transient} attribute. */
  private static final List<String> MAPPING_ANNOTATIONS = List.of(Jpa.ID, Jpa.EMBEDDED_ID, Jpa.COLUMN,
      Jpa.GENERATED_VALUE, Jpa.ENUMERATED, Jpa.LOB, Jpa.TEMPORAL, Jpa.BASIC, Jpa.VERSION, Jpa.MANY_TO_ONE,
      Jpa.ONE_TO_ONE, Jpa.ONE_TO_MANY, Jpa.MANY_TO_MANY, Jpa.ELEMENT_COLLECTION, Jpa.EMBEDDED, Jpa.JOIN_COLUMN,
      Jpa.JOIN_COLUMNS, Jpa.CONVERT);


  final Elements elements;
  final Types types;
  /** Swapped for a silent one while inherited attributes are mapped again (table per class). */
  Diagnostics diagnostics;
  final Naming naming;
  final ConstraintNaming constraintNaming;
  final Annotations ann;

  final Map<QualifiedName, TableBuilder> tables = new TreeMap<>();
  final Map<QualifiedName, Sequence> sequences = new TreeMap<>();
  final Map<QualifiedName, QualifiedName> tableRenames = new TreeMap<>();
  final Map<QualifiedName, Map<String, String>> columnRenames = new TreeMap<>();
  private final Map<TypeElement, Optional<EntityInfo>> infos = new HashMap<>();
  final ProcessingEnvironment env;
  final MappingOptions options;
  /** A scratch mapping that only needs an entity's key and basic columns (to resolve references). */
  final boolean keysOnly;
  final Relations relations;
  final ElementCollections collections;
  final Subclasses subclasses;
  final Hierarchies hierarchies;
  final Converters converters;
  final BeanValidation beanValidation;
  /** {@code strata.beanValidation}, else whether the validation API is on the compile class path. */
  final boolean validationEnabled;
  /** The secondary tables of the root entity being mapped, by their name in the database. */
  private final Map<String, TableBuilder> secondaries = new HashMap<>();
  /** See {@link #derivedIds(TypeElement, EntityInfo)}. */
  private final Map<String, String> derivedIds = new HashMap<>();
  /**
   * {@link #bindOrder}'s prefix for the attributes of each embedded value being mapped, by its path
   * ({@code Target.path}); set by {@link #embedded} before it maps them.
   */
  private final Map<String, String> embeddedOrder = new HashMap<>();
  /** The entities mapped already (a subclass maps its superclasses first). */
  private final Set<TypeElement> mapped = new java.util.HashSet<>();
  /** Per entity root: the columns of its attributes that are not optional but nullable (see addColumn). */
  final Map<TypeElement, List<KeyPart>> rootRequired = new HashMap<>();
  /** Deferred work: columns that go into other entities' tables, once every table exists. */
  final List<Runnable> afterAll = new ArrayList<>();

  Mapper(ProcessingEnvironment env, Diagnostics diagnostics, MappingOptions options, Hierarchies hierarchies,
      Converters converters) {
    this(env, diagnostics, options, false, new java.util.HashSet<>(), hierarchies, converters);
  }

  Mapper(ProcessingEnvironment env, Diagnostics diagnostics, MappingOptions options, boolean keysOnly,
      Set<TypeElement> resolving, Hierarchies hierarchies, Converters converters) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.options = options;
    this.naming = options.naming();
    this.constraintNaming = options.constraintNaming();
    this.ann = new Annotations(elements);
    this.keysOnly = keysOnly;
    this.relations = new Relations(this, resolving);
    this.collections = new ElementCollections(this);
    this.subclasses = new Subclasses(this);
    this.hierarchies = hierarchies;
    this.converters = converters;
    this.beanValidation = new BeanValidation(ann);
    this.validationEnabled = options.beanValidation()
        .orElseGet(() -> elements.getTypeElement(BeanValidation.PRESENCE) != null);
  }

  // ---- entities --------------------------------------------------------------------------------------

  void mapEntity(TypeElement type) {
    Optional<EntityInfo> found = info(type);
    if (found.isEmpty() || !mapped.add(type)) {
      return;
    }
    EntityInfo info = found.get();
    if (info.isSubclass()) {
      subclasses.map(info);
      return;
    }
    if (tables.containsKey(info.table)) {
      TableBuilder other = tables.get(info.table);
      diagnostics.error(MappingCode.DUPLICATE_TABLE, "entity " + Elements2.simpleName(type) + " maps to table "
          + info.table + ", which " + Elements2.describe(other.origin) + " maps too; give one of them another "
          + "table with @Table(name = ...)", type);
      return;
    }
    TableBuilder table = new TableBuilder(info.table, info.tablePhysical, type);
    // An abstract table-per-class root with subclasses has no table of its own (Hibernate's abstract
    // union table); it is mapped anyway, for its messages and for what references it.
    table.virtual = info.strategy == Hierarchies.Strategy.TABLE_PER_CLASS && Hierarchies.isAbstract(type)
        && hierarchies.hasSubclasses(type);
    tables.put(info.table, table);
    ann.find(type, Jpa.RENAMED_FROM).ifPresent(r -> renamedTable(type, info, r));

    Target target = target(table, info, null, type);
    derivedIds(type, info);
    secondaries.clear();
    List<AnnotationMirror> secondaryTables = ann.findAll(type, Jpa.SECONDARY_TABLE, Jpa.SECONDARY_TABLES);
    for (AnnotationMirror secondary : secondaryTables) {
      SecondaryTables.create(this, info, secondary).ifPresent(t -> secondaries.put(t.name.name(), t));
    }
    List<KeyPart> key = new ArrayList<>();
    for (Attribute attribute : attributes(type, info.access)) {
      mapAttribute(attribute, target, key);
    }
    derivedIds.clear();
    for (AnnotationMirror secondary : secondaryTables) {
      String name = naming.physical(Name.parse(ann.string(secondary, "name"))).database();
      TableBuilder secondaryTable = secondaries.get(name);
      if (secondaryTable != null && !key.isEmpty()) {
        SecondaryTables.join(this, info, table, keyColumns(key), secondaryTable, secondary);
      }
    }
    secondaries.clear();
    boolean declaresId = attributes(type, info.access).stream()
        .anyMatch(a -> ann.has(a.element(), Jpa.ID) || ann.has(a.element(), Jpa.EMBEDDED_ID));
    if (key.isEmpty() && !declaresId) {
      diagnostics.error(MappingCode.MISSING_ID, "entity " + Elements2.simpleName(type) + " has no identifier; "
          + "annotate the field (or getter) that holds its primary key with @Id, or its @Embeddable key with "
          + "@EmbeddedId", type);
    } else if (!key.isEmpty()) {
      table.primaryKey(keyColumns(key));
    }
    TableConstraints.apply(this, type, table);
    if (!keysOnly) {
      subclasses.discriminator(info, table);
    }
  }

  /**
   * How a single-table subclass's check orders its columns: the attributes of mapped superclasses
   * before the class's own, each class's in name order (Hibernate binds them so).
   */
  String requiredOrder(Attribute a) {
    return String.format(java.util.Locale.ROOT, "%04d:%s", superclasses(a.declaringType()).size(), a.name());
  }

  /**
   * Where Hibernate binds {@code a}'s columns among those of the entity being mapped, as a key that
   * sorts in that order: identifier attributes first, then basic and embedded ones, then the join
   * columns of to-one relationships (bound in second passes); within each, in {@link #requiredOrder}'s
   * order, an embeddable's attributes in the place of the attribute that embeds them. Where two
   * attributes map one column, the first one bound defines it (TableBuilder.addColumn).
   */
  String bindOrder(Target target, Attribute a, boolean joinColumn) {
    boolean id = target.inId() || ann.has(a.element(), Jpa.ID) || ann.has(a.element(), Jpa.EMBEDDED_ID);
    return (id ? "0" : joinColumn ? "2" : "1") + ":" + attributeOrder(target, a);
  }

  private String attributeOrder(Target target, Attribute a) {
    // A space sorts before every character of a Java name: an embedded value's attributes come right
    // after the attribute that embeds them, before any attribute whose name merely starts like its.
    return embeddedOrder.getOrDefault(target.path(), "") + requiredOrder(a);
  }

  /**
   * The identifier paths that {@code @MapsId} relationships of the entity being mapped replace, by
   * the relationship's attribute name: {@code @MapsId} alone replaces the {@code @Id} attribute,
   * {@code @MapsId("orderId")} the attribute {@code orderId} of the {@code @EmbeddedId}.
   */
  private void derivedIds(TypeElement type, EntityInfo info) {
    derivedIds.clear();
    List<Attribute> all = attributes(type, info.access);
    for (Attribute a : all) {
      Optional<AnnotationMirror> mapsId = ann.find(a.element(), Jpa.MAPS_ID);
      if (mapsId.isEmpty()) {
        continue;
      }
      String value = ann.string(mapsId.get(), "value");
      Optional<Attribute> id = all.stream()
          .filter(x -> ann.has(x.element(), value.isEmpty() ? Jpa.ID : Jpa.EMBEDDED_ID)).findFirst();
      if (id.isEmpty() || !ann.has(a.element(), Jpa.MANY_TO_ONE) && !ann.has(a.element(), Jpa.ONE_TO_ONE)) {
        diagnostics.error(MappingCode.INVALID_REFERENCE, "@MapsId on " + a.describe() + ": " + (id.isEmpty()
            ? "the entity has no " + (value.isEmpty() ? "@Id" : "@EmbeddedId") + " attribute for it to map"
            : "only a @ManyToOne or @OneToOne relationship can map the identifier")
            + "; map the identifier with " + (value.isEmpty() ? "@Id" : "@EmbeddedId") + " and put @MapsId on the "
            + "relationship that gives its value", a.element(), mapsId.get());
        continue;
      }
      derivedIds.put(a.name(), value.isEmpty() ? id.get().name() : id.get().name() + "." + value);
    }
  }

  /** The key's columns: in attribute-name order when the key is composite, as Hibernate orders them. */
  static List<String> keyColumns(List<KeyPart> key) {
    List<KeyPart> sorted = new ArrayList<>(key);
    if (sorted.size() > 1) {
      sorted.sort(java.util.Comparator.comparing(KeyPart::path));
    }
    List<String> out = new ArrayList<>();
    sorted.forEach(k -> out.add(k.column()));
    return out;
  }

  /**
   * Where Bean Validation applies ({@code TypeSafeActivator.applyDDL}): to an entity's attributes, and
   * into an embedded value only through {@code @Valid}, its NOT NULL only when the embedded attribute
   * is NOT NULL itself; never to collection elements.
   */
  record Validation(boolean active, boolean notNull) {
    static final Validation OFF = new Validation(false, false);
  }

  /** A target for an entity's own attributes, with the overrides and conversions its class declares. */
  Target target(TableBuilder table, EntityInfo info, List<KeyPart> required, TypeElement declaring) {
    return new Target(table, info, required, "", overrides(declaring), converts(declaring),
        associations(declaring), false, false, false,
        new Validation(validationEnabled, validationEnabled));
  }

  /** Whether Bean Validation makes the attribute's columns NOT NULL (never in a single-table subclass). */
  boolean validatedNotNull(Attribute a, Target target) {
    return target.validation().active() && target.validation().notNull() && target.required() == null
        && beanValidation.of(a.element()).notNull;
  }

  /**
   * {@code @Convert}s on an element that name an attribute ({@code attributeName}), by that path;
   * for a Map's element collection the paths start with {@code key} or {@code value}.
   */
  Map<String, AnnotationMirror> converts(Element element) {
    Map<String, AnnotationMirror> out = new HashMap<>();
    for (AnnotationMirror c : ann.findAll(element, Jpa.CONVERT, Jpa.CONVERTS)) {
      String path = ann.string(c, "attributeName");
      if (!path.isEmpty()) {
        out.put(path, c);
      }
    }
    return out;
  }

  /** {@code @AssociationOverride}s on an element, by the attribute path they override. */
  Map<String, AnnotationMirror> associations(Element element) {
    Map<String, AnnotationMirror> out = new HashMap<>();
    for (AnnotationMirror o : ann.findAll(element, Jpa.ASSOCIATION_OVERRIDE, Jpa.ASSOCIATION_OVERRIDES)) {
      out.put(ann.string(o, "name"), o);
    }
    return out;
  }

  /** {@code @AttributeOverride}s on an element, by the attribute path they override. */
  Map<String, AnnotationMirror> overrides(Element element) {
    Map<String, AnnotationMirror> out = new HashMap<>();
    for (AnnotationMirror o : ann.findAll(element, Jpa.ATTRIBUTE_OVERRIDE, Jpa.ATTRIBUTE_OVERRIDES)) {
      ann.annotations(o, "column").stream().findFirst().ifPresent(c -> out.put(ann.string(o, "name"), c));
    }
    return out;
  }

  void finish() {
    afterAll.forEach(Runnable::run);
  }

  /**
   * Every entity this mapping has resolved so far (those it mapped and those its relationships,
   * superclasses and map keys point at), without those that could not be mapped.
   */
  List<TypeElement> resolvedEntities() {
    List<TypeElement> out = new ArrayList<>();
    infos.forEach((type, info) -> info.ifPresent(i -> out.add(type)));
    return out;
  }

  /** The entity's table and access, or empty (after an error) when it cannot be mapped. */
  Optional<EntityInfo> info(TypeElement type) {
    Optional<EntityInfo> known = infos.get(type);
    if (known != null) {
      return known;
    }
    Optional<EntityInfo> info = computeInfo(type);
    infos.put(type, info);
    return info;
  }

  private Optional<EntityInfo> computeInfo(TypeElement type) {
    Optional<AnnotationMirror> entity = ann.find(type, Jpa.ENTITY);
    if (entity.isEmpty()) {
      diagnostics.error(MappingCode.INVALID_REFERENCE, Elements2.simpleName(type) + " is not annotated @Entity; "
          + "only entities map to tables", type);
      return Optional.empty();
    }
    if (type.getKind() != ElementKind.CLASS) {
      diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@Entity on " + Elements2.simpleName(type) + ": an entity "
          + "must be a class, not " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
          + "; make it a class", type, entity.get());
      return Optional.empty();
    }
    Optional<TypeElement> parentType = hierarchies.parent(type);
    EntityInfo parent = null;
    if (parentType.isPresent()) {
      Optional<EntityInfo> parentInfo = info(parentType.get());
      if (parentInfo.isEmpty()) {
        return Optional.empty();
      }
      parent = parentInfo.get();
    }
    Hierarchies.Strategy strategy = hierarchies.strategy(type);
    for (String classLevel : List.of(Jpa.SECONDARY_TABLE, Jpa.SECONDARY_TABLES)) {
      Optional<AnnotationMirror> found = ann.find(type, classLevel);
      if (found.isPresent() && parent != null) {
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, EntityReader.simple(found.get()) + " on "
            + Elements2.simpleName(type) + ": Strata supports secondary tables on the root of a hierarchy only; "
            + "move it to " + Elements2.simpleName(parent.root.type) + ", or map the columns in the subclass's "
            + "own table", type, found.get());
        return Optional.empty();
      }
    }
    String entityName = ann.string(entity.get(), "name");
    if (entityName.isEmpty()) {
      // Hibernate's unqualified entity name keeps the binary name's '$' of nested classes: Outer$Inner.
      String binary = elements.getBinaryName(type).toString();
      entityName = binary.substring(binary.lastIndexOf('.') + 1);
    }
    Optional<AnnotationMirror> tableAnn = ann.find(type, Jpa.TABLE);
    Name logical = naming.table(entityName);
    Optional<String> namespace = Optional.empty();
    if (tableAnn.isPresent()) {
      AnnotationMirror t = tableAnn.get();
      String explicit = ann.string(t, "name");
      if (!explicit.isBlank()) {
        logical = Name.parse(explicit);
      }
      if (!ann.string(t, "catalog").isBlank()) {
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@Table(catalog = \"" + ann.string(t, "catalog")
            + "\") on " + Elements2.simpleName(type) + ": PostgreSQL has no catalogs within a database; "
            + "remove catalog, or use schema", type, t, ann.explicitValue(t, "catalog").orElse(null));
      }
      String schema = ann.string(t, "schema");
      if (!schema.isBlank()) {
        namespace = Optional.of(naming.physical(Name.parse(schema)).database());
      }
    }
    if (parent != null && strategy == Hierarchies.Strategy.SINGLE_TABLE) {
      if (tableAnn.isPresent()) {
        // Hibernate refuses it too: the root declares the table of a single-table hierarchy.
        diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@Table on " + Elements2.simpleName(type) + ": it is "
            + "a subclass in the SINGLE_TABLE hierarchy of " + Elements2.simpleName(parent.root.type) + ", whose "
            + "table it shares; remove @Table, or choose another strategy with @Inheritance on the root",
            type, tableAnn.get());
        return Optional.empty();
      }
      return Optional.of(new EntityInfo(type, entityName, parent.table, parent.tableLogical, parent.tablePhysical,
          parent.access, parent, strategy));
    }
    Name physical = naming.physical(logical);
    QualifiedName table = new QualifiedName(namespace, physical.database());
    Access access = parent != null ? parent.access : accessOf(type);
    return Optional.of(new EntityInfo(type, entityName, table, logical, physical, access, parent, strategy));
  }

  void renamedTable(TypeElement type, EntityInfo info, AnnotationMirror renamed) {
    String old = ann.string(renamed, "value");
    if (old.isBlank()) {
      diagnostics.error(MappingCode.INVALID_NAME, "@RenamedFrom on " + Elements2.simpleName(type)
          + ": the old table name is empty; write the table's old name, exactly as in the database", type, renamed);
      return;
    }
    tableRenames.put(info.table, new QualifiedName(info.table.namespace(), old));
  }

  // ---- attributes ------------------------------------------------------------------------------------

  /** The superclasses of a type, nearest first, up to (not including) {@code Object}. */
  List<TypeElement> superclasses(TypeElement type) {
    List<TypeElement> out = new ArrayList<>();
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) types.asElement(superclass);
      if (element.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      out.add(element);
      superclass = element.getSuperclass();
    }
    return out;
  }

  /**
   * JPA's default access of an entity hierarchy: where its {@code @Id} or {@code @EmbeddedId} is, on
   * a field or on a getter; field access when there is none (the missing id is reported elsewhere).
   */
  private Access accessOf(TypeElement type) {
    List<TypeElement> hierarchy = new ArrayList<>();
    hierarchy.add(type);
    hierarchy.addAll(superclasses(type));
    for (TypeElement t : hierarchy) {
      for (Element member : t.getEnclosedElements()) {
        if (ann.has(member, Jpa.ID) || ann.has(member, Jpa.EMBEDDED_ID)) {
          return member.getKind() == ElementKind.METHOD ? Access.PROPERTY : Access.FIELD;
        }
      }
    }
    return Access.FIELD;
  }

  /**
   * The persistent attributes of a class and of the mapped superclasses above it (up to its entity
   * superclass, whose attributes are its own), superclasses first, each class in source order. A
   * class's own {@code @Access} overrides the hierarchy's access.
   */
  List<Attribute> attributes(TypeElement type, Access defaultAccess) {
    return attributes(type, defaultAccess, (DeclaredType) type.asType());
  }

  /** {@link #attributes(TypeElement, Access)} with types as a subclass sees them. */
  List<Attribute> attributes(TypeElement type, Access defaultAccess, DeclaredType seenFrom) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement superclass : superclasses(type)) {
      if (ann.has(superclass, Jpa.ENTITY)) {
        break;
      }
      if (ann.has(superclass, Jpa.MAPPED_SUPERCLASS)) {
        chain.add(0, superclass);
      }
    }
    chain.add(type);
    List<Attribute> out = new ArrayList<>();
    for (TypeElement declaring : chain) {
      Access access = ann.find(declaring, Jpa.ACCESS)
          .flatMap(a -> ann.enumConstant(a, "value"))
          .map(v -> v.equals("PROPERTY") ? Access.PROPERTY : Access.FIELD)
          .orElse(defaultAccess);
      // JPA's per-attribute @Access: a getter with @Access(PROPERTY) in a field-access class (or a field
      // with @Access(FIELD) in a property-access class) is mapped, in place of the member of that name.
      Map<String, Attribute> byName = new java.util.LinkedHashMap<>();
      for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)
            || access == Access.PROPERTY && !explicitAccess(field, "FIELD")) {
          continue;
        }
        TypeMirror fieldType = types.asMemberOf(seenFrom, field);
        byName.put(field.getSimpleName().toString(),
            new Attribute(field, field.getSimpleName().toString(), fieldType, declaring));
      }
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        Optional<String> property = propertyName(method);
        if (property.isEmpty() || access == Access.FIELD && !explicitAccess(method, "PROPERTY")
            || access == Access.PROPERTY && byName.containsKey(property.get())) {
          continue;
        }
        TypeMirror returnType = ((javax.lang.model.type.ExecutableType) types.asMemberOf(seenFrom, method))
            .getReturnType();
        byName.put(property.get(), new Attribute(method, property.get(), returnType, declaring));
      }
      out.addAll(byName.values());
    }
    return out;
  }

  private boolean explicitAccess(Element member, String access) {
    return ann.find(member, Jpa.ACCESS).flatMap(a -> ann.enumConstant(a, "value")).map(access::equals).orElse(false);
  }

  /** The JavaBeans property a getter reads ({@code getUnitPrice} → {@code unitPrice}), if it is one. */
  static Optional<String> propertyName(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC) || !method.getParameters().isEmpty()
        || method.getReturnType().getKind() == TypeKind.VOID) {
      return Optional.empty();
    }
    String name = method.getSimpleName().toString();
    String rest;
    if (name.startsWith("get") && name.length() > 3) {
      rest = name.substring(3);
    } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
      rest = name.substring(2);
    } else {
      return Optional.empty();
    }
    // java.beans.Introspector.decapitalize: URL stays URL, Price becomes price.
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(0)) && Character.isUpperCase(rest.charAt(1))) {
      return Optional.of(rest);
    }
    return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
  }

  /** Maps one attribute into the target table; adds the columns it contributes to the key to {@code key}. */
  void mapAttribute(Attribute a, Target target, List<KeyPart> key) {
    Element e = a.element();
    boolean markedTransient = ann.has(e, Jpa.TRANSIENT);
    boolean javaTransient = e.getModifiers().contains(Modifier.TRANSIENT);
    if (markedTransient || javaTransient) {
      for (String mapping : MAPPING_ANNOTATIONS) {
        Optional<AnnotationMirror> m = ann.find(e, mapping);
        if (m.isPresent()) {
          String why = markedTransient ? "it is also @Transient" : "the field is transient (Java modifier)";
          diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, simple(m.get()) + " on " + a.describe() + ": "
              + why + ", so it is not persistent; remove " + (markedTransient ? "@Transient" : "transient")
              + " to map it, or remove " + simple(m.get()), e, m.get());
          return;
        }
      }
      return;
    }
    Optional<AnnotationMirror> collectionId = ann.find(e, Jpa.H_COLLECTION_ID);
    if (collectionId.isPresent() && !ann.has(e, Jpa.ELEMENT_COLLECTION)) {
      diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@CollectionId on " + a.describe() + " is supported by "
          + "Strata on an @ElementCollection only, not yet on a join table; map the association as an entity, "
          + "or remove @CollectionId", e, collectionId.get());
      return;
    }
    if (ann.has(e, Jpa.H_FORMULA)) {
      // A formula is computed by Hibernate's SELECTs; it has no column.
      return;
    }
    boolean id = ann.has(e, Jpa.ID) || target.inId();
    boolean embeddedId = ann.has(e, Jpa.EMBEDDED_ID);
    if (id && derivedIds.containsValue(target.path() + a.name())) {
      // @MapsId: the relationship's join columns take this identifier attribute's place.
      return;
    }
    if (ann.has(e, Jpa.MANY_TO_ONE) || ann.has(e, Jpa.ONE_TO_ONE)) {
      String derived = target.path().isEmpty() ? derivedIds.get(a.name()) : null;
      if (!keysOnly || id || derived != null) {
        relations.toOne(a, target, id || derived != null, key, derived);
      }
      return;
    }
    if (ann.has(e, Jpa.ONE_TO_MANY) || ann.has(e, Jpa.MANY_TO_MANY)) {
      if (target.inCollection()) {
        AnnotationMirror relation = ann.find(e, Jpa.ONE_TO_MANY).or(() -> ann.find(e, Jpa.MANY_TO_MANY)).get();
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, simple(relation) + " on " + a.describe() + ": "
            + Elements2.simpleName(a.declaringType()) + " is the element of an element collection, and JPA allows "
            + "no to-many relationship there; map the collection as an entity with @OneToMany", e, relation);
        return;
      }
      noRenamedFrom(a, "a to-many relationship has no column in the entity's table to rename; put"
          + " @RenamedFrom on the entity of the other side (its table) or remove it");
      if (!keysOnly) {
        relations.toMany(a, target);
      }
      return;
    }
    if (ann.has(e, Jpa.ELEMENT_COLLECTION)) {
      if (!keysOnly) {
        collections.map(a, target);
      }
      return;
    }
    if (embeddedId || ann.has(e, Jpa.EMBEDDED) || isEmbeddable(a.type())) {
      noRenamedFrom(a, "an embedded value has a column per attribute of its class; put @RenamedFrom on the"
          + " attributes of " + display(a.type()) + " whose columns were renamed, or use"
          + " @AttributeOverride(name, column) here to keep the old names");
      embedded(a, target, id || embeddedId, key);
      return;
    }
    Optional<AnnotationMirror> generated = ann.find(e, Jpa.GENERATED_VALUE);
    if (generated.isPresent() && !id) {
      diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@GeneratedValue on " + a.describe() + ": only an @Id "
          + "attribute can be generated; add @Id, or remove @GeneratedValue", e, generated.get());
      return;
    }
    Optional<ColumnDef> column = basicColumn(a, target, id);
    if (column.isEmpty()) {
      return;
    }
    if (ann.has(e, Jpa.VERSION)) {
      // Hibernate makes version columns NOT NULL whatever their type.
      column = Optional.of(column.get().withColumn(column.get().column().withNullable(false)));
    }
    ColumnDef def = column.get();
    Column c = def.column();
    if (id) {
      c = c.withNullable(false);
      if (generated.isPresent()) {
        Optional<Column> withGeneration = generation(a, target, generated.get(), def);
        if (withGeneration.isEmpty()) {
          return;
        }
        c = withGeneration.get();
      }
    }
    ColumnDef finalDef = new ColumnDef(c, def.physical(), def.readOnly(), def.unique(), def.check(),
        def.impliedNotNull() && !id, def.secondary());
    if (addColumn(target, a, finalDef) && target.collects(id)) {
      key.add(new KeyPart(target.path() + a.name(), c.name()));
    }
  }

  boolean isEmbeddable(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ann.has(types.asElement(type), Jpa.EMBEDDABLE);
  }

  /**
   * The columns of an {@code @Embedded} value (or {@code @EmbeddedId}) in the owner's table, named
   * after the embeddable's attributes alone (JPA's implicit naming does not prefix them), with the
   * {@code @AttributeOverride}s of the owner applied; outer overrides win over inner ones.
   */
  void embedded(Attribute a, Target target, boolean asId, List<KeyPart> key) {
    // Hibernate embeds the class of an @Embedded or @EmbeddedId attribute without @Embeddable too.
    if (a.type().getKind() != TypeKind.DECLARED || types.asElement(a.type()).getKind() != ElementKind.CLASS) {
      diagnostics.error(MappingCode.INVALID_REFERENCE, a.describe() + ": its type " + display(a.type())
          + " is not a class to embed; embed an @Embeddable class", a.element());
      return;
    }
    TypeElement embeddable = (TypeElement) types.asElement(a.type());
    Map<String, AnnotationMirror> overrides = new HashMap<>(overrides(a.element()));
    String prefix = a.name() + ".";
    target.overrides().forEach((path, column) -> {
      if (path.startsWith(prefix)) {
        overrides.put(path.substring(prefix.length()), column);
      }
    });
    Map<String, AnnotationMirror> converts = new HashMap<>(converts(a.element()));
    target.converts().forEach((path, convert) -> {
      if (path.startsWith(prefix)) {
        converts.put(path.substring(prefix.length()), convert);
      }
    });
    Validation validation = target.validation().active() && beanValidation.cascades(a.element())
        ? new Validation(true, target.validation().notNull() && beanValidation.of(a.element()).notNull)
        : Validation.OFF;
    Map<String, AnnotationMirror> associations = new HashMap<>(associations(a.element()));
    target.associations().forEach((path, override) -> {
      if (path.startsWith(prefix)) {
        associations.put(path.substring(prefix.length()), override);
      }
    });
    embeddedOrder.put(target.path() + prefix, attributeOrder(target, a) + " ");
    Target inner = new Target(target.table(), target.entity(), target.required(), target.path() + prefix,
        overrides, converts, associations, true, target.inId() || asId, target.inCollection(), validation);
    for (Attribute attribute : attributes(embeddable, target.entity().access)) {
      mapAttribute(attribute, inner, key);
    }
  }

  /**
   * A column as read from an attribute, before it joins a table.
   *
   * @param unique whether {@code @Column(unique = true)} asks for a single-column unique constraint
   * @param check the column's check condition (enum values), if any
   * @param impliedNotNull the attribute is not optional (a primitive type or
   *     {@code @Basic(optional = false)}) and no {@code nullable = false} makes its column NOT NULL: a
   *     single-table subclass makes such a column nullable and checks it per subclass instead
   * @param secondary the secondary table it goes into ({@code @Column(table)}), or null
   */
  /** A column check: its name when the mapping gives one (Hibernate uses it), and its condition. */
  record Check(Optional<String> name, String condition) {
    static Check unnamed(String condition) {
      return new Check(Optional.empty(), condition);
    }
  }

  record ColumnDef(Column column, Name physical, boolean readOnly, boolean unique, List<Check> check,
      boolean impliedNotNull, String secondary) {
    ColumnDef withColumn(Column newColumn) {
      return new ColumnDef(newColumn, physical, readOnly, unique, check, impliedNotNull, secondary);
    }
  }

  /** The secondary table of that database name of the entity being mapped, or null. */
  TableBuilder secondary(String name) {
    return secondaries.get(name);
  }

  /** Adds the column, its unique constraint and check, and the rename it declares. */
  boolean addColumn(Target target, Attribute a, ColumnDef def) {
    TableBuilder table = def.secondary() != null ? secondaries.get(def.secondary()) : target.table();
    Column column = def.column();
    if (target.required() != null && def.impliedNotNull()) {
      column = column.withNullable(true);
      if (def.impliedNotNull() && !target.inEmbeddable()) {
        // SingleTableSubclass.createConstraints: NOT NULL for this subclass's rows only, as a table check.
        target.required().add(new KeyPart(requiredOrder(a), column.name()));
      }
    } else if (target.required() == null && def.impliedNotNull() && column.nullable() && !target.inEmbeddable()
        && def.secondary() == null && !target.entity().isSubclass()) {
      // A root's attribute that is not optional but whose column is nullable (a primitive with an
      // explicit @Column): Hibernate requires it in the check of each subclass directly below the root.
      rootRequired.computeIfAbsent(target.entity().type, t -> new ArrayList<>())
          .add(new KeyPart(requiredOrder(a), column.name()));
    }
    if (!table.addColumn(new TableBuilder.Entry(column, def.physical(), a.element(), def.readOnly(),
        bindOrder(target, a, false)), diagnostics)) {
      return false;
    }
    if (def.unique()) {
      table.addUnique(new UniqueConstraint(constraintNaming.uniqueKey(table.physical, List.of(def.physical())),
          List.of(column.name())));
    }
    def.check().forEach(c -> TableConstraints.addCheck(table, c.name(), c.condition()));
    renamedColumn(a, table, def.column().name());
    return true;
  }

  /**
   * Records the rename that {@code @RenamedFrom} on {@code a} declares for its column {@code column}
   * of {@code table}: its value is the column's old name, exactly as in the database (for a relation,
   * the old join column's name), as for an entity it is the old table name.
   */
  void renamedColumn(Attribute a, TableBuilder table, String column) {
    ann.find(a.element(), Jpa.RENAMED_FROM).ifPresent(r -> {
      String old = ann.string(r, "value");
      if (old.isBlank()) {
        diagnostics.error(MappingCode.INVALID_NAME, "@RenamedFrom on " + a.describe() + ": the old column name "
            + "is empty; write the column's old name, exactly as in the database", a.element(), r);
      } else {
        columnRenames.computeIfAbsent(table.name, k -> new TreeMap<>()).put(column, old);
      }
    });
  }

  /**
   * Refuses {@code @RenamedFrom} on an attribute that has no column of its own for it to rename
   * ({@code what} says why), instead of ignoring it and dropping what the developer meant to keep.
   */
  void noRenamedFrom(Attribute a, String what) {
    ann.find(a.element(), Jpa.RENAMED_FROM).ifPresent(r -> diagnostics.error(MappingCode.UNSUPPORTED_MAPPING,
        "@RenamedFrom on " + a.describe() + ": " + what, a.element(), r));
  }

  // ---- basic columns ---------------------------------------------------------------------------------

  /** The column of a basic attribute, or empty after an error. */
  Optional<ColumnDef> basicColumn(Attribute a, Target target, boolean id) {
    Element e = a.element();
    Optional<AnnotationMirror> columnAnn = Optional.ofNullable(target.overrides().get(a.name()))
        .or(() -> ann.find(e, Jpa.COLUMN));
    Name logical = naming.column(a.name());
    boolean nullable = true;
    boolean unique = false;
    boolean readOnly = false;
    String secondary = null;
    if (columnAnn.isPresent()) {
      AnnotationMirror col = columnAnn.get();
      String explicit = ann.string(col, "name");
      if (!explicit.isBlank()) {
        logical = Name.parse(explicit);
      }
      nullable = ann.bool(col, "nullable", true);
      unique = ann.bool(col, "unique", false);
      readOnly = !ann.bool(col, "insertable", true) && !ann.bool(col, "updatable", true);
      if (!ann.string(col, "table").isBlank()) {
        secondary = naming.physical(Name.parse(ann.string(col, "table"))).database();
        if (!secondaries.containsKey(secondary) || target.inCollection()) {
          diagnostics.error(MappingCode.INVALID_REFERENCE, "@Column(table = \"" + ann.string(col, "table")
              + "\") on " + a.describe() + ": " + Elements2.simpleName(target.entity().type) + " declares no "
              + "@SecondaryTable of that name; name one of its secondary tables, or declare it", e, col,
              ann.explicitValue(col, "table").orElse(null));
          return Optional.empty();
        }
      }
    }
    Name physical = naming.physical(logical);

    Optional<Conversion> conversion = conversion(a, target, id);
    if (conversion == null) {
      return Optional.empty();
    }
    // A converted attribute is stored as the converter's database-side type says.
    Attribute stored = conversion.map(c -> new Attribute(e, a.name(), c.databaseType(), a.declaringType())).orElse(a);
    Optional<BasicType> resolved = basicType(stored);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    BasicType basic = resolved.get();
    if (conversion.isPresent()) {
      basic = new BasicType(basic.javaType(), basic.kind(), basic.length(), basic.precision(), basic.scale(),
          basic.secondPrecision(), a.type().getKind().isPrimitive());
    }
    Optional<SqlType> sqlType = columnAnn.isPresent()
        ? sizedType(stored, basic, columnAnn.get())
        : Optional.of(basic.kind().sqlType(basic.length(), basic.precision(), basic.scale(), basic.secondPrecision()));
    if (sqlType.isEmpty()) {
      return Optional.empty();
    }
    BeanValidation.Constraints constraints = target.validation().active() ? beanValidation.of(e) : null;
    boolean definedType = columnAnn.map(c -> !ann.string(c, "columnDefinition").isBlank()).orElse(false);
    if (constraints != null && !definedType) {
      // TypeSafeActivator sizes the column after binding: @Size/@Length over @Column(length).
      if (constraints.maxLength < Integer.MAX_VALUE && javaTypeName(a.type()).equals("java.lang.String")
          && basic.kind().hasLength()) {
        sqlType = Optional.of(basic.kind().sqlType(constraints.maxLength, basic.precision(), basic.scale(),
            basic.secondPrecision()));
      }
      if (constraints.digits.isPresent() && basic.kind() == JdbcKind.NUMERIC) {
        int[] digits = constraints.digits.get();
        sqlType = Optional.of(SqlType.of("numeric", digits[0] + digits[1], digits[1]));
      }
    }
    Optional<AnnotationMirror> basicAnn = ann.find(e, Jpa.BASIC);
    // A primitive or @Basic(optional = false) attribute is not optional. Hibernate 7.4 makes the column
    // of a primitive NOT NULL only when no @Column (or override) describes it, since @Column's nullable
    // defaults to true; primitives inside an embeddable stay nullable (the embeddable may be null).
    boolean primitive = basic.primitive() && !target.inEmbeddable();
    boolean optionalFalse = basicAnn.map(b -> !ann.bool(b, "optional", true)).orElse(false);
    boolean impliedNotNull = (primitive || optionalFalse) && nullable && !id;
    if (primitive && columnAnn.isEmpty() || optionalFalse || id) {
      nullable = false;
    }
    if (constraints != null && constraints.notNull && target.validation().notNull() && target.required() == null) {
      nullable = false;
    }
    Optional<String> comment = columnAnn.map(c -> ann.string(c, "comment")).filter(c -> !c.isEmpty())
        .or(() -> ann.find(e, Jpa.H_COMMENT).map(c -> ann.string(c, "value")));
    Optional<String> defaultValue = ann.find(e, Jpa.H_COLUMN_DEFAULT).map(d -> ann.string(d, "value"))
        .filter(d -> !d.isBlank());
    if (defaultValue.isPresent() && id && ann.has(e, Jpa.GENERATED_VALUE)) {
      diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@ColumnDefault on " + a.describe() + ": a generated "
          + "identifier has no default; remove @ColumnDefault", e, ann.find(e, Jpa.H_COLUMN_DEFAULT).get());
      return Optional.empty();
    }
    if (columnAnn.isPresent() && !ann.string(columnAnn.get(), "options").isBlank()) {
      AnnotationMirror col = columnAnn.get();
      diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@Column(options = \"" + ann.string(col, "options")
          + "\") on " + a.describe() + ": Strata cannot record SQL column options; remove options", e, col,
          ann.explicitValue(col, "options").orElse(null));
      return Optional.empty();
    }
    Column column = new Column(physical.database(), sqlType.get(), nullable, defaultValue, Optional.empty(),
        comment);
    Optional<String> check = conversion.isPresent()
        ? convertedCheck(a, a.type(), conversion.get(), column.name())
        : enumCheck(a.type(), column.name(), basic);
    List<Check> checks = new ArrayList<>();
    check.ifPresent(c -> checks.add(Check.unnamed(c)));
    if (constraints != null) {
      // @Min/@Max: column checks, which Hibernate writes as one: (age>=18) and (age<=150).
      List<String> bounds = new ArrayList<>();
      String quoted = SqlText.identifier(column.name());
      constraints.min.ifPresent(min -> bounds.add(quoted + ">=" + min));
      constraints.max.ifPresent(max -> bounds.add(quoted + "<=" + max));
      if (bounds.size() == 1) {
        checks.add(Check.unnamed(bounds.get(0)));
      } else if (bounds.size() == 2) {
        checks.add(Check.unnamed("(" + bounds.get(0) + ") and (" + bounds.get(1) + ")"));
      }
    }
    // A named column check keeps its name: Hibernate 7.4 writes "constraint <name> check (...)".
    columnAnn.ifPresent(c -> ann.annotations(c, "check").forEach(k -> checks.add(new Check(
        Optional.of(ann.string(k, "name")).filter(n -> !n.isBlank()), ann.string(k, "constraint")))));
    ann.findAll(e, Jpa.H_CHECK, Jpa.H_CHECKS).forEach(k -> checks.add(new Check(
        Optional.of(ann.string(k, "name")).filter(n -> !n.isBlank()), ann.string(k, "constraints"))));
    return Optional.of(new ColumnDef(column, physical, readOnly, unique && !id, checks, impliedNotNull,
        secondary));
  }

  /** A converter applied to an attribute, and the type it stores. */
  record Conversion(TypeElement converter, TypeMirror databaseType) {}

  /**
   * The converter of a basic attribute: a {@code @Convert(attributeName)} of an enclosing element, its
   * own {@code @Convert}, else a {@code @Converter(autoApply = true)} for its type (not for an
   * identifier, a version, or an {@code @Enumerated} or {@code @Temporal} attribute). Empty when none
   * applies or {@code disableConversion} is set; null after an error.
   */
  private Optional<Conversion> conversion(Attribute a, Target target, boolean id) {
    Element e = a.element();
    Optional<AnnotationMirror> convert = Optional.ofNullable(target.converts().get(a.name()))
        .or(() -> ann.findAll(e, Jpa.CONVERT, Jpa.CONVERTS).stream().filter(c -> {
          String path = ann.string(c, "attributeName");
          return path.isEmpty() || target.inCollection() && path.equals("value");
        }).findFirst());
    Optional<AnnotationMirror> exclusive = ann.find(e, Jpa.ENUMERATED).or(() -> ann.find(e, Jpa.TEMPORAL));
    if (convert.isPresent()) {
      return explicitConversion(a, convert.get(), exclusive);
    }
    if (id || ann.has(e, Jpa.VERSION) || exclusive.isPresent()) {
      return Optional.empty();
    }
    return converters.autoApplied(a.type())
        .map(type -> new Conversion(type, converters.sides(type).get().database()));
  }

  /**
   * The converter of a Map's key: {@code @Convert(attributeName = "key")} on the attribute, else one
   * auto-applied to the key type; null after an error.
   */
  Optional<Conversion> keyConversion(Attribute a, TypeMirror keyType) {
    Element e = a.element();
    Optional<AnnotationMirror> convert = ann.findAll(e, Jpa.CONVERT, Jpa.CONVERTS).stream()
        .filter(c -> ann.string(c, "attributeName").equals("key")).findFirst();
    Optional<AnnotationMirror> exclusive = ann.find(e, Jpa.MAP_KEY_ENUMERATED)
        .or(() -> ann.find(e, Jpa.MAP_KEY_TEMPORAL));
    if (convert.isPresent()) {
      return explicitConversion(a, convert.get(), exclusive);
    }
    if (exclusive.isPresent()) {
      return Optional.empty();
    }
    return converters.autoApplied(keyType)
        .map(type -> new Conversion(type, converters.sides(type).get().database()));
  }

  private Optional<Conversion> explicitConversion(Attribute a, AnnotationMirror c,
      Optional<AnnotationMirror> exclusive) {
    Element e = a.element();
    if (ann.bool(c, "disableConversion", false)) {
      return Optional.empty();
    }
    Optional<TypeMirror> converter = ann.explicitValue(c, "converter").map(v -> (TypeMirror) v.getValue());
    if (converter.isEmpty()) {
      diagnostics.error(MappingCode.INVALID_REFERENCE, "@Convert on " + a.describe() + " names no converter; "
          + "name it with converter = ..., or set disableConversion = true", e, c);
      return null;
    }
    if (exclusive.isPresent()) {
      // Hibernate refuses it too: "'AttributeConverter' not allowed for attribute ... annotated '@Enumerated'".
      diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@Convert on " + a.describe() + ": it is also "
          + simple(exclusive.get()) + ", and a converted attribute is stored as its converter says; remove one "
          + "of the two", e, c);
      return null;
    }
    TypeElement type = (TypeElement) types.asElement(converter.get());
    Optional<Converters.Sides> sides = converters.sides(type);
    if (sides.isEmpty()) {
      diagnostics.error(MappingCode.INVALID_REFERENCE, "@Convert(converter = " + Elements2.simpleName(type)
          + ".class) on " + a.describe() + ": " + Elements2.simpleName(type) + " does not implement "
          + "AttributeConverter<X, Y> with both types known; make it (or a superclass) implement "
          + "AttributeConverter with concrete types", e, c, ann.explicitValue(c, "converter").orElse(null));
      return null;
    }
    return Optional.of(new Conversion(type, sides.get().database()));
  }

  /** Hibernate's boolean converters and the checks it writes for them ({@code BooleanJdbcType} conversions). */
  private static final Map<String, String> BOOLEAN_CONVERTER_VALUES = Map.of(
      "org.hibernate.type.YesNoConverter", "('N','Y')",
      "org.hibernate.type.TrueFalseConverter", "('F','T')",
      "org.hibernate.type.NumericBooleanConverter", "(0,1)");

  /**
   * The check of a converted column: Hibernate's own boolean converters have fixed values. For an enum
   * attribute Hibernate lists the values the converter writes for the constants, which it learns by
   * running the converter; Strata cannot, and warns that the column has no check.
   */
  Optional<String> convertedCheck(Attribute a, TypeMirror converted, Conversion conversion, String column) {
    String values = BOOLEAN_CONVERTER_VALUES.get(conversion.converter().getQualifiedName().toString());
    if (values != null) {
      return Optional.of(SqlText.identifier(column) + " in " + values);
    }
    if (converted.getKind() == TypeKind.DECLARED && types.asElement(converted).getKind() == ElementKind.ENUM) {
      diagnostics.warning(MappingCode.CONVERTED_ENUM_CHECK, a.describe() + " is an enum converted by "
          + Elements2.simpleName(conversion.converter()) + ": Hibernate adds a check listing the values the "
          + "converter writes, which Strata cannot compute at compile time, so column " + column + " has none; "
          + "declare it with @Check if you want it", a.element());
    }
    return Optional.empty();
  }

  /** The Hibernate default mapping of the attribute's Java type, with {@code @Enumerated}, {@code @Lob}, {@code @Temporal}. */
  private Optional<BasicType> basicType(Attribute a) {
    Element e = a.element();
    TypeMirror type = a.type();
    String javaType = javaTypeName(type);
    Optional<AnnotationMirror> typeCode = ann.find(e, Jpa.H_JDBC_TYPE_CODE);
    if (typeCode.isPresent()) {
      int code = ann.integer(typeCode.get(), "value", 0);
      Optional<BasicType> coded = coded(code, javaType, type.getKind().isPrimitive());
      if (coded.isEmpty()) {
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@JdbcTypeCode(" + code + ") on " + a.describe()
            + ": Strata maps only SqlTypes.JSON, SQLXML, INET, UUID, the character, binary, integer, NUMERIC/DECIMAL "
            + "(on numbers), floating-point, BOOLEAN, DATE, TIME and TIMESTAMP codes; remove it, or give the column "
            + "@Column(columnDefinition = ...)", e, typeCode.get());
        return Optional.empty();
      }
      return coded;
    }
    Optional<AnnotationMirror> enumerated = ann.find(e, Jpa.ENUMERATED);
    boolean isEnum = type.getKind() == TypeKind.DECLARED
        && types.asElement(type).getKind() == ElementKind.ENUM;
    BasicType basic;
    if (isEnum) {
      boolean string = enumerated.flatMap(m -> ann.enumConstant(m, "value")).map("STRING"::equals).orElse(false);
      basic = BasicType.enumType(javaType, string);
    } else {
      if (enumerated.isPresent()) {
        diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@Enumerated on " + a.describe() + ": its type "
            + display(type) + " is not an enum; remove @Enumerated", e, enumerated.get());
        return Optional.empty();
      }
      Optional<BasicType> known = BasicType.of(javaType);
      if (known.isEmpty()) {
        diagnostics.error(MappingCode.UNSUPPORTED_TYPE, a.describe() + ": type " + display(type)
            + " is not a basic type Strata can map to a column; change it to a supported type "
            + "(see docs/type-mapping.md), give it @Column(columnDefinition = \"<PostgreSQL type>\"), "
            + "or mark it @Transient", e);
        return Optional.empty();
      }
      basic = known.get();
    }
    Optional<AnnotationMirror> lob = ann.find(e, Jpa.LOB);
    if (lob.isPresent()) {
      if (!Set.of("java.lang.String", "char[]", "java.lang.Character[]", "java.sql.Clob", "java.sql.NClob",
          "byte[]", "java.lang.Byte[]", "java.sql.Blob").contains(javaType)) {
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@Lob on " + a.describe() + ": Strata maps @Lob only on "
            + "String, char[], byte[], Clob and Blob, not on " + display(type) + "; remove @Lob", e, lob.get());
        return Optional.empty();
      }
      // PostgreSQLDialect maps CLOB and BLOB to oid: large objects, not text or bytea.
      basic = basic.withKind(JdbcKind.OID);
    }
    Optional<AnnotationMirror> temporal = ann.find(e, Jpa.TEMPORAL);
    if (temporal.isPresent()) {
      if (!basic.isLegacyTemporal() || lob.isPresent()) {
        diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@Temporal on " + a.describe() + ": @Temporal applies "
            + "only to java.util.Date and java.util.Calendar, not to " + display(type) + "; remove @Temporal", e,
            temporal.get());
        return Optional.empty();
      }
      String value = ann.enumConstant(temporal.get(), "value").orElse("TIMESTAMP");
      if (value.equals("DATE")) {
        basic = basic.withKind(JdbcKind.DATE);
      } else if (value.equals("TIME")) {
        basic = basic.withKind(JdbcKind.TIME).withSize(0, 0, 0, 0);
      }
    }
    return Optional.of(basic);
  }

  /** The type with {@code @Column}'s length, precision, scale, secondPrecision and columnDefinition applied. */
  private Optional<SqlType> sizedType(Attribute a, BasicType basic, AnnotationMirror col) {
    Element e = a.element();
    String definition = ann.string(col, "columnDefinition");
    int length = ann.integer(col, "length", 255);
    int precision = ann.integer(col, "precision", 0);
    int scale = ann.integer(col, "scale", 0);
    int secondPrecision = ann.integer(col, "secondPrecision", -1);
    if (length <= 0) {
      return invalid(a, col, "length", length, "length must be positive; remove it or set a positive value");
    }
    if (precision < 0) {
      return invalid(a, col, "precision", precision, "precision must not be negative; remove it or set a "
          + "positive value");
    }
    if (basic.kind() == JdbcKind.NUMERIC && precision > 1000) {
      return invalid(a, col, "precision", precision, "PostgreSQL's numeric precision is at most 1000; "
          + "set a precision from 1 to 1000");
    }
    if (secondPrecision < -1 || secondPrecision > 6) {
      return invalid(a, col, "secondPrecision", secondPrecision, "PostgreSQL keeps 0 to 6 fractional second "
          + "digits; set a value from 0 to 6, or remove it");
    }
    if (precision > 0 && scale != 0 && (basic.kind() == JdbcKind.FLOAT || basic.kind().isTemporal())) {
      // Hibernate fails here too: "scale has no meaning for SQL floating point types".
      return invalid(a, col, "scale", scale, "scale has no meaning for a " + (basic.kind() == JdbcKind.FLOAT
          ? "floating-point" : "time or timestamp") + " column; remove scale");
    }
    if (!definition.isBlank()) {
      return columnDefinition(a, col, definition);
    }
    long effectiveLength = basic.kind().hasLength() && ann.isSet(col, "length") ? length : basic.length();
    int effectivePrecision = basic.precision();
    int effectiveScale = basic.scale();
    // AnnotatedColumn.bind: precision and scale apply only when precision > 0.
    if (precision > 0) {
      if (basic.kind() == JdbcKind.FLOAT) {
        effectivePrecision = JdbcKind.binaryPrecision(precision);
      } else if (basic.kind() == JdbcKind.NUMERIC) {
        effectivePrecision = precision;
        effectiveScale = scale;
      }
    }
    int effectiveSecondPrecision = secondPrecision >= 0 && basic.kind().isTemporal()
        ? secondPrecision : basic.secondPrecision();
    JdbcKind kind = basic.kind();
    // EnumJavaType: a STRING enum column of length 1 is CHAR(1).
    if (kind == JdbcKind.VARCHAR && effectiveLength == 1 && a.type().getKind() == TypeKind.DECLARED
        && types.asElement(a.type()).getKind() == ElementKind.ENUM) {
      kind = JdbcKind.CHAR;
    }
    return Optional.of(kind.sqlType(effectiveLength, effectivePrecision, effectiveScale, effectiveSecondPrecision));
  }

  private Optional<SqlType> invalid(Attribute a, AnnotationMirror col, String attribute, int value, String what) {
    diagnostics.error(MappingCode.INVALID_ATTRIBUTE, simple(col) + "(" + attribute + " = " + value + ") on "
        + a.describe() + ": " + what, a.element(), col, ann.explicitValue(col, attribute).orElse(null));
    return Optional.empty();
  }

  private Optional<SqlType> columnDefinition(Attribute a, AnnotationMirror col, String definition) {
    try {
      return Optional.of(SqlType.parse(definition));
    } catch (IllegalArgumentException notAType) {
      // reported below: NOT NULL, DEFAULT and other clauses would be lost
    }
    diagnostics.error(MappingCode.INVALID_COLUMN_DEFINITION, "@Column(columnDefinition = \"" + definition
        + "\") on " + a.describe() + ": Strata reads columnDefinition as a PostgreSQL type only, e.g. \"text\" "
        + "or \"numeric(12,4)\"; move NOT NULL to nullable = false and defaults to @ColumnDefault", a.element(),
        col, ann.explicitValue(col, "columnDefinition").orElse(null));
    return Optional.empty();
  }

  /**
   * The check Hibernate writes for an enum column ({@code EnumJavaType.getCheckCondition}): the range
   * of ordinals, or the list of names.
   */
  Optional<String> enumCheck(TypeMirror type, String column, BasicType basic) {
    if (type.getKind() != TypeKind.DECLARED || types.asElement(type).getKind() != ElementKind.ENUM) {
      return Optional.empty();
    }
    List<String> constants = types.asElement(type).getEnclosedElements().stream()
        .filter(m -> m.getKind() == ElementKind.ENUM_CONSTANT)
        .map(m -> m.getSimpleName().toString())
        .collect(Collectors.toList());
    String quoted = SqlText.identifier(column);
    if (basic.kind().isIntegral()) {
      return Optional.of(quoted + " between 0 and " + (constants.size() - 1));
    }
    return Optional.of(quoted + " in (" + constants.stream().map(SqlText::literal).collect(Collectors.joining(","))
        + ")");
  }

  // ---- identifier generation -------------------------------------------------------------------------

  private Optional<Column> generation(Attribute a, Target target, AnnotationMirror generated, ColumnDef def) {
    String strategy = ann.enumConstant(generated, "strategy").orElse("AUTO");
    Column column = def.column();
    if (strategy.equals("IDENTITY")) {
      EntityInfo root = target.entity().root;
      if (root.strategy == Hierarchies.Strategy.TABLE_PER_CLASS && hierarchies.hasSubclasses(root.type)) {
        diagnostics.error(MappingCode.INVALID_GENERATION, "@GeneratedValue(strategy = IDENTITY) on " + a.describe()
            + ": the rows of a TABLE_PER_CLASS hierarchy live in several tables, and one identity column per table "
            + "would give two rows the same id (Hibernate refuses it too); use SEQUENCE, or another inheritance "
            + "strategy", a.element(), generated);
        return Optional.empty();
      }
      if (!Set.of("smallint", "integer", "bigint").contains(column.type().base())) {
        diagnostics.error(MappingCode.INVALID_GENERATION, "@GeneratedValue(strategy = IDENTITY) on " + a.describe()
            + ": PostgreSQL identity columns are smallint, integer or bigint, not " + column.type().sql()
            + "; use a Long or Integer identifier, or another strategy (UUID for a java.util.UUID)", a.element(),
            generated);
        return Optional.empty();
      }
      return Optional.of(column.withIdentity(Identity.BY_DEFAULT));
    }
    String base = column.type().base();
    boolean uuidLike = base.equals("uuid") || base.equals("varchar");
    // Hibernate 7.4 generates AUTO identifiers of type UUID or String as UUIDs (no sequence).
    if (strategy.equals("UUID") || strategy.equals("AUTO") && uuidLike) {
      // The value is made in Java (UuidGenerator): nothing in the schema.
      if (!uuidLike) {
        diagnostics.error(MappingCode.INVALID_GENERATION, "@GeneratedValue(strategy = UUID) on " + a.describe()
            + ": a generated UUID needs a java.util.UUID or String identifier, not " + column.type().sql()
            + "; change the type, or use another strategy", a.element(), generated);
        return Optional.empty();
      }
      return Optional.of(column);
    }
    if (!Set.of("smallint", "integer", "bigint", "numeric").contains(base)) {
      diagnostics.error(MappingCode.INVALID_GENERATION, "@GeneratedValue(strategy = " + strategy + ") on "
          + a.describe() + ": a " + (strategy.equals("TABLE") ? "table" : "sequence") + " generates numbers, "
          + "not " + column.type().sql() + "; use a numeric identifier, or strategy = UUID for a UUID", a.element(),
          generated);
      return Optional.empty();
    }
    String generatorName = ann.string(generated, "generator");
    if (strategy.equals("TABLE")) {
      Optional<AnnotationMirror> tableGenerator = findGenerator(a, target.entity(), generatorName,
          Jpa.TABLE_GENERATOR, Jpa.TABLE_GENERATORS);
      return generatorTable(a, tableGenerator) ? Optional.of(column) : Optional.empty();
    }
    Optional<AnnotationMirror> sequenceGenerator = findGenerator(a, target.entity(), generatorName,
        Jpa.SEQUENCE_GENERATOR, Jpa.SEQUENCE_GENERATORS);
    Optional<AnnotationMirror> genericGenerator = sequenceGenerator.isPresent() || generatorName.isEmpty()
        ? Optional.empty() : findGenerator(a, target.entity(), generatorName, Jpa.H_GENERIC_GENERATOR,
            Jpa.H_GENERIC_GENERATORS);
    if (genericGenerator.isPresent() && strategy.equals("AUTO")) {
      Optional<Sequence> sequence =
          new GenericGenerators(this).sequence(a, target.entity(), genericGenerator.get(), generated);
      return sequence.isPresent() && register(a, sequence.get()) ? Optional.of(column) : Optional.empty();
    }
    if (genericGenerator.isPresent()) {
      diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@GenericGenerator \"" + generatorName + "\" used by "
          + a.describe() + " with strategy = " + strategy + ": Hibernate reads a @GenericGenerator only for "
          + "strategy = AUTO; leave strategy out, or use @SequenceGenerator", a.element(), generated);
      return Optional.empty();
    }
    return sequence(a, target.entity(), generatorName, sequenceGenerator) ? Optional.of(column) : Optional.empty();
  }

  /**
   * The generator annotation of that name visible from the attribute: on the attribute, its class,
   * the entity and the entity's superclasses. Hibernate 7 does not look at other entities (a
   * generator declared on another entity is not found; the name alone is then used).
   */
  private Optional<AnnotationMirror> findGenerator(Attribute a, EntityInfo entity, String name, String annotation,
      String container) {
    List<Element> places = new ArrayList<>();
    places.add(a.element());
    places.add(a.declaringType());
    places.add(entity.type);
    places.addAll(superclasses(entity.type));
    for (Element place : places) {
      for (AnnotationMirror m : ann.findAll(place, annotation, container)) {
        if (ann.string(m, "name").equals(name)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The sequence of a SEQUENCE or AUTO identifier: the generator's, else one named after the
   * generator, else Hibernate's default {@code <table>_SEQ} (SequenceStyleGenerator with
   * StandardNamingStrategy), starting at 1 and incrementing by 50 (the pooled optimizer's default).
   * Hibernate creates it in the default schema unless the generator names one.
   */
  boolean sequence(Attribute a, EntityInfo entity, String generatorName, Optional<AnnotationMirror> generator) {
    Name logical;
    Optional<String> namespace = Optional.empty();
    long start = 1;
    long increment = 50;
    if (generator.isPresent()) {
      AnnotationMirror g = generator.get();
      String sequenceName = ann.string(g, "sequenceName");
      logical = !sequenceName.isBlank() ? Name.parse(sequenceName)
          : !generatorName.isEmpty() ? Name.parse(generatorName) : entity.root.tableLogical.withText(
              entity.root.tableLogical.text() + "_SEQ");
      String schema = ann.string(g, "schema");
      if (!schema.isBlank()) {
        namespace = Optional.of(naming.physical(Name.parse(schema)).database());
      }
      start = ann.integer(g, "initialValue", 1);
      increment = ann.integer(g, "allocationSize", 50);
      if (increment <= 0) {
        diagnostics.error(MappingCode.INVALID_ATTRIBUTE, "@SequenceGenerator(allocationSize = " + increment + ") for "
            + a.describe() + ": allocationSize must be positive; remove it or set a positive value",
            a.element(), g, ann.explicitValue(g, "allocationSize").orElse(null));
        return false;
      }
    } else {
      logical = !generatorName.isEmpty() ? Name.parse(generatorName)
          : entity.root.tableLogical.withText(entity.root.tableLogical.text() + "_SEQ");
    }
    QualifiedName name = new QualifiedName(namespace, naming.physical(logical).database());
    return register(a, new Sequence(name, start, increment));
  }

  /** Adds the sequence of an identifier, unless another one uses that name differently (an error). */
  boolean register(Attribute a, Sequence sequence) {
    QualifiedName name = sequence.name();
    Sequence existing = sequences.get(name);
    if (existing != null && !existing.equals(sequence)) {
      diagnostics.error(MappingCode.CONFLICTING_GENERATOR, "sequence " + name + " of " + a.describe() + " starts at "
          + sequence.start() + " and increments by " + sequence.increment() + ", but another identifier uses it "
          + "starting at " + existing.start() + " and incrementing by " + existing.increment() + "; give both "
          + "generators the same initialValue and allocationSize, or use two sequences", a.element());
      return false;
    }
    sequences.put(name, sequence);
    return true;
  }

  /**
   * The table of a TABLE identifier: Hibernate's TableGenerator defaults are table
   * {@code hibernate_sequences} with {@code sequence_name varchar(255)} (the key) and
   * {@code next_val bigint}. Hibernate inserts the generator's row itself on first use.
   */
  boolean generatorTable(Attribute a, Optional<AnnotationMirror> generator) {
    Name logical = Name.unquoted("hibernate_sequences");
    Name segment = Name.unquoted("sequence_name");
    Name value = Name.unquoted("next_val");
    Optional<String> namespace = Optional.empty();
    if (generator.isPresent()) {
      AnnotationMirror g = generator.get();
      if (!ann.string(g, "table").isBlank()) {
        logical = Name.parse(ann.string(g, "table"));
      }
      if (!ann.string(g, "pkColumnName").isBlank()) {
        segment = Name.parse(ann.string(g, "pkColumnName"));
      }
      if (!ann.string(g, "valueColumnName").isBlank()) {
        value = Name.parse(ann.string(g, "valueColumnName"));
      }
      if (!ann.string(g, "schema").isBlank()) {
        namespace = Optional.of(naming.physical(Name.parse(ann.string(g, "schema"))).database());
      }
    }
    Name physical = naming.physical(logical);
    QualifiedName name = new QualifiedName(namespace, physical.database());
    Column segmentColumn = Column.of(naming.physical(segment).database(), SqlType.of("varchar", 255)).notNull();
    Column valueColumn = Column.of(naming.physical(value).database(), SqlType.of("bigint"));
    TableBuilder existing = tables.get(name);
    if (existing != null) {
      boolean same = existing.primaryKey().equals(List.of(segmentColumn.name()))
          && existing.column(segmentColumn.name()).map(e -> e.column().equals(segmentColumn)).orElse(false)
          && existing.column(valueColumn.name()).map(e -> e.column().equals(valueColumn)).orElse(false)
          && existing.entries().size() == 2;
      if (!same) {
        diagnostics.error(MappingCode.CONFLICTING_GENERATOR, "the generator table " + name + " of " + a.describe()
            + " is also mapped, differently, by " + Elements2.describe(existing.origin) + "; give the generator its "
            + "own table with @TableGenerator(table = ...)", a.element());
        return false;
      }
      return true;
    }
    TableBuilder table = new TableBuilder(name, physical, a.element());
    table.addColumn(new TableBuilder.Entry(segmentColumn, naming.physical(segment), a.element(), false), diagnostics);
    table.addColumn(new TableBuilder.Entry(valueColumn, naming.physical(value), a.element(), false), diagnostics);
    table.primaryKey(List.of(segmentColumn.name()));
    tables.put(name, table);
    return true;
  }

  /** The {@code org.hibernate.type.SqlTypes} codes Strata maps, and their kinds on PostgreSQL. */
  private static final Map<Integer, JdbcKind> JDBC_TYPE_CODES = Map.of(
      3001, JdbcKind.JSONB, 2009, JdbcKind.XML, 3002, JdbcKind.INET, 12, JdbcKind.VARCHAR, 4001, JdbcKind.TEXT,
      -2, JdbcKind.BYTEA, -3, JdbcKind.BYTEA, 4003, JdbcKind.BYTEA, 3000, JdbcKind.UUID);

  /** {@code NUMERIC}'s default precision and scale by Java type ({@code *JavaType.getDefaultSqlPrecision/Scale}). */
  private static final Map<String, int[]> NUMERIC_SIZES = Map.ofEntries(
      Map.entry("double", new int[] {17, 2}), Map.entry("java.lang.Double", new int[] {17, 2}),
      Map.entry("float", new int[] {8, 2}), Map.entry("java.lang.Float", new int[] {8, 2}),
      Map.entry("int", new int[] {10, 0}), Map.entry("java.lang.Integer", new int[] {10, 0}),
      Map.entry("long", new int[] {19, 0}), Map.entry("java.lang.Long", new int[] {19, 0}),
      Map.entry("short", new int[] {5, 0}), Map.entry("java.lang.Short", new int[] {5, 0}),
      Map.entry("byte", new int[] {3, 0}), Map.entry("java.lang.Byte", new int[] {3, 0}),
      Map.entry("java.math.BigInteger", new int[] {38, 0}), Map.entry("java.math.BigDecimal", new int[] {38, 2}));

  /**
   * The column of {@code @JdbcTypeCode(code)} on a Java type, sized as Hibernate 7.4 sizes it on
   * PostgreSQL (checked against its create DDL): CHAR is {@code char(1)} for a character, else
   * {@code char(255)}; NUMERIC takes the Java type's precision and scale; FLOAT and DOUBLE the Java
   * type's binary precision ({@code real} for a float); TINYINT is {@code smallint}.
   */
  private static Optional<BasicType> coded(int code, String javaType, boolean primitive) {
    JdbcKind simple = JDBC_TYPE_CODES.get(code);
    if (simple != null) {
      return Optional.of(new BasicType(javaType, simple, BasicType.DEFAULT_LENGTH, 0, 0, 0, primitive));
    }
    boolean single = javaType.equals("float") || javaType.equals("java.lang.Float");
    boolean character = javaType.equals("char") || javaType.equals("java.lang.Character");
    switch (code) {
      case 4: return Optional.of(new BasicType(javaType, JdbcKind.INTEGER, 0, 0, 0, 0, primitive));
      case -5: return Optional.of(new BasicType(javaType, JdbcKind.BIGINT, 0, 0, 0, 0, primitive));
      case 5: case -6: return Optional.of(new BasicType(javaType, JdbcKind.SMALLINT, 0, 0, 0, 0, primitive));
      case 16: return Optional.of(new BasicType(javaType, JdbcKind.BOOLEAN, 0, 0, 0, 0, primitive));
      case 2: case 3:
        int[] size = NUMERIC_SIZES.get(javaType);
        return size == null ? Optional.empty()
            : Optional.of(new BasicType(javaType, JdbcKind.NUMERIC, 0, size[0], size[1], 0, primitive));
      case 1: case -15:
        return Optional.of(new BasicType(javaType, JdbcKind.CHAR, character ? 1 : BasicType.DEFAULT_LENGTH, 0, 0, 0,
            primitive));
      case -9: return Optional.of(new BasicType(javaType, JdbcKind.VARCHAR, BasicType.DEFAULT_LENGTH, 0, 0, 0,
          primitive));
      case 6: case 8: return Optional.of(new BasicType(javaType, JdbcKind.FLOAT, 0, single ? 24 : 53, 0, 0, primitive));
      case 7: return Optional.of(new BasicType(javaType, JdbcKind.FLOAT, 0, 24, 0, 0, primitive));
      case 91: return Optional.of(new BasicType(javaType, JdbcKind.DATE, 0, 0, 0, 0, primitive));
      case 92: return Optional.of(new BasicType(javaType, JdbcKind.TIME, 0, 0, 0, 0, primitive));
      case 93: return Optional.of(new BasicType(javaType, JdbcKind.TIMESTAMP, 0, 0, 0, 6, primitive));
      case 2014: case 3003:
        return Optional.of(new BasicType(javaType, JdbcKind.TIMESTAMPTZ, 0, 0, 0, 6, primitive));
      default: return Optional.empty();
    }
  }

  // ---- types -----------------------------------------------------------------------------------------

  /** {@code int}, {@code java.lang.String}, {@code byte[]}: the key of {@link BasicType#of}. */
  String javaTypeName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return javaTypeName(((ArrayType) type).getComponentType()) + "[]";
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) types.asElement(type)).getQualifiedName().toString();
    }
    return type.toString();
  }

  /** A type for messages, with its type arguments: {@code java.util.List<java.lang.String>}. */
  static String display(TypeMirror type) {
    return type.toString();
  }

  static String simple(AnnotationMirror mirror) {
    return EntityReader.simple(mirror);
  }
}
