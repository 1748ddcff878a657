package dev.strata.processor.internal.review;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.entity.EntityModel;
import dev.strata.processor.internal.options.StrataOptions;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.Renames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Which losses of data the developer accepts, and whether a loss nobody accepted is an error
 * ({@code strata.destructive=error}). A loss is accepted with {@code -Astrata.acknowledge} or with
 * {@code @AcceptDataLoss} (in {@code dev.strata.runtime}, read by name) on a field or getter (its
 * columns), an entity ({@code columns} of its tables, dropped {@code tables}) or a package
 * ({@code tables}). The places that make a revision (a new one, {@code strata.amend},
 * {@code strata.merge}) all diff and review through one such value, so they cannot drift apart.
 *
 * <p>What is lost is named {@code table} or {@code schema.table} for a dropped table, and
 * {@code table.column} for a column dropped, narrowed or replaced.
 */
public final class DataLossPolicy {
  static final String ACCEPT_DATA_LOSS = "dev.strata.runtime.AcceptDataLoss";
  static final String SIMPLE_NAME = "@AcceptDataLoss";
  private static final String ENTITY = "jakarta.persistence.Entity";

  private final boolean destructiveIsError;
  private final Set<String> acknowledged;
  /** Each annotated element with what its annotation accepts, in a stable order. */
  private final Map<Element, Set<String>> annotations;
  /** What the annotations accept, each with the first element that accepts it. */
  private final Map<String, Element> annotated = new TreeMap<>();

  private DataLossPolicy(boolean destructiveIsError, Set<String> acknowledged, Map<Element, Set<String>> annotations) {
    this.destructiveIsError = destructiveIsError;
    this.acknowledged = Set.copyOf(acknowledged);
    this.annotations = annotations;
    annotations.forEach((element, objects) -> objects.forEach(o -> annotated.putIfAbsent(o, element)));
  }

  /**
   * The policy of {@code options} and of the {@code @AcceptDataLoss} annotations on the elements of
   * {@code model} and their packages; annotations with names where they mean nothing are errors.
   */
  public static DataLossPolicy of(StrataOptions options, EntityModel model, Diagnostics diagnostics) {
    return new DataLossPolicy(options.destructive() == StrataOptions.Destructive.ERROR, options.acknowledged(),
        new Reader(model, diagnostics).read());
  }

  /** Whether a loss nobody accepted is an error. */
  public boolean destructiveIsError() {
    return destructiveIsError;
  }

  /** Whether the loss of {@code object} ({@code table} or {@code table.column}) is accepted. */
  public boolean accepts(String object) {
    return acknowledged.contains(object) || annotated.containsKey(object);
  }

  /** How the loss of {@code object} was accepted, e.g. {@code strata.acknowledge}; empty when it was not. */
  Optional<String> acceptance(String object) {
    if (acknowledged.contains(object)) {
      return Optional.of(StrataOptions.ACKNOWLEDGE);
    }
    return Optional.ofNullable(annotated.get(object)).map(e -> SIMPLE_NAME + " on " + describe(e));
  }

  /** The element whose {@code @AcceptDataLoss} accepts the loss of {@code object}, if one does. */
  Optional<Element> acceptedAt(String object) {
    return Optional.ofNullable(annotated.get(object));
  }

  /**
   * The changes from {@code current} to {@code desired}: {@link dev.strata.schema.diff.SchemaDiff}'s,
   * except that a column whose type PostgreSQL cannot cast is dropped and added again when its loss
   * is accepted (see {@link UncastableColumns}).
   */
  public List<Change> diff(Schema current, Schema desired, Renames renames) {
    return UncastableColumns.diff(current, desired, renames, this::accepts);
  }

  /**
   * Notes each {@code @AcceptDataLoss} that accepts something no change of {@code changes} loses:
   * its revision has been generated (or the loss is not there yet), and left in place it would
   * accept a later loss unnoticed.
   */
  public void acceptancesDone(List<? extends Change> changes, Diagnostics diagnostics) {
    Set<String> lost = losses(changes);
    annotations.forEach((element, objects) -> {
      List<String> unused = objects.stream().filter(o -> !lost.contains(o)).toList();
      if (unused.isEmpty()) {
        return;
      }
      diagnostics.note(ReviewCode.ACCEPTANCE_DONE, SIMPLE_NAME + " on " + describe(element) + ": no change in this"
          + " compile loses data of " + String.join(", ", unused) + "; "
          + (unused.size() == objects.size() ? "the annotation can be removed" : "remove those names from it")
          + ", so that it does not accept a later loss unnoticed", element);
    });
  }

  /** What {@code changes} lose, named as in {@code strata.acknowledge}. */
  static Set<String> losses(Collection<? extends Change> changes) {
    Set<String> lost = new TreeSet<>();
    for (Change change : changes) {
      if (change instanceof Change.DropTable drop) {
        lost.add(drop.table().name().toString());
      } else if (change instanceof Change.DropColumn drop) {
        lost.add(drop.table() + "." + drop.column().name());
      } else if (change instanceof Change.AlterColumnType alter
          && (TypeChanges.isNarrowing(alter.from(), alter.to()) || !TypeChanges.canCast(alter.from(), alter.to()))) {
        lost.add(alter.table() + "." + alter.column());
      }
    }
    return lost;
  }

  /** How a message names an annotated element: {@code Order}, {@code Order.note}, {@code package com.acme}. */
  static String describe(Element element) {
    if (element instanceof PackageElement p) {
      return "package " + p.getQualifiedName();
    }
    if (element instanceof TypeElement) {
      return element.getSimpleName().toString();
    }
    return element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName()
        + (element instanceof ExecutableElement ? "()" : "");
  }

