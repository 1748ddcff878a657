package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relationships. Expected schemas are Hibernate 7.4.15's {@code create} DDL for the same sources on
 * PostgreSQLDialect, with names as PostgreSQL stores them (folded; its own names for inline unique
 * constraints and checks).
 */
class RelationMappingTest {

  @Test
  void toOneAndToManyRelationships() {
    ReaderHarness.Result result = compile(source("Purchase", """
        class Model {}
        @Entity class Customer { @Id Long id; @OneToMany(mappedBy = "customer") List<Purchase> purchases;
          @OneToOne(mappedBy = "customer") Profile profile; }
        @Entity class Profile { @Id Long id; @OneToOne Customer customer; }
        @Entity class Purchase { @Id Long id;
          @ManyToOne Customer customer;
          @ManyToOne(optional = false) Customer payer;
          @ManyToOne @JoinColumn(name = "agent", nullable = false) Customer agent;
          @ManyToOne @JoinColumn(name = "ref_code", referencedColumnName = "code") Product product;
          @OneToOne(optional = false) Product bonus;
          @ManyToOne @JoinColumn(foreignKey = @ForeignKey(name = "fk_custom")) Customer named;
          @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Customer nofk;
          @OneToMany List<Product> uniProducts;
          @OneToMany @JoinColumn(name = "purchase_id") Set<Line> lines;
          @ManyToMany Set<Tag> tags;
          @ManyToMany @JoinTable(name = "purchase_labels", joinColumns = @JoinColumn(name = "p_id"),
              inverseJoinColumns = @JoinColumn(name = "l_id")) List<Tag> labels;
          @ManyToMany @JoinTable(name = "purchase_ordered") @OrderColumn List<Tag> ordered;
          @ManyToMany @JoinTable(name = "purchase_by_key") @MapKeyColumn(name = "k") Map<String, Tag> byKey;
        }
        @Entity class Product { @Id Long id; @Column(unique = true) String code; }
        @Entity class Line { @Id Long id; }
        @Entity class Tag { @Id Integer id; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table customer
          id bigint not null
          primary key customer_pkey (id)
        table line
          id bigint not null
          purchase_id bigint
          primary key line_pkey (id)
          foreign key fkrm99awh8njpol9h4fjn9c60hs (purchase_id) references purchase (id)
        table product
          code varchar(255)
          id bigint not null
          primary key product_pkey (id)
          unique product_code_key (code)
        table profile
          customer_id bigint
          id bigint not null
          primary key profile_pkey (id)
          foreign key fk1mle1qieepbi5dg1w7mngwiqj (customer_id) references customer (id)
          unique profile_customer_id_key (customer_id)
        table purchase
          agent bigint not null
          bonus_id bigint not null
          customer_id bigint
          id bigint not null
          named_id bigint
          nofk_id bigint
          payer_id bigint not null
          ref_code varchar(255)
          primary key purchase_pkey (id)
          foreign key fk15nvfxt1otlr20atpbi9c2uo3 (customer_id) references customer (id)
          foreign key fk_custom (named_id) references customer (id)
          foreign key fkbeyhgt0tm5xyoh8a3x3xg83gu (payer_id) references customer (id)
          foreign key fkmqca44u06uy5pbsos3w809sck (bonus_id) references product (id)
          foreign key fknoh3u8ka3a7dw9y5jmdklp7ob (agent) references customer (id)
          foreign key fkst54k4o74nkrboltaky44oic1 (ref_code) references product (code)
          unique purchase_bonus_id_key (bonus_id)
        table purchase_by_key
          bykey_id integer not null
          k varchar(255) not null
          purchase_id bigint not null
          primary key purchase_by_key_pkey (purchase_id, k)
          foreign key fk6gtjgkrdcnfxe850puf4efa84 (purchase_id) references purchase (id)
          foreign key fkmlxbklqcxl12u0mj5uv3q17jp (bykey_id) references tag (id)
        table purchase_labels
          l_id integer not null
          p_id bigint not null
          foreign key fk8c0owj6mgb5g8naxtfo4nnmqe (l_id) references tag (id)
          foreign key fkkm8rnu87oxm0mle7xjvkp1q2w (p_id) references purchase (id)
        table purchase_ordered
          ordered_id integer not null
          ordered_order integer not null
          purchase_id bigint not null
          primary key purchase_ordered_pkey (ordered_order, purchase_id)
          foreign key fkghskfplo6qdgm8amdalx4trh4 (purchase_id) references purchase (id)
          foreign key fkjes3gb5y78q8of2qfxkbfrwt7 (ordered_id) references tag (id)
          check purchase_ordered_ordered_order_check: ordered_order >= 0
        table purchase_product
          purchase_id bigint not null
          uniproducts_id bigint not null
          foreign key fkjr4croydr79vdg505w67b97fm (uniproducts_id) references product (id)
          foreign key fks8kvj20cfrxbxcccl8815pf3p (purchase_id) references purchase (id)
          unique purchase_product_uniproducts_id_key (uniproducts_id)
        table purchase_tag
          purchase_id bigint not null
          tags_id integer not null
          primary key purchase_tag_pkey (tags_id, purchase_id)
          foreign key fkcgp3gjgke4eqyyhwjsa8o88r3 (purchase_id) references purchase (id)
          foreign key fkfl76njjrnnifl15nq2td5sxcb (tags_id) references tag (id)
        table tag
          id integer not null
          primary key tag_pkey (id)
        """, result.schema());
  }

  @Test
  void bidirectionalManyToManyNamesTheOwnerColumnAfterTheInverseAttribute() {
    String jpa = """
        table course
          id bigint not null
          primary key course_pkey (id)
        table student
          id bigint not null
          primary key student_pkey (id)
        table student_course
          courses_id bigint not null
          students_id bigint not null
          primary key student_course_pkey (courses_id, students_id)
          foreign key fkemqred2obsjrlmip5cei2g6qk (students_id) references student (id)
          foreign key fkhsraemp5c43dqbijrt4uppboe (courses_id) references course (id)
        """;
    String snake = """
        table course
          id bigint not null
          primary key course_pkey (id)
        table student
          id bigint not null
          primary key student_pkey (id)
        table student_courses
          courses_id bigint not null
          students_id bigint not null
          primary key student_courses_pkey (courses_id, students_id)
          foreign key fklwviiijdg10oc2ui4yl7adh1o (courses_id) references course (id)
          foreign key fkrgo64lg01pxfwq2x9753jgywc (students_id) references student (id)
        """;
    String model = """
        class Model {}
        @Entity class Student { @Id Long id; @ManyToMany Set<Course> courses; }
        @Entity class Course { @Id Long id; @ManyToMany(mappedBy = "courses") Set<Student> students; }
        """;
    ReaderHarness.Result plain = compile(source("Model", model));
    assertThat(plain.compilation).succeededWithoutWarnings();
    assertEquals(jpa, plain.schema());
    ReaderHarness.Result spring = compile(Map.of("strata.naming", "snake_case"), source("Model", model));
    assertThat(spring.compilation).succeededWithoutWarnings();
    assertEquals(snake, spring.schema());
  }

  @Test
  void joinTablesGoToTheDefaultSchemaAndMapKeysMayBeEnums() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        enum Role { OWNER, VIEWER }
        @Entity @Table(schema = "app") class Team { @Id Long id;
          @ManyToMany Set<Person> members;
          @ManyToMany @JoinTable(name = "team_roles") @MapKeyEnumerated(EnumType.STRING) Map<Role, Person> byRole;
        }
        @Entity class Person { @Id Long id; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        namespace app
        table person
          id bigint not null
          primary key person_pkey (id)
        table team_person
          members_id bigint not null
          team_id bigint not null
          primary key team_person_pkey (team_id, members_id)
          foreign key fkb9mxtk47m7wt71fyw2rlrpy5a (members_id) references person (id)
          foreign key fkncr8sqj6xiv66drve2e4baibk (team_id) references app.team (id)
        table team_roles
          byrole_id bigint not null
          byrole_key varchar(255) not null
          team_id bigint not null
          primary key team_roles_pkey (team_id, byrole_key)
          foreign key fk6em19qrah4n0rqtqewnpr8qlh (byrole_id) references person (id)
          foreign key fkmobclt70hxhwj8idkg5x5l0wm (team_id) references app.team (id)
          check team_roles_byrole_key_check: byrole_key in ('OWNER','VIEWER')
        table app.team
          id bigint not null
          primary key team_pkey (id)
        """, result.schema());
  }

  @Test
  void oneToManyJoinTablesAreKeyedAsHibernateKeysThem() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Tag { @Id Long id; }
        @Entity class Post { @Id Long id; @OneToMany Set<Tag> tags; 
          @OneToMany @JoinTable(name = "post_tag_list") @OrderColumn List<Tag> ordered;
          @OneToMany @JoinTable(name = "post_tag_map") Map<String, Tag> byName; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table post
          id bigint not null
          primary key post_pkey (id)
        table post_tag
          post_id bigint not null
          tags_id bigint not null
          primary key post_tag_pkey (tags_id)
          foreign key fk47gqj81usrw2wvro146ctahrg (post_id) references post (id)
          foreign key fkfo7p9f29n07psub691tubts2v (tags_id) references tag (id)
        table post_tag_list
          ordered_id bigint not null
          ordered_order integer not null
          post_id bigint not null
          primary key post_tag_list_pkey (ordered_order, post_id)
          foreign key fk90ca4a577tme1dbefgfdhx052 (post_id) references post (id)
          foreign key fkc762efxtic3htrh8fde9fbuft (ordered_id) references tag (id)
          unique post_tag_list_ordered_id_key (ordered_id)
          check post_tag_list_ordered_order_check: ordered_order >= 0
        table post_tag_map
          byname_id bigint not null
          byname_key varchar(255) not null
          post_id bigint not null
          primary key post_tag_map_pkey (post_id, byname_key)
          foreign key fk2x6x4o3bwy51pa7lod8o4jgwe (post_id) references post (id)
          foreign key fkmj8krc1ec127dxbsxplbpkvkv (byname_id) references tag (id)
          unique post_tag_map_byname_id_key (byname_id)
        table tag
          id bigint not null
          primary key tag_pkey (id)
        """, result.schema());
  }

