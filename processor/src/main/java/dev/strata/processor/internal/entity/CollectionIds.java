package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.mapping.Name;
import dev.strata.schema.Column;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Hibernate's {@code @CollectionId} on an element collection (an "idbag"): a NOT NULL id column in
 * the collection table that is its whole primary key, typed by {@code @CollectionIdJavaType},
 * {@code @CollectionIdJavaClass} or {@code @CollectionIdJdbcTypeCode}, and the generator that fills it,
 * as Hibernate 7.4's {@code IdBagBinder} binds them.
 */
final class CollectionIds {
  /** Hibernate's Java type descriptors of integral ids, by simple name. */
  private static final Map<String, String> JAVA_TYPES = Map.of("IntegerJavaType", "integer", "LongJavaType",
      "bigint", "ShortJavaType", "smallint");
  /** Integral Java classes. */
  private static final Map<String, String> JAVA_CLASSES = Map.of("java.lang.Integer", "integer", "int", "integer",
      "java.lang.Long", "bigint", "long", "bigint", "java.lang.Short", "smallint", "short", "smallint");
  /** {@code SqlTypes} codes of integral types. */
  private static final Map<Integer, String> JDBC_CODES = Map.of(4, "integer", -5, "bigint", 5, "smallint");

  private final Mapper m;
  private final Annotations ann;

  CollectionIds(Mapper mapper) {
    this.m = mapper;
    this.ann = mapper.ann;
  }

