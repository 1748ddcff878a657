package dev.strata.runtime.internal;

import dev.strata.runtime.Migration;
import dev.strata.runtime.MigrationException;
import dev.strata.runtime.Revision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the application's revisions: the classes named in every {@code META-INF/strata/revisions}
 * resource on the class loader (written by the processor; one class name per line), or an explicit
 * list. No class-path scanning.
 */
public final class RevisionLoader {

  /** The index resource the processor writes. */
  public static final String INDEX = "META-INF/strata/revisions";

  private RevisionLoader() {}

  /** The revision classes named by the index resources, in the order found, each once. */
  public static List<Class<? extends Migration>> fromIndex(ClassLoader loader) {
    Map<String, URL> names = new LinkedHashMap<>();
    try {
      Enumeration<URL> resources = loader.getResources(INDEX);
      while (resources.hasMoreElements()) {
        URL url = resources.nextElement();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
              names.putIfAbsent(name, url);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new MigrationException("cannot read " + INDEX + " from the class path: " + e.getMessage(), e);
    }
    List<Class<? extends Migration>> classes = new ArrayList<>();
    for (Map.Entry<String, URL> entry : names.entrySet()) {
      Class<?> type;
      try {
        type = Class.forName(entry.getKey(), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new MigrationException(entry.getValue() + " names revision class " + entry.getKey()
            + ", which cannot be loaded (" + e + "); rebuild the application so that the index and its classes match", e);
      }
      classes.add(checked(type, entry.getValue().toString()));
    }
    return classes;
  }

  /** Checks that {@code type} is a revision class; {@code source} says where it was named. */
  public static Class<? extends Migration> checked(Class<?> type, String source) {
    if (!Migration.class.isAssignableFrom(type)) {
      throw new MigrationException(source + " names " + type.getName() + ", which does not implement "
          + Migration.class.getName());
    }
    if (type.getAnnotation(Revision.class) == null) {
      throw new MigrationException(source + " names " + type.getName() + ", which has no @Revision annotation");
    }
    return type.asSubclass(Migration.class);
  }

  /** Instantiates each class and records its steps. */
  public static List<RevisionInfo> load(List<Class<? extends Migration>> classes) {
    List<RevisionInfo> revisions = new ArrayList<>();
    for (Class<? extends Migration> type : classes) {
      Migration migration;
      try {
        Constructor<? extends Migration> constructor = type.getDeclaredConstructor();
        if (!Modifier.isPublic(type.getModifiers()) || !Modifier.isPublic(constructor.getModifiers())) {
          constructor.setAccessible(true);
        }
        migration = constructor.newInstance();
      } catch (NoSuchMethodException e) {
        throw new MigrationException("revision class " + type.getName() + " has no no-argument constructor; add one", e);
      } catch (InstantiationException | IllegalAccessException | RuntimeException e) {
        throw new MigrationException("cannot instantiate revision class " + type.getName() + ": " + e, e);
      } catch (InvocationTargetException e) {
        throw new MigrationException("the constructor of revision class " + type.getName() + " failed: "
            + e.getCause(), e.getCause());
      }
      try {
        revisions.add(RevisionInfo.of(type, migration));
      } catch (IllegalStateException e) {
        throw new MigrationException(e.getMessage(), e.getCause());
      }
    }
    return revisions;
  }
}
