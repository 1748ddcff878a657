package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's {@code @GenericGenerator} on AUTO identifiers: SequenceStyleGenerator (by class, strategy
 * name or a subclass that keeps its sequence) and classes vouched for in
 * {@code strata.sequenceStyleGenerators} make Hibernate 7.4's sequence; other generators are refused.
 */
class GenericGeneratorMappingTest {

  /** Hibernate's types with the members the reader looks at, in their real packages. */
  private static final List<JavaFileObject> HIBERNATE = List.of(
      JavaFileObjects.forSourceString("org.hibernate.generator.Generator",
          "package org.hibernate.generator;\npublic interface Generator {}\n"),
      JavaFileObjects.forSourceString("org.hibernate.annotations.Parameter",
          "package org.hibernate.annotations;\npublic @interface Parameter { String name(); String value(); }\n"),
      JavaFileObjects.forSourceString("org.hibernate.annotations.GenericGenerator", """
          package org.hibernate.annotations;
          public @interface GenericGenerator { String name();
            Class<? extends org.hibernate.generator.Generator> type() default org.hibernate.generator.Generator.class;
            String strategy() default "native"; Parameter[] parameters() default {}; }
          """),
      JavaFileObjects.forSourceString("org.hibernate.id.enhanced.SequenceStyleGenerator", """
          package org.hibernate.id.enhanced;
          public class SequenceStyleGenerator implements org.hibernate.generator.Generator {
            protected int determineIncrementSize(java.util.Properties p) { return 50; } }
          """),
      JavaFileObjects.forSourceString("gen.KeepsSequence", """
          package gen;
          public class KeepsSequence extends org.hibernate.id.enhanced.SequenceStyleGenerator {
            public String toString() { return "keeps"; } }
          """),
      JavaFileObjects.forSourceString("gen.ChangesIncrement", """
          package gen;
          public class ChangesIncrement extends org.hibernate.id.enhanced.SequenceStyleGenerator {
            @Override protected int determineIncrementSize(java.util.Properties p) { return 7; } }
          """),
      JavaFileObjects.forSourceString("gen.Wrapping", """
          package gen;
          public class Wrapping implements org.hibernate.generator.Generator {
            private final org.hibernate.id.enhanced.SequenceStyleGenerator inner =
                new org.hibernate.id.enhanced.SequenceStyleGenerator(); }
          """));

  private static ReaderHarness.Result compileWith(Map<String, String> options, JavaFileObject src) {
    List<JavaFileObject> all = new ArrayList<>(HIBERNATE);
    all.add(src);
    return compile(options, all.toArray(JavaFileObject[]::new));
  }

