package dev.strata.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an entity's table, or a field's column, was renamed from {@code value}, so Strata
 * generates a rename (keeping the data) instead of a drop and an add.
 *
 * <p>On an entity class, {@code value} is the old table name; on a field or getter, the old column
 * name. Once the revision with the rename has been generated, the processor says that the
 * annotation can be removed.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
  /** The old table or column name, exactly as in the database. */
  String value();
}
