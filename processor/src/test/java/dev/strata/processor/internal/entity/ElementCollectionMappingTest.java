package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @ElementCollection}. Each expected schema is Hibernate 7.4.15's {@code create} DDL for the
 * same source on PostgreSQLDialect (names as PostgreSQL stores them): a Set keeps a unique
 * (owner, element) constraint while an element column is nullable and a primary key once none is, no
 * key with a large-object element or unique constraints of its own; a List has (owner, order) with
 * {@code @OrderColumn}, else nothing; a Map (owner, key).
 */
class ElementCollectionMappingTest {

  @Test
  void basicElementsInSetsListsBagsAndMaps() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        enum Color { RED, GREEN }
        @Entity class Person { @Id Long id;
          @ElementCollection Set<String> nicknames;
          @ElementCollection @Column(name = "number", length = 20, nullable = false)
            @CollectionTable(name = "phones", joinColumns = @JoinColumn(name = "owner")) Set<String> phones;
          @ElementCollection @Enumerated(EnumType.STRING) Set<Color> colors;
          @ElementCollection @Lob Set<String> notes;
          @ElementCollection List<Integer> scores;
          @ElementCollection @OrderColumn List<String> ordered;
          @ElementCollection Collection<LocalDate> dates;
          @ElementCollection Map<String, String> attributes;
          @ElementCollection @MapKeyColumn(name = "k", length = 40) Map<String, Integer> counts;
          @ElementCollection @MapKeyEnumerated(EnumType.STRING) Map<Color, BigDecimal> prices;
          @ElementCollection Map<Color, String> labels;
          @ElementCollection @CollectionTable(uniqueConstraints = @UniqueConstraint(columnNames = "codes"))
            Set<String> codes;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table person
          id bigint not null
          primary key person_pkey (id)
        table person_attributes
          attributes varchar(255)
          attributes_key varchar(255) not null
          person_id bigint not null
          primary key person_attributes_pkey (person_id, attributes_key)
          foreign key fk46iebn6ckxmpotds4kgiuvhxj (person_id) references person (id)
        table person_codes
          codes varchar(255)
          person_id bigint not null
          foreign key fkp8otuon32jjye4f1tmu5evv1l (person_id) references person (id)
          unique person_codes_codes_key (codes)
        table person_colors
          colors varchar(255)
          person_id bigint not null
          foreign key fkqqagt6bo4dwg85g3fkkojqlrv (person_id) references person (id)
          unique person_colors_person_id_colors_key (person_id, colors)
          check person_colors_colors_check: colors in ('RED','GREEN')
        table person_counts
          counts integer
          k varchar(40) not null
          person_id bigint not null
          primary key person_counts_pkey (person_id, k)
          foreign key fkko131ll6heoid0nbascei0aq3 (person_id) references person (id)
        table person_dates
          dates date
          person_id bigint not null
          foreign key fklycvnoh4w6112eueldsyn7os5 (person_id) references person (id)
        table person_labels
          labels varchar(255)
          labels_key smallint not null
          person_id bigint not null
          primary key person_labels_pkey (labels_key, person_id)
          foreign key fkdscm89684l9svt1qstmoek4jk (person_id) references person (id)
          check person_labels_labels_key_check: labels_key between 0 and 1
        table person_nicknames
          nicknames varchar(255)
          person_id bigint not null
          foreign key fk7gamkdi4huy1h87ghdtggfdpy (person_id) references person (id)
          unique person_nicknames_person_id_nicknames_key (person_id, nicknames)
        table person_notes
          notes oid
          person_id bigint not null
          foreign key fkelnpei8syfuni2hqa4aaohstm (person_id) references person (id)
        table person_ordered
          ordered varchar(255)
          ordered_order integer not null
          person_id bigint not null
          primary key person_ordered_pkey (ordered_order, person_id)
          foreign key fkjtoj22mbby8689uv10j0eyxe5 (person_id) references person (id)
          check person_ordered_ordered_order_check: ordered_order >= 0
        table person_prices
          person_id bigint not null
          prices numeric(38,2)
          prices_key varchar(255) not null
          primary key person_prices_pkey (person_id, prices_key)
          foreign key fkopav4cdi6miv7p3qyeaxtc9vx (person_id) references person (id)
          check person_prices_prices_key_check: prices_key in ('RED','GREEN')
        table person_scores
          person_id bigint not null
          scores integer
          foreign key fk6lreq45e47v6j425r1uqsjp9k (person_id) references person (id)
        table phones
          number varchar(20) not null
          owner bigint not null
          primary key phones_pkey (owner, number)
          foreign key fkidv5muu6kn21h7qwg4ana47ch (owner) references person (id)
        """, result.schema());
  }

  @Test
  void embeddableElementsOverridesCollectionTablesAndCompositeOwners() {
    ReaderHarness.Result result = compile(source("Model", """
        class Model {}
        @Embeddable class Geo { Double lat; Double lng; }
        @Embeddable class Address { String street; @Embedded Geo geo; int number; }
        @Embeddable class Part { @Column(nullable = false) String sku; @Column(nullable = false) Integer quantity; }
        @Embeddable class Link { String note; @ManyToOne Tag tag; }
        @Embeddable class Extra { String x; @ElementCollection Set<String> flags; }
        @Entity class Tag { @Id Integer id; }
        @MappedSuperclass abstract class Base { @Id Long id; @ElementCollection Set<String> labels; }
        @Entity(name = "Doc") @Table(name = "documents", schema = "app") class Document extends Base {
          @ElementCollection Set<Address> addresses;
          @ElementCollection Set<Part> parts;
          @ElementCollection List<Link> links;
          @Embedded Extra extra;
          @ElementCollection @AttributeOverride(name = "sku", column = @Column(name = "item"))
            @AttributeOverride(name = "quantity", column = @Column(name = "qty", nullable = true))
            Set<Part> optionalParts;
          @ElementCollection @AttributeOverride(name = "value.sku", column = @Column(name = "item"))
            Map<String, Part> partsByName;
          @ElementCollection @Column(name = "word") @CollectionTable(name = "doc_words", schema = "text",
              foreignKey = @ForeignKey(name = "fk_words"), indexes = @jakarta.persistence.Index(columnList = "word"))
            List<String> words;
        }
        class Key implements java.io.Serializable { Long x; String y; }
        @Entity @IdClass(Key.class) class Pair { @Id Long x; @Id String y;
          @ElementCollection @OrderColumn(name = "pos") List<BigDecimal> amounts; }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        namespace app
        namespace text
        table doc_addresses
          doc_id bigint not null
          lat double precision
          lng double precision
          number integer
          street varchar(255)
          foreign key fk8ytk27f37fkc2d5762d1703ge (doc_id) references app.documents (id)
          unique doc_addresses_doc_id_lat_lng_number_street_key (doc_id, lat, lng, number, street)
        table doc_flags
          doc_id bigint not null
          flags varchar(255)
          foreign key fk4sp8t6w2r912bru35h8xi5d4b (doc_id) references app.documents (id)
          unique doc_flags_doc_id_flags_key (doc_id, flags)
        table doc_labels
          doc_id bigint not null
          labels varchar(255)
          foreign key fksjv03xo1rreghl7q1b97ncxlf (doc_id) references app.documents (id)
          unique doc_labels_doc_id_labels_key (doc_id, labels)
        table doc_links
          doc_id bigint not null
          note varchar(255)
          tag_id integer
          foreign key fkmdt6mpqga7fd02gaqnaa6oxx3 (tag_id) references tag (id)
          foreign key fkowjk3gv3xaqitxts9gc5ju489 (doc_id) references app.documents (id)
        table doc_optionalparts
          doc_id bigint not null
          item varchar(255)
          qty integer
          foreign key fkjlimg497yc29j1wsejo5cfsfe (doc_id) references app.documents (id)
          unique doc_optionalparts_doc_id_qty_item_key (doc_id, qty, item)
        table doc_parts
          doc_id bigint not null
          quantity integer not null
          sku varchar(255) not null
          primary key doc_parts_pkey (quantity, doc_id, sku)
          foreign key fkmw4230eopjgsor5ls3ogdp46q (doc_id) references app.documents (id)
        table doc_partsbyname
          doc_id bigint not null
          item varchar(255)
          partsbyname_key varchar(255) not null
          quantity integer not null
          primary key doc_partsbyname_pkey (doc_id, partsbyname_key)
          foreign key fk12s9xqsqcl68k2m8inc39rt13 (doc_id) references app.documents (id)
        table pair
          x bigint not null
          y varchar(255) not null
          primary key pair_pkey (x, y)
        table pair_amounts
          amounts numeric(38,2)
          pair_x bigint not null
          pair_y varchar(255) not null
          pos integer not null
          primary key pair_amounts_pkey (pos, pair_x, pair_y)
          foreign key fk9i096o4onu9oeklywlplpcjte (pair_x, pair_y) references pair (x, y)
          check pair_amounts_pos_check: pos >= 0
        table tag
          id integer not null
          primary key tag_pkey (id)
        table app.documents
          id bigint not null
          x varchar(255)
          primary key documents_pkey (id)
        table text.doc_words
          doc_id bigint not null
          word varchar(255)
          foreign key fk_words (doc_id) references app.documents (id)
          index idxdb583etqp7s8dysjfjdkgebkq (word)
        """, result.schema());
  }

  @Test
  void snakeCaseNamesTheTableAndItsColumnsAsSpringBootDoes() {
    ReaderHarness.Result result = compile(Map.of("strata.naming", "snake_case"), source("Model", """
        class Model {}
        @Embeddable class StockLevel { Integer onHand; Integer reorderAt; }
        @Entity class OrderLine { @Id Long lineId;
          @ElementCollection Set<String> giftTags;
          @ElementCollection @OrderColumn List<StockLevel> stockLevels;
          @ElementCollection Map<String, Integer> unitPrices;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table order_line
          line_id bigint not null
          primary key order_line_pkey (line_id)
        table order_line_gift_tags
          gift_tags varchar(255)
          order_line_line_id bigint not null
          foreign key fkc7gn4rara6i55rvixnw2n8ycc (order_line_line_id) references order_line (line_id)
          unique order_line_gift_tags_order_line_line_id_gift_tags_key (order_line_line_id, gift_tags)
        table order_line_stock_levels
          on_hand integer
          order_line_line_id bigint not null
          reorder_at integer
          stock_levels_order integer not null
          primary key order_line_stock_levels_pkey (stock_levels_order, order_line_line_id)
          foreign key fk2e9uectfn7i89wk0rnget7svg (order_line_line_id) references order_line (line_id)
          check order_line_stock_levels_stock_levels_order_check: stock_levels_order >= 0
        table order_line_unit_prices
          order_line_line_id bigint not null
          unit_prices integer
          unit_prices_key varchar(255) not null
          primary key order_line_unit_prices_pkey (order_line_line_id, unit_prices_key)
          foreign key fkcwgj60j6dpmis5tqpb02f5fgy (order_line_line_id) references order_line (line_id)
        """, result.schema());
  }
}
