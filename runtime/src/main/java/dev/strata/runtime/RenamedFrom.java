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
 * name, exactly as in the database: on a {@code @ManyToOne} or {@code @OneToOne} attribute, the old
 * name of its join column (e.g. {@code "owner_id"} when {@code owner} became {@code buyer}), whose
 * foreign key and unique constraint follow it; on an {@code @ElementCollection} of basic values, the
 * old name of the value column. Attributes without a single column of their own refuse it with an
 * error: an {@code @Embedded} value (annotate the embeddable's attributes), a to-many relationship,
 * or join columns of a composite key. A name that is no column of the table is an error too.
 *
 * <p>Once the revision with the rename has been generated, the processor says that the annotation
 * can be removed; until then it does no harm. This holds for two columns (or tables) that exchange
 * names too: the exchange is made while the definitions (type, nullability, default, identity,
 * comment) are still under the old names, and not again once they are under the new ones. Columns
 * with the same definition look alike before and after an exchange; Strata then does not make it
 * and warns.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
  /** The old table or column name, exactly as in the database. */
  String value();
}
