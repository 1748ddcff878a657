package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's {@code @CollectionId} on element collections (idbags): the id column (named, or
 * Hibernate's default {@code id}), its type from {@code @CollectionIdJavaType},
 * {@code @CollectionIdJavaClass} or {@code @CollectionIdJdbcTypeCode}, the primary key it makes, and
 * its generator: a {@code @SequenceGenerator} on the attribute (DSpace's {@code BitstreamFormat}) or
 * the class, {@code "sequence"}, {@code "increment"}.
 */
class CollectionIdOracleTest {

  /** As DSpace's BitstreamFormat.fileExtensions. */
  private static final String FORMAT = """
      package idbag;

      import jakarta.persistence.*;
      import java.util.List;
      import org.hibernate.annotations.CollectionId;
      import org.hibernate.annotations.CollectionIdJavaType;
      import org.hibernate.type.descriptor.java.IntegerJavaType;

      @Entity
      @Table(name = "bitstreamformatregistry")
      public class Format {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) @Column(name = "bitstream_format_id") Integer id;

        @ElementCollection(fetch = FetchType.EAGER)
        @CollectionTable(name = "fileextension", joinColumns = @JoinColumn(name = "bitstream_format_id"))
        @CollectionId(column = @Column(name = "file_extension_id"), generator = "fileextension_seq")
        @CollectionIdJavaType(IntegerJavaType.class)
        @SequenceGenerator(name = "fileextension_seq", sequenceName = "fileextension_seq", allocationSize = 1)
        @Column(name = "extension")
        List<String> fileExtensions;
      }
      """;

  private static final String NOTE = """
      package idbag;

      import jakarta.persistence.*;
      import java.util.Collection;
      import java.util.List;
      import org.hibernate.annotations.CollectionId;
      import org.hibernate.annotations.CollectionIdJavaClass;
      import org.hibernate.annotations.CollectionIdJdbcTypeCode;
      import org.hibernate.type.SqlTypes;

      @Entity
      @SequenceGenerator(name = "label_ids", initialValue = 5, allocationSize = 10)
      public class Note {
        @Id Long id;

        @ElementCollection
        @CollectionId(generator = "sequence")
        @CollectionIdJavaClass(idType = Long.class)
        List<String> tags;

        @ElementCollection
        @CollectionId(column = @Column(name = "row_no"), generator = "increment")
        @CollectionIdJdbcTypeCode(SqlTypes.SMALLINT)
        Collection<Integer> scores;

        @ElementCollection
        @CollectionTable(name = "note_labels")
        @CollectionId(column = @Column(name = "label_id"), generator = "label_ids")
        @CollectionIdJavaClass(idType = Long.class)
        List<Label> labels;
      }
      """;

  private static final String LABEL = """
      package idbag;

      import jakarta.persistence.*;

      @Embeddable
      public class Label {
        @Column(length = 30, nullable = false) String text;
        int weight;
      }
      """;

  @TempDir Path dir;

  @Test
  void collectionIdsMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "collection-ids")
        .source("idbag/Format.java", FORMAT)
        .source("idbag/Note.java", NOTE)
        .source("idbag/Label.java", LABEL)
        .run()
        .assertOnly();
  }
}
