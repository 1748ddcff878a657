package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.entity.Mapper.EntityInfo;
import dev.strata.processor.internal.entity.Mapper.KeyColumn;
import dev.strata.processor.internal.entity.Mapper.KeyPart;
import dev.strata.processor.internal.entity.Mapper.Target;
import dev.strata.processor.internal.mapping.BasicType;
import dev.strata.processor.internal.mapping.JdbcKind;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.processor.internal.mapping.PostgresNames;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.SqlType;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Associations: foreign-key columns of to-one relationships, join columns of unidirectional
 * one-to-many relationships (in the target's table), and join tables, with Hibernate 7's implicit
 * names, nullability, unique keys and primary keys.
 */
final class Relations {
  private final Mapper m;
  private final Annotations ann;
  /** Entities whose key is being resolved, to stop on a cycle of derived identifiers. */
  private final Set<TypeElement> resolving;
  private final Map<TypeElement, Optional<TableBuilder>> scratch = new HashMap<>();

  Relations(Mapper mapper, Set<TypeElement> resolving) {
    this.m = mapper;
    this.ann = mapper.ann;
    this.resolving = resolving;
  }

  // ---- what other entities look like -------------------------------------------------------------

  /**
   * The target's table as a scratch mapping sees it (key and basic columns), without reporting its
   * errors: the target's own mapping reports them.
   */
  private Optional<TableBuilder> scratchTable(EntityInfo target) {
    Optional<TableBuilder> known = scratch.get(target.type);
    if (known != null) {
      return known;
    }
    if (!resolving.add(target.type)) {
      return Optional.empty();
    }
    try {
      Mapper quiet = new Mapper(m.env, quietDiagnostics(), m.options, true, resolving, m.hierarchies,
          m.converters);
      quiet.mapEntity(target.type);
      Optional<TableBuilder> table = Optional.ofNullable(quiet.tables.get(target.table));
      scratch.put(target.type, table);
      return table;
    } finally {
      resolving.remove(target.type);
    }
  }

  /** The target's primary key columns in key order; empty when it has no usable key. */
  List<KeyColumn> keyOf(EntityInfo target) {
    Optional<TableBuilder> table = scratchTable(target);
    List<KeyColumn> out = new ArrayList<>();
    if (table.isEmpty()) {
      return out;
    }
    for (String column : table.get().primaryKey()) {
      table.get().column(column).ifPresent(e -> out.add(new KeyColumn(e.physical(), e.column())));
    }
    return out;
  }

  private Optional<KeyColumn> columnOf(EntityInfo target, String column) {
    return scratchTable(target).flatMap(t -> t.column(column)).map(e -> new KeyColumn(e.physical(), e.column()));
  }

  /** Diagnostics that print nothing: for mapping again what is reported where it is mapped first. */
  static Diagnostics quietDiagnostics() {
    return new Diagnostics(QUIET);
  }

  private static final Messager QUIET = new Messager() {
    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a,
        AnnotationValue v) {}
  };

  /** The entity a relationship points at: {@code targetEntity}, else the attribute's (element) type. */
  Optional<EntityInfo> targetEntity(Attribute a, AnnotationMirror relation, TypeMirror declared) {
    TypeMirror type = ann.explicitValue(relation, "targetEntity").map(v -> (TypeMirror) v.getValue()).orElse(declared);
    if (type == null || type.getKind() != TypeKind.DECLARED || !ann.has(m.types.asElement(type), Jpa.ENTITY)) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, EntityReader.simple(relation) + " on " + a.describe()
          + ": " + (type == null ? "its element type" : Mapper.display(type)) + " is not an entity; point the "
          + "relationship at an @Entity class (or set targetEntity)", a.element(), relation);
      return Optional.empty();
    }
    return m.info((TypeElement) m.types.asElement(type));
  }

  // ---- to-one --------------------------------------------------------------------------------------

  /** A join column resolved: its name, the column it references, and its own annotation if any. */
  record Join(Name physical, KeyColumn referenced, Optional<AnnotationMirror> annotation) {}

  /**
   * The owning side of {@code @ManyToOne}/{@code @OneToOne}: join columns named
   * {@code <attribute>_<referenced column>} unless named, typed like the referenced columns, NOT NULL
   * when {@code optional = false} or {@code nullable = false}, unique for a one-to-one, and a foreign
   * key. The inverse side ({@code mappedBy}) has no column.
   */
  void toOne(Attribute a, Target target, boolean id, List<KeyPart> key, String derivedIdPath) {
    Element e = a.element();
    AnnotationMirror relation = ann.find(e, Jpa.MANY_TO_ONE).or(() -> ann.find(e, Jpa.ONE_TO_ONE)).get();
    boolean oneToOne = Annotations.nameOf(relation).equals(Jpa.ONE_TO_ONE);
    if (oneToOne && !ann.string(relation, "mappedBy").isEmpty()) {
      return;
    }
    if (ann.has(e, Jpa.JOIN_TABLE)) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@JoinTable on " + a.describe() + ": a to-one relationship "
          + "through a join table is not supported by Strata; map it with a join column", e,
          ann.find(e, Jpa.JOIN_TABLE).get());
      return;
    }
    Optional<EntityInfo> found = targetEntity(a, relation, a.type());
    if (found.isEmpty()) {
      return;
    }
    EntityInfo referenced = found.get();
    Optional<AnnotationMirror> override = Optional.ofNullable(target.associations().get(a.name()));
    List<AnnotationMirror> joinColumns = override.isPresent() ? ann.annotations(override.get(), "joinColumns")
        : ann.findAll(e, Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS);
    Optional<AnnotationMirror> inOtherTable = joinColumns.stream().filter(j -> !ann.string(j, "table").isBlank())
        .findFirst();
    TableBuilder table = target.table();
    if (inOtherTable.isPresent()) {
      // The join columns go into one of the entity's @SecondaryTables, with the foreign key.
      String written = ann.string(inOtherTable.get(), "table");
      String name = m.naming.physical(Name.parse(written)).database();
      TableBuilder secondary = m.secondary(name);
      boolean allThere = joinColumns.stream().allMatch(j -> !ann.string(j, "table").isBlank()
          && m.naming.physical(Name.parse(ann.string(j, "table"))).database().equals(name));
      if (secondary == null || !allThere || id || target.inCollection() || derivedIdPath != null) {
        m.diagnostics.error(MappingCode.INVALID_REFERENCE, "@JoinColumn(table = \"" + written + "\") on "
            + a.describe() + ": " + (secondary == null ? Elements2.simpleName(target.entity().type)
                + " declares no @SecondaryTable of that name; name one of its secondary tables, or declare it"
                : "every join column of a relationship that is not part of a key goes into the same secondary "
                + "table; name it on each @JoinColumn, or remove table"), e, inOtherTable.get());
        return;
      }
      table = secondary;
    }
    Optional<List<Join>> joins = resolveJoins(a, referenced, joinColumns, a.name());
    if (joins.isEmpty()) {
      return;
    }
    boolean optional = ann.bool(relation, "optional", true);
    List<String> columns = new ArrayList<>();
    List<Name> physicals = new ArrayList<>();
    boolean unique = oneToOne;
    for (Join join : joins.get()) {
      boolean nullable = optional && join.annotation().map(j -> ann.bool(j, "nullable", true)).orElse(true) && !id
          && !m.validatedNotNull(a, target);
      Optional<SqlType> type = join.annotation().flatMap(j -> definition(a, j)).or(() -> Optional.empty());
      if (join.annotation().isPresent() && !ann.string(join.annotation().get(), "columnDefinition").isBlank()
          && type.isEmpty()) {
        return;
      }
      Column column = new Column(join.physical().database(), type.orElse(join.referenced().column().type()),
          nullable, Optional.empty(), Optional.empty(), Optional.empty());
      if (target.required() != null && !id) {
        boolean explicitNotNull = join.annotation().map(j -> !ann.bool(j, "nullable", true)).orElse(false);
        if (!explicitNotNull) {
          column = column.withNullable(true);
          if (!optional && !target.inEmbeddable()) {
            target.required().add(new KeyPart(m.requiredOrder(a), column.name()));
          }
        }
      }
      boolean readOnly = join.annotation()
          .map(j -> !ann.bool(j, "insertable", true) && !ann.bool(j, "updatable", true)).orElse(false);
      boolean added = table.addColumn(new TableBuilder.Entry(column, join.physical(), e, readOnly,
          m.bindOrder(target, a, true)), m.diagnostics);
      if (!added && !readOnly) {
        return;
      }
      unique |= join.annotation().map(j -> ann.bool(j, "unique", false)).orElse(false);
      columns.add(column.name());
      physicals.add(join.physical());
      if (target.collects(id) && added) {
        String path = derivedIdPath != null ? derivedIdPath : target.path() + a.name();
        key.add(new KeyPart(path + "." + column.name(), column.name()));
      }
    }
    if (unique && !id) {
      table.addUnique(new UniqueConstraint(m.constraintNaming.uniqueKey(table.physical, physicals), columns));
    }
    if (columns.size() == 1) {
      // The join column is renamed; its foreign key and unique constraint follow in the diff (dropped
      // and added again under their new names when those derive from the column's).
      m.renamedColumn(a, table, columns.get(0));
    } else if (columns.size() > 1) {
      m.noRenamedFrom(a, "the relationship has " + columns.size() + " join columns (" + String.join(", ", columns)
          + ") and @RenamedFrom names one old column; keep their old names with @JoinColumn(name = ...) in"
          + " @JoinColumns, or remove @RenamedFrom (the columns are then dropped and added)");
    }
    addForeignKey(a, table, columns, physicals, referenced, joins.get(), joinColumns,
        override.isPresent() ? override : ann.find(e, Jpa.JOIN_COLUMNS));
  }

  /** The join columns of a relationship to {@code referenced}, explicit or implicit, or empty after an error. */
  Optional<List<Join>> resolveJoins(Attribute a, EntityInfo referenced, List<AnnotationMirror> joinColumns,
      String implicitPrefix) {
    List<KeyColumn> key = keyOf(referenced);
    if (key.isEmpty()) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, a.describe() + " refers to entity "
          + Elements2.simpleName(referenced.type) + ", which has no identifier Strata can map; fix that entity's "
          + "@Id", a.element());
      return Optional.empty();
    }
    List<Join> joins = new ArrayList<>();
    if (joinColumns.isEmpty()) {
      for (KeyColumn k : key) {
        joins.add(new Join(m.naming.physical(m.naming.joinColumn(implicitPrefix, k.physical())), k, Optional.empty()));
      }
      return Optional.of(joins);
    }
    if (joinColumns.size() != key.size()
        && joinColumns.stream().anyMatch(j -> ann.string(j, "referencedColumnName").isBlank())) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, a.describe() + " has " + joinColumns.size()
          + " join columns but " + Elements2.simpleName(referenced.type) + "'s key has " + key.size()
          + "; give one @JoinColumn per key column, or name each referencedColumnName", a.element(),
          joinColumns.get(0));
      return Optional.empty();
    }
    for (int i = 0; i < joinColumns.size(); i++) {
      AnnotationMirror j = joinColumns.get(i);
      String referencedName = ann.string(j, "referencedColumnName");
      KeyColumn ref;
      if (referencedName.isBlank()) {
        ref = key.get(i);
      } else {
        String dbName = m.naming.physical(Name.parse(referencedName)).database();
        Optional<KeyColumn> column = columnOf(referenced, dbName);
        if (column.isEmpty()) {
          m.diagnostics.error(MappingCode.INVALID_REFERENCE, "@JoinColumn(referencedColumnName = \"" + referencedName
              + "\") on " + a.describe() + ": table " + referenced.table + " of " + Elements2.simpleName(referenced.type)
              + " has no column " + dbName + "; name one of its columns", a.element(), j,
              ann.explicitValue(j, "referencedColumnName").orElse(null));
          return Optional.empty();
        }
        ref = column.get();
      }
      String name = ann.string(j, "name");
      Name logical = name.isBlank() ? m.naming.joinColumn(implicitPrefix, ref.physical()) : Name.parse(name);
      joins.add(new Join(m.naming.physical(logical), ref, Optional.of(j)));
    }
    return Optional.of(joins);
  }

  private Optional<SqlType> definition(Attribute a, AnnotationMirror joinColumn) {
    String definition = ann.string(joinColumn, "columnDefinition");
    if (definition.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SqlType.parse(definition));
    } catch (IllegalArgumentException notAType) {
      m.diagnostics.error(MappingCode.INVALID_COLUMN_DEFINITION, "@JoinColumn(columnDefinition = \"" + definition
          + "\") on " + a.describe() + ": Strata reads columnDefinition as a PostgreSQL type only, e.g. \"bigint\"; "
          + "move NOT NULL to nullable = false", a.element(), joinColumn,
          ann.explicitValue(joinColumn, "columnDefinition").orElse(null));
      return Optional.empty();
    }
  }

  /**
   * The foreign key of join columns, unless {@code @ForeignKey(NO_CONSTRAINT)} turns it off; named by
   * {@code @ForeignKey(name)} or Hibernate's hash of the table, referenced table and columns.
   */
  void addForeignKey(Attribute a, TableBuilder table, List<String> columns, List<Name> physicals,
      EntityInfo referenced, List<Join> joins, List<AnnotationMirror> joinColumns,
      Optional<AnnotationMirror> container) {
    Optional<AnnotationMirror> foreignKey = container.flatMap(c -> ann.annotations(c, "foreignKey").stream().findFirst())
        .filter(ann::saysSomething)
        .or(() -> joinColumns.stream().flatMap(j -> ann.annotations(j, "foreignKey").stream())
            .filter(ann::saysSomething).findFirst());
    if (foreignKey.isPresent() && ann.enumConstant(foreignKey.get(), "value").orElse("").equals("NO_CONSTRAINT")) {
      return;
    }
    if (referenced.strategy == Hierarchies.Strategy.TABLE_PER_CLASS && m.hierarchies.hasSubclasses(referenced.type)) {
      // Its rows live in several tables: Hibernate creates no foreign key (ForeignKey.isPhysicalConstraint).
      return;
    }
    String name = foreignKey.map(f -> ann.string(f, "name")).filter(n -> !n.isBlank())
        .map(n -> Name.parse(n).database())
        .orElseGet(() -> m.constraintNaming.foreignKey(table.physical, referenced.tablePhysical, physicals));
    List<String> referencedColumns = new ArrayList<>();
    joins.forEach(j -> referencedColumns.add(j.referenced().column().name()));
    ForeignKey key = ForeignKey.of(name, columns, referenced.table, referencedColumns);
    Optional<AnnotationMirror> onDelete = ann.find(a.element(), Jpa.H_ON_DELETE);
    if (onDelete.isPresent()) {
      String action = ann.enumConstant(onDelete.get(), "action").orElse("NO_ACTION");
      key = key.withOnDelete(ReferentialAction.valueOf(action));
    }
    table.addForeignKey(key);
  }

  // ---- to-many -------------------------------------------------------------------------------------

  enum Kind { BAG, LIST, SET, MAP }

  /**
   * The owning side of {@code @OneToMany}/{@code @ManyToMany}: a join column in the target's table
   * ({@code @OneToMany @JoinColumn}) or a join table. The inverse side ({@code mappedBy}) has none.
   */
  void toMany(Attribute a, Target target) {
    Element e = a.element();
    AnnotationMirror relation = ann.find(e, Jpa.ONE_TO_MANY).or(() -> ann.find(e, Jpa.MANY_TO_MANY)).get();
    boolean oneToMany = Annotations.nameOf(relation).equals(Jpa.ONE_TO_MANY);
    if (!ann.string(relation, "mappedBy").isEmpty()) {
      return;
    }
    AnnotationMirror override = target.associations().get(a.name());
    // Hibernate (AbstractPropertyHolder.buildJoinTableOverride): an override without joinColumns replaces
    // the relationship's @JoinTable by its own joinTable, written or not.
    Optional<AnnotationMirror> joinTableAnn = ann.find(e, Jpa.JOIN_TABLE);
    if (override != null) {
      if (!ann.annotations(override, "joinColumns").isEmpty() || ann.has(e, Jpa.JOIN_COLUMN)
          || ann.has(e, Jpa.JOIN_COLUMNS)) {
        m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@AssociationOverride(name = \"" + a.name() + "\") for "
            + a.describe() + ": Strata supports overriding the join table of a to-many relationship, not its join "
            + "columns; override it with joinTable = @JoinTable(...) only", e, relation);
        return;
      }
      joinTableAnn = ann.value(override, "joinTable").map(v -> (AnnotationMirror) v.getValue());
    }
    Optional<Kind> kind = kind(a, relation);
    if (kind.isEmpty()) {
      return;
    }
    Optional<EntityInfo> found = targetEntity(a, relation, elementType(a.type(), kind.get()));
    if (found.isEmpty()) {
      return;
    }
    EntityInfo referenced = found.get();
    List<AnnotationMirror> joinColumns = ann.findAll(e, Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS);
    if (oneToMany && !joinColumns.isEmpty() && !ann.has(e, Jpa.JOIN_TABLE)) {
      if (kind.get() == Kind.LIST || kind.get() == Kind.MAP) {
        m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, a.describe() + ": an ordered list or map kept in a join "
            + "column of the target's table is not supported by Strata; use a join table, or a bidirectional "
            + "relationship with mappedBy", e, relation);
        return;
      }
      EntityInfo owner = target.entity();
      m.afterAll.add(() -> joinColumnInTarget(a, owner, referenced, joinColumns));
      return;
    }
    joinTable(a, target.entity(), referenced, relation, oneToMany, kind.get(), joinTableAnn);
  }

  Optional<Kind> kind(Attribute a, AnnotationMirror relation) {
    TypeMirror type = m.types.erasure(a.type());
    String name = m.javaTypeName(type);
    Optional<AnnotationMirror> orderColumn = ann.find(a.element(), Jpa.ORDER_COLUMN);
    boolean ordered = orderColumn.isPresent();
    if (ordered && !name.equals("java.util.List")) {
      // Hibernate refuses it too: "is annotated '@OrderColumn' but is not of type 'java.util.List'".
      m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@OrderColumn on " + a.describe() + ": only a List has "
          + "an order column, and " + a.describe() + " is a " + Mapper.display(a.type()) + "; declare it as a "
          + "List, or remove @OrderColumn", a.element(), orderColumn.get());
      return Optional.empty();
    }
    switch (name) {
      case "java.util.List":
        return Optional.of(ordered ? Kind.LIST : Kind.BAG);
      case "java.util.Collection":
        return Optional.of(Kind.BAG);
      case "java.util.Set": case "java.util.SortedSet":
        return Optional.of(Kind.SET);
      case "java.util.Map": case "java.util.SortedMap":
        return Optional.of(Kind.MAP);
      default:
        m.diagnostics.error(MappingCode.UNSUPPORTED_TYPE, EntityReader.simple(relation) + " on " + a.describe()
            + ": " + Mapper.display(a.type()) + " is not a collection type JPA maps; declare it as a List, Set, "
            + "Collection or Map", a.element(), relation);
        return Optional.empty();
    }
  }

  private TypeMirror elementType(TypeMirror collection, Kind kind) {
    if (collection.getKind() != TypeKind.DECLARED) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) collection).getTypeArguments();
    if (arguments.isEmpty()) {
      return null;
    }
    return kind == Kind.MAP ? arguments.get(arguments.size() - 1) : arguments.get(0);
  }

  /** {@code @OneToMany @JoinColumn}: a nullable column in the target's table, referencing the owner. */
  private void joinColumnInTarget(Attribute a, EntityInfo owner, EntityInfo referenced,
      List<AnnotationMirror> joinColumns) {
    TableBuilder table = m.tables.get(referenced.table);
    if (table == null) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, a.describe() + " keeps its join column in the table of "
          + Elements2.simpleName(referenced.type) + ", which is not mapped in this compilation; compile the two "
          + "entities together", a.element());
      return;
    }
    Optional<List<Join>> joins = resolveJoins(a, owner, joinColumns, a.name());
    if (joins.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>();
    List<Name> physicals = new ArrayList<>();
    for (Join join : joins.get()) {
      boolean nullable = join.annotation().map(j -> ann.bool(j, "nullable", true)).orElse(true);
      Column column = new Column(join.physical().database(), join.referenced().column().type(), nullable,
          Optional.empty(), Optional.empty(), Optional.empty());
      boolean readOnly = join.annotation()
          .map(j -> !ann.bool(j, "insertable", true) && !ann.bool(j, "updatable", true)).orElse(false);
      Optional<TableBuilder.Entry> existing = table.column(column.name());
      if (existing.isEmpty()) {
        table.addColumn(new TableBuilder.Entry(column, join.physical(), a.element(), readOnly), m.diagnostics);
      } else if (!existing.get().column().type().equals(column.type())) {
        m.diagnostics.error(MappingCode.DUPLICATE_COLUMN, "column " + column.name() + " of table " + table.name
            + " is mapped by " + Elements2.describe(existing.get().origin()) + " as " + existing.get().column().type()
            + " and by " + a.describe() + " as " + column.type() + "; map it once, or with the same type",
            a.element());
        return;
      }
      columns.add(column.name());
      physicals.add(join.physical());
    }
    addForeignKey(a, table, columns, physicals, owner, joins.get(), joinColumns, ann.find(a.element(), Jpa.JOIN_COLUMNS));
  }

  /**
   * A join table: named {@code @JoinTable(name)} or by the naming strategy; owner columns
   * {@code <entity>_<key>} (or, for a bidirectional many-to-many, {@code <inverse attribute>_<key>}),
   * element columns {@code <attribute>_<key>}, all NOT NULL, both with foreign keys. Its primary key
   * depends on the collection, as in Hibernate: a Set has (owner, element), a List with an order
   * column (owner, order), a Map (owner, key), and a bag (List or Collection) none. The element
   * columns of a one-to-many are unique: a one-to-many Set's key is the element alone.
   */
  private void joinTable(Attribute a, EntityInfo owner, EntityInfo referenced, AnnotationMirror relation,
      boolean oneToMany, Kind kind, Optional<AnnotationMirror> joinTable) {
    Element e = a.element();
    String explicitName = joinTable.map(j -> ann.string(j, "name")).orElse("");
    Name logical = explicitName.isBlank()
        ? m.naming.joinTable(owner.tablePhysical, referenced.tablePhysical, a.name())
        : Name.parse(explicitName);
    // Hibernate 7.4 puts join tables without a schema of their own into the default schema, not the owner's.
    Optional<String> namespace = joinTable.map(j -> ann.string(j, "schema")).filter(s -> !s.isBlank())
        .map(s -> m.naming.physical(Name.parse(s)).database());
    Name physical = m.naming.physical(logical);
    QualifiedName name = new QualifiedName(namespace, physical.database());
    if (m.tables.containsKey(name)) {
      m.diagnostics.error(MappingCode.DUPLICATE_TABLE, "join table " + name + " of " + a.describe() + " is also mapped by "
          + Elements2.describe(m.tables.get(name).origin) + "; give it its own name with @JoinTable(name = ...)",
          e, relation);
      return;
    }
    String ownerPrefix = owner.entityName;
    if (!oneToMany && joinTable.map(j -> ann.annotations(j, "joinColumns").isEmpty()).orElse(true)) {
      Optional<String> inverse = inverseAttribute(referenced, owner, a.name());
      if (inverse.isPresent()) {
        ownerPrefix = inverse.get();
      }
    }
    List<AnnotationMirror> ownerJoinColumns = joinTable.map(j -> ann.annotations(j, "joinColumns")).orElse(List.of());
    List<AnnotationMirror> elementJoinColumns = joinTable.map(j -> ann.annotations(j, "inverseJoinColumns"))
        .orElse(List.of());
    Optional<List<Join>> ownerJoins = resolveJoins(a, owner, ownerJoinColumns, ownerPrefix);
    Optional<List<Join>> elementJoins = resolveJoins(a, referenced, elementJoinColumns, a.name());
    if (ownerJoins.isEmpty() || elementJoins.isEmpty()) {
      return;
    }
    TableBuilder table = new TableBuilder(name, physical, e);
    List<String> ownerColumns = joinColumns(table, a, ownerJoins.get());
    List<String> elementColumns = joinColumns(table, a, elementJoins.get());
    if (ownerColumns == null || elementColumns == null) {
      return;
    }
    List<String> key = new ArrayList<>(ownerColumns);
    switch (kind) {
      case SET:
        key.addAll(elementColumns);
        break;
      case LIST:
        Optional<String> order = orderColumn(a, table);
        if (order.isEmpty()) {
          return;
        }
        key.add(order.get());
        break;
      case MAP:
        if (ann.has(e, Jpa.MAP_KEY)) {
          // @MapKey: the key is an attribute of the element entity, read from its table; no key column here.
          key.addAll(elementColumns);
          break;
        }
        Optional<List<String>> mapKey = mapKeyColumns(a, table);
        if (mapKey.isEmpty()) {
          return;
        }
        key.addAll(mapKey.get());
        break;
      default:
        key = List.of();
    }
    if (oneToMany && kind == Kind.SET) {
      // Hibernate 7.4 keys a one-to-many Set's join table by the element alone (unique by itself),
      // with no separate unique constraint.
      key = elementColumns;
    } else if (oneToMany) {
      List<Name> physicals = new ArrayList<>();
      elementJoins.get().forEach(j -> physicals.add(j.physical()));
      table.addUnique(new UniqueConstraint(m.constraintNaming.uniqueKey(physical, physicals), elementColumns));
    }
    if (!key.isEmpty()) {
      table.primaryKey(key);
    }
    List<Name> ownerPhysicals = new ArrayList<>();
    ownerJoins.get().forEach(j -> ownerPhysicals.add(j.physical()));
    List<Name> elementPhysicals = new ArrayList<>();
    elementJoins.get().forEach(j -> elementPhysicals.add(j.physical()));
    Optional<AnnotationMirror> noContainer = Optional.empty();
    addForeignKey(a, table, ownerColumns, ownerPhysicals, owner, ownerJoins.get(), List.of(), noContainer);
    addForeignKey(a, table, elementColumns, elementPhysicals, referenced, elementJoins.get(), List.of(), noContainer);
    m.tables.put(name, table);
  }

  /** Adds NOT NULL join columns to a join table; null after an error. */
  List<String> joinColumns(TableBuilder table, Attribute a, List<Join> joins) {
    List<String> out = new ArrayList<>();
    for (Join join : joins) {
      Column column = new Column(join.physical().database(), join.referenced().column().type(), false,
          Optional.empty(), Optional.empty(), Optional.empty());
      if (!table.addColumn(new TableBuilder.Entry(column, join.physical(), a.element(), false), m.diagnostics)) {
        return null;
      }
      out.add(column.name());
    }
    return out;
  }

  /**
   * The list's order column: {@code @OrderColumn(name)} or {@code <attribute>_ORDER}, integer NOT NULL,
   * with the check Hibernate writes for it ({@code >= 0}).
   */
  Optional<String> orderColumn(Attribute a, TableBuilder table) {
    AnnotationMirror order = ann.find(a.element(), Jpa.ORDER_COLUMN).get();
    String explicit = ann.string(order, "name");
    Name physical = m.naming.physical(explicit.isBlank() ? m.naming.orderColumn(a.name()) : Name.parse(explicit));
    Column column = Column.of(physical.database(), SqlType.of("integer")).notNull();
    if (!table.addColumn(new TableBuilder.Entry(column, physical, a.element(), false), m.diagnostics)) {
      return Optional.empty();
    }
    table.addCheck(new CheckConstraint(PostgresNames.objectName(table.name.name(), column.name(), "check"),
        SqlText.identifier(column.name()) + " >= 0"));
    return Optional.of(column.name());
  }

  /**
   * A map's key column: {@code @MapKeyColumn(name)} or {@code <attribute>_KEY}, NOT NULL (it is part
   * of the primary key), typed by the key type as a basic attribute would be: an enum key is ORDINAL
   * ({@code smallint} with its range check) unless {@code @MapKeyEnumerated(STRING)}, a
   * {@code java.util.Date} key follows {@code @MapKeyTemporal}, and {@code @MapKeyColumn}'s
   * {@code length}, {@code precision}, {@code scale} and {@code columnDefinition} apply.
   */
  Optional<List<String>> mapKeyColumns(Attribute a, TableBuilder table) {
    Element e = a.element();
    Optional<TypeMirror> declaredKey = ann.find(e, Jpa.MAP_KEY_CLASS).flatMap(k -> ann.type(k, "value"))
        .or(() -> typeArgument(a.type(), 0));
    if (declaredKey.isEmpty()) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_TYPE, a.describe() + ": the map's key type is not declared; "
          + "declare it, e.g. Map<String, ...>, or name it with @MapKeyClass", e);
      return Optional.empty();
    }
    TypeMirror declared = declaredKey.get();
    if (declared.getKind() == TypeKind.DECLARED && ann.has(m.types.asElement(declared), Jpa.ENTITY)) {
      return entityKeyColumns(a, table, (TypeElement) m.types.asElement(declared));
    }
    return mapKeyColumn(a, table, declared).map(List::of);
  }

  /**
   * The key columns of a Map keyed by an entity: {@code @MapKeyJoinColumn(s)}, else one column
   * {@code <attribute>_KEY}; typed like the entity's key, NOT NULL, with a foreign key to it.
   */
  private Optional<List<String>> entityKeyColumns(Attribute a, TableBuilder table, TypeElement keyType) {
    Element e = a.element();
    Optional<EntityInfo> found = m.info(keyType);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EntityInfo keyEntity = found.get();
    List<AnnotationMirror> keyJoins = ann.findAll(e, Jpa.MAP_KEY_JOIN_COLUMN, Jpa.MAP_KEY_JOIN_COLUMNS);
    List<KeyColumn> key = keyOf(keyEntity);
    if (keyJoins.isEmpty() && key.size() > 1) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, a.describe() + ": the map's key entity "
          + Elements2.simpleName(keyType) + " has a composite key; name its columns with @MapKeyJoinColumns", e);
      return Optional.empty();
    }
    Optional<List<Join>> joins = resolveJoins(a, keyEntity, keyJoins, a.name());
    if (joins.isEmpty()) {
      return Optional.empty();
    }
    List<Join> named = new ArrayList<>();
    for (Join join : joins.get()) {
      boolean implicit = join.annotation().map(j -> ann.string(j, "name").isBlank()).orElse(true);
      named.add(implicit && joins.get().size() == 1
          ? new Join(m.naming.physical(m.naming.mapKeyColumn(a.name())), join.referenced(), join.annotation())
          : join);
    }
    List<String> columns = joinColumns(table, a, named);
    if (columns == null) {
      return Optional.empty();
    }
    List<Name> physicals = new ArrayList<>();
    named.forEach(j -> physicals.add(j.physical()));
    addForeignKey(a, table, columns, physicals, keyEntity, named, keyJoins, ann.find(e, Jpa.MAP_KEY_JOIN_COLUMNS));
    return Optional.of(columns);
  }

  private Optional<String> mapKeyColumn(Attribute a, TableBuilder table, TypeMirror declaredKeyType) {
    Element e = a.element();
    Optional<TypeMirror> declaredKey = Optional.of(declaredKeyType);
    Optional<Mapper.Conversion> conversion = m.keyConversion(a, declaredKey.get());
    if (conversion == null) {
      return Optional.empty();
    }
    TypeMirror keyType = conversion.map(Mapper.Conversion::databaseType).orElse(declaredKey.get());
    boolean isEnum = keyType.getKind() == TypeKind.DECLARED
        && m.types.asElement(keyType).getKind() == javax.lang.model.element.ElementKind.ENUM;
    Optional<BasicType> known = isEnum
        ? Optional.of(BasicType.enumType(m.javaTypeName(keyType), ann.find(e, Jpa.MAP_KEY_ENUMERATED)
            .flatMap(k -> ann.enumConstant(k, "value")).map("STRING"::equals).orElse(false)))
        : BasicType.of(m.javaTypeName(keyType));
    if (known.isEmpty()) {
      String what = m.isEmbeddable(keyType) ? "an embeddable"
          : keyType.getKind() == TypeKind.DECLARED && ann.has(m.types.asElement(keyType), Jpa.ENTITY) ? "an entity"
          : "not a basic type Strata maps";
      m.diagnostics.error(MappingCode.UNSUPPORTED_TYPE, a.describe() + ": the map key type " + Mapper.display(keyType)
          + " is " + what + "; Strata maps keys of basic and enum types (String, numbers, dates, UUID, enums); "
          + "change the key type", e);
      return Optional.empty();
    }
    BasicType b = known.get();
    Optional<AnnotationMirror> temporal = ann.find(e, Jpa.MAP_KEY_TEMPORAL);
    if (temporal.isPresent()) {
      if (!b.isLegacyTemporal()) {
        m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@MapKeyTemporal on " + a.describe() + ": it applies "
            + "only to java.util.Date and java.util.Calendar keys, not to " + Mapper.display(keyType)
            + "; remove @MapKeyTemporal", e, temporal.get());
        return Optional.empty();
      }
      String value = ann.enumConstant(temporal.get(), "value").orElse("TIMESTAMP");
      if (value.equals("DATE")) {
        b = b.withKind(JdbcKind.DATE);
      } else if (value.equals("TIME")) {
        b = b.withKind(JdbcKind.TIME).withSize(0, 0, 0, 0);
      }
    }
    Optional<AnnotationMirror> keyColumn = ann.find(e, Jpa.MAP_KEY_COLUMN);
    String explicit = keyColumn.map(k -> ann.string(k, "name")).orElse("");
    Name physical = m.naming.physical(explicit.isBlank() ? m.naming.mapKeyColumn(a.name()) : Name.parse(explicit));
    String definition = keyColumn.map(k -> ann.string(k, "columnDefinition")).orElse("");
    SqlType type;
    if (!definition.isBlank()) {
      try {
        type = SqlType.parse(definition);
      } catch (IllegalArgumentException notAType) {
        m.diagnostics.error(MappingCode.INVALID_COLUMN_DEFINITION, "@MapKeyColumn(columnDefinition = \"" + definition
            + "\") on " + a.describe() + ": Strata reads columnDefinition as a PostgreSQL type only, e.g. \"text\"",
            e, keyColumn.get(), ann.explicitValue(keyColumn.get(), "columnDefinition").orElse(null));
        return Optional.empty();
      }
    } else {
      long length = keyColumn.filter(k -> ann.isSet(k, "length")).map(k -> (long) ann.integer(k, "length", 255))
          .orElse(b.length());
      int precision = b.precision();
      int scale = b.scale();
      int setPrecision = keyColumn.map(k -> ann.integer(k, "precision", 0)).orElse(0);
      if (setPrecision > 0 && b.kind() == JdbcKind.NUMERIC) {
        precision = setPrecision;
        scale = keyColumn.map(k -> ann.integer(k, "scale", 0)).orElse(0);
      }
      JdbcKind kind = isEnum && b.kind() == JdbcKind.VARCHAR && length == 1 ? JdbcKind.CHAR : b.kind();
      type = kind.sqlType(length, precision, scale, b.secondPrecision());
    }
    Column column = Column.of(physical.database(), type).notNull();
    if (!table.addColumn(new TableBuilder.Entry(column, physical, e, false), m.diagnostics)) {
      return Optional.empty();
    }
    Optional<String> check = conversion.isPresent()
        ? m.convertedCheck(a, declaredKey.get(), conversion.get(), column.name())
        : isEnum && definition.isBlank() ? m.enumCheck(keyType, column.name(), b) : Optional.empty();
    check.ifPresent(c -> TableConstraints.addCheck(table, Optional.empty(), c));
    return Optional.of(column.name());
  }

  /** The type argument at {@code index} of a declared type, if written. */
  static Optional<TypeMirror> typeArgument(TypeMirror type, int index) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() > index ? Optional.of(arguments.get(index)) : Optional.empty();
  }

  /** The attribute of {@code referenced} that is the inverse ({@code mappedBy}) side of {@code owner.attribute}. */
  private Optional<String> inverseAttribute(EntityInfo referenced, EntityInfo owner, String attribute) {
    for (Attribute candidate : m.attributes(referenced.type, referenced.access)) {
      Optional<AnnotationMirror> manyToMany = ann.find(candidate.element(), Jpa.MANY_TO_MANY);
      if (manyToMany.isPresent() && ann.string(manyToMany.get(), "mappedBy").equals(attribute)) {
        return Optional.of(candidate.name());
      }
    }
    return Optional.empty();
  }
}
