package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @MapsId}, {@code @AssociationOverride}, entity map keys ({@code @MapKeyJoinColumn}) and
 * {@code @SecondaryTable}. The expected schema is Hibernate 7.4.15's {@code create} DDL for the same
 * source.
 */
class DerivedKeysAndSecondaryTablesTest {

  @Test
  void derivedIdentifiersOverridesEntityMapKeysAndSecondaryTables() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Parent { @Id Long id; }
        @Entity class Detail { @Id Long id; @MapsId @OneToOne Parent parent; String note; }
        @Entity class Detail2 { @Id Long id; @MapsId @OneToOne @JoinColumn(name = "pid") Parent parent; }
        @Embeddable class LineKey implements java.io.Serializable { Long orderId; Integer lineNo; }
        @Entity class Line { @EmbeddedId LineKey key; @MapsId("orderId") @ManyToOne Parent order; }
        @Embeddable class Owned { String label; @ManyToOne Parent owner; }
        @MappedSuperclass abstract class Audited { @ManyToOne Parent createdBy; }
        @Entity @AssociationOverride(name = "createdBy", joinColumns = @JoinColumn(name = "creator"))
          class Doc extends Audited { @Id Long id;
          @Embedded @AssociationOverride(name = "owner", joinColumns = @JoinColumn(name = "owner_ref")) Owned owned; }
        @Entity class Tag { @Id Long id; }
        @Entity class Shelf { @Id Long id;
          @ElementCollection @MapKeyJoinColumn(name = "tag_ref") Map<Tag, String> notes;
          @ManyToMany @JoinTable(name = "shelf_tags") @MapKeyJoinColumn(name = "k_id") Map<Tag, Parent> byTag;
          @ElementCollection Map<Tag, Integer> counts;
        }
        @Entity @SecondaryTable(name = "doc_extra") class Doc2 { @Id Long id; String title;
          @Column(table = "doc_extra") String body; @Column(table = "doc_extra", length = 20) String summary; }
        @Entity @SecondaryTable(name = "doc3_extra", pkJoinColumns = @PrimaryKeyJoinColumn(name = "doc_id"),
            foreignKey = @ForeignKey(name = "fk_doc3"))
        class Doc3 { @Id Long id; @Column(table = "doc3_extra") String body; }
        @Entity class Ref { @Id Long id; @ManyToOne Detail d; @ManyToOne Line l; @ManyToOne Doc2 doc; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table detail
          note varchar(255)
          parent_id bigint not null
          primary key detail_pkey (parent_id)
          foreign key fk6quu8x7h48lf5qv93p6yc2b44 (parent_id) references parent (id)
        table detail2
          pid bigint not null
          primary key detail2_pkey (pid)
          foreign key fkbw9e5qjqn7iemyilu6ryxftmc (pid) references parent (id)
        table doc
          creator bigint
          id bigint not null
          label varchar(255)
          owner_ref bigint
          primary key doc_pkey (id)
          foreign key fk6fseuatlrnl991njcx1u2s7nw (creator) references parent (id)
          foreign key fkl2vrwh966in7hkn0xjwn51h6p (owner_ref) references parent (id)
        table doc2
          id bigint not null
          title varchar(255)
          primary key doc2_pkey (id)
        table doc3
          id bigint not null
          primary key doc3_pkey (id)
        table doc3_extra
          body varchar(255)
          doc_id bigint not null
          primary key doc3_extra_pkey (doc_id)
          foreign key fk_doc3 (doc_id) references doc3 (id)
        table doc_extra
          body varchar(255)
          id bigint not null
          summary varchar(20)
          primary key doc_extra_pkey (id)
          foreign key fkjwifr3bnntrsg71t1iw0wkh4v (id) references doc2 (id)
        table line
          lineno integer not null
          order_id bigint not null
          primary key line_pkey (lineno, order_id)
          foreign key fkk2xx5ub127wiqqtrwc7a40roo (order_id) references parent (id)
        table parent
          id bigint not null
          primary key parent_pkey (id)
        table ref
          d_parent_id bigint
          doc_id bigint
          id bigint not null
          l_lineno integer
          l_order_id bigint
          primary key ref_pkey (id)
          foreign key fk1u0bab9asoq4u1ky29x6a61vg (d_parent_id) references detail (parent_id)
          foreign key fkktdrwubyodgsadwo44n7x8mif (l_lineno, l_order_id) references line (lineno, order_id)
          foreign key fkmv1mmtmk6mxijm9lcakn8fyyp (doc_id) references doc2 (id)
        table shelf
          id bigint not null
          primary key shelf_pkey (id)
        table shelf_counts
          counts integer
          counts_key bigint not null
          shelf_id bigint not null
          primary key shelf_counts_pkey (shelf_id, counts_key)
          foreign key fkhoppwkcpsfhm7ew6vbnkvsj0s (shelf_id) references shelf (id)
          foreign key fkhug8wlt6id140ex16icq4wojk (counts_key) references tag (id)
        table shelf_notes
          notes varchar(255)
          shelf_id bigint not null
          tag_ref bigint not null
          primary key shelf_notes_pkey (shelf_id, tag_ref)
          foreign key fka2nrb6mpx8164il8hglbf4u5h (shelf_id) references shelf (id)
          foreign key fki604rjhxe9v5cvpptkdofapff (tag_ref) references tag (id)
        table shelf_tags
          bytag_id bigint not null
          k_id bigint not null
          shelf_id bigint not null
          primary key shelf_tags_pkey (shelf_id, k_id)
          foreign key fk4pcx9e92c3hgx5v6t82uq0v6a (bytag_id) references parent (id)
          foreign key fkadjije3fnu7opuphjnk8170iy (shelf_id) references shelf (id)
          foreign key fkf9qhjgx1ik5t9yoo0d4dwcna1 (k_id) references tag (id)
        table tag
          id bigint not null
          primary key tag_pkey (id)
        """, result.schema());
  }

  private static void assertOneError(String model, String message, int line) {
    JavaFileObject src = source("Model", "class Model {}\n" + model);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining(message).inFile(src).onLine(line);
  }

  @Test
  void mapsIdWithoutAnIdentifierToMapIsAnError() {
    assertOneError("""
        @Entity class Parent { @Id Long id; }
        @Entity class Detail { @Id Long id;
          @MapsId("parentId") @OneToOne Parent parent; }
        """, "[STRATA-111] @MapsId on Detail.parent: the entity has no @EmbeddedId attribute for it to map; map the "
        + "identifier with @EmbeddedId and put @MapsId on the relationship that gives its value", 8);
  }

  @Test
  void overridingAToManysJoinColumnsIsAnError() {
    assertOneError("""
        @Entity class Tag { @Id Long id; }
        @MappedSuperclass abstract class Tagged { @ManyToMany Set<Tag> tags; }
        @Entity @AssociationOverride(name = "tags", joinColumns = @JoinColumn(name = "post_id"))
        class Post extends Tagged { @Id Long id; }
        """, "[STRATA-107] @AssociationOverride(name = \"tags\") for Tagged.tags: Strata supports overriding the join "
        + "table of a to-many relationship, not its join columns; override it with joinTable = @JoinTable(...) only",
        7);
  }

  @Test
  void secondaryTableOnASubclassIsAnError() {
    assertOneError("""
        @Entity class Doc { @Id Long id; }
        @Entity @SecondaryTable(name = "report_extra") class Report extends Doc { }
        """, "[STRATA-107] @SecondaryTable on Report: Strata supports secondary tables on the root of a hierarchy "
        + "only; move it to Doc, or map the columns in the subclass's own table", 7);
  }

  @Test
  void joinColumnsGoIntoTheSecondaryTableTheyName() {
    ReaderHarness.Result result = ReaderHarness.compile(ReaderHarness.source("Model", """
        class Model {}
        @Entity class Parent { @Id Long id; }
        @Entity @SecondaryTable(name = "doc_extra") class Doc { @Id Long id;
          @ManyToOne(optional = false) @JoinColumn(table = "doc_extra") Parent parent; }
        """));
    com.google.testing.compile.CompilationSubject.assertThat(result.compilation).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertEquals("""
        table doc
          id bigint not null
          primary key doc_pkey (id)
        table doc_extra
          id bigint not null
          parent_id bigint not null
          primary key doc_extra_pkey (id)
          foreign key fk989srpl1shagfhgvydpv3jjtx (parent_id) references parent (id)
          foreign key fkhfqlwjnljnhhk11p8h39tsuwv (id) references doc (id)
        table parent
          id bigint not null
          primary key parent_pkey (id)
        """, result.schema());
  }

  @Test
  void aMapKeyedByAnAttributeOfTheElementKeysItsJoinTableByOwnerAndElement() {
    ReaderHarness.Result result = ReaderHarness.compile(ReaderHarness.source("Model", """
        class Model {}
        @Entity class Item { @Id Long id; String code; }
        @Entity class Shop { @Id Long id; @ManyToMany @MapKey(name = "code") Map<String, Item> items; }
        """));
    com.google.testing.compile.CompilationSubject.assertThat(result.compilation).succeededWithoutWarnings();
    org.junit.jupiter.api.Assertions.assertTrue(result.schema().contains("""
        table shop_item
          items_id bigint not null
          shop_id bigint not null
          primary key shop_item_pkey (shop_id, items_id)
        """), result.schema());
  }

  @Test
  void joinColumnInATableTheEntityDoesNotDeclareIsAnError() {
    assertOneError("""
        @Entity class Parent { @Id Long id; }
        @Entity @SecondaryTable(name = "doc_extra") class Doc { @Id Long id;
          @ManyToOne @JoinColumn(table = "doc_other") Parent parent; }
        """, "[STRATA-111] @JoinColumn(table = \"doc_other\") on Doc.parent: Doc declares no @SecondaryTable of that "
        + "name; name one of its secondary tables, or declare it", 8);
  }

  @Test
  void secondaryTableKeyColumnsNotMatchingTheKeyAreAnError() {
    assertOneError("""
        @Entity @SecondaryTable(name = "doc_extra", pkJoinColumns = {@PrimaryKeyJoinColumn(name = "a"),
            @PrimaryKeyJoinColumn(name = "b")})
        class Doc { @Id Long id; @Column(table = "doc_extra") String body; }
        """, "[STRATA-111] @SecondaryTable(name = \"doc_extra\") on Doc has 2 pkJoinColumns but the key of Doc has 1 "
        + "columns; give one per key column", 6);
  }

  @Test
  void anEntityMapKeyWithACompositeKeyNeedsNamedColumns() {
    assertOneError("""
        class K implements java.io.Serializable { Long a; Long b; }
        @Entity @IdClass(K.class) class Tag { @Id Long a; @Id Long b; }
        @Entity class Shelf { @Id Long id;
          @ElementCollection Map<Tag, String> notes; }
        """, "[STRATA-107] Shelf.notes: the map's key entity Tag has a composite key; name its columns with "
        + "@MapKeyJoinColumns", 9);
  }
}
