package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.Diagnostics;

/** Stable codes of the entity reader's messages ({@code STRATA-1xx}) and of its options ({@code STRATA-45x}). */
public enum MappingCode implements Diagnostics.Code {
  /** A Java type Strata does not know how to store. */
  UNSUPPORTED_TYPE(101),
  /** An annotation attribute with a value that cannot be right (negative length, scale above precision). */
  INVALID_ATTRIBUTE(102),
  /** Annotations that contradict each other on one element. */
  CONTRADICTORY_MAPPING(103),
  /** Two attributes mapping the same column of a table. */
  DUPLICATE_COLUMN(104),
  /** A generation strategy that does not fit the attribute's type. */
  INVALID_GENERATION(105),
  /** An entity without an identifier. */
  MISSING_ID(106),
  /** An annotation or attribute value Strata does not support. */
  UNSUPPORTED_MAPPING(107),
  /** A {@code columnDefinition} that is not a plain PostgreSQL type. */
  INVALID_COLUMN_DEFINITION(108),
  /** Two entities (or collections) mapping the same table. */
  DUPLICATE_TABLE(109),
  /** A name that cannot be a PostgreSQL identifier (empty). */
  INVALID_NAME(110),
  /** A relationship, id class or converter that refers to something unusable. */
  INVALID_REFERENCE(111),
  /** A generator or sequence defined twice in contradicting ways. */
  CONFLICTING_GENERATOR(112),
  /** Constraints or indexes that collide or name unknown columns. */
  INVALID_CONSTRAINT(113),
  /** A name that PostgreSQL reserves and that Hibernate does not quote (a warning). */
  RESERVED_NAME(150),
  /** An enum stored through a converter: Hibernate's check of its values cannot be known (a warning). */
  CONVERTED_ENUM_CHECK(151),

  /** An unknown value of {@code strata.naming}. */
  INVALID_NAMING_OPTION(451),
  /** An unknown value of {@code strata.constraintNaming}. */
  INVALID_CONSTRAINT_NAMING_OPTION(452),
  /** A value of {@code strata.beanValidation} other than true or false. */
  INVALID_BEAN_VALIDATION_OPTION(453),
  /** A value of {@code strata.sequenceStyleGenerators} that is not a list of classes with parameters. */
  INVALID_SEQUENCE_STYLE_GENERATORS_OPTION(454);

  private final int number;

  MappingCode(int number) {
    this.number = number;
  }

  @Override
  public String id() {
    return "STRATA-" + number;
  }
}
