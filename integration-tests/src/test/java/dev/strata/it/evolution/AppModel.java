package dev.strata.it.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A random application's entities, as a developer would edit them between two compiles, and the
 * Java source they are written as. Mutable so that {@link RandomEvolution} can edit a copy for the
 * next version; {@link #sources()} is the version's immutable result.
 *
 * <p>Names are lower case and made unique by a counter, so that the names PostgreSQL derives
 * ({@code <table>_pkey}, {@code <table>_<column>_key}, {@code <table>_seq}) never collide.
 */
final class AppModel {

  /** The package of every entity. */
  static final String PACKAGE = "app";

  final List<Entity> entities = new ArrayList<>();

  AppModel copy() {
    AppModel m = new AppModel();
    entities.forEach(e -> m.entities.add(e.copy()));
    return m;
  }

  Optional<Entity> entity(String className) {
    return entities.stream().filter(e -> e.className.equals(className)).findFirst();
  }

  /** Package-relative path → source text, one file per entity, sorted by path. */
  Map<String, String> sources() {
    Map<String, String> out = new TreeMap<>();
    for (Entity e : entities) {
      out.put(PACKAGE + "/" + e.className + ".java", e.source(this));
    }
    return out;
  }

  /** How an identifier gets its values. */
  enum Generation { NONE, IDENTITY, AUTO, SEQUENCE }

  /** Identifier types; join columns take the same SQL type. */
  enum IdType {
    LONG("Long"), INTEGER("Integer"), UUID("java.util.UUID"), STRING("String");

    final String java;

    IdType(String java) {
      this.java = java;
    }

    boolean numeric() {
      return this == LONG || this == INTEGER;
    }
  }

  /** One entity class and its table. */
  static final class Entity {
    String className;
    /** Explicit {@code @Table(name)}; empty: the class name is the table name. */
    Optional<String> table = Optional.empty();
    Optional<String> schema = Optional.empty();
    IdType idType = IdType.LONG;
    Generation generation = Generation.NONE;
    String sequenceName = "";
    int allocationSize = 50;
    int initialValue = 1;
    final List<Attr> attrs = new ArrayList<>();
    final List<Unique> uniques = new ArrayList<>();
    final List<Idx> indexes = new ArrayList<>();
    Optional<String> comment = Optional.empty();
    Optional<String> renamedFrom = Optional.empty();

    Entity copy() {
      Entity e = new Entity();
      e.className = className;
      e.table = table;
      e.schema = schema;
      e.idType = idType;
      e.generation = generation;
      e.sequenceName = sequenceName;
      e.allocationSize = allocationSize;
      e.initialValue = initialValue;
      attrs.forEach(a -> e.attrs.add(a.copy()));
      uniques.forEach(u -> e.uniques.add(new Unique(u.name, new ArrayList<>(u.columns))));
      indexes.forEach(i -> e.indexes.add(new Idx(i.name, new ArrayList<>(i.columns), new ArrayList<>(i.descending),
          i.unique)));
      e.comment = comment;
      e.renamedFrom = renamedFrom;
      return e;
    }

    /** The table's name as PostgreSQL stores it (Strata's default naming folds to lower case). */
    String physicalTable() {
      return table.orElse(className).toLowerCase(Locale.ROOT);
    }

    Optional<Attr> attr(String field) {
      return attrs.stream().filter(a -> a.field.equals(field)).findFirst();
    }

    List<String> columnNames() {
      List<String> names = new ArrayList<>(List.of("id"));
      attrs.stream().filter(Attr::hasColumn).forEach(a -> names.add(a.physicalColumn()));
      return names;
    }

    String source(AppModel model) {
      StringBuilder s = new StringBuilder();
      s.append("package ").append(PACKAGE).append(";\n\n");
      s.append("import jakarta.persistence.*;\n");
      s.append("import dev.strata.runtime.RenamedFrom;\n");
      s.append("import org.hibernate.annotations.ColumnDefault;\n");
      s.append("import org.hibernate.annotations.OnDelete;\n");
      s.append("import org.hibernate.annotations.OnDeleteAction;\n\n");
      s.append("@Entity\n");
      List<String> tableArgs = new ArrayList<>();
      table.ifPresent(t -> tableArgs.add("name = " + quote(t)));
      schema.ifPresent(n -> tableArgs.add("schema = " + quote(n)));
      comment.ifPresent(c -> tableArgs.add("comment = " + quote(c)));
      if (!uniques.isEmpty()) {
        tableArgs.add("uniqueConstraints = {" + uniques.stream().map(Unique::source)
            .collect(Collectors.joining(",\n        ")) + "}");
      }
      if (!indexes.isEmpty()) {
        tableArgs.add("indexes = {" + indexes.stream().map(Idx::source).collect(Collectors.joining(",\n        "))
            + "}");
      }
      if (!tableArgs.isEmpty()) {
        s.append("@Table(").append(String.join(",\n    ", tableArgs)).append(")\n");
      }
      renamedFrom.ifPresent(r -> s.append("@RenamedFrom(").append(quote(r)).append(")\n"));
      s.append("public class ").append(className).append(" {\n");
      s.append("  @Id");
      switch (generation) {
        case NONE -> { }
        case IDENTITY -> s.append(" @GeneratedValue(strategy = GenerationType.IDENTITY)");
        case AUTO -> s.append(" @GeneratedValue");
        case SEQUENCE -> s.append(" @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"gen\")\n")
            .append("  @SequenceGenerator(name = \"gen\", sequenceName = ").append(quote(sequenceName))
            .append(", allocationSize = ").append(allocationSize).append(", initialValue = ").append(initialValue)
            .append(")\n ");
        default -> throw new IllegalStateException(generation.name());
      }
      s.append(' ').append(idType.java).append(" id;\n");
      for (Attr a : attrs) {
        s.append(a.source(model));
      }
      for (Attr a : attrs) {
        if (a.type instanceof Enumerated en) {
          s.append("  public enum ").append(en.name).append(" { ").append(String.join(", ", en.constants))
              .append(" }\n");
        }
      }
      s.append("}\n");
      return s.toString();
    }
  }

  /** The type of an attribute. */
  sealed interface AttrType permits Basic, Enumerated, Ref {}

  /**
   * A basic attribute: a Java type and, by type, {@code @Column(length)} for strings (0: the
   * default), {@code precision}/{@code scale} for {@code BigDecimal}, or {@code columnDefinition}.
   */
  record Basic(String java, int length, int precision, int scale, Optional<String> definition) implements AttrType {
    static Basic of(String java) {
      return new Basic(java, 0, 0, 0, Optional.empty());
    }

    boolean primitive() {
      return Character.isLowerCase(java.charAt(0)) && !java.contains(".") && !java.equals("byte[]");
    }
  }

  /** An enum attribute; {@code name} is the nested enum type's name. */
  record Enumerated(String name, List<String> constants, boolean string) implements AttrType {}

  /** The kinds of relation an attribute can be. */
  enum Relation {
    /** A join column with a foreign key. */
    MANY_TO_ONE,
    /** A join column with a foreign key and a unique constraint. */
    ONE_TO_ONE,
    /** A join table ({@code joinTable}) with two foreign keys; no column in the owner's table. */
    MANY_TO_MANY
  }

  /**
   * A relation to another entity (by class name); {@code cascade} is Hibernate's
   * {@code @OnDelete(CASCADE)} on a join column.
   */
  record Ref(String target, boolean cascade, Relation kind, String joinTable) implements AttrType {
    Ref withTarget(String newTarget) {
      return new Ref(newTarget, cascade, kind, joinTable);
    }

    boolean hasColumn() {
      return kind != Relation.MANY_TO_MANY;
    }
  }

  /** One attribute of an entity and its column. */
  static final class Attr {
    String field;
    /** Explicit {@code @Column(name)} or {@code @JoinColumn(name)}. */
    Optional<String> column = Optional.empty();
    AttrType type;
    boolean nullable = true;
    boolean unique;
    Optional<String> defaultValue = Optional.empty();
    Optional<String> comment = Optional.empty();
    Optional<String> renamedFrom = Optional.empty();
    /** An unnamed column check, {@code @Column(check = @CheckConstraint(constraint = ...))}. */
    Optional<String> check = Optional.empty();
    /**
     * {@code @AcceptDataLoss}: the column's type changed to one PostgreSQL cannot cast to, and its
     * values may be lost (the revision drops and adds it).
     */
    boolean acceptLoss;

    Attr copy() {
      Attr a = new Attr();
      a.field = field;
      a.column = column;
      a.type = type;
      a.nullable = nullable;
      a.unique = unique;
      a.defaultValue = defaultValue;
      a.comment = comment;
      a.renamedFrom = renamedFrom;
      a.check = check;
      a.acceptLoss = acceptLoss;
      return a;
    }

    /**
     * The column name as PostgreSQL stores it: a join column is {@code <attribute>_id} by default. A
     * many-to-many attribute has none in its entity's table.
     */
    boolean hasColumn() {
      return !(type instanceof Ref ref) || ref.hasColumn();
    }

    /** Whether the column has a unique constraint of its own (unique flag, or a one-to-one join column). */
    boolean uniqueColumn() {
      return unique || type instanceof Ref ref && ref.kind() == Relation.ONE_TO_ONE;
    }

    String physicalColumn() {
      return column.orElse(type instanceof Ref ? field + "_id" : field).toLowerCase(Locale.ROOT);
    }

    String source(AppModel model) {
      StringBuilder s = new StringBuilder("  ");
      renamedFrom.ifPresent(r -> s.append("@RenamedFrom(").append(quote(r)).append(") "));
      if (acceptLoss) {
        s.append("@dev.strata.runtime.AcceptDataLoss ");
      }
      defaultValue.ifPresent(d -> s.append("@ColumnDefault(").append(quote(d)).append(") "));
      if (type instanceof Ref ref && ref.kind() == Relation.MANY_TO_MANY) {
        s.append("@ManyToMany @JoinTable(name = ").append(quote(ref.joinTable())).append(") java.util.Set<")
            .append(ref.target()).append("> ").append(field).append(";\n");
        return s.toString();
      }
      if (type instanceof Ref ref) {
        String annotation = ref.kind() == Relation.ONE_TO_ONE ? "@OneToOne" : "@ManyToOne";
        s.append(annotation).append(nullable ? " " : "(optional = false) ");
        List<String> args = new ArrayList<>();
        column.ifPresent(c -> args.add("name = " + quote(c)));
        comment.ifPresent(c -> args.add("comment = " + quote(c)));
        if (!args.isEmpty()) {
          s.append("@JoinColumn(").append(String.join(", ", args)).append(") ");
        }
        if (ref.cascade) {
          s.append("@OnDelete(action = OnDeleteAction.CASCADE) ");
        }
        s.append(ref.target).append(' ').append(field).append(";\n");
        return s.toString();
      }
      List<String> args = new ArrayList<>();
      column.ifPresent(c -> args.add("name = " + quote(c)));
      boolean primitive = type instanceof Basic b && b.primitive();
      if (!nullable && !primitive) {
        args.add("nullable = false");
      }
      if (unique) {
        args.add("unique = true");
      }
      if (type instanceof Basic b) {
        if (b.length > 0) {
          args.add("length = " + b.length);
        }
        if (b.precision > 0) {
          args.add("precision = " + b.precision);
          args.add("scale = " + b.scale);
        }
        b.definition.ifPresent(d -> args.add("columnDefinition = " + quote(d)));
      }
      comment.ifPresent(c -> args.add("comment = " + quote(c)));
      check.ifPresent(c -> args.add("check = @CheckConstraint(constraint = " + quote(c) + ")"));
      if (type instanceof Enumerated en) {
        s.append(en.string ? "@Enumerated(EnumType.STRING) " : "@Enumerated ");
      }
      if (!args.isEmpty()) {
        s.append("@Column(").append(String.join(", ", args)).append(") ");
      }
      String javaType = type instanceof Basic b ? b.java : ((Enumerated) type).name;
      s.append(javaType).append(' ').append(field).append(";\n");
      return s.toString();
    }
  }

  /** {@code @UniqueConstraint}: explicit name or PostgreSQL's. */
  record Unique(Optional<String> name, List<String> columns) {
    String source() {
      return "@UniqueConstraint(" + name.map(n -> "name = " + quote(n) + ", ").orElse("") + "columnNames = {"
          + columns.stream().map(AppModel::quote).collect(Collectors.joining(", ")) + "})";
    }
  }

  /** {@code @Index}: explicit name or Hibernate's hash; {@code descending} holds the columns sorted descending. */
  record Idx(Optional<String> name, List<String> columns, List<String> descending, boolean unique) {
    String source() {
      String list = columns.stream().map(c -> descending.contains(c) ? c + " desc" : c)
          .collect(Collectors.joining(", "));
      return "@Index(" + name.map(n -> "name = " + quote(n) + ", ").orElse("") + "columnList = " + quote(list)
          + (unique ? ", unique = true" : "") + ")";
    }
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