  @Test
  void foreignKeyNamesInContainersAndAUniqueConstraintOnTheKey() {
    // @CollectionTable's and @JoinColumns' default foreignKey is @ForeignKey(PROVIDER_DEFAULT): the join
    // column's name counts. A unique constraint on the key's columns is dropped and orders the key.
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Entity class Process { @Id Long id;
          @ElementCollection @CollectionTable(name = "process_roles",
              joinColumns = @JoinColumn(name = "process_id", foreignKey = @ForeignKey(name = "fk_process_roles")))
          Set<String> roles; }
        class PairKey implements java.io.Serializable { Long x; Long y; }
        @Entity @IdClass(PairKey.class) class Pair { @Id Long x; @Id Long y; }
        @Entity class UsesPair { @Id Long id;
          @ManyToOne @JoinColumns(value = {@JoinColumn(name = "px", referencedColumnName = "x"),
              @JoinColumn(name = "py", referencedColumnName = "y")}, foreignKey = @ForeignKey(name = "fk_uses_pair"))
          Pair pair; }
        @Entity class Grp { @Id Long id; }
        class CacheKey implements java.io.Serializable { Long parent; Long child; }
        @Entity @IdClass(CacheKey.class)
        @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"parent_id", "child_id"}))
        class GroupCache { @Id @ManyToOne Grp parent; @Id @ManyToOne Grp child; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table groupcache
          child_id bigint not null
          parent_id bigint not null
          primary key groupcache_pkey (parent_id, child_id)
          foreign key fk7pynrheglhj21mktde3ocolip (child_id) references grp (id)
          foreign key fkn9rn3empmmb4wl178rk3twglt (parent_id) references grp (id)
        table grp
          id bigint not null
          primary key grp_pkey (id)
        table pair
          x bigint not null
          y bigint not null
          primary key pair_pkey (x, y)
        table process
          id bigint not null
          primary key process_pkey (id)
        table process_roles
          process_id bigint not null
          roles varchar(255)
          foreign key fk_process_roles (process_id) references process (id)
          unique process_roles_process_id_roles_key (process_id, roles)
        table usespair
          id bigint not null
          px bigint
          py bigint
          primary key usespair_pkey (id)
          foreign key fk_uses_pair (px, py) references pair (x, y)
        """, result.schema());
  }

  @Test
  void explicitJoinColumnsFollowTheReferencedKeysOrder() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        class LineKey implements java.io.Serializable { Long orderNo; Integer lineNo; }
        @Entity @IdClass(LineKey.class) class OrderLine { @Id Long orderNo; @Id Integer lineNo; }
        @Entity class Shipment { @Id Long id;
          @ManyToOne @JoinColumns({@JoinColumn(name = "from_order", referencedColumnName = "orderNo"),
              @JoinColumn(name = "from_line", referencedColumnName = "lineNo")}) OrderLine from; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table orderline
          lineno integer not null
          orderno bigint not null
          primary key orderline_pkey (lineno, orderno)
        table shipment
          from_line integer
          from_order bigint
          id bigint not null
          primary key shipment_pkey (id)
          foreign key fka5sp08jj4nrf117b9xgcu7btg (from_line, from_order) references orderline (lineno, orderno)
        """, result.schema());
  }
}
