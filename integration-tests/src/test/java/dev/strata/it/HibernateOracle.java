package dev.strata.it;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate 7 as the judge of a schema: {@link #validate} is what {@code ddl-auto=validate} does at
 * an application's start; {@link #create} is what Hibernate itself would create for the entities.
 */
public final class HibernateOracle {
  private HibernateOracle() {}

  /** Boots Hibernate with {@code hbm2ddl.auto=validate}; throws Hibernate's exception when the schema does not fit. */
  public static void validate(DataSource dataSource, ClassLoader loader, List<String> entityClasses) {
    boot(dataSource, loader, entityClasses, "validate");
  }

  /** Lets Hibernate create the schema for the entities ({@code hbm2ddl.auto=create}). */
  public static void create(DataSource dataSource, ClassLoader loader, List<String> entityClasses) {
    boot(dataSource, loader, entityClasses, "create");
  }

  /**
   * {@link #validate(DataSource, ClassLoader, List)} with further Hibernate settings, e.g. a physical
   * naming strategy; a setting given here wins over the defaults.
   */
  public static void validate(DataSource dataSource, ClassLoader loader, List<String> entityClasses,
      Map<String, Object> settings) {
    boot(dataSource, loader, entityClasses, "validate", settings);
  }

  /** {@link #create(DataSource, ClassLoader, List)} with further Hibernate settings. */
  public static void create(DataSource dataSource, ClassLoader loader, List<String> entityClasses,
      Map<String, Object> settings) {
    boot(dataSource, loader, entityClasses, "create", settings);
  }

  private static void boot(DataSource dataSource, ClassLoader loader, List<String> entityClasses, String action) {
    boot(dataSource, loader, entityClasses, action, Map.of());
  }

  private static void boot(DataSource dataSource, ClassLoader loader, List<String> entityClasses, String action,
      Map<String, Object> settings) {
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
        .applySetting("hibernate.connection.datasource", dataSource)
        .applySetting("hibernate.hbm2ddl.auto", action)
        .applySetting("hibernate.show_sql", "false")
        .applySettings(settings)
        .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String name : entityClasses) {
        sources.addAnnotatedClass(loader.loadClass(name));
      }
      try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
        // Building the factory runs the schema action; nothing else to do.
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("entity class not compiled: " + e.getMessage(), e);
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }
}
