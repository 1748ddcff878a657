package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Table constraints, indexes, comments, defaults, checks and Hibernate's own annotations (matched by
 * name: the tests compile against stand-ins, not Hibernate). Expectations are Hibernate 7.4.15's
 * create DDL for the same source.
 */
class ColumnAndTableExtrasTest {

  private static final String DOC = """
      @Entity
      @jakarta.persistence.Table(name = "doc", comment = "Documents",
        uniqueConstraints = {@UniqueConstraint(columnNames = {"title", "version"}),
          @UniqueConstraint(name = "uk_slug", columnNames = "slug")},
        indexes = {@jakarta.persistence.Index(columnList = "title desc, version"),
          @jakarta.persistence.Index(name = "ix_slug", columnList = "slug"),
          @jakarta.persistence.Index(columnList = "author", unique = true)},
        check = @CheckConstraint(name = "positive_version", constraint = "version > 0"))
      @Check(constraints = "length(title) > 0")
      public class Doc { @jakarta.persistence.Id Long id; String title; int version; String slug; String author;
        @jakarta.persistence.Column(comment = "the body") String body;
        @org.hibernate.annotations.Comment("hib comment") String note;
        @ColumnDefault("'draft'") String status;
        @ColumnDefault("0") Integer hits;
        @JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) Map<String, Object> meta;
        @JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) String rawJson;
        @Nationalized String nat;
        @Formula("upper(title)") String upperTitle;
        @jakarta.persistence.Column(check = @CheckConstraint(constraint = "score >= 0")) Integer score;
        @Immutable @SQLRestriction("1 = 1") String ignoredAnnotations;
      }
      """;

