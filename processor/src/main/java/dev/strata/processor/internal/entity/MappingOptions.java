package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.mapping.ConstraintNaming;
import dev.strata.processor.internal.mapping.Naming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The processor options that change how entities map.
 *
 * @param naming {@code strata.naming}: {@code jpa} (default, Hibernate's own naming) or
 *     {@code snake_case} (Spring Boot's default naming)
 * @param constraintNaming {@code strata.constraintNaming}: {@code hibernate} (default, Hibernate's
 *     hashed names) or {@code readable} ({@code fk_<table>_<column>} ...)
 * @param beanValidation {@code strata.beanValidation}: whether Bean Validation constraints
 *     ({@code @NotNull}, {@code @Size} ...) shape the columns as Hibernate makes them when a validator
 *     is present; empty (the default) means yes when {@code jakarta.validation.constraints.NotNull}
 *     is on the compile class path
 * @param sequenceStyleGenerators {@code strata.sequenceStyleGenerators}: {@code @GenericGenerator}
 *     classes the developer vouches make the sequence Hibernate's {@code SequenceStyleGenerator}
 *     makes, by class name, each with the parameters it sets itself (they take precedence over the
 *     annotation's); sorted
 */
public record MappingOptions(Naming naming, ConstraintNaming constraintNaming, Optional<Boolean> beanValidation,
    SortedMap<String, SortedMap<String, String>> sequenceStyleGenerators) {

  public static final String NAMING = "strata.naming";
  public static final String CONSTRAINT_NAMING = "strata.constraintNaming";
  public static final String BEAN_VALIDATION = "strata.beanValidation";
  public static final String SEQUENCE_STYLE_GENERATORS = "strata.sequenceStyleGenerators";
  /** Every option the reader reads, for the processor's supported options. */
  public static final java.util.List<String> NAMES =
      java.util.List.of(NAMING, CONSTRAINT_NAMING, BEAN_VALIDATION, SEQUENCE_STYLE_GENERATORS);

  /** Hibernate's defaults. */
  public static final MappingOptions DEFAULTS = new MappingOptions(Naming.JPA, ConstraintNaming.HIBERNATE);

  public MappingOptions {
    Objects.requireNonNull(naming, "naming");
    Objects.requireNonNull(constraintNaming, "constraintNaming");
    Objects.requireNonNull(beanValidation, "beanValidation");
    TreeMap<String, SortedMap<String, String>> copy = new TreeMap<>();
    sequenceStyleGenerators.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
    sequenceStyleGenerators = Collections.unmodifiableSortedMap(copy);
  }

  /** No generator classes vouched for. */
  public MappingOptions(Naming naming, ConstraintNaming constraintNaming, Optional<Boolean> beanValidation) {
    this(naming, constraintNaming, beanValidation, new TreeMap<>());
  }

  /** Bean Validation decided by the class path. */
  public MappingOptions(Naming naming, ConstraintNaming constraintNaming) {
    this(naming, constraintNaming, Optional.empty());
  }

  /** Reads the options; an unknown value is reported as an error and the default is used. */
  public static MappingOptions from(Map<String, String> processorOptions, Diagnostics diagnostics) {
    Naming naming = Naming.JPA;
    String namingValue = processorOptions.get(NAMING);
    if (namingValue != null) {
      naming = Arrays.stream(Naming.values()).filter(n -> n.option().equals(namingValue.trim())).findFirst()
          .orElse(null);
      if (naming == null) {
        diagnostics.error(MappingCode.INVALID_NAMING_OPTION, "option " + NAMING + "=" + namingValue
            + " is not a naming Strata knows; use one of "
            + Arrays.stream(Naming.values()).map(Naming::option).collect(Collectors.joining(", "))
            + ", or leave it out for jpa");
        naming = Naming.JPA;
      }
    }
    ConstraintNaming constraintNaming = ConstraintNaming.HIBERNATE;
    String constraintValue = processorOptions.get(CONSTRAINT_NAMING);
    if (constraintValue != null) {
      constraintNaming = Arrays.stream(ConstraintNaming.values())
          .filter(n -> n.option().equals(constraintValue.trim())).findFirst().orElse(null);
      if (constraintNaming == null) {
        diagnostics.error(MappingCode.INVALID_CONSTRAINT_NAMING_OPTION, "option " + CONSTRAINT_NAMING + "="
            + constraintValue + " is not a constraint naming Strata knows; use one of "
            + Arrays.stream(ConstraintNaming.values()).map(ConstraintNaming::option)
                .collect(Collectors.joining(", "))
            + ", or leave it out for hibernate");
        constraintNaming = ConstraintNaming.HIBERNATE;
      }
    }
    Optional<Boolean> beanValidation = Optional.empty();
    String validationValue = processorOptions.get(BEAN_VALIDATION);
    if (validationValue != null) {
      String v = validationValue.trim();
      if (v.equals("true") || v.equals("false")) {
        beanValidation = Optional.of(Boolean.valueOf(v));
      } else {
        diagnostics.error(MappingCode.INVALID_BEAN_VALIDATION_OPTION, "option " + BEAN_VALIDATION + "="
            + validationValue + " is neither true nor false; use true (constraints such as @NotNull and @Size "
            + "shape the columns, as Hibernate does with a validator) or false, or leave it out to decide by "
            + "whether jakarta.validation is on the class path");
      }
    }
    SortedMap<String, SortedMap<String, String>> generators = new TreeMap<>();
    String generatorsValue = processorOptions.get(SEQUENCE_STYLE_GENERATORS);
    if (generatorsValue != null) {
      generators = sequenceStyleGenerators(generatorsValue, diagnostics);
    }
    return new MappingOptions(naming, constraintNaming, beanValidation, generators);
  }

  /**
   * Parses {@code a.B, c.D(initial_value=1000, increment_size=50)}: class names, each with optional
   * parameters in parentheses. A bad value is reported and nothing of it is used.
   */
  private static SortedMap<String, SortedMap<String, String>> sequenceStyleGenerators(String value,
      Diagnostics diagnostics) {
    SortedMap<String, SortedMap<String, String>> out = new TreeMap<>();
    List<String> entries = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        entries.add(value.substring(start, i));
        start = i + 1;
      }
      if (depth < 0 || depth > 1) {
        break;
      }
    }
    entries.add(value.substring(start));
    String problem = depth != 0 ? "its parentheses do not pair up" : null;
    for (String entry : entries) {
      if (problem != null) {
        break;
      }
      String e = entry.trim();
      int open = e.indexOf('(');
      String className = (open < 0 ? e : e.substring(0, open)).trim();
      if (!SourceVersion.isName(className)) {
        problem = "\"" + className + "\" is not a class name";
        break;
      }
      SortedMap<String, String> parameters = new TreeMap<>();
      if (open >= 0) {
        if (!e.endsWith(")")) {
          problem = "nothing may follow the parameters of " + className;
          break;
        }
        String inside = e.substring(open + 1, e.length() - 1);
        for (String parameter : inside.isBlank() ? new String[0] : inside.split(",")) {
          int eq = parameter.indexOf('=');
          String name = eq < 0 ? "" : parameter.substring(0, eq).trim();
          if (name.isEmpty()) {
            problem = "parameter \"" + parameter.trim() + "\" of " + className + " is not name=value";
            break;
          }
          parameters.put(name, parameter.substring(eq + 1).trim());
        }
      }
      if (problem == null && out.put(className, parameters) != null) {
        problem = className + " is listed twice";
      }
    }
    if (problem != null) {
      diagnostics.error(MappingCode.INVALID_SEQUENCE_STYLE_GENERATORS_OPTION, "option " + SEQUENCE_STYLE_GENERATORS
          + "=" + value + ": " + problem + "; list generator classes separated by commas, each with the "
          + "parameters it sets itself in parentheses, e.g. com.example.IdGenerator(initial_value=1000, "
          + "increment_size=50)");
      return new TreeMap<>();
    }
    return out;
  }
}
