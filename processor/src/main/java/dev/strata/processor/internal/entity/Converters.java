package dev.strata.processor.internal.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code AttributeConverter}s: the entity-side and database-side types of a converter, found
 * through its supertypes ({@code class TagsConverter extends JsonConverter<List<String>>} converts
 * to what {@code JsonConverter<T> implements AttributeConverter<T, String>} says), and the
 * {@code @Converter(autoApply = true)} converters that apply to every basic attribute of their
 * entity-side type.
 */
final class Converters {
  static final String ATTRIBUTE_CONVERTER = "jakarta.persistence.AttributeConverter";

  /** The two type arguments of {@code AttributeConverter<X, Y>}. */
  record Sides(TypeMirror entity, TypeMirror database) {}

  private final Types types;
  /** Auto-applied converters by the erasure of their entity-side type. */
  private final Map<String, TypeElement> autoApplied = new TreeMap<>();
  /** The auto-applied converters some attribute used, by name. */
  private final Map<String, TypeElement> used = new TreeMap<>();

  /**
   * @param given converters the caller found ({@code @Converter} types of the round), may be empty;
   *     those in the packages of the entities are found here too
   */
  Converters(Elements elements, Types types, Annotations ann, Collection<TypeElement> entities,
      Collection<TypeElement> given) {
    this.types = types;
    Set<TypeElement> candidates = new HashSet<>(given);
    Set<PackageElement> packages = new HashSet<>();
    for (TypeElement entity : entities) {
      packages.add(elements.getPackageOf(entity));
    }
    for (PackageElement p : packages) {
      for (Element member : p.getEnclosedElements()) {
        if (member instanceof TypeElement) {
          candidates.add((TypeElement) member);
        }
      }
    }
    List<TypeElement> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement candidate : sorted) {
      boolean autoApply = ann.find(candidate, Jpa.CONVERTER).map(c -> ann.bool(c, "autoApply", false))
          .orElse(false);
      if (autoApply && candidate.getKind() == ElementKind.CLASS) {
        sides(candidate).ifPresent(s -> autoApplied.putIfAbsent(key(s.entity()), candidate));
      }
    }
  }

  /** The converter's sides, or empty when it does not implement {@code AttributeConverter} with known types. */
  Optional<Sides> sides(TypeElement converter) {
    Deque<TypeMirror> queue = new ArrayDeque<>();
    queue.add(converter.asType());
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      TypeMirror type = queue.poll();
      if (type.getKind() != TypeKind.DECLARED || !seen.add(type.toString())) {
        continue;
      }
      DeclaredType declared = (DeclaredType) type;
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals(ATTRIBUTE_CONVERTER)) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() == 2 && arguments.get(0).getKind() == TypeKind.DECLARED
            && arguments.get(1).getKind() != TypeKind.TYPEVAR && arguments.get(1).getKind() != TypeKind.WILDCARD) {
          return Optional.of(new Sides(arguments.get(0), arguments.get(1)));
        }
        return Optional.empty();
      }
      queue.addAll(types.directSupertypes(type));
    }
    return Optional.empty();
  }

  /** The auto-applied converter for an attribute type (a primitive matches its wrapper). */
  Optional<TypeElement> autoApplied(TypeMirror attributeType) {
    TypeMirror type = attributeType.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) attributeType).asType() : attributeType;
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    Optional<TypeElement> found = Optional.ofNullable(autoApplied.get(key(type)));
    found.ifPresent(c -> used.put(c.getQualifiedName().toString(), c));
    return found;
  }

  /** The auto-applied converters that some attribute used so far, by name. */
  List<TypeElement> usedAutoApplied() {
    return List.copyOf(used.values());
  }

  private String key(TypeMirror type) {
    return types.erasure(type).toString();
  }
}
