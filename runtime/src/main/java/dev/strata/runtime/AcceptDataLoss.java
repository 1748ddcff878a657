package dev.strata.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts that the next revision loses data: Strata then generates a destructive change without
 * complaint, even under {@code strata.destructive=error}, and a type change that PostgreSQL cannot
 * cast becomes a drop and an add of the column. The compiler option
 * {@code -Astrata.acknowledge=table.column} does the same without touching the source.
 *
 * <ul>
 *   <li>On a field or getter, with no elements: the loss of that attribute's column(s) when their
 *       type narrows or cannot be cast.
 *   <li>On an entity class: {@link #columns} names columns of the entity's table that are dropped
 *       or narrowed (a dropped column has no field left to annotate).
 *   <li>On an entity class or on a package ({@code package-info.java} of a package that holds
 *       entities): {@link #tables} names tables that are dropped. A dropped table's entity is gone,
 *       so its acknowledgement goes on another entity or on the package.
 * </ul>
 *
 * <p>Once no change of a compile loses what an annotation names (the revision that did it has been
 * generated), the processor says that the annotation can be removed: left in place, it would
 * accept a later loss unnoticed.
 *
 * <p>Class retention, so that a compile that reads the entity from its class file (an incremental
 * build) still sees it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PACKAGE})
public @interface AcceptDataLoss {
  /** On an entity: columns of its table, by their names in the database, e.g. {@code "note"}. */
  String[] columns() default {};

  /**
   * On an entity or a package: dropped tables, by their names in the database, qualified by their
   * PostgreSQL schema when they have one: {@code "orders"}, {@code "sales.orders"}.
   */
  String[] tables() default {};
}
