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
    final Name tablePhysical;
    final Access access;

    EntityInfo(TypeElement type, String entityName, QualifiedName table, Name tablePhysical, Access access) {
      this.type = type;
      this.entityName = entityName;
      this.table = table;
      this.tablePhysical = tablePhysical;
      this.access = access;
    }
  }

  /**
   * Where the attributes being read go.
   *
   * @param entity the entity whose table it is
   * @param forceNullable columns are nullable whatever the mapping says (single-table subclasses)
   */
  record Target(TableBuilder table, EntityInfo entity, boolean forceNullable) {}

  /** Mapping annotations that make no sense on a {@code @Transient} or {@code transient} attribute. */
  private static final List<String> MAPPING_ANNOTATIONS = List.of(Jpa.ID, Jpa.EMBEDDED_ID, Jpa.COLUMN,
      Jpa.GENERATED_VALUE, Jpa.ENUMERATED, Jpa.LOB, Jpa.TEMPORAL, Jpa.BASIC, Jpa.VERSION, Jpa.MANY_TO_ONE,
      Jpa.ONE_TO_ONE, Jpa.ONE_TO_MANY, Jpa.MANY_TO_MANY, Jpa.ELEMENT_COLLECTION, Jpa.EMBEDDED, Jpa.JOIN_COLUMN,
      Jpa.JOIN_COLUMNS, Jpa.CONVERT);

  /** Annotations whose mapping Strata does not read yet: an error rather than a wrong schema. */
  private static final List<String> NOT_YET = List.of(Jpa.MANY_TO_ONE, Jpa.ONE_TO_ONE, Jpa.ONE_TO_MANY,
      Jpa.MANY_TO_MANY, Jpa.ELEMENT_COLLECTION, Jpa.EMBEDDED, Jpa.EMBEDDED_ID, Jpa.VERSION, Jpa.CONVERT,
      Jpa.CONVERTS, Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS, Jpa.MAPS_ID, Jpa.ORDER_COLUMN, Jpa.MAP_KEY_COLUMN,
      Jpa.H_NATIONALIZED, Jpa.H_JDBC_TYPE_CODE, Jpa.H_COLUMN_DEFAULT, Jpa.H_CHECK, Jpa.H_COMMENT, Jpa.H_FORMULA);

  final Elements elements;
  final Types types;
  final Diagnostics diagnostics;
  final Naming naming;
  final ConstraintNaming constraintNaming;
  final Annotations ann;

  final Map<QualifiedName, TableBuilder> tables = new TreeMap<>();
  final Map<QualifiedName, Sequence> sequences = new TreeMap<>();
  final Map<QualifiedName, QualifiedName> tableRenames = new TreeMap<>();
  final Map<QualifiedName, Map<String, String>> columnRenames = new TreeMap<>();
  private final Map<TypeElement, Optional<EntityInfo>> infos = new HashMap<>();

  Mapper(ProcessingEnvironment env, Diagnostics diagnostics, MappingOptions options) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.naming = options.naming();
    this.constraintNaming = options.constraintNaming();
    this.ann = new Annotations(elements);
  }

  // ---- entities --------------------------------------------------------------------------------------

  void mapEntity(TypeElement type) {
    Optional<EntityInfo> found = info(type);
    if (found.isEmpty()) {
      return;
    }
    EntityInfo info = found.get();
    if (tables.containsKey(info.table)) {
      TableBuilder other = tables.get(info.table);
      diagnostics.error(MappingCode.DUPLICATE_TABLE, "entity " + Elements2.simpleName(type) + " maps to table "
          + info.table + ", which " + Elements2.describe(other.origin) + " maps too; give one of them another "
          + "table with @Table(name = ...)", type);
      return;
    }
    TableBuilder table = new TableBuilder(info.table, info.tablePhysical, type);
    tables.put(info.table, table);
    ann.find(type, Jpa.RENAMED_FROM).ifPresent(r -> renamedTable(type, info, r));

    Target target = new Target(table, info, false);
    List<String> key = new ArrayList<>();
    for (Attribute attribute : attributes(type, info.access)) {
      mapAttribute(attribute, target, key);
    }
    boolean declaresId = attributes(type, info.access).stream()
        .anyMatch(a -> ann.has(a.element(), Jpa.ID) || ann.has(a.element(), Jpa.EMBEDDED_ID));
    if (key.isEmpty() && !declaresId) {
      diagnostics.error(MappingCode.MISSING_ID, "entity " + Elements2.simpleName(type) + " has no identifier; "
          + "annotate the field (or getter) that holds its primary key with @Id, or its @Embeddable key with "
          + "@EmbeddedId", type);
    } else if (!key.isEmpty()) {
      table.primaryKey(key);
    }
  }

  void finish() {
    // Relationships resolved after every table exists come here (join tables, foreign keys).
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
    for (TypeElement superclass : superclasses(type)) {
      if (ann.has(superclass, Jpa.ENTITY)) {
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "entity " + Elements2.simpleName(type) + " extends entity "
            + Elements2.simpleName(superclass) + ": entity inheritance is not supported by Strata yet; "
            + "make the superclass a @MappedSuperclass", type);
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
    Name physical = naming.physical(logical);
    QualifiedName table = new QualifiedName(namespace, physical.database());
    return Optional.of(new EntityInfo(type, entityName, table, physical, accessOf(type)));
  }

  private void renamedTable(TypeElement type, EntityInfo info, AnnotationMirror renamed) {
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
   * The persistent attributes of a class and of the mapped superclasses above it, superclasses first,
   * each class in source order. A class's own {@code @Access} overrides the hierarchy's access.
   */
  List<Attribute> attributes(TypeElement type, Access defaultAccess) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement superclass : superclasses(type)) {
      if (ann.has(superclass, Jpa.MAPPED_SUPERCLASS)) {
        chain.add(0, superclass);
      }
    }
    chain.add(type);
    DeclaredType seenFrom = (DeclaredType) type.asType();
    List<Attribute> out = new ArrayList<>();
    for (TypeElement declaring : chain) {
      Access access = ann.find(declaring, Jpa.ACCESS)
          .flatMap(a -> ann.enumConstant(a, "value"))
          .map(v -> v.equals("PROPERTY") ? Access.PROPERTY : Access.FIELD)
          .orElse(defaultAccess);
      if (access == Access.FIELD) {
        for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
          if (field.getModifiers().contains(Modifier.STATIC)) {
            continue;
          }
          TypeMirror fieldType = types.asMemberOf(seenFrom, field);
          out.add(new Attribute(field, field.getSimpleName().toString(), fieldType, declaring));
        }
      } else {
        for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
          Optional<String> property = propertyName(method);
          if (property.isPresent()) {
            TypeMirror returnType = ((javax.lang.model.type.ExecutableType) types.asMemberOf(seenFrom, method))
                .getReturnType();
            out.add(new Attribute(method, property.get(), returnType, declaring));
          }
        }
      }
    }
    return out;
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
  void mapAttribute(Attribute a, Target target, List<String> key) {
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
    for (String later : NOT_YET) {
      Optional<AnnotationMirror> m = ann.find(e, later);
      if (m.isPresent()) {
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, simple(m.get()) + " on " + a.describe()
            + " is not supported by Strata yet; mark the attribute @Transient to leave it out, or map it with "
            + "basic columns", e, m.get());
        return;
      }
    }
    boolean id = ann.has(e, Jpa.ID);
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
    ColumnDef finalDef = new ColumnDef(c, def.physical(), def.readOnly(), def.unique(), def.check());
    if (addColumn(target, a, finalDef) && id) {
      key.add(c.name());
    }
  }

  /**
   * A column as read from an attribute, before it joins a table.
   *
   * @param unique whether {@code @Column(unique = true)} asks for a single-column unique constraint
   * @param check the column's check condition (enum values), if any
   */
  record ColumnDef(Column column, Name physical, boolean readOnly, boolean unique, Optional<String> check) {}

  /** Adds the column, its unique constraint and check, and the rename it declares. */
  boolean addColumn(Target target, Attribute a, ColumnDef def) {
    TableBuilder table = target.table();
    Column column = target.forceNullable() ? def.column().withNullable(true) : def.column();
    if (!table.addColumn(new TableBuilder.Entry(column, def.physical(), a.element(), def.readOnly()), diagnostics)) {
      return false;
    }
    if (def.unique()) {
      table.addUnique(new UniqueConstraint(constraintNaming.uniqueKey(table.physical, List.of(def.physical())),
          List.of(column.name())));
    }
    def.check().ifPresent(condition -> table.addCheck(new CheckConstraint(
        PostgresNames.objectName(table.name.name(), column.name(), "check"), condition)));
    ann.find(a.element(), Jpa.RENAMED_FROM).ifPresent(r -> {
      String old = ann.string(r, "value");
      if (old.isBlank()) {
        diagnostics.error(MappingCode.INVALID_NAME, "@RenamedFrom on " + a.describe() + ": the old column name "
            + "is empty; write the column's old name, exactly as in the database", a.element(), r);
      } else {
        columnRenames.computeIfAbsent(table.name, k -> new TreeMap<>()).put(column.name(), old);
      }
    });
    return true;
  }

  // ---- basic columns ---------------------------------------------------------------------------------

  /** The column of a basic attribute, or empty after an error. */
  Optional<ColumnDef> basicColumn(Attribute a, Target target, boolean id) {
    Element e = a.element();
    Optional<AnnotationMirror> columnAnn = ann.find(e, Jpa.COLUMN);
    Name logical = naming.column(a.name());
    boolean nullable = true;
    boolean unique = false;
    boolean readOnly = false;
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
        diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@Column(table = \"" + ann.string(col, "table")
            + "\") on " + a.describe() + ": secondary tables are not supported by Strata; map the column in "
            + "the entity's own table, or map the other table as an entity", e, col,
            ann.explicitValue(col, "table").orElse(null));
        return Optional.empty();
      }
    }
    Name physical = naming.physical(logical);

    Optional<BasicType> resolved = basicType(a);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    BasicType basic = resolved.get();
    Optional<SqlType> sqlType = columnAnn.isPresent()
        ? sizedType(a, basic, columnAnn.get())
        : Optional.of(basic.kind().sqlType(basic.length(), basic.precision(), basic.scale(), basic.secondPrecision()));
    if (sqlType.isEmpty()) {
      return Optional.empty();
    }
    Optional<AnnotationMirror> basicAnn = ann.find(e, Jpa.BASIC);
    if (basic.primitive() || id || basicAnn.map(b -> !ann.bool(b, "optional", true)).orElse(false)) {
      nullable = false;
    }
    Column column = new Column(physical.database(), sqlType.get(), nullable, Optional.empty(), Optional.empty(),
        Optional.empty());
    Optional<String> check = enumCheck(a, column.name(), basic);
    return Optional.of(new ColumnDef(column, physical, readOnly, unique && !id, check));
  }

  /** The Hibernate default mapping of the attribute's Java type, with {@code @Enumerated}, {@code @Lob}, {@code @Temporal}. */
  private Optional<BasicType> basicType(Attribute a) {
    Element e = a.element();
    TypeMirror type = a.type();
    String javaType = javaTypeName(type);
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
  private Optional<String> enumCheck(Attribute a, String column, BasicType basic) {
    TypeMirror type = a.type();
    if (type.getKind() != TypeKind.DECLARED || types.asElement(type).getKind() != ElementKind.ENUM) {
      return Optional.empty();
    }
    List<String> constants = types.asElement(type).getEnclosedElements().stream()
        .filter(m -> m.getKind() == ElementKind.ENUM_CONSTANT)
        .map(m -> m.getSimpleName().toString())
        .collect(Collectors.toList());
    String quoted = SqlText.identifier(column);
    if (basic.kind() == JdbcKind.SMALLINT) {
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
      if (!Set.of("smallint", "integer", "bigint").contains(column.type().base())) {
        diagnostics.error(MappingCode.INVALID_GENERATION, "@GeneratedValue(strategy = IDENTITY) on " + a.describe()
            + ": PostgreSQL identity columns are smallint, integer or bigint, not " + column.type().sql()
            + "; use a Long or Integer identifier, or another strategy (UUID for a java.util.UUID)", a.element(),
            generated);
        return Optional.empty();
      }
      return Optional.of(column.withIdentity(Identity.BY_DEFAULT));
    }
    diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@GeneratedValue(strategy = " + strategy + ") on "
        + a.describe() + " is not supported by Strata yet; use strategy = IDENTITY", a.element(), generated);
    return Optional.empty();
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
