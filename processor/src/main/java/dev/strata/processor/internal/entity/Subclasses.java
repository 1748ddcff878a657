package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.entity.Mapper.EntityInfo;
import dev.strata.processor.internal.entity.Mapper.KeyPart;
import dev.strata.processor.internal.entity.Mapper.Target;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * Entity inheritance, as Hibernate 7.4 creates it on PostgreSQL.
 *
 * <ul>
 *   <li>SINGLE_TABLE (the default): subclasses add their columns to the root's table. Columns that
 *       are NOT NULL only because of a primitive type or {@code optional = false} become nullable, and
 *       each concrete subclass gets a table check that its rows have them
 *       ({@code dtype <> 'Dog' or (barks is not null)}, {@code SingleTableSubclass.createConstraints});
 *       {@code nullable = false} stays NOT NULL. The discriminator column ({@code DTYPE varchar(31)}
 *       unless {@code @DiscriminatorColumn} says otherwise) is NOT NULL with a check listing the
 *       concrete classes' values ({@code DiscriminatorColumnSecondPass}).
 *   <li>JOINED: each subclass has its own table whose primary key ({@code @PrimaryKeyJoinColumn}, else
 *       the parent's key column names) is a foreign key to the parent's table; a discriminator only
 *       with an explicit {@code @DiscriminatorColumn}.
 *   <li>TABLE_PER_CLASS: each concrete class has a table with every column of the hierarchy; an
 *       abstract root with subclasses has none, and nothing references the tables of a class with
 *       subclasses by a foreign key ({@code ForeignKey.isPhysicalConstraint}).
 * </ul>
 */
final class Subclasses {
  private final Mapper m;
  private final Annotations ann;
  /** Per single-table subclass: the columns its check requires, by the attribute that maps them. */
  private final Map<TypeElement, List<KeyPart>> required = new HashMap<>();

  Subclasses(Mapper mapper) {
    this.m = mapper;
    this.ann = mapper.ann;
  }

  void map(EntityInfo info) {
    m.mapEntity(info.parent.type);
    switch (info.strategy) {
      case SINGLE_TABLE:
        singleTable(info);
        break;
      case JOINED:
        joined(info);
        break;
      default:
        tablePerClass(info);
        break;
    }
  }

  private void singleTable(EntityInfo info) {
    TableBuilder table = m.tables.get(info.table);
    if (table == null) {
      return;
    }
    List<KeyPart> own = new ArrayList<>();
    table.writer = info.type;
    // Sibling subclasses may map the same column, alike (Hibernate checks duplicates per entity only).
    table.siblings = (x, y) -> !m.types.isSubtype(m.types.erasure(x.asType()), m.types.erasure(y.asType()))
        && !m.types.isSubtype(m.types.erasure(y.asType()), m.types.erasure(x.asType()));
    try {
      mapOwn(info, m.target(table, info, own, info.type), new ArrayList<>());
    } finally {
      table.writer = null;
    }
    required.put(info.type, own);
  }

  private void joined(EntityInfo info) {
    TypeElement type = info.type;
    Optional<TableBuilder> created = newTable(info);
    TableBuilder parentTable = m.tables.get(info.parent.table);
    if (created.isEmpty() || parentTable == null || parentTable.primaryKey().isEmpty()) {
      return;
    }
    TableBuilder table = created.get();
    List<AnnotationMirror> joins = ann.findAll(type, Jpa.PRIMARY_KEY_JOIN_COLUMN, Jpa.PRIMARY_KEY_JOIN_COLUMNS);
    List<String> parentKey = parentTable.primaryKey();
    if (!joins.isEmpty() && joins.size() != parentKey.size()) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, "entity " + Elements2.simpleName(type) + " has "
          + joins.size() + " @PrimaryKeyJoinColumn but the key of " + Elements2.simpleName(info.parent.type)
          + " has " + parentKey.size() + " columns; give one @PrimaryKeyJoinColumn per key column", type,
          joins.get(0));
      return;
    }
    List<String> columns = new ArrayList<>();
    List<Name> physicals = new ArrayList<>();
    List<String> referenced = new ArrayList<>();
    for (int i = 0; i < parentKey.size(); i++) {
      Optional<AnnotationMirror> join = joins.isEmpty() ? Optional.empty() : Optional.of(joins.get(i));
      String referencedName = join.map(j -> ann.string(j, "referencedColumnName")).orElse("");
      String target = referencedName.isBlank() ? parentKey.get(i)
          : m.naming.physical(Name.parse(referencedName)).database();
      Optional<TableBuilder.Entry> ref = parentTable.column(target).filter(e -> parentKey.contains(target));
      if (ref.isEmpty()) {
        m.diagnostics.error(MappingCode.INVALID_REFERENCE, "@PrimaryKeyJoinColumn(referencedColumnName = \""
            + referencedName + "\") on " + Elements2.simpleName(type) + ": " + target + " is not a key column of "
            + info.parent.table + "; name one of " + String.join(", ", parentKey), type, join.get(),
            ann.explicitValue(join.get(), "referencedColumnName").orElse(null));
        return;
      }
      String name = join.map(j -> ann.string(j, "name")).orElse("");
      Name physical = name.isBlank() ? ref.get().physical() : m.naming.physical(Name.parse(name));
      Optional<SqlType> definedType = join.flatMap(j -> definition(info, j));
      if (join.isPresent() && !ann.string(join.get(), "columnDefinition").isBlank() && definedType.isEmpty()) {
        return;
      }
      Column column = Column.of(physical.database(), definedType.orElse(ref.get().column().type())).notNull();
      if (!table.addColumn(new TableBuilder.Entry(column, physical, type, false), m.diagnostics)) {
        return;
      }
      columns.add(column.name());
      physicals.add(physical);
      referenced.add(target);
    }
    table.primaryKey(columns);
    Optional<AnnotationMirror> foreignKey = ann.find(type, Jpa.PRIMARY_KEY_JOIN_COLUMNS)
        .flatMap(c -> ann.annotations(c, "foreignKey").stream().findFirst())
        .filter(ann::saysSomething)
        .or(() -> joins.stream().flatMap(j -> ann.annotations(j, "foreignKey").stream())
            .filter(ann::saysSomething).findFirst());
    if (foreignKey.isEmpty() || !ann.enumConstant(foreignKey.get(), "value").orElse("").equals("NO_CONSTRAINT")) {
      String fkName = foreignKey.map(f -> ann.string(f, "name")).filter(n -> !n.isBlank())
          .map(n -> Name.parse(n).database())
          .orElseGet(() -> m.constraintNaming.foreignKey(table.physical, info.parent.tablePhysical, physicals));
      ForeignKey key = ForeignKey.of(fkName, columns, info.parent.table, referenced);
      Optional<AnnotationMirror> onDelete = ann.find(type, Jpa.H_ON_DELETE);
      if (onDelete.isPresent()) {
        key = key.withOnDelete(ReferentialAction.valueOf(ann.enumConstant(onDelete.get(), "action")
            .orElse("NO_ACTION")));
      }
      table.addForeignKey(key);
    }
    mapOwn(info, m.target(table, info, null, type), new ArrayList<>());
    TableConstraints.apply(m, type, table);
  }

  private Optional<SqlType> definition(EntityInfo info, AnnotationMirror join) {
    String definition = ann.string(join, "columnDefinition");
    if (definition.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SqlType.parse(definition));
    } catch (IllegalArgumentException notAType) {
      m.diagnostics.error(MappingCode.INVALID_COLUMN_DEFINITION, "@PrimaryKeyJoinColumn(columnDefinition = \""
          + definition + "\") on " + Elements2.simpleName(info.type) + ": Strata reads columnDefinition as a "
          + "PostgreSQL type only, e.g. \"bigint\"", info.type, join,
          ann.explicitValue(join, "columnDefinition").orElse(null));
      return Optional.empty();
    }
  }

  /**
   * A concrete class's table holds every column of the hierarchy. The inherited attributes were
   * reported where they are declared, so they are mapped again silently; collections stay with the
   * class that declares them (Hibernate names their tables after it).
   */
  private void tablePerClass(EntityInfo info) {
    TypeElement type = info.type;
    Optional<TableBuilder> created = newTable(info);
    if (created.isEmpty()) {
      return;
    }
    TableBuilder table = created.get();
    table.virtual = Hierarchies.isAbstract(type) && m.hierarchies.hasSubclasses(type);
    List<KeyPart> key = new ArrayList<>();
    List<EntityInfo> ancestors = new ArrayList<>();
    for (EntityInfo p = info.parent; p != null; p = p.parent) {
      ancestors.add(0, p);
    }
    Target target = m.target(table, info, null, type);
    Diagnostics loud = m.diagnostics;
    m.diagnostics = Relations.quietDiagnostics();
    try {
      for (EntityInfo ancestor : ancestors) {
        for (Attribute a : m.attributes(ancestor.type, info.access, (DeclaredType) type.asType())) {
          if (!ann.has(a.element(), Jpa.ELEMENT_COLLECTION) && !ann.has(a.element(), Jpa.ONE_TO_MANY)
              && !ann.has(a.element(), Jpa.MANY_TO_MANY)) {
            m.mapAttribute(a, target, key);
          }
        }
      }
    } finally {
      m.diagnostics = loud;
    }
    mapOwn(info, target, key);
    if (!key.isEmpty()) {
      table.primaryKey(Mapper.keyColumns(key));
    }
    TableConstraints.apply(m, type, table);
  }

  private Optional<TableBuilder> newTable(EntityInfo info) {
    TableBuilder other = m.tables.get(info.table);
    if (other != null) {
      m.diagnostics.error(MappingCode.DUPLICATE_TABLE, "entity " + Elements2.simpleName(info.type) + " maps to table "
          + info.table + ", which " + Elements2.describe(other.origin) + " maps too; give one of them another "
          + "table with @Table(name = ...)", info.type);
      return Optional.empty();
    }
    TableBuilder table = new TableBuilder(info.table, info.tablePhysical, info.type);
    m.tables.put(info.table, table);
    ann.find(info.type, Jpa.RENAMED_FROM).ifPresent(r -> m.renamedTable(info.type, info, r));
    return Optional.of(table);
  }

  /** The subclass's own attributes; an identifier there is an error, the root declares it. */
  private void mapOwn(EntityInfo info, Target target, List<KeyPart> key) {
    for (Attribute a : m.attributes(info.type, info.access)) {
      Optional<AnnotationMirror> id = ann.find(a.element(), Jpa.ID).or(() -> ann.find(a.element(), Jpa.EMBEDDED_ID));
      if (id.isPresent()) {
        m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, Mapper.simple(id.get()) + " on " + a.describe()
            + ": " + Elements2.simpleName(info.type) + " is a subclass of entity "
            + Elements2.simpleName(info.root.type) + ", which declares the identifier of the hierarchy; remove "
            + Mapper.simple(id.get()), a.element(), id.get());
        continue;
      }
      m.mapAttribute(a, target, key);
    }
  }

  // ---- discriminator -------------------------------------------------------------------------------

  /**
   * The root's discriminator column, when the hierarchy has one: SINGLE_TABLE with subclasses or an
   * explicit {@code @DiscriminatorColumn}, JOINED with an explicit one. Its checks come once every
   * subclass is mapped.
   */
  void discriminator(EntityInfo root, TableBuilder table) {
    Optional<AnnotationMirror> declared = ann.find(root.type, Jpa.DISCRIMINATOR_COLUMN);
    Optional<AnnotationMirror> formula = ann.find(root.type, Jpa.H_DISCRIMINATOR_FORMULA);
    if (formula.isPresent()) {
      formulaDiscriminator(root, table, declared, formula.get());
      return;
    }
    boolean needed = root.strategy == Hierarchies.Strategy.SINGLE_TABLE
        ? m.hierarchies.hasSubclasses(root.type) || declared.isPresent()
        : root.strategy == Hierarchies.Strategy.JOINED && declared.isPresent();
    if (!needed) {
      return;
    }
    String explicit = declared.map(d -> ann.string(d, "name")).orElse("");
    Name physical = m.naming.physical(explicit.isBlank() ? m.naming.discriminatorColumn() : Name.parse(explicit));
    String kind = declared.flatMap(d -> ann.enumConstant(d, "discriminatorType")).orElse("STRING");
    SqlType type = kind.equals("CHAR") ? SqlType.of("char", 1) : kind.equals("INTEGER") ? SqlType.of("integer")
        : SqlType.of("varchar", declared.map(d -> ann.integer(d, "length", 31)).orElse(31));
    if (declared.isPresent()) {
      AnnotationMirror d = declared.get();
      String definition = ann.string(d, "columnDefinition");
      if (!definition.isBlank()) {
        try {
          type = SqlType.parse(definition);
        } catch (IllegalArgumentException notAType) {
          m.diagnostics.error(MappingCode.INVALID_COLUMN_DEFINITION, "@DiscriminatorColumn(columnDefinition = \""
              + definition + "\") on " + Elements2.simpleName(root.type) + ": Strata reads columnDefinition as a "
              + "PostgreSQL type only, e.g. \"varchar(20)\"", root.type, d,
              ann.explicitValue(d, "columnDefinition").orElse(null));
          return;
        }
      }
      if (!ann.string(d, "options").isBlank()) {
        m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@DiscriminatorColumn(options = \""
            + ann.string(d, "options") + "\") on " + Elements2.simpleName(root.type) + ": Strata cannot record SQL "
            + "column options; remove options", root.type, d, ann.explicitValue(d, "options").orElse(null));
        return;
      }
    }
    Column column = Column.of(physical.database(), type).notNull();
    if (!table.addColumn(new TableBuilder.Entry(column, physical, root.type, false), m.diagnostics)) {
      return;
    }
    m.afterAll.add(() -> checks(root, table, SqlText.identifier(column.name()), kind, true));
  }

  /**
   * Hibernate's {@code @DiscriminatorFormula}: the discriminator is computed by the formula, so there
   * is no column and no check of its values (DiscriminatorColumnSecondPass skips formulas); each
   * concrete SINGLE_TABLE subclass's not-null check starts with the formula's text
   * (SingleTableSubclass.createConstraints). Hibernate refuses it on a JOINED hierarchy.
   */
  private void formulaDiscriminator(EntityInfo root, TableBuilder table, Optional<AnnotationMirror> declared,
      AnnotationMirror formula) {
    if (root.strategy != Hierarchies.Strategy.SINGLE_TABLE) {
      m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@DiscriminatorFormula on "
          + Elements2.simpleName(root.type) + ": only a SINGLE_TABLE hierarchy has a formula discriminator "
          + "(Hibernate refuses it too); remove it, or use SINGLE_TABLE", root.type, formula);
      return;
    }
    if (declared.isPresent()) {
      m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "@DiscriminatorFormula and @DiscriminatorColumn on "
          + Elements2.simpleName(root.type) + ": the discriminator is either computed or stored; remove one",
          root.type, formula);
      return;
    }
    String sql = ann.string(formula, "value").trim();
    String kind = ann.enumConstant(formula, "discriminatorType").orElse("STRING");
    if (m.hierarchies.hasSubclasses(root.type)) {
      m.afterAll.add(() -> checks(root, table, sql, kind, false));
    }
  }

  /**
   * The discriminator's check (the values of the concrete classes: the root, then the subclasses in
   * the order of {@code PersistentClass.getSubclasses()}) and, for SINGLE_TABLE, each concrete
   * subclass's check in binding order: the required columns of its parent's own attributes, then of
   * its own, each class's attributes in name order.
   */
  private void checks(EntityInfo root, TableBuilder table, String quoted, String kind, boolean valuesCheck) {
    List<TypeElement> classes = new ArrayList<>();
    classes.add(root.type);
    classes.addAll(m.hierarchies.subclasses(root.type));
    Map<TypeElement, String> literals = new HashMap<>();
    for (TypeElement type : classes) {
      if (Hierarchies.isAbstract(type)) {
        continue;
      }
      Optional<String> literal = literal(type, kind);
      if (literal.isEmpty()) {
        return;
      }
      literals.put(type, literal.get());
    }
    List<String> values = classes.stream().filter(literals::containsKey).map(literals::get)
        .collect(Collectors.toList());
    if (valuesCheck && !values.isEmpty()) {
      TableConstraints.addCheck(table, Optional.empty(), quoted + " in (" + String.join(",", values) + ")");
    }
    if (root.strategy != Hierarchies.Strategy.SINGLE_TABLE) {
      return;
    }
    for (TypeElement type : m.hierarchies.bindingOrder()) {
      if (!literals.containsKey(type) || type.equals(root.type)) {
        continue;
      }
      List<String> columns = new ArrayList<>();
      m.hierarchies.parent(type).ifPresent(p -> columns.addAll(sortedRequired(p)));
      columns.addAll(sortedRequired(type));
      if (!columns.isEmpty()) {
        TableConstraints.addCheck(table, Optional.empty(), quoted + " <> " + literals.get(type) + " or ("
            + columns.stream().map(c -> SqlText.identifier(c) + " is not null").collect(Collectors.joining(" and "))
            + ")");
      }
    }
  }

  private List<String> sortedRequired(TypeElement type) {
    List<KeyPart> parts = new ArrayList<>(required.getOrDefault(type, m.rootRequired.getOrDefault(type, List.of())));
    parts.sort(Comparator.comparing(KeyPart::path));
    return parts.stream().map(KeyPart::column).collect(Collectors.toList());
  }

  /** A concrete class's discriminator value as SQL: {@code @DiscriminatorValue}, else its entity name. */
  private Optional<String> literal(TypeElement type, String kind) {
    boolean integer = kind.equals("INTEGER");
    Optional<AnnotationMirror> declared = ann.find(type, Jpa.DISCRIMINATOR_VALUE);
    if (declared.isEmpty()) {
      if (integer) {
        m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "entity " + Elements2.simpleName(type) + " has no "
            + "@DiscriminatorValue, and its hierarchy's discriminator is an INTEGER (Hibernate would use the hash "
            + "code of the entity name); give it @DiscriminatorValue(\"<number>\")", type);
        return Optional.empty();
      }
      if (kind.equals("CHAR")) {
        // Hibernate refuses it too: "must explicitly specify its '@DiscriminatorValue'".
        m.diagnostics.error(MappingCode.CONTRADICTORY_MAPPING, "entity " + Elements2.simpleName(type) + " has no "
            + "@DiscriminatorValue, and its hierarchy's discriminator is a CHAR; give it @DiscriminatorValue(\"<one "
            + "character>\")", type);
        return Optional.empty();
      }
      String name = m.info(type).map(i -> i.entityName).orElse(type.getSimpleName().toString());
      return Optional.of(SqlText.literal(name));
    }
    String value = ann.string(declared.get(), "value");
    if (value.equals("null") || value.equals("not null")) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@DiscriminatorValue(\"" + value + "\") on "
          + Elements2.simpleName(type) + ": Strata does not support Hibernate's null and not-null discriminator "
          + "values; give the class a value of its own", type, declared.get());
      return Optional.empty();
    }
    if (integer) {
      try {
        return Optional.of(Integer.toString(Integer.parseInt(value.trim())));
      } catch (NumberFormatException notANumber) {
        m.diagnostics.error(MappingCode.INVALID_ATTRIBUTE, "@DiscriminatorValue(\"" + value + "\") on "
            + Elements2.simpleName(type) + ": the discriminator is an INTEGER, and \"" + value + "\" is not a "
            + "number; write a number", type, declared.get());
        return Optional.empty();
      }
    }
    return Optional.of(SqlText.literal(value));
  }
}
