package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.entity.Mapper.EntityInfo;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Sequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Hibernate's {@code @GenericGenerator} on an AUTO identifier: the sequence it makes when its class is
 * Hibernate's {@code SequenceStyleGenerator} (by class, by a strategy name that means it, or a
 * subclass that overrides nothing that shapes the sequence), or a class listed in
 * {@code strata.sequenceStyleGenerators}. Any other generator is refused: what it needs in the
 * database cannot be known from its annotation.
 */
final class GenericGenerators {
  static final String SEQUENCE_STYLE = "org.hibernate.id.enhanced.SequenceStyleGenerator";
  private static final String GENERATOR = "org.hibernate.generator.Generator";
  /** Strategy names Hibernate 7 resolves to SequenceStyleGenerator ("native" is a sequence on PostgreSQL). */
  private static final Set<String> SEQUENCE_STRATEGIES = Set.of("sequence", "enhanced-sequence", "native",
      SEQUENCE_STYLE);
  /**
   * The methods of SequenceStyleGenerator that decide the sequence's name, start and increment or
   * whether it is a table: a subclass overriding none of them makes the sequence its parent makes.
   */
  private static final Set<String> SCHEMA_METHODS = Set.of("configure", "determineSequenceName",
      "determineInitialValue", "determineIncrementSize", "determineOptimizationStrategy",
      "determineAdjustedIncrementSize", "buildDatabaseStructure", "buildSequenceStructure", "buildTableStructure",
      "isPhysicalSequence", "registerExportables", "determineValueColumnName");

  private final Mapper m;
  private final Annotations ann;

  GenericGenerators(Mapper mapper) {
    this.m = mapper;
    this.ann = mapper.ann;
  }

