package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @AssociationOverride(joinTable = ...)} on the to-many relationships of a mapped superclass:
 * a renamed join table with named columns, a one-to-many List whose join table is renamed, and an
 * override that gives no join table (Hibernate then drops the relationship's own {@code @JoinTable}
 * for the implicit one).
 */
class JoinTableOverrideOracleTest {

  private static final String TAG = """
      package jto;

      import jakarta.persistence.*;

      @Entity
      public class Tag {
        @Id Long id;
      }
      """;

  private static final String TAGGED = """
      package jto;

      import jakarta.persistence.*;
      import java.util.List;
      import java.util.Set;

      @MappedSuperclass
      public abstract class Tagged {
        @Id Long id;
        @ManyToMany Set<Tag> tags;
        @OneToMany List<Tag> pinned;
        @ManyToMany @JoinTable(name = "tagged_labels") Set<Tag> labels;
      }
      """;

  private static final String POST = """
      package jto;

      import jakarta.persistence.*;

      @Entity
      @AssociationOverride(name = "tags", joinTable = @JoinTable(name = "post_tags",
          joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "tag_id")))
      @AssociationOverride(name = "pinned", joinTable = @JoinTable(name = "post_pins"))
      @AssociationOverride(name = "labels", foreignKey = @ForeignKey(name = "unused"))
      public class Post extends Tagged {
        String title;
      }
      """;

  private static final String PAGE = """
      package jto;

      import jakarta.persistence.*;

      @Entity
      @AssociationOverride(name = "tags", joinTable = @JoinTable(name = "page_tags"))
      public class Page extends Tagged {
      }
      """;

  @TempDir Path dir;

  @Test
  void joinTableOverridesMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "join-table-override")
        .source("jto/Tag.java", TAG)
        .source("jto/Tagged.java", TAGGED)
        .source("jto/Post.java", POST)
        .source("jto/Page.java", PAGE)
        .run()
        .assertOnly();
  }
}
