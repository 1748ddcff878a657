package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message of relationships, generators and unsupported mappings; the model starts on line 5. */
class RelationMappingErrorTest {

  private static void assertOneError(String model, String message, int line) {
    JavaFileObject src = source("Model", "class Model {}\n" + model);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining(message).inFile(src).onLine(line);
  }

  @Test
  void relationshipToANonEntityIsAnError() {
    assertOneError("""
        class Plain { Long id; }
        @Entity class A { @Id Long id; @ManyToOne Plain plain; }
        """, "[STRATA-111] @ManyToOne on A.plain: test.Plain is not an entity; point the relationship at an @Entity "
        + "class (or set targetEntity)", 7);
  }

  @Test
  void unknownReferencedColumnIsAnError() {
    assertOneError("""
        @Entity class B { @Id Long id; }
        @Entity class A { @Id Long id; @ManyToOne @JoinColumn(referencedColumnName = "code") B b; }
        """, "[STRATA-111] @JoinColumn(referencedColumnName = \"code\") on A.b: table b of B has no column code; "
        + "name one of its columns", 7);
  }

  @Test
  void tooFewJoinColumnsForACompositeKeyIsAnError() {
    assertOneError("""
        class K implements java.io.Serializable { Long x; Long y; }
        @Entity @IdClass(K.class) class B { @Id Long x; @Id Long y; }
        @Entity class A { @Id Long id; @ManyToOne @JoinColumn(name = "bx") B b; }
        """, "[STRATA-111] A.b has 1 join columns but B's key has 2; give one @JoinColumn per key column, or name each "
        + "referencedColumnName", 8);
  }

  @Test
  void twoCollectionsInOneJoinTableIsAnError() {
    assertOneError("""
        @Entity class Tag { @Id Long id; }
        @Entity class Post { @Id Long id; @ManyToMany Set<Tag> tags; @ManyToMany Set<Tag> featured; }
        """, "[STRATA-109] join table post_tag of Post.featured is also mapped by Post.tags; give it its own name "
        + "with @JoinTable(name = ...)", 7);
  }

  @Test
  void toManyOnANonCollectionIsAnError() {
    assertOneError("""
        @Entity class Tag { @Id Long id; }
        @Entity class Post { @Id Long id; @OneToMany Tag tag; }
        """, "[STRATA-101] @OneToMany on Post.tag: test.Tag is not a collection type JPA maps; declare it as a List, "
        + "Set, Collection or Map", 7);
  }

  @Test
  void orderedListInTargetJoinColumnIsAnError() {
    assertOneError("""
        @Entity class Line { @Id Long id; }
        @Entity class Order1 { @Id Long id; @OneToMany @JoinColumn(name = "o") @OrderColumn List<Line> lines; }
        """, "[STRATA-107] Order1.lines: an ordered list or map kept in a join column of the target's table is not "
        + "supported by Strata; use a join table, or a bidirectional relationship with mappedBy", 7);
  }

  @Test
  void toOneThroughJoinTableIsAnError() {
    assertOneError("""
        @Entity class B { @Id Long id; }
        @Entity class A { @Id Long id; @ManyToOne @JoinTable(name = "a_b") B b; }
        """, "[STRATA-107] @JoinTable on A.b: a to-one relationship through a join table is not supported by Strata; "
        + "map it with a join column", 7);
  }

  @Test
  void mapKeyOnAJoinColumnOfTheTargetIsAnError() {
    assertOneError("""
        @Entity class B { @Id Long id; }
        @Entity class A { @Id Long id; @OneToMany @JoinColumn(name = "a_id") @MapKey Map<Long, B> bs; }
        """, "A.bs: an ordered list or map kept in a join column of the target's table is not supported by Strata; "
        + "use a join table, or a bidirectional relationship with mappedBy", 7);
  }

  @Test
  void nonPositiveAllocationSizeIsAnError() {
    assertOneError("""
        @Entity class A { @Id @GeneratedValue(generator = "g")
          @SequenceGenerator(name = "g", allocationSize = 0) Long id; }
        """, "[STRATA-102] @SequenceGenerator(allocationSize = 0) for A.id: allocationSize must be positive; remove "
        + "it or set a positive value", 7);
  }

  @Test
  void defaultOnGeneratedIdIsAnError() {
    assertOneError("""
        @Entity class A { @Id @GeneratedValue @ColumnDefault("1") Long id; }
        """, "[STRATA-103] @ColumnDefault on A.id: a generated identifier has no default; remove @ColumnDefault", 6);
  }

  @Test
  void columnOptionsAreAnError() {
    assertOneError("""
        @Entity class A { @Id Long id; @Column(options = "collate \\"C\\"") String name; }
        """, "[STRATA-107] @Column(options = \"collate \"C\"\") on A.name: Strata cannot record SQL column options; "
        + "remove options", 6);
  }
}