  /** Reads the annotations: what each accepts, and errors for names where they mean nothing. */
  private static final class Reader {
    private final EntityModel model;
    private final Diagnostics diagnostics;
    private final Map<Element, Set<String>> out = new LinkedHashMap<>();

    Reader(EntityModel model, Diagnostics diagnostics) {
      this.model = model;
      this.diagnostics = diagnostics;
    }

    Map<Element, Set<String>> read() {
      // Attributes first: the field is the most specific place to name in a message.
      Map<Element, Set<String>> attributes = new LinkedHashMap<>();
      Map<TypeElement, Set<QualifiedName>> entities = new LinkedHashMap<>();
      model.tableOrigins().forEach((table, origin) -> {
        if (origin instanceof TypeElement type) {
          entities.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(table);
        }
      });
      model.columnOrigins().forEach((table, columns) -> columns.forEach((column, origin) -> {
        if (origin instanceof TypeElement type) {
          // A column the entity itself makes: a discriminator, the key of a joined subclass or secondary table.
          entities.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(table);
          return;
        }
        attributes.computeIfAbsent(origin, o -> new LinkedHashSet<>()).add(table + "." + column);
        // A SINGLE_TABLE subclass has no table of its own: its columns are in its root's table.
        if (origin.getEnclosingElement() instanceof TypeElement type && hasAnnotation(type, ENTITY)) {
          entities.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(table);
        }
      }));
      String onAttribute = "on a field or getter it accepts the loss of that attribute's column";
      attributes.forEach((element, columns) -> mirror(element).ifPresent(m -> {
        boolean valid = noNames(element, m, "columns", onAttribute, "move the names to the entity class");
        valid &= noNames(element, m, "tables", onAttribute, "move the names to an entity class");
        if (valid) {
          out.computeIfAbsent(element, e -> new LinkedHashSet<>()).addAll(columns);
        }
      }));
      Set<PackageElement> packages = new LinkedHashSet<>();
      entities.forEach((entity, tables) -> {
        mirror(entity).ifPresent(m -> {
          Set<String> objects = new LinkedHashSet<>();
          for (String column : strings(m, "columns")) {
            tables.forEach(t -> objects.add(t + "." + column));
          }
          objects.addAll(strings(m, "tables"));
          if (strings(m, "columns").isEmpty() && objects.isEmpty()) {
            diagnostics.error(ReviewCode.ACCEPTANCE_MISPLACED, SIMPLE_NAME + " on " + describe(entity) + " names"
                + " nothing: on an entity it accepts the loss of the columns = ... of its table and of the dropped"
                + " tables = ... it names; name them, or move the annotation to the field whose column changes",
                entity, m);
          }
          out.computeIfAbsent(entity, e -> new LinkedHashSet<>()).addAll(objects);
        });
        Element enclosing = entity.getEnclosingElement();
        while (!(enclosing instanceof PackageElement)) {
          enclosing = enclosing.getEnclosingElement();
        }
        packages.add((PackageElement) enclosing);
      });
      for (PackageElement p : packages) {
        mirror(p).ifPresent(m -> {
          if (!noNames(p, m, "columns", "a package has no table of its own",
              "name the dropped tables with tables = ..., and put columns = ... on the entity")) {
            return;
          }
          if (strings(m, "tables").isEmpty()) {
            diagnostics.error(ReviewCode.ACCEPTANCE_MISPLACED, SIMPLE_NAME + " on " + describe(p) + " names nothing:"
                + " on a package it accepts the loss of the dropped tables = ... it names; name them", p, m);
          }
          out.computeIfAbsent(p, e -> new LinkedHashSet<>()).addAll(strings(m, "tables"));
        });
      }
      out.values().removeIf(Set::isEmpty);
      return out;
    }

    /** Whether {@code attribute} is empty; reports it otherwise. */
    private boolean noNames(Element element, AnnotationMirror mirror, String attribute, String why, String fix) {
      List<String> names = strings(mirror, attribute);
      if (names.isEmpty()) {
        return true;
      }
      diagnostics.error(ReviewCode.ACCEPTANCE_MISPLACED, SIMPLE_NAME + "(" + attribute + " = " + names + ") on "
          + describe(element) + ": " + why + ", so " + attribute + " means nothing here; remove " + attribute
          + ", or " + fix, element, mirror, value(mirror, attribute).orElse(null));
      return false;
    }
  }

  private static Optional<AnnotationMirror> mirror(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement() instanceof TypeElement type
          && type.getQualifiedName().contentEquals(ACCEPT_DATA_LOSS)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private static boolean hasAnnotation(Element element, String name) {
    return element.getAnnotationMirrors().stream().anyMatch(m -> m.getAnnotationType().asElement()
        instanceof TypeElement type && type.getQualifiedName().contentEquals(name));
  }

  private static Optional<AnnotationValue> value(AnnotationMirror mirror, String attribute) {
    return mirror.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(attribute))
        .map(e -> (AnnotationValue) e.getValue())
        .findFirst();
  }

  /** The strings of an array attribute ({@code columns = {"a", "b"}} or {@code columns = "a"}), as written. */
  private static List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    value(mirror, attribute).ifPresent(v -> {
      if (v.getValue() instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof AnnotationValue a && a.getValue() instanceof String s) {
            out.add(s);
          }
        }
      } else if (v.getValue() instanceof String s) {
        out.add(s);
      }
    });
    return out;
  }
}
