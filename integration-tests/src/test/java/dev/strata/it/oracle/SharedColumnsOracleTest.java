package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One column mapped by several attributes, all but one read-only ({@code insertable = false,
 * updatable = false}), as HAPI FHIR maps its tags' and resource versions' keys: Hibernate's table
 * keeps the column of the attribute it binds first, so that attribute's nullability wins, whichever
 * one writes the column.
 */
class SharedColumnsOracleTest {

  private static final String TARGET = """
      package shared;

      import jakarta.persistence.*;

      @Entity
      public class Target {
        @Id Long id;
      }
      """;

  private static final String PID = """
      package shared;

      import jakarta.persistence.*;

      @Embeddable
      public class Pid {
        @Column(name = "ID") Long myId;
      }
      """;

  private static final String TAG = """
      package shared;

      import jakarta.persistence.*;

      @Entity
      public class Tag {
        @Id Long id;
        @ManyToOne
        @JoinColumn(name = "TAG_ID", nullable = false)
        Target myTag;
        @Column(name = "TAG_ID", insertable = false, updatable = false)
        Long myTagId;
      }
      """;

  private static final String VERSION = """
      package shared;

      import jakarta.persistence.*;

      @Entity
      public class Version {
        @Id Long id;
        @ManyToOne
        @JoinColumn(name = "RES_ID", nullable = false, insertable = false, updatable = false)
        Target myResourceTable;
        @Embedded
        @AttributeOverride(name = "myId", column = @Column(name = "RES_ID", insertable = true, updatable = false))
        Pid myResourcePid;
        @Column(name = "RES_ID", insertable = false, nullable = false, updatable = false)
        Long myResourceId;
      }
      """;

  private static final String ORDER = """
      package shared;

      import jakarta.persistence.*;

      @Entity
      public class Ordering {
        // Bound by name: alpha before zeta, bravo before zulu, aaa (embedded) before bbb, ccc before ddd.
        @Id Long id;
        @Column(name = "X") Long zeta;
        @Column(name = "X", nullable = false, insertable = false, updatable = false) Long alpha;
        @Column(name = "Y", nullable = false, insertable = false, updatable = false) Long zulu;
        @Column(name = "Y") Long bravo;
        @Embedded
        @AttributeOverride(name = "myId", column = @Column(name = "E"))
        Pid aaa;
        @Column(name = "E", nullable = false, insertable = false, updatable = false) Long bbb;
        @Column(name = "F", nullable = false, insertable = false, updatable = false) Long ccc;
        @Embedded
        @AttributeOverride(name = "myId", column = @Column(name = "F"))
        Pid ddd;
      }
      """;

  @TempDir Path dir;

  @Test
  void theFirstAttributeBoundDefinesASharedColumn() throws Exception {
    SchemaOracle.in(dir, "shared")
        .source("shared/Target.java", TARGET)
        .source("shared/Pid.java", PID)
        .source("shared/Tag.java", TAG)
        .source("shared/Version.java", VERSION)
        .source("shared/Ordering.java", ORDER)
        .run().assertOnly();
  }
}
