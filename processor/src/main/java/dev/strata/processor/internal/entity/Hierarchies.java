package dev.strata.processor.internal.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The entity hierarchies of a compilation: each entity's parent entity, root and inheritance
 * strategy, and the order in which Hibernate binds them, which decides the order of discriminator
 * values in its checks and so the names PostgreSQL gives those checks.
 *
 * <p>Hibernate binds entities in the order it is given them, each after its superclasses
 * ({@code AnnotationMetadataSourceProcessorImpl.orderAndFillHierarchy}); Spring Boot's scanning
 * gives them in class-name order. Strata takes the fully-qualified names in order, each after its
 * entity superclasses.
 */
final class Hierarchies {
  enum Strategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

  private final Annotations ann;
  private final Types types;
  private final List<TypeElement> bindingOrder = new ArrayList<>();
  private final Map<TypeElement, List<TypeElement>> children = new HashMap<>();

  Hierarchies(Annotations ann, Types types, Collection<TypeElement> entities) {
    this.ann = ann;
    this.types = types;
    List<TypeElement> sorted = new ArrayList<>(entities);
    sorted.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    Set<TypeElement> placed = new LinkedHashSet<>();
    for (TypeElement entity : sorted) {
      place(entity, placed);
    }
    bindingOrder.addAll(placed);
    for (TypeElement entity : bindingOrder) {
      parent(entity).ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(entity));
    }
  }

  private void place(TypeElement entity, Set<TypeElement> placed) {
    if (placed.contains(entity)) {
      return;
    }
    parent(entity).ifPresent(p -> place(p, placed));
    placed.add(entity);
  }

  /** The entities with their entity superclasses, superclasses first. */
  List<TypeElement> bindingOrder() {
    return bindingOrder;
  }

  /** The nearest superclass annotated {@code @Entity}. */
  Optional<TypeElement> parent(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) types.asElement(superclass);
      if (ann.has(element, Jpa.ENTITY)) {
        return Optional.of(element);
      }
      superclass = element.getSuperclass();
    }
    return Optional.empty();
  }

  TypeElement root(TypeElement type) {
    TypeElement current = type;
    for (Optional<TypeElement> p = parent(current); p.isPresent(); p = parent(current)) {
      current = p.get();
    }
    return current;
  }

  /** The strategy of the hierarchy: the root's {@code @Inheritance}, SINGLE_TABLE by default. */
  Strategy strategy(TypeElement type) {
    return ann.find(root(type), Jpa.INHERITANCE).flatMap(i -> ann.enumConstant(i, "strategy"))
        .map(Strategy::valueOf).orElse(Strategy.SINGLE_TABLE);
  }

  /** The direct entity subclasses among the compilation's entities, in binding order. */
  List<TypeElement> children(TypeElement type) {
    return children.getOrDefault(type, List.of());
  }

  boolean hasSubclasses(TypeElement type) {
    return !children(type).isEmpty();
  }

  /**
   * All entity subclasses in the order of Hibernate's {@code PersistentClass.getSubclasses()}: for
   * each direct subclass its own subclasses, then the direct subclasses themselves.
   */
  List<TypeElement> subclasses(TypeElement type) {
    List<TypeElement> out = new ArrayList<>();
    for (TypeElement child : children(type)) {
      out.addAll(subclasses(child));
    }
    out.addAll(children(type));
    return out;
  }

  static boolean isAbstract(TypeElement type) {
    return type.getModifiers().contains(Modifier.ABSTRACT);
  }
}
