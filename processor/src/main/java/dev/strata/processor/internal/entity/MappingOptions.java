package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.mapping.ConstraintNaming;
import dev.strata.processor.internal.mapping.Naming;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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
 */
public record MappingOptions(Naming naming, ConstraintNaming constraintNaming, Optional<Boolean> beanValidation) {

  public static final String NAMING = "strata.naming";
  public static final String CONSTRAINT_NAMING = "strata.constraintNaming";
  public static final String BEAN_VALIDATION = "strata.beanValidation";
  /** Every option the reader reads, for the processor's supported options. */
  public static final java.util.List<String> NAMES = java.util.List.of(NAMING, CONSTRAINT_NAMING, BEAN_VALIDATION);

  /** Hibernate's defaults. */
  public static final MappingOptions DEFAULTS = new MappingOptions(Naming.JPA, ConstraintNaming.HIBERNATE);

  public MappingOptions {
    Objects.requireNonNull(naming, "naming");
    Objects.requireNonNull(constraintNaming, "constraintNaming");
    Objects.requireNonNull(beanValidation, "beanValidation");
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
    return new MappingOptions(naming, constraintNaming, beanValidation);
  }
}