  /**
   * The sequence the generator makes, as Hibernate 7.4 configures SequenceStyleGenerator for it
   * ({@code GeneratorParameters.collectParameters}, {@code GeneratorAnnotationHelper.handleGenericGenerator},
   * {@code SequenceStyleGenerator.configure}, {@code StandardNamingStrategy}); empty after an error.
   */
  Optional<Sequence> sequence(Attribute a, EntityInfo entity, AnnotationMirror generic,
      AnnotationMirror generated) {
    String generatorName = ann.string(generic, "name");
    String className = generatorClass(generic);
    Map<String, String> vouched = m.options.sequenceStyleGenerators().get(className);
    if (vouched == null && !isSequenceStyle(generic, className)) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@GenericGenerator \"" + generatorName + "\" used by "
          + a.describe() + ": Strata cannot know what generator " + className + " needs in the database (only "
          + "Hibernate's SequenceStyleGenerator and subclasses that keep its sequence are read); if it makes the "
          + "sequence SequenceStyleGenerator makes, name it in the processor option "
          + MappingOptions.SEQUENCE_STYLE_GENERATORS + "=" + className + "(...) with the parameters it sets "
          + "itself, e.g. (initial_value=1000, increment_size=50); else use @SequenceGenerator, or strategy = "
          + "IDENTITY or UUID", a.element(), generated);
      return Optional.empty();
    }
    // Hibernate's baseline first, then the annotation's parameters, then what the class sets itself.
    Map<String, String> params = new LinkedHashMap<>();
    params.put("initial_value", "1");
    params.put("increment_size", "50");
    for (AnnotationMirror p : ann.annotations(generic, "parameters")) {
      params.put(ann.string(p, "name"), ann.string(p, "value"));
    }
    if (vouched != null) {
      params.putAll(vouched);
    }
    String where = "@GenericGenerator \"" + generatorName + "\" (used by " + a.describe() + ")";
    for (String refused : List.of("catalog", "force_table_use", "hibernate.id.db_structure_naming_strategy")) {
      if (params.containsKey(refused) && !(refused.equals("force_table_use")
          && params.get(refused).trim().equalsIgnoreCase("false"))) {
        m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, where + " sets parameter " + refused + ", which Strata "
            + "does not support; remove it, or use @SequenceGenerator", a.element(), generic);
        return Optional.empty();
      }
    }
    Optional<Long> start = number(params, "initial_value", a, where, generic);
    Optional<Long> increment = number(params, "increment_size", a, where, generic);
    if (start.isEmpty() || increment.isEmpty()) {
      return Optional.empty();
    }
    long step = increment.get();
    // With no optimizer ("none", implied by an increment of 1 or less) Hibernate forces the step to 1.
    if ("none".equals(params.getOrDefault("optimizer", "").trim()) && step > 1) {
      step = 1;
    }
    if (step <= 0) {
      m.diagnostics.error(MappingCode.INVALID_ATTRIBUTE, where + " has increment_size " + step + ": Strata "
          + "supports ascending sequences only; give a positive increment_size", a.element(), generic);
      return Optional.empty();
    }
    String explicit = params.getOrDefault("sequence_name", params.getOrDefault("sequence", ""));
    Name logical;
    if (!explicit.isEmpty()) {
      logical = Name.parse(explicit);
    } else {
      String suffix = params.getOrDefault("sequence_per_entity_suffix", "");
      String base = params.getOrDefault("implicit_name_base", "");
      Name baseName = base.isEmpty() ? entity.root.tableLogical : Name.parse(base);
      logical = suffix.isEmpty() ? Name.parse(generatorName) : baseName.withText(baseName.text() + suffix);
    }
    Optional<String> namespace = Optional.empty();
    if (logical.text().contains(".") && !logical.quoted()) {
      int dot = logical.text().lastIndexOf('.');
      if (logical.text().indexOf('.') != dot) {
        m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, where + " names sequence " + logical + " with a "
            + "catalog, which Strata does not support; name it schema.sequence or sequence", a.element(), generic);
        return Optional.empty();
      }
      namespace = Optional.of(m.naming.physical(Name.parse(logical.text().substring(0, dot))).database());
      logical = Name.parse(logical.text().substring(dot + 1));
    } else if (!params.getOrDefault("schema", "").isBlank()) {
      namespace = Optional.of(m.naming.physical(Name.parse(params.get("schema"))).database());
    }
    QualifiedName name = new QualifiedName(namespace, m.naming.physical(logical).database());
    return Optional.of(new Sequence(name, start.get(), step));
  }

  private Optional<Long> number(Map<String, String> params, String key, Attribute a, String where,
      AnnotationMirror generic) {
    try {
      return Optional.of((long) Integer.parseInt(params.get(key).trim()));
    } catch (NumberFormatException e) {
      m.diagnostics.error(MappingCode.INVALID_ATTRIBUTE, where + " sets " + key + " to \"" + params.get(key)
          + "\", which is not an int; give a whole number", a.element(), generic);
      return Optional.empty();
    }
  }

  /** The class a {@code @GenericGenerator} names: its {@code type}, else its {@code strategy}. */
  private String generatorClass(AnnotationMirror generic) {
    Optional<TypeMirror> type = ann.type(generic, "type");
    if (type.isPresent() && type.get().getKind() == TypeKind.DECLARED) {
      String name = ((TypeElement) ((DeclaredType) type.get()).asElement()).getQualifiedName().toString();
      if (!name.equals(GENERATOR)) {
        return name;
      }
    }
    String strategy = ann.string(generic, "strategy");
    return SEQUENCE_STRATEGIES.contains(strategy) ? SEQUENCE_STYLE : strategy;
  }

  /**
   * Whether the class is SequenceStyleGenerator, or a subclass (on the compile class path) that
   * declares none of the methods that shape the sequence.
   */
  private boolean isSequenceStyle(AnnotationMirror generic, String className) {
    if (className.equals(SEQUENCE_STYLE)) {
      return true;
    }
    TypeElement type = m.elements.getTypeElement(className);
    TypeElement sequenceStyle = m.elements.getTypeElement(SEQUENCE_STYLE);
    if (type == null || sequenceStyle == null
        || !m.types.isSubtype(m.types.erasure(type.asType()), m.types.erasure(sequenceStyle.asType()))) {
      return false;
    }
    for (TypeElement t = type; t != null && !t.getQualifiedName().contentEquals(SEQUENCE_STYLE);
        t = superclass(t)) {
      for (Element member : t.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD && SCHEMA_METHODS.contains(member.getSimpleName().toString())) {
          return false;
        }
      }
    }
    return true;
  }

  private TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    return s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
  }
}
