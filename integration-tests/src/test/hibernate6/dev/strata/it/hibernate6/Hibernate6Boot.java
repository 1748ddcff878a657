package dev.strata.it.hibernate6;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;
import org.hibernate.service.Service;

/**
 * Boots a model's own Hibernate 6 on its entities. Not part of the test build: the corpus test
 * (dev.strata.it.corpora.IsolatedHibernate) compiles this file against the model's class path and
 * loads it in a class loader that sees only that class path, so it must use nothing but the JDK and
 * the Hibernate 6 API; it is called by reflection with JDK types only.
 */
public final class Hibernate6Boot {
  private Hibernate6Boot() {}

  /**
   * Builds a session factory for {@code entities} with {@code hbm2ddl.auto = action} on {@code db},
   * which runs the schema action, and closes it. {@code services} maps a Hibernate service interface
   * the model's code asks the registry for (which its application registers) to the class of the
   * instance to register.
   */
  public static void run(DataSource db, String action, List<String> entities, Map<String, Object> settings,
      Map<String, String> services) throws ReflectiveOperationException {
    ClassLoader loader = Hibernate6Boot.class.getClassLoader();
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
    StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap)
        .applySetting("hibernate.connection.datasource", db)
        .applySetting("hibernate.hbm2ddl.auto", action)
        .applySetting("hibernate.show_sql", "false")
        .applySettings(settings);
    for (Map.Entry<String, String> service : new TreeMap<>(services).entrySet()) {
      addService(builder, loader.loadClass(service.getKey()).asSubclass(Service.class),
          loader.loadClass(service.getValue()).getDeclaredConstructor().newInstance());
    }
    StandardServiceRegistry registry = builder.build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String name : entities) {
        sources.addAnnotatedClass(loader.loadClass(name));
      }
      try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
        // Building the factory runs the schema action.
      }
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static <S extends Service> void addService(StandardServiceRegistryBuilder builder, Class<S> role,
      Object instance) {
    builder.addService(role, role.cast(instance));
  }

  /**
   * Stands in for the Spring bean container a model's entity listeners expect: a class with a
   * no-argument constructor is made by it; otherwise its shortest constructor gets, for each
   * parameter, an instance made by that type's no-argument constructor (what Spring would inject
   * from a default bean), or null. Nothing here runs the listeners: only the schema is wanted.
   */
  public static final class ReflectionBeanContainer implements BeanContainer {

    @Override
    public <B> ContainedBean<B> getBean(Class<B> type, LifecycleOptions options, BeanInstanceProducer fallback) {
      B bean = instantiate(type);
      return () -> bean;
    }

    @Override
    public <B> ContainedBean<B> getBean(String name, Class<B> type, LifecycleOptions options,
        BeanInstanceProducer fallback) {
      B bean = fallback.produceBeanInstance(name, type);
      return () -> bean;
    }

    @Override
    public void stop() {
      // Holds nothing.
    }

    private static <B> B instantiate(Class<B> type) {
      Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
          .min(Comparator.comparingInt(Constructor::getParameterCount))
          .orElseThrow(() -> new IllegalStateException(type.getName() + " has no constructor"));
      Object[] arguments = Arrays.stream(constructor.getParameterTypes())
          .map(ReflectionBeanContainer::defaultBean).toArray();
      try {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(arguments));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName() + ": " + e, e);
      }
    }

    private static Object defaultBean(Class<?> type) {
      try {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }
}
