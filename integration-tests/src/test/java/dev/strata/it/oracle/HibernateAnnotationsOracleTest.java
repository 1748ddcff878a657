package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's own annotations that real models use: {@code @Nationalized}, {@code @JdbcTypeCode}
 * (JSON, SQLXML, INET, UUID, VARCHAR, LONG32VARCHAR, VARBINARY), {@code @ColumnDefault},
 * {@code @Check} on the class and the attribute, {@code @Comment}, {@code @Formula},
 * {@code @Immutable}, {@code @SQLRestriction} and {@code @OnDelete}.
 */
class HibernateAnnotationsOracleTest {

  private static final String DOCUMENT = """
      package hib;

      import jakarta.persistence.*;
      import java.util.Map;
      import org.hibernate.annotations.*;
      import org.hibernate.type.SqlTypes;

      @Entity
      @Immutable
      @SQLRestriction("deleted = false")
      @Check(name = "document_window", constraints = "validto is null or validto > validfrom")
      @Comment("Stored documents")
      public class Document {
        @jakarta.persistence.Id @GeneratedValue Long id;
        @Nationalized String title;
        @Nationalized @Column(length = 500) String summary;
        @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> attributes;
        @JdbcTypeCode(SqlTypes.JSON) String rawJson;
        @JdbcTypeCode(SqlTypes.SQLXML) String xml;
        @JdbcTypeCode(SqlTypes.INET) String address;
        @JdbcTypeCode(SqlTypes.UUID) java.util.UUID correlation;
        @JdbcTypeCode(SqlTypes.LONG32VARCHAR) String body;
        @JdbcTypeCode(SqlTypes.VARBINARY) byte[] thumbnail;
        @ColumnDefault("0") int revision;
        @ColumnDefault("'draft'") @Column(length = 20) String state;
        @ColumnDefault("false") boolean deleted;
        @ColumnDefault("current_timestamp") java.time.Instant validFrom;
        java.time.Instant validTo;
        @Comment("Number of pages") Integer pages;
        @Check(constraints = "pagesread >= 0") Integer pagesRead;
        @Formula("length(title)") Integer titleLength;
      }
      """;

  private static final String ATTACHMENT = """
      package hib;

      import jakarta.persistence.*;
      import org.hibernate.annotations.OnDelete;
      import org.hibernate.annotations.OnDeleteAction;

      @Entity
      public class Attachment {
        @Id @GeneratedValue Long id;
        @ManyToOne(optional = false) @OnDelete(action = OnDeleteAction.CASCADE) Document document;
        @ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) Document previewOf;
      }
      """;

  @TempDir Path dir;

  @Test
  void hibernateAnnotationsMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "hibernate-annotations")
        .source("hib/Document.java", DOCUMENT)
        .source("hib/Attachment.java", ATTACHMENT)
        .run()
        .assertOnly();
  }
}
