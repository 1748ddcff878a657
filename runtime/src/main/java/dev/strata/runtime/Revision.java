package dev.strata.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Migration} class as a revision and places it in the revision graph.
 *
 * <pre>{@code
 * @Revision(id = "20261126_101500_k3f9", parent = "20261120_093000_a1b2",
 *     message = "add orders.total", snapshot = "sha256:...")
 * public final class R20261126_101500_AddOrdersTotal implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

  /**
   * The revision id: {@code yyyyMMdd_HHmmss_xxxx} (UTC creation time and four random base-36
   * characters), so ids sort by creation time and two branches never pick the same one.
   */
  String id();

  /** The parent revision ids; empty for the first revision, several for a merge revision. */
  String[] parent() default {};

  /** What the revision does, in a line. */
  String message() default "";

  /**
   * The hash of the schema snapshot this revision produces ({@code sha256:<hex>}), empty for a
   * hand-written revision that changes no managed object.
   */
  String snapshot() default "";

  /**
   * False for a revision whose statements cannot run in a transaction (e.g.
   * {@code CREATE INDEX CONCURRENTLY}); it is then applied statement by statement.
   */
  boolean transactional() default true;
}
