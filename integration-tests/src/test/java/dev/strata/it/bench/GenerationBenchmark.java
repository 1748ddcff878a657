package dev.strata.it.bench;

import dev.strata.it.ProjectCompiler;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * What it costs to turn N entities into DDL: Strata's processor inside javac (the compile that
 * writes the first revision and the snapshot, minus the same compile with Strata switched off)
 * against Hibernate 7 building its metadata and writing its {@code create} script for the same
 * entity classes, without a database (what {@code ddl-auto} pays at every start).
 *
 * <p>Run: {@code mvn -B -q -pl integration-tests -am test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.strata.it.bench.GenerationBenchmark}
 * (system properties {@code bench.entities}, default 100, and {@code bench.trials}, default 7).
 */
public final class GenerationBenchmark {

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int entities = Integer.getInteger("bench.entities", 100);
    int trials = Integer.getInteger("bench.trials", 7);
    Path work = Files.createTempDirectory("strata-gen-bench");

    long[] strataOn = new long[trials];
    long[] strataOff = new long[trials];
    long[] hibernate = new long[trials];
    // Untimed warm-up of javac, the processor and Hibernate.
    compile(work.resolve("warm-on"), entities, Map.of());
    ProjectCompiler warm = compile(work.resolve("warm-off"), entities, Map.of("strata.mode", "off"));
    hibernateScript(warm, entities, work.resolve("warm.sql"));
    for (int t = 0; t < trials; t++) {
      long start = System.nanoTime();
      ProjectCompiler off = compile(work.resolve("off-" + t), entities, Map.of("strata.mode", "off"));
      strataOff[t] = System.nanoTime() - start;
      start = System.nanoTime();
      compile(work.resolve("on-" + t), entities, Map.of());
      strataOn[t] = System.nanoTime() - start;
      start = System.nanoTime();
      hibernateScript(off, entities, work.resolve("create-" + t + ".sql"));
      hibernate[t] = System.nanoTime() - start;
    }
    double on = median(strataOn) / 1e6;
    double offMs = median(strataOff) / 1e6;
    double hib = median(hibernate) / 1e6;
    System.out.printf(Locale.ROOT, "%d entities, %d trials, medians; JVM %s, %d cores%n", entities, trials,
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    System.out.println("| measurement | ms |");
    System.out.println("|---|---:|");
    System.out.printf(Locale.ROOT, "| javac, Strata off | %.1f |%n", offMs);
    System.out.printf(Locale.ROOT, "| javac, Strata writing the first revision and snapshot | %.1f |%n", on);
    System.out.printf(Locale.ROOT, "| Strata's share (difference) | %.1f |%n", on - offMs);
    System.out.printf(Locale.ROOT, "| Hibernate metadata + create script | %.1f |%n", hib);
    System.out.printf(Locale.ROOT, "| Strata's share / Hibernate | %.2f |%n", (on - offMs) / hib);
  }

  private static ProjectCompiler compile(Path root, int entities, Map<String, String> options) {
    ProjectCompiler project = new ProjectCompiler(root);
    for (int i = 0; i < entities; i++) {
      project.write("shop/E" + i + ".java", entity(i));
    }
    project.compile(options).assertSuccess();
    return project;
  }

  /** An entity of eight columns, an enum check and a foreign key to the previous entity. */
  private static String entity(int i) {
    String reference = i == 0 ? "" : "  @ManyToOne E" + (i - 1) + " previous;\n";
    return """
        package shop;

        import jakarta.persistence.*;
        import java.math.BigDecimal;
        import java.time.LocalDateTime;

        @Entity
        public class E%d {
          public enum State { NEW, ACTIVE, CLOSED }
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
          @Column(nullable = false, length = 80) String name;
          String description;
          int quantity;
          @Column(precision = 12, scale = 2) BigDecimal price;
          LocalDateTime updatedAt;
          @Enumerated(EnumType.STRING) State state;
          boolean archived;
        %s}
        """.formatted(i, reference);
  }

  private static void hibernateScript(ProjectCompiler project, int entities, Path out) throws Exception {
    try (URLClassLoader loader = project.classLoader()) {
      Map<String, Object> settings = new HashMap<>();
      settings.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
      settings.put("jakarta.persistence.database-product-name", "PostgreSQL");
      settings.put("jakarta.persistence.database-major-version", "17");
      settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
      settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
      settings.put("jakarta.persistence.schema-generation.scripts.create-target", out.toString());
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
          new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build()).applySettings(settings).build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
          classes.add(loader.loadClass("shop.E" + i));
        }
        classes.forEach(sources::addAnnotatedClass);
        Metadata metadata = sources.buildMetadata();
        SchemaManagementToolCoordinator.process(metadata, registry, settings, null);
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
    if (Files.size(out) == 0) {
      throw new IllegalStateException("Hibernate wrote no DDL to " + out);
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
