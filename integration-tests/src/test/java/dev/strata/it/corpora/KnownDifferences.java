package dev.strata.it.corpora;

import dev.strata.it.oracle.KnownBugs;
import dev.strata.it.oracle.SchemaOracle.Allowed;
import java.util.List;

/** Short spellings of the allowed differences the corpus tests list, one call per object pair. */
final class KnownDifferences {
  private KnownDifferences() {}

  static final String NO_ACTION = " on delete no action on update no action";

  /** A primary key in another column order ({@link KnownBugs#KEY_COLUMN_ORDER}). */
  static List<Allowed> keyOrder(String table, String strata, String hibernate) {
    return keyOrder(table, strata, hibernate, KnownBugs.KEY_COLUMN_ORDER);
  }

  static List<Allowed> keyOrder(String table, String strata, String hibernate, String bug) {
    return List.of(Allowed.knownBug("table " + table + " primary key " + table + "_pkey", "(" + strata + ")",
        "(" + hibernate + ")", bug));
  }

  /**
   * A single-column foreign key to {@code target (id)} that Strata names {@code strataName} and
   * Hibernate {@code hibernateName}: two entries, one on each side.
   */
  static List<Allowed> foreignKeyName(String table, String strataName, String column, String target,
      String hibernateName, String bug) {
    String definition = "(" + column + ") references " + target + " (id)" + NO_ACTION;
    return List.of(
        Allowed.knownBugOnlyStrata("table " + table + " foreign key " + strataName, definition, bug),
        Allowed.knownBugOnlyHibernate("table " + table + " foreign key " + hibernateName, definition, bug));
  }
}