  /**
   * Adds the id column and its primary key to the collection table, and the generator's sequence or
   * table; false after an error.
   */
  boolean add(Attribute a, Mapper.EntityInfo owner, TableBuilder table, AnnotationMirror collectionId) {
    Element e = a.element();
    Optional<String> type = idType(a, collectionId);
    if (type.isEmpty()) {
      return false;
    }
    Optional<AnnotationMirror> columnAnn = ann.value(collectionId, "column").map(v -> (AnnotationMirror) v.getValue());
    String explicit = columnAnn.map(c -> ann.string(c, "name")).orElse("");
    // IdBagBinder binds the column as an attribute named "id" of the collection.
    Name physical = m.naming.physical(explicit.isBlank() ? Name.unquoted("id") : Name.parse(explicit));
    Column column = Column.of(physical.database(), SqlType.of(type.get())).notNull();
    if (!table.addColumn(new TableBuilder.Entry(column, physical, e, false), m.diagnostics)) {
      return false;
    }
    table.primaryKey(List.of(column.name()));
    if (ann.type(collectionId, "generatorImplementation").map(t -> !isDefaultGenerator(t)).orElse(false)) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@CollectionId(generatorImplementation = ...) on "
          + a.describe() + " is not supported by Strata (what a generator class needs in the database cannot be "
          + "known); name a @SequenceGenerator with generator = ...", e, collectionId);
      return false;
    }
    return generator(a, owner, table, collectionId, ann.string(collectionId, "generator"));
  }

  private static boolean isDefaultGenerator(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()
        .contentEquals("org.hibernate.id.IdentifierGenerator");
  }

  /**
   * The generator Hibernate resolves for the id: "increment" (nothing in the schema), "sequence"
   * (SequenceStyleGenerator named {@code <collection table>_SEQ}), or a generator declared on the
   * attribute or its declaring class ({@code @SequenceGenerator}, {@code @TableGenerator} or a
   * sequence-style {@code @GenericGenerator}).
   */
  private boolean generator(Attribute a, Mapper.EntityInfo owner, TableBuilder table, AnnotationMirror collectionId,
      String generator) {
    Element e = a.element();
    switch (generator) {
      case "increment":
        return true;
      case "sequence":
        Name logical = m.naming.physical(table.physical.withText(table.physical.text() + "_SEQ"));
        return m.register(a, new Sequence(new QualifiedName(Optional.empty(), logical.database()), 1, 50));
      case "":
      case "identity":
      case "assigned":
      case "native":
        m.diagnostics.error(MappingCode.INVALID_GENERATION, "@CollectionId on " + a.describe() + " has "
            + (generator.isEmpty() ? "no generator" : "generator = \"" + generator + "\"") + ", which Hibernate "
            + "refuses for a collection id; name a @SequenceGenerator with generator = ..., or use \"sequence\" "
            + "or \"increment\"", e, collectionId);
        return false;
      default:
        break;
    }
    Optional<AnnotationMirror> sequence = local(a, generator, Jpa.SEQUENCE_GENERATOR, Jpa.SEQUENCE_GENERATORS);
    if (sequence.isPresent()) {
      return m.sequence(a, owner, generator, sequence);
    }
    Optional<AnnotationMirror> tableGenerator = local(a, generator, Jpa.TABLE_GENERATOR, Jpa.TABLE_GENERATORS);
    if (tableGenerator.isPresent()) {
      return m.generatorTable(a, tableGenerator);
    }
    Optional<AnnotationMirror> generic = local(a, generator, Jpa.H_GENERIC_GENERATOR,
        Jpa.H_GENERIC_GENERATORS);
    if (generic.isPresent()) {
      Optional<Sequence> made = new GenericGenerators(m).sequence(a, owner, generic.get(), collectionId);
      return made.isPresent() && m.register(a, made.get());
    }
    m.diagnostics.error(MappingCode.INVALID_REFERENCE, "@CollectionId(generator = \"" + generator + "\") on "
        + a.describe() + ": no generator of that name is declared on the attribute or on "
        + Elements2.simpleName(a.declaringType()) + " (Hibernate looks only there); declare a @SequenceGenerator(name "
        + "= \"" + generator + "\") there", e, collectionId);
    return false;
  }

  /** A generator of that name on the attribute or its declaring class (where IdBagBinder looks). */
  private Optional<AnnotationMirror> local(Attribute a, String name, String annotation, String container) {
    for (Element place : List.of(a.element(), a.declaringType())) {
      for (AnnotationMirror g : ann.findAll(place, annotation, container)) {
        if (ann.string(g, "name").equals(name)) {
          return Optional.of(g);
        }
      }
    }
    return Optional.empty();
  }

  /** The id column's type, from the annotations that Hibernate's BasicValueBinder reads for it. */
  private Optional<String> idType(Attribute a, AnnotationMirror collectionId) {
    Element e = a.element();
    Optional<AnnotationMirror> javaClass = ann.find(e, Jpa.H_COLLECTION_ID_JAVA_CLASS);
    if (javaClass.isPresent()) {
      String name = ann.type(javaClass.get(), "idType").map(Mapper::display).orElse("");
      return known(JAVA_CLASSES.get(name), a, javaClass.get(), "@CollectionIdJavaClass(" + name + ")");
    }
    Optional<AnnotationMirror> javaType = ann.find(e, Jpa.H_COLLECTION_ID_JAVA_TYPE);
    if (javaType.isPresent()) {
      String name = ann.type(javaType.get(), "value").filter(t -> t.getKind() == TypeKind.DECLARED)
          .map(t -> ((DeclaredType) t).asElement().getSimpleName().toString()).orElse("");
      return known(JAVA_TYPES.get(name), a, javaType.get(), "@CollectionIdJavaType(" + name + ")");
    }
    Optional<AnnotationMirror> jdbcType = ann.find(e, Jpa.H_COLLECTION_ID_JDBC_TYPE).or(() -> ann.find(e, Jpa.H_COLLECTION_ID_TYPE));
    if (jdbcType.isPresent()) {
      return known(null, a, jdbcType.get(), "@" + Annotations.nameOf(jdbcType.get()));
    }
    Optional<AnnotationMirror> code = ann.find(e, Jpa.H_COLLECTION_ID_JDBC_TYPE_CODE);
    if (code.isPresent()) {
      int value = ann.integer(code.get(), "value", Integer.MIN_VALUE);
      return known(JDBC_CODES.get(value), a, code.get(), "@CollectionIdJdbcTypeCode(" + value + ")");
    }
    m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@CollectionId on " + a.describe() + " does not say the "
        + "id's type, and Hibernate cannot know it either; add @CollectionIdJavaClass(idType = Long.class) (or "
        + "Integer, Short)", e, collectionId);
    return Optional.empty();
  }

  private Optional<String> known(String sqlType, Attribute a, AnnotationMirror where, String what) {
    if (sqlType == null) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, what + " on " + a.describe() + " is not supported by "
          + "Strata; a collection id is an integer: use @CollectionIdJavaClass(idType = Long.class) (or Integer, "
          + "Short), @CollectionIdJavaType(LongJavaType.class) or @CollectionIdJdbcTypeCode(SqlTypes.BIGINT)",
          a.element(), where);
      return Optional.empty();
    }
    return Optional.of(sqlType);
  }
}
