package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message of element collections; the model starts on line 6. */
class ElementCollectionErrorTest {

  private static void assertOneError(String model, String message, int line) {
    JavaFileObject src = source("Model", "class Model {}\n" + model);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining(message).inFile(src).onLine(line);
  }

  @Test
  void entityElementsAreAnError() {
    assertOneError("""
        @Entity class Tag { @Id Long id; }
        @Entity class Post { @Id Long id;
          @ElementCollection Set<Tag> tags; }
        """, "[STRATA-111] @ElementCollection on Post.tags: its elements are entities (test.Tag), but an element "
        + "collection holds basic values or embeddables; map entities with @OneToMany or @ManyToMany", 8);
  }

  @Test
  void undeclaredElementTypeIsAnError() {
    assertOneError("""
        @Entity class Post { @Id Long id;
          @SuppressWarnings("rawtypes") @ElementCollection Set tags; }
        """, "[STRATA-101] @ElementCollection on Post.tags: the element type is not declared; declare it, e.g. "
        + "Set<String>, or name it with @ElementCollection(targetClass = ...)", 7);
  }

  @Test
  void collectionInsideACollectionElementIsAnError() {
    assertOneError("""
        @Embeddable class Extra { @ElementCollection Set<String> flags; }
        @Entity class Post { @Id Long id;
          @ElementCollection List<Extra> extras; }
        """, "[STRATA-107] @ElementCollection on Extra.flags: Extra is itself the element of an element collection, "
        + "and JPA allows no collection inside one; map the outer collection as an entity", 6);
  }

  @Test
  void toManyInsideACollectionElementIsAnError() {
    assertOneError("""
        @Entity class Tag { @Id Long id; }
        @Embeddable class Extra { @OneToMany Set<Tag> tags; }
        @Entity class Post { @Id Long id;
          @ElementCollection List<Extra> extras; }
        """, "[STRATA-107] @OneToMany on Extra.tags: Extra is the element of an element collection, and JPA allows "
        + "no to-many relationship there; map the collection as an entity with @OneToMany", 7);
  }

  @Test
  void orderColumnOnASetIsAnError() {
    assertOneError("""
        @Entity class Post { @Id Long id;
          @ElementCollection @OrderColumn Set<String> tags; }
        """, "[STRATA-103] @OrderColumn on Post.tags: only a List has an order column, and Post.tags is a "
        + "java.util.Set<java.lang.String>; declare it as a List, or remove @OrderColumn", 7);
  }

  @Test
  void embeddableMapKeyIsAnError() {
    assertOneError("""
        @Embeddable class Span { Integer start; Integer end; }
        @Entity class Post { @Id Long id;
          @ElementCollection Map<Span, String> notes; }
        """, "[STRATA-101] Post.notes: the map key type test.Span is an embeddable; Strata maps keys of basic and enum "
        + "types (String, numbers, dates, UUID, enums); change the key type", 8);
  }

  @Test
  void mapKeyTemporalOnANonDateKeyIsAnError() {
    assertOneError("""
        @Entity class Post { @Id Long id;
          @ElementCollection @MapKeyTemporal(TemporalType.DATE) Map<LocalDate, String> notes; }
        """, "[STRATA-103] @MapKeyTemporal on Post.notes: it applies only to java.util.Date and java.util.Calendar "
        + "keys, not to java.time.LocalDate; remove @MapKeyTemporal", 7);
  }

  @Test
  void twoCollectionsInOneTableIsAnError() {
    assertOneError("""
        @Entity class Post { @Id Long id;
          @ElementCollection @CollectionTable(name = "words") Set<String> tags;
          @ElementCollection @CollectionTable(name = "words") Set<String> labels; }
        """, "[STRATA-109] collection table words of Post.labels is also mapped by Post.tags; give it its own name "
        + "with @CollectionTable(name = ...)", 8);
  }

  @Test
  void collectionTableCatalogIsAnError() {
    assertOneError("""
        @Entity class Post { @Id Long id;
          @ElementCollection @CollectionTable(catalog = "other") Set<String> tags; }
        """, "[STRATA-107] @CollectionTable(catalog = \"other\") on Post.tags: PostgreSQL has no catalogs within a "
        + "database; remove catalog, or use schema", 7);
  }
}
