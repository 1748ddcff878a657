package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.schema.ForeignKey;
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
import java.util.Set;
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
   * Maps the entities, and those they reach on the class path; errors are reported through the
   * diagnostics and leave out what they concern.
   * {@code @Converter(autoApply = true)} converters are looked for in the entities' packages.
   */
  public EntityModel read(Collection<TypeElement> entities) {
    return read(entities, List.of());
  }

  /**
   * As {@link #read(Collection)}, with the {@code @Converter} types the caller found (the round's):
   * auto-applied converters outside the entities' packages are seen only so.
   */
  public EntityModel read(Collection<TypeElement> given, Collection<TypeElement> converters) {
    Reach reach = withReachable(new Annotations(env.getElementUtils()), given, converters);
    List<TypeElement> entities = reach.entities();
    noteReached(given, entities);
    reach.reported().replayTo(diagnostics);
    Mapper mapper = reach.mapper();
    Converters found = reach.converters();

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
    tables = withoutDanglingForeignKeys(tables, tableOrigins, columnOrigins);
    Schema schema = new Schema(new ArrayList<>(namespaces), tables, sequences);
    Renames renames = new Renames(mapper.tableRenames, mapper.columnRenames);
    return new EntityModel(schema, renames, tableOrigins, columnOrigins, listed(entities, found));
  }

  /**
   * The names the snapshot lists: every entity, and the auto-applied converters used from outside the
   * entities' packages. A partial compile sees such a converter only when it is looked up by name; one
   * in an entity's package is found there.
   */
  private List<String> listed(List<TypeElement> entities, Converters converters) {
    Set<String> names = new TreeSet<>();
    Set<Element> packages = new java.util.HashSet<>();
    for (TypeElement entity : entities) {
      names.add(entity.getQualifiedName().toString());
      packages.add(env.getElementUtils().getPackageOf(entity));
    }
    for (TypeElement converter : converters.usedAutoApplied()) {
      if (!packages.contains(env.getElementUtils().getPackageOf(converter))) {
        names.add(converter.getQualifiedName().toString());
      }
    }
    return List.copyOf(names);
  }

  /**
   * The mapping of the given entities and every entity they reach that is not among them: the targets
   * of their relationships (also inside embeddables, element collections and mapped superclasses),
   * their entity superclasses and map keys, and so on from those. Such an entity was compiled before,
   * in another module's jar, and is read from its class file (its {@code jakarta.persistence}
   * annotations have RUNTIME retention, so the class file keeps them). Hibernate only boots when the
   * target of an association is an entity of the same persistence unit, so its table belongs to the
   * schema this unit needs, and {@code create} would make it: Strata maps it too.
   *
   * <p>The reached entities are found by mapping until no new one turns up; each attempt keeps its
   * messages, and only those of the last one, which mapped them all, are reported. Usually the first
   * attempt is the last: entities from elsewhere cost a second mapping only when there are some.
   */
  private Reach withReachable(Annotations ann, Collection<TypeElement> given, Collection<TypeElement> converters) {
    Map<String, TypeElement> all = new TreeMap<>();
    given.forEach(e -> all.put(e.getQualifiedName().toString(), e));
    while (true) {
      Hierarchies hierarchies = new Hierarchies(ann, env.getTypeUtils(), all.values());
      Converters found = new Converters(env.getElementUtils(), env.getTypeUtils(), ann, all.values(), converters);
      Diagnostics reported = Diagnostics.recording();
      Mapper mapper = new Mapper(env, reported, options, hierarchies, found);
      for (TypeElement entity : hierarchies.bindingOrder()) {
        mapper.mapEntity(entity);
      }
      mapper.finish();
      int before = all.size();
      for (TypeElement reached : mapper.resolvedEntities()) {
        all.putIfAbsent(reached.getQualifiedName().toString(), reached);
      }
      for (TypeElement placed : hierarchies.bindingOrder()) {
        all.putIfAbsent(placed.getQualifiedName().toString(), placed);
      }
      if (all.size() == before) {
        return new Reach(List.copyOf(all.values()), found, mapper, reported);
      }
    }
  }

  /** The entities mapped, given and reached; the mapping of them all; and its messages, not yet reported. */
  private record Reach(List<TypeElement> entities, Converters converters, Mapper mapper, Diagnostics reported) {}

  /** Says which entities were added from the class path, as their tables join this schema. */
  private void noteReached(Collection<TypeElement> given, List<TypeElement> entities) {
    List<String> added = new ArrayList<>();
    for (TypeElement entity : entities) {
      if (!given.contains(entity)) {
        added.add(entity.getQualifiedName().toString());
      }
    }
    if (!added.isEmpty()) {
      boolean one = added.size() == 1;
      diagnostics.note("the compiled entities refer to " + String.join(", ", added) + ", compiled elsewhere (on"
          + " the class path); " + (one ? "it is mapped as an entity" : "they are mapped as entities") + " of this"
          + " schema, as Hibernate maps " + (one ? "it" : "them") + " in the same persistence unit, and listed in"
          + " the snapshot");
    }
  }

  /**
   * Drops (after an error) a foreign key whose table is not in the schema. Every relationship's
   * target is mapped, so this is a safety net: a table missing there would otherwise only fail
   * later, when the revision is built, without saying which attribute made the key.
   */
  private List<Table> withoutDanglingForeignKeys(List<Table> tables, Map<QualifiedName, Element> tableOrigins,
      Map<QualifiedName, Map<String, Element>> columnOrigins) {
    Set<QualifiedName> names = new TreeSet<>();
    tables.forEach(t -> names.add(t.name()));
    List<Table> out = new ArrayList<>();
    for (Table table : tables) {
      List<ForeignKey> kept = new ArrayList<>();
      for (ForeignKey key : table.foreignKeys()) {
        if (names.contains(key.referencedTable())) {
          kept.add(key);
          continue;
        }
        Element origin = columnOrigins.getOrDefault(table.name(), Map.of())
            .getOrDefault(key.columns().get(0), tableOrigins.get(table.name()));
        diagnostics.error(MappingCode.INVALID_REFERENCE, "the foreign key " + key.name() + " of table " + table.name()
            + " (columns " + String.join(", ", key.columns()) + ") references table " + key.referencedTable()
            + ", which no entity read here maps. This is a bug in Strata; please report it with the two entities."
            + " Meanwhile compile the referenced entity's source together with this one", origin);
      }
      out.add(kept.size() == table.foreignKeys().size() ? table : table.withForeignKeys(kept));
    }
    return out;
  }

  /** For messages: the annotation's simple name, e.g. {@code @Column}. */
  static String simple(AnnotationMirror mirror) {
    String name = Annotations.nameOf(mirror);
    return "@" + name.substring(name.lastIndexOf('.') + 1);
  }
}
