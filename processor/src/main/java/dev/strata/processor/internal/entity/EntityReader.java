package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import dev.strata.schema.diff.Renames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads the entities of a compilation into the schema they need: the first stage of the processor
 * and the only one that touches the compiler's model. Defaults are those of Hibernate 7 on
 * PostgreSQL; every mapping Strata cannot reproduce exactly is reported as an error on its element
 * (codes {@code STRATA-1xx}), never guessed.
 *
 * <p>The caller passes every {@code @Entity} type; mapped superclasses, embeddables and the targets
 * of relationships are followed from there.
 */
public final class EntityReader {
  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final MappingOptions options;

  public EntityReader(ProcessingEnvironment env, Diagnostics diagnostics, MappingOptions options) {
    this.env = Objects.requireNonNull(env, "env");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Maps the entities; errors are reported through the diagnostics and leave out what they concern.
   * {@code @Converter(autoApply = true)} converters are looked for in the entities' packages.
   */
  public EntityModel read(Collection<TypeElement> entities) {
    return read(entities, List.of());
  }

  /**
   * As {@link #read(Collection)}, with the {@code @Converter} types the caller found (the round's):
   * auto-applied converters outside the entities' packages are seen only so.
   */
  public EntityModel read(Collection<TypeElement> entities, Collection<TypeElement> converters) {
    Annotations ann = new Annotations(env.getElementUtils());
    Hierarchies hierarchies = new Hierarchies(ann, env.getTypeUtils(), entities);
    Converters found = new Converters(env.getElementUtils(), env.getTypeUtils(), ann, entities, converters);
    Mapper mapper = new Mapper(env, diagnostics, options, hierarchies, found);
    for (TypeElement entity : hierarchies.bindingOrder()) {
      mapper.mapEntity(entity);
    }
    mapper.finish();

    // Hibernate's create orders composite primary keys by column size; foreign keys to them follow.
    Map<QualifiedName, List<String>> keys = new TreeMap<>();
    for (TableBuilder builder : mapper.tables.values()) {
      builder.orderPrimaryKey();
      keys.put(builder.name, builder.primaryKey());
    }
    mapper.tables.values().forEach(t -> t.alignForeignKeys(keys));
    List<Table> tables = new ArrayList<>();
    Map<QualifiedName, Element> tableOrigins = new TreeMap<>();
    Map<QualifiedName, Map<String, Element>> columnOrigins = new TreeMap<>();
    for (TableBuilder builder : mapper.tables.values()) {
      if (builder.virtual) {
        continue;
      }
      Optional<Table> table = builder.build(diagnostics);
      if (table.isPresent()) {
        tables.add(table.get());
        tableOrigins.put(builder.name, builder.origin);
        columnOrigins.put(builder.name, builder.origins());
      }
    }
    TreeSet<String> namespaces = new TreeSet<>();
    tables.forEach(t -> t.name().namespace().ifPresent(namespaces::add));
    List<Sequence> sequences = new ArrayList<>(mapper.sequences.values());
    sequences.forEach(s -> s.name().namespace().ifPresent(namespaces::add));
    Schema schema = new Schema(new ArrayList<>(namespaces), tables, sequences);
    Renames renames = new Renames(mapper.tableRenames, mapper.columnRenames);
    return new EntityModel(schema, renames, tableOrigins, columnOrigins);
  }

  /** For messages: the annotation's simple name, e.g. {@code @Column}. */
  static String simple(AnnotationMirror mirror) {
    String name = Annotations.nameOf(mirror);
    return "@" + name.substring(name.lastIndexOf('.') + 1);
  }
}
