package dev.strata.schema.testing;

/**
 * Runs a property for many seeds and names the seed that fails. {@code -Dstrata.seed=N} runs only that
 * seed; {@code -Dstrata.cases=N} changes how many seeds run (the default keeps the build fast).
 */
public final class Seeds {
  private Seeds() {}

  @FunctionalInterface
  public interface Property {
    void check(long seed) throws Exception;
  }

  public static void forEach(int defaultCases, Property property) {
    String only = System.getProperty("strata.seed");
    if (only != null) {
      run(Long.parseLong(only), property);
      return;
    }
    int cases = Integer.getInteger("strata.cases", defaultCases);
    for (long seed = 1; seed <= cases; seed++) {
      run(seed, property);
    }
  }

  private static void run(long seed, Property property) {
    try {
      property.check(seed);
    } catch (Throwable e) {
      throw new AssertionError("property fails for seed " + seed + " (rerun just it with -Dstrata.seed=" + seed
          + "): " + e.getMessage(), e);
    }
  }
}