  private static String sequences(ReaderHarness.Result result) {
    return result.schema().lines().filter(l -> l.startsWith("sequence ")).collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void sequenceStyleGeneratorsMakeHibernatesSequence() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class ByType { @Id @GeneratedValue(generator = "by_type")
          @GenericGenerator(name = "by_type", type = org.hibernate.id.enhanced.SequenceStyleGenerator.class) Long id; }
        @Entity class ByStrategy { @Id @GeneratedValue(generator = "ByStrategyIds")
          @GenericGenerator(name = "ByStrategyIds", strategy = "enhanced-sequence") Long id; }
        @Entity class Native { @Id @GeneratedValue(generator = "native_gen")
          @GenericGenerator(name = "native_gen") Long id; }
        @Entity class Params { @Id @GeneratedValue(generator = "p") @GenericGenerator(name = "p",
          type = gen.KeepsSequence.class, parameters = { @org.hibernate.annotations.Parameter(name = "sequence_name", value = "params_ids"),
            @org.hibernate.annotations.Parameter(name = "initial_value", value = "10"), @org.hibernate.annotations.Parameter(name = "increment_size", value = "5") })
          Long id; }
        @Entity @GenericGenerator(name = "on_class", strategy = "sequence", parameters = {
            @org.hibernate.annotations.Parameter(name = "sequence_per_entity_suffix", value = "_ids"),
            @org.hibernate.annotations.Parameter(name = "increment_size", value = "20"), @org.hibernate.annotations.Parameter(name = "optimizer", value = "none") })
        class OnClass { @Id @GeneratedValue(generator = "on_class") Integer id; }
        @Entity class Qualified { @Id @GeneratedValue(generator = "q") @GenericGenerator(name = "q",
          parameters = @org.hibernate.annotations.Parameter(name = "sequence_name", value = "ids.qualified_seq")) Long id; }
        """);
    ReaderHarness.Result result = compileWith(Map.of(), src);
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        sequence by_type start 1 increment 50
        sequence bystrategyids start 1 increment 50
        sequence native_gen start 1 increment 50
        sequence onclass_ids start 1 increment 1
        sequence params_ids start 10 increment 5
        sequence ids.qualified_seq start 1 increment 50
        """, sequences(result));
  }

  @Test
  void aVouchedForGeneratorMakesTheSequenceWithItsOwnParameters() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Embeddable class Pid { @GenericGenerator(name = "SEQ_RESOURCE_ID", type = gen.Wrapping.class)
          @GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_RESOURCE_ID") @Column(name = "RES_ID")
          Long id; Integer partition; }
        @Entity class Res { @EmbeddedId Pid pid; }
        @Entity class Tag { @Id @GeneratedValue(generator = "SEQ_TAG_ID") @GenericGenerator(name = "SEQ_TAG_ID",
          type = gen.Wrapping.class, parameters = @org.hibernate.annotations.Parameter(name = "increment_size", value = "1")) Long id; }
        """);
    ReaderHarness.Result result = compileWith(Map.of(MappingOptions.SEQUENCE_STYLE_GENERATORS,
        " gen.Wrapping( initial_value=1000, increment_size = 50 ) "), src);
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        sequence seq_resource_id start 1000 increment 50
        sequence seq_tag_id start 1000 increment 50
        """, sequences(result));
  }

  @Test
  void otherGeneratorsAreAnErrorThatNamesTheOption() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id @GeneratedValue(generator = "w")
          @GenericGenerator(name = "w", type = gen.Wrapping.class) Long id; }
        @Entity class B { @Id @GeneratedValue(generator = "c")
          @GenericGenerator(name = "c", type = gen.ChangesIncrement.class) Long id; }
        @Entity class C { @Id @GeneratedValue(generator = "u") @GenericGenerator(name = "u", strategy = "uuid2") Long id; }
        """);
    ReaderHarness.Result result = compileWith(Map.of(), src);
    assertThat(result.compilation).hadErrorCount(3);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @GenericGenerator \"w\" used by A.id: Strata "
        + "cannot know what generator gen.Wrapping needs in the database (only Hibernate's SequenceStyleGenerator and "
        + "subclasses that keep its sequence are read); if it makes the sequence SequenceStyleGenerator makes, name "
        + "it in the processor option strata.sequenceStyleGenerators=gen.Wrapping(...) with the parameters it sets "
        + "itself, e.g. (initial_value=1000, increment_size=50); else use @SequenceGenerator, or strategy = "
        + "IDENTITY or UUID").inFile(src).onLine(6);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @GenericGenerator \"c\" used by B.id: Strata "
        + "cannot know what generator gen.ChangesIncrement needs").inFile(src).onLine(8);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @GenericGenerator \"u\" used by C.id: Strata "
        + "cannot know what generator uuid2 needs").inFile(src).onLine(10);
  }

  @Test
  void unsupportedParametersAndStrategiesAreErrors() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id @GeneratedValue(generator = "t") @GenericGenerator(name = "t",
          parameters = @org.hibernate.annotations.Parameter(name = "force_table_use", value = "true")) Long id; }
        @Entity class B { @Id @GeneratedValue(generator = "n") @GenericGenerator(name = "n",
          parameters = @org.hibernate.annotations.Parameter(name = "increment_size", value = "fifty")) Long id; }
        @Entity class C { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "s")
          @GenericGenerator(name = "s") Long id; }
        """);
    ReaderHarness.Result result = compileWith(Map.of(), src);
    assertThat(result.compilation).hadErrorCount(3);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @GenericGenerator \"t\" (used by A.id) sets "
        + "parameter force_table_use, which Strata does not support; remove it, or use @SequenceGenerator")
        .inFile(src).onLine(6);
    assertThat(result.compilation).hadErrorContaining("[STRATA-102] @GenericGenerator \"n\" (used by B.id) sets "
        + "increment_size to \"fifty\", which is not an int; give a whole number").inFile(src).onLine(8);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @GenericGenerator \"s\" used by C.id with "
        + "strategy = SEQUENCE: Hibernate reads a @GenericGenerator only for strategy = AUTO; leave strategy out, or "
        + "use @SequenceGenerator").inFile(src).onLine(10);
  }

  @Test
  void aMalformedOptionIsAnError() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id Long id; }
        """);
    ReaderHarness.Result result = compileWith(Map.of(MappingOptions.SEQUENCE_STYLE_GENERATORS,
        "gen.Wrapping(initial_value)"), src);
    assertThat(result.compilation).hadErrorContaining("[STRATA-454] option strata.sequenceStyleGenerators="
        + "gen.Wrapping(initial_value): parameter \"initial_value\" of gen.Wrapping is not name=value; list generator "
        + "classes separated by commas, each with the parameters it sets itself in parentheses, e.g. "
        + "com.example.IdGenerator(initial_value=1000, increment_size=50)");
  }
}
