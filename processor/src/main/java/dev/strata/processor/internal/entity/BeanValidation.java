package dev.strata.processor.internal.entity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The Bean Validation constraints Hibernate turns into DDL when a validator is present
 * ({@code org.hibernate.boot.beanvalidation.TypeSafeActivator}, with the default group): NOT NULL
 * for {@code @NotNull}, {@code @NotEmpty} and {@code @NotBlank}; the length of a {@code String}
 * column for {@code @Size(max)} and Hibernate Validator's {@code @Length(max)} (the smallest wins,
 * over {@code @Column(length)}); {@code precision} and {@code scale} for {@code @Digits}; column
 * checks for {@code @Min} and {@code @Max}. Constraints composed of these count too, except that an
 * OR-composition ({@code @ConstraintComposition(OR)}) gives NOT NULL only when all its parts do.
 * Annotations are matched by name: no validation API is needed on the processor's class path.
 */
final class BeanValidation {
  private static final String C = "jakarta.validation.constraints.";
  private static final Set<String> NOT_NULL = Set.of(C + "NotNull", C + "NotEmpty", C + "NotBlank");
  private static final String SIZE = C + "Size";
  private static final String LENGTH = "org.hibernate.validator.constraints.Length";
  private static final String MIN = C + "Min";
  private static final String MAX = C + "Max";
  private static final String DIGITS = C + "Digits";
  private static final String DEFAULT_GROUP = "jakarta.validation.groups.Default";
  private static final String COMPOSITION = "org.hibernate.validator.constraints.ConstraintComposition";
  static final String VALID = "jakarta.validation.Valid";
  /** The class whose presence on the compile class path turns the translation on by default. */
  static final String PRESENCE = C + "NotNull";

  /** What an attribute's constraints ask of its columns. */
  static final class Constraints {
    boolean notNull;
    int maxLength = Integer.MAX_VALUE;
    Optional<Long> min = Optional.empty();
    Optional<Long> max = Optional.empty();
    Optional<int[]> digits = Optional.empty();
  }

  private final Annotations ann;

  BeanValidation(Annotations ann) {
    this.ann = ann;
  }

  /** The constraints of the Default group on an attribute's field or getter. */
  Constraints of(Element element) {
    Constraints out = new Constraints();
    out.notNull = collect(element.getAnnotationMirrors(), out, true, 0);
    return out;
  }

  /** Whether the attribute cascades validation into its value ({@code @Valid}). */
  boolean cascades(Element element) {
    return ann.has(element, VALID);
  }

  /**
   * Reads constraints into {@code out}, following composed constraints; returns whether they make
   * the attribute NOT NULL ({@code TypeSafeActivator.applyConstraints}).
   */
  private boolean collect(List<? extends AnnotationMirror> annotations, Constraints out, boolean checkGroups,
      int depth) {
    boolean notNull = false;
    for (AnnotationMirror mirror : annotations) {
      String name = Annotations.nameOf(mirror);
      if (name.startsWith("java.lang.annotation.") || name.equals("jakarta.validation.Constraint")
          || name.equals(COMPOSITION) || name.startsWith("jakarta.persistence.")) {
        continue;
      }
      if (name.endsWith(".List") && !ann.annotations(mirror, "value").isEmpty()) {
        // The container javac makes of repeated constraints: @Size.List({...}).
        notNull |= collect(ann.annotations(mirror, "value"), out, checkGroups, depth);
        continue;
      }
      if (checkGroups && !inDefaultGroup(mirror)) {
        continue;
      }
      boolean one = NOT_NULL.contains(name);
      if (name.equals(SIZE) || name.equals(LENGTH)) {
        out.maxLength = Math.min(out.maxLength, ann.integer(mirror, "max", Integer.MAX_VALUE));
      } else if (name.equals(MIN)) {
        out.min = Optional.of(ann.longValue(mirror, "value", 0));
      } else if (name.equals(MAX)) {
        out.max = Optional.of(ann.longValue(mirror, "value", 0));
      } else if (name.equals(DIGITS)) {
        out.digits = Optional.of(new int[] {ann.integer(mirror, "integer", 0), ann.integer(mirror, "fraction", 0)});
      } else if (!one && depth < 4 && isConstraint(mirror)) {
        TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
        List<? extends AnnotationMirror> parts = type.getAnnotationMirrors();
        long count = parts.stream().filter(this::isConstraint).count();
        boolean or = count > 1 && ann.find(type, COMPOSITION).flatMap(c -> ann.enumConstant(c, "value"))
            .map("OR"::equals).orElse(false);
        if (or) {
          // An OR-composition is NOT NULL only when every part is.
          boolean all = true;
          for (AnnotationMirror part : parts) {
            if (isConstraint(part)) {
              all &= collect(List.of(part), out, false, depth + 1);
            }
          }
          one = all;
        } else {
          one = collect(parts, out, false, depth + 1);
        }
      }
      notNull |= one;
    }
    return notNull;
  }

  /** A Bean Validation constraint: its annotation type is meta-annotated {@code @Constraint}. */
  private boolean isConstraint(AnnotationMirror mirror) {
    String name = Annotations.nameOf(mirror);
    return NOT_NULL.contains(name) || name.equals(SIZE) || name.equals(LENGTH) || name.equals(MIN)
        || name.equals(MAX) || name.equals(DIGITS)
        || ann.has(mirror.getAnnotationType().asElement(), "jakarta.validation.Constraint");
  }

  private boolean inDefaultGroup(AnnotationMirror mirror) {
    List<TypeMirror> groups = ann.value(mirror, "groups")
        .map(v -> v.getValue() instanceof List ? ((List<?>) v.getValue()).stream()
            .map(g -> (TypeMirror) ((javax.lang.model.element.AnnotationValue) g).getValue())
            .collect(java.util.stream.Collectors.<TypeMirror>toList()) : List.<TypeMirror>of())
        .orElse(List.of());
    return groups.isEmpty() || groups.stream().anyMatch(g -> g.toString().equals(DEFAULT_GROUP));
  }
}
