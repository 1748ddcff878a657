package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Hibernate's {@code @CollectionId} on element collections, as Hibernate 7.4's IdBagBinder binds it. */
class CollectionIdMappingTest {

  /** Hibernate's annotations and type descriptors that the reader looks at, in their real packages. */
  private static final List<JavaFileObject> HIBERNATE = List.of(
      JavaFileObjects.forSourceString("org.hibernate.id.IdentifierGenerator",
          "package org.hibernate.id;\npublic interface IdentifierGenerator {}\n"),
      JavaFileObjects.forSourceString("org.hibernate.annotations.CollectionId", """
          package org.hibernate.annotations;
          public @interface CollectionId { jakarta.persistence.Column column() default @jakarta.persistence.Column;
            Class<? extends org.hibernate.id.IdentifierGenerator> generatorImplementation()
                default org.hibernate.id.IdentifierGenerator.class;
            String generator() default ""; }
          """),
      JavaFileObjects.forSourceString("org.hibernate.annotations.CollectionIdJavaType",
          "package org.hibernate.annotations;\npublic @interface CollectionIdJavaType { Class<?> value(); }\n"),
      JavaFileObjects.forSourceString("org.hibernate.annotations.CollectionIdJavaClass",
          "package org.hibernate.annotations;\npublic @interface CollectionIdJavaClass { Class<?> idType(); }\n"),
      JavaFileObjects.forSourceString("org.hibernate.annotations.CollectionIdJdbcTypeCode",
          "package org.hibernate.annotations;\npublic @interface CollectionIdJdbcTypeCode { int value(); }\n"),
      JavaFileObjects.forSourceString("org.hibernate.type.descriptor.java.IntegerJavaType",
          "package org.hibernate.type.descriptor.java;\npublic class IntegerJavaType {}\n"),
      JavaFileObjects.forSourceString("org.hibernate.type.descriptor.java.StringJavaType",
          "package org.hibernate.type.descriptor.java;\npublic class StringJavaType {}\n"));

  private static ReaderHarness.Result compileWith(JavaFileObject src) {
    List<JavaFileObject> all = new ArrayList<>(HIBERNATE);
    all.add(src);
    return compile(Map.of(), all.toArray(JavaFileObject[]::new));
  }

  @Test
  void anIdBagHasAnIdColumnThatIsItsKeyAndAGenerator() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity @Table(name = "formats") @SequenceGenerator(name = "label_ids", initialValue = 5, allocationSize = 10)
        class Format { @Id Integer id;
          @ElementCollection @CollectionTable(name = "fileextension", joinColumns = @JoinColumn(name = "format_id"))
          @CollectionId(column = @Column(name = "file_extension_id"), generator = "fileextension_seq")
          @CollectionIdJavaType(org.hibernate.type.descriptor.java.IntegerJavaType.class)
          @SequenceGenerator(name = "fileextension_seq", sequenceName = "fileextension_seq", allocationSize = 1)
          @Column(name = "extension") List<String> fileExtensions;
          @ElementCollection @CollectionId(generator = "sequence") @CollectionIdJavaClass(idType = Long.class)
          List<String> tags;
          @ElementCollection @CollectionId(column = @Column(name = "row_no"), generator = "increment")
          @CollectionIdJdbcTypeCode(5) Collection<Integer> scores;
          @ElementCollection @CollectionId(column = @Column(name = "label_id"), generator = "label_ids")
          @CollectionIdJavaClass(idType = long.class) List<String> labels; }
        """);
    ReaderHarness.Result result = compileWith(src);
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table fileextension
          extension varchar(255)
          file_extension_id integer not null
          format_id integer not null
          primary key fileextension_pkey (file_extension_id)
          foreign key fkpbgu7n30d82hh0umb2vmdc2xd (format_id) references formats (id)
        table format_labels
          format_id integer not null
          label_id bigint not null
          labels varchar(255)
          primary key format_labels_pkey (label_id)
          foreign key fk5bsc1c8dy9kig4uypepqjpb51 (format_id) references formats (id)
        table format_scores
          format_id integer not null
          row_no smallint not null
          scores integer
          primary key format_scores_pkey (row_no)
          foreign key fkcnsg8mne4pngsn3arvgi5kj5v (format_id) references formats (id)
        table format_tags
          format_id integer not null
          id bigint not null
          tags varchar(255)
          primary key format_tags_pkey (id)
          foreign key fkahui66xuwp0v27cdaoxe62ydg (format_id) references formats (id)
        table formats
          id integer not null
          primary key formats_pkey (id)
        sequence fileextension_seq start 1 increment 1
        sequence format_tags_seq start 1 increment 50
        sequence label_ids start 5 increment 10
        """, result.schema());
  }

  @Test
  void whatHibernateRefusesOrStrataCannotKnowIsAnError() {
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity class A { @Id Long id;
          @ElementCollection @CollectionId(generator = "sequence") List<String> untyped;
          @ElementCollection @CollectionId(generator = "sequence")
          @CollectionIdJavaType(org.hibernate.type.descriptor.java.StringJavaType.class) List<String> text;
          @ElementCollection @CollectionId(generator = "native") @CollectionIdJavaClass(idType = Long.class)
          List<String> nativeIds;
          @ElementCollection @CollectionId(generator = "elsewhere") @CollectionIdJavaClass(idType = Long.class)
          List<String> unknown;
          @ElementCollection @CollectionId(generator = "sequence") @CollectionIdJavaClass(idType = Long.class)
          Set<String> set;
          @ManyToMany @CollectionId(generator = "sequence") List<A> others; }
        """);
    ReaderHarness.Result result = compileWith(src);
    assertThat(result.compilation).hadErrorCount(6);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @CollectionId on A.untyped does not say the id's "
        + "type, and Hibernate cannot know it either; add @CollectionIdJavaClass(idType = Long.class) (or Integer, "
        + "Short)").inFile(src).onLine(7);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @CollectionIdJavaType(StringJavaType) on A.text "
        + "is not supported by Strata; a collection id is an integer: use @CollectionIdJavaClass(idType = Long.class) "
        + "(or Integer, Short), @CollectionIdJavaType(LongJavaType.class) or @CollectionIdJdbcTypeCode(SqlTypes.BIGINT)")
        .inFile(src).onLine(9);
    assertThat(result.compilation).hadErrorContaining("[STRATA-105] @CollectionId on A.nativeIds has generator = "
        + "\"native\", which Hibernate refuses for a collection id; name a @SequenceGenerator with generator = ..., "
        + "or use \"sequence\" or \"increment\"").inFile(src).onLine(10);
    assertThat(result.compilation).hadErrorContaining("[STRATA-111] @CollectionId(generator = \"elsewhere\") on "
        + "A.unknown: no generator of that name is declared on the attribute or on A (Hibernate looks only there); "
        + "declare a @SequenceGenerator(name = \"elsewhere\") there").inFile(src).onLine(12);
    assertThat(result.compilation).hadErrorContaining("[STRATA-103] @CollectionId on A.set: a collection id belongs "
        + "to a bag (a List without @OrderColumn, or a Collection), and A.set is a java.util.Set<java.lang.String>; "
        + "declare it as a List or Collection, or remove @CollectionId").inFile(src).onLine(14);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @CollectionId on A.others is supported by Strata "
        + "on an @ElementCollection only, not yet on a join table; map the association as an entity, or remove "
        + "@CollectionId").inFile(src).onLine(16);
  }
}