  @Test
  void constraintsIndexesCommentsDefaultsAndHibernateAnnotations() {
    ReaderHarness.Result result = compile(source("Doc", DOC));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table doc
          comment Documents
          author varchar(255)
          body varchar(255) comment the body
          hits integer default 0
          id bigint not null
          ignoredannotations varchar(255)
          meta jsonb
          nat varchar(255)
          note varchar(255) comment hib comment
          rawjson jsonb
          score integer
          slug varchar(255)
          status varchar(255) default 'draft'
          title varchar(255)
          version integer not null
          primary key doc_pkey (id)
          unique doc_author_key (author)
          unique doc_title_version_key (title, version)
          unique uk_slug (slug)
          index idx1ffn9gevqg292yu3fxi8jy4k3 (title desc, version)
          index ix_slug (slug)
          check doc_score_check: score >= 0
          check doc_title_check: length(title) > 0
          check positive_version: version > 0
        """, result.schema());
  }

  @Test
  void readableConstraintNamesAreAnOption() {
    ReaderHarness.Result result = compile(Map.of("strata.constraintNaming", "readable"), source("Doc", DOC));
    assertThat(result.compilation).succeededWithoutWarnings();
    String schema = result.schema();
    org.junit.jupiter.api.Assertions.assertTrue(schema.contains("""
          unique uk_doc_author (author)
          unique uk_doc_title_version (title, version)
          unique uk_slug (slug)
          index idx_doc_title_version (title desc, version)
          index ix_slug (slug)
        """), schema);
  }

  @Test
  void indexOnUnknownColumnIsAnError() {
    JavaFileObject src = source("Doc", """
        @Entity
        @jakarta.persistence.Table(indexes = @jakarta.persistence.Index(columnList = "titel"))
        public class Doc { @jakarta.persistence.Id Long id; String title; }
        """);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-113] @Index on Doc names column titel, which table "
        + "doc does not have; name a mapped column (column names, not attribute names)").inFile(src).onLine(6);
  }

  @Test
  void unsupportedJdbcTypeCodeIsAnError() {
    JavaFileObject src = source("Doc", """
        @Entity
        public class Doc { @jakarta.persistence.Id Long id;
          @JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM) String mood; }
        """);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-107] @JdbcTypeCode(6001) on Doc.mood: Strata maps only "
        + "SqlTypes.JSON, SQLXML, INET, UUID, the character, binary, integer, NUMERIC/DECIMAL (on numbers), "
        + "floating-point, BOOLEAN, DATE, TIME and TIMESTAMP codes; remove it, or give the column "
        + "@Column(columnDefinition = ...)").inFile(src).onLine(7);
  }

  @Test
  void namedColumnChecksKeepTheirNamesAndIndexNamesHashTheWrittenColumnNames() {
    String model = """
        class Model {}
        @Entity @Table(indexes = @jakarta.persistence.Index(columnList = "unitPrice, lineNo"))
        class OrderLine { @Id Long id; Integer unitPrice; Integer lineNo;
          @Column(check = @CheckConstraint(name = "qty_positive", constraint = "qty > 0")) Integer qty;
          @Check(name = "disc_range", constraints = "discount between 0 and 100") Integer discount;
          @Column(check = @CheckConstraint(constraint = "weight > 0")) Integer weight; }
        """;
    ReaderHarness.Result plain = compile(source("Model", model));
    assertThat(plain.compilation).succeededWithoutWarnings();
    assertEquals("""
        table orderline
          discount integer
          id bigint not null
          lineno integer
          qty integer
          unitprice integer
          weight integer
          primary key orderline_pkey (id)
          index idx470igf7jqfbsx5rd7t30jxcje (unitprice, lineno)
          check disc_range: discount between 0 and 100
          check orderline_weight_check: weight > 0
          check qty_positive: qty > 0
        """, plain.schema());
    ReaderHarness.Result snake = compile(Map.of("strata.naming", "snake_case"), source("Model", model));
    assertThat(snake.compilation).succeededWithoutWarnings();
    assertEquals("""
        table order_line
          discount integer
          id bigint not null
          line_no integer
          qty integer
          unit_price integer
          weight integer
          primary key order_line_pkey (id)
          index idxh6x9w74i0o2hhqdojpkx0oeaj (unit_price, line_no)
          check disc_range: discount between 0 and 100
          check order_line_weight_check: weight > 0
          check qty_positive: qty > 0
        """, snake.schema());
  }

  @Test
  void jdbcTypeCodesAndEmbeddedClassesWithoutEmbeddable() {
    // Hibernate 7.4.15 (its create DDL for this source) sizes coded columns by the Java type and embeds
    // the class of an @EmbeddedId or @Embedded attribute that lacks @Embeddable.
    ReaderHarness.Result result = compile(source("Model", """
        import org.hibernate.type.SqlTypes;
        class Model {}
        enum Kind { A, B, C }
        class PlainKey implements java.io.Serializable { Long a; String b; }
        @Entity class Coded { @EmbeddedId PlainKey key;
          @JdbcTypeCode(SqlTypes.INTEGER) Long asInt;
          @JdbcTypeCode(SqlTypes.INTEGER) @Enumerated(EnumType.ORDINAL) Kind kindInt;
          @JdbcTypeCode(SqlTypes.TINYINT) Integer tiny;
          @JdbcTypeCode(SqlTypes.SMALLINT) Integer small;
          @JdbcTypeCode(SqlTypes.BIGINT) Integer big;
          @JdbcTypeCode(SqlTypes.NUMERIC) Double numDouble;
          @JdbcTypeCode(SqlTypes.NUMERIC) Integer numInt;
          @JdbcTypeCode(SqlTypes.NUMERIC) Long numLong;
          @JdbcTypeCode(SqlTypes.NUMERIC) BigDecimal numDec;
          @JdbcTypeCode(SqlTypes.NUMERIC) @Column(precision = 10, scale = 3) Double numPrec;
          @JdbcTypeCode(SqlTypes.DECIMAL) Double dec;
          @JdbcTypeCode(SqlTypes.BOOLEAN) Integer boolInt;
          @JdbcTypeCode(SqlTypes.CHAR) String ch;
          @JdbcTypeCode(SqlTypes.DOUBLE) Float dbl;
          @JdbcTypeCode(SqlTypes.REAL) Double rl;
          @JdbcTypeCode(SqlTypes.FLOAT) Double fl;
          @JdbcTypeCode(SqlTypes.TIMESTAMP) Instant ts;
          @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE) LocalDateTime tstz;
          @JdbcTypeCode(SqlTypes.DATE) LocalDateTime dt;
          @JdbcTypeCode(SqlTypes.NVARCHAR) String nv;
        }
        class Part { String x; Integer y; }
        @Entity class Holder { @Id Long id; @Embedded Part part; }
        @Entity class Coded2 { @Id Long id;
          @JdbcTypeCode(SqlTypes.NUMERIC) Float numFloat;
          @JdbcTypeCode(SqlTypes.NUMERIC) Short numShort;
          @JdbcTypeCode(SqlTypes.NUMERIC) Byte numByte;
          @JdbcTypeCode(SqlTypes.NUMERIC) BigInteger numBig;
          @JdbcTypeCode(SqlTypes.NUMERIC) int numPrim;
          @JdbcTypeCode(SqlTypes.CHAR) Character chOne;
          @JdbcTypeCode(SqlTypes.CHAR) @Column(length = 3) String chThree;
          @JdbcTypeCode(SqlTypes.TIME) LocalTime tm;
          @JdbcTypeCode(SqlTypes.DOUBLE) Double dd;
        }
        """));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table coded
          a bigint not null
          asint integer
          b varchar(255) not null
          big bigint
          boolint boolean
          ch char(255)
          dbl real
          dec numeric(17,2)
          dt date
          fl double precision
          kindint integer
          numdec numeric(38,2)
          numdouble numeric(17,2)
          numint numeric(10,0)
          numlong numeric(19,0)
          numprec numeric(10,3)
          nv varchar(255)
          rl real
          small smallint
          tiny smallint
          ts timestamp(6)
          tstz timestamptz(6)
          primary key coded_pkey (a, b)
          check coded_kindint_check: kindint between 0 and 2
        table coded2
          chone char(1)
          chthree char(3)
          dd double precision
          id bigint not null
          numbig numeric(38,0)
          numbyte numeric(3,0)
          numfloat numeric(8,2)
          numprim numeric(10,0) not null
          numshort numeric(5,0)
          tm time(0)
          primary key coded2_pkey (id)
        table holder
          id bigint not null
          x varchar(255)
          y integer
          primary key holder_pkey (id)
        """, result.schema());
  }
}
