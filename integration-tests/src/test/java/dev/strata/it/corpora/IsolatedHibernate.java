package dev.strata.it.corpora;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A model's own Hibernate (from its class path, e.g. HAPI's 6.6) booted on its entities in a class
 * loader that sees only that class path, the entity classes Strata's processor compiled, and a small
 * bootstrap class (src/test/hibernate6) compiled against that class path here. Its parent is the
 * platform loader, so nothing of the test's Hibernate 7.4 or JPA 3.2 leaks in; only JDK types
 * ({@link DataSource}, lists, maps of strings) cross the boundary. (Hibernate's class loader service
 * also asks the system class loader for service files, and so sees the test's Hibernate 7.4 ones;
 * their classes resolve to 6.6's, or fail as "not a subtype", which Hibernate logs as HHH000505 and
 * ignores.)
 */
final class IsolatedHibernate implements AutoCloseable {

  /** The bootstrap source, relative to the integration-tests module (the tests' working directory). */
  private static final Path BOOT_SOURCE = Path.of("src/test/hibernate6/dev/strata/it/hibernate6/Hibernate6Boot.java");
  private static final String BOOT_CLASS = "dev.strata.it.hibernate6.Hibernate6Boot";

  /**
   * What makes Hibernate 6 boot outside the model's Spring context: a bean container that builds
   * entity listeners by reflection (HAPI's listener has only an {@code @Autowired} constructor),
   * Bean Validation off (as for the test's Hibernate, and its validator integration), Envers, which
   * the model's class path brings, off, and no second-level cache. Hibernate Search is left out of
   * the class path instead ({@link #NOT_LOADED}).
   */
  private static final Map<String, Object> SETTINGS = Map.of(
      "hibernate.resource.beans.container", BOOT_CLASS + "$ReflectionBeanContainer",
      "jakarta.persistence.validation.mode", "none",
      "hibernate.integration.envers.enabled", "false",
      "hibernate.cache.use_second_level_cache", "false");

  /**
   * Jars of the model's class path the isolated loader leaves out: Hibernate Search adds no table,
   * and its mapping contributor runs even when disabled and needs a newer jboss-logging than the one
   * HAPI's dependency tree resolves to (its Spring Boot build manages that version).
   */
  private static final Pattern NOT_LOADED = Pattern.compile(".*/org/hibernate/search/.*");

  private final URLClassLoader loader;
  private final Method run;
  private final List<String> entities;
  private final Map<String, String> services;

  private IsolatedHibernate(URLClassLoader loader, Method run, List<String> entities, Map<String, String> services) {
    this.loader = loader;
    this.run = run;
    this.entities = entities;
    this.services = services;
  }

  /**
   * Compiles the bootstrap class into {@code workDir} and opens the isolated loader. {@code services}
   * maps each Hibernate service interface the model's code asks for to the class to register for it
   * (class names of the model's class path).
   */
  static IsolatedHibernate open(Corpus corpus, CorpusCompile compile, Path workDir, Map<String, String> services)
      throws Exception {
    Path bootClasses = Files.createDirectories(workDir.resolve("hibernate6-boot"));
    String classPath = corpus.classPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, "-proc:none", "--release", "17", "-cp", classPath,
        "-d", bootClasses.toString(), BOOT_SOURCE.toAbsolutePath().toString());
    if (status != 0) {
      throw new IllegalStateException("compiling " + BOOT_SOURCE + " against " + corpus.id()
          + "'s class path failed:\n" + errors.toString(StandardCharsets.UTF_8));
    }
    List<URL> urls = new ArrayList<>();
    urls.add(url(bootClasses));
    urls.add(url(compile.project().classes()));
    for (Path jar : corpus.classPath()) {
      if (!NOT_LOADED.matcher(jar.toString().replace('\\', '/')).matches()) {
        urls.add(url(jar));
      }
    }
    URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Method run = loader.loadClass(BOOT_CLASS).getMethod("run", DataSource.class, String.class, List.class, Map.class,
        Map.class);
    return new IsolatedHibernate(loader, run, corpus.entityClasses(), services);
  }

  /** Hibernate's version as it reports it, e.g. {@code 6.6.4.Final}. */
  String version() throws Exception {
    return (String) loader.loadClass("org.hibernate.Version").getMethod("getVersionString").invoke(null);
  }

  /** Lets the model's Hibernate create the schema of all its entities in {@code db}. */
  void create(DataSource db) throws Exception {
    run(db, "create");
  }

  /** Runs the model's Hibernate's {@code validate} on {@code db}; throws its exception when the schema does not fit. */
  void validate(DataSource db) throws Exception {
    run(db, "validate");
  }

  private void run(DataSource db, String action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Hibernate also looks up services through the context loader: it must not see the test's Hibernate.
    thread.setContextClassLoader(loader);
    try {
      run.invoke(null, db, action, entities, SETTINGS, services);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
