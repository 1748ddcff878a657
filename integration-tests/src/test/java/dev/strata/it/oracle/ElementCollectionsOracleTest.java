package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @ElementCollection} with and without {@code @CollectionTable}: basic elements in a Set, a
 * bag, an ordered List and a Map (with {@code @MapKeyColumn}), enum and sized elements, embeddable
 * elements (with a nested embeddable and a many-to-one), a nullable element, a large-object element,
 * and collection-table join columns, foreign key names, unique constraints and indexes.
 */
class ElementCollectionsOracleTest {

  private static final String PERSON = """
      package coll;

      import jakarta.persistence.*;
      import java.util.*;

      @Entity
      public class Person {
        public enum Role { ADMIN, USER }

        @Id @GeneratedValue Long id;
        @ElementCollection Set<String> nicknames;
        @ElementCollection List<Integer> scores;
        @ElementCollection @OrderColumn List<java.time.LocalDate> milestones;
        @ElementCollection @MapKeyColumn(name = "locale", length = 10) @Column(name = "greeting", length = 100)
        Map<String, String> greetings;
        @ElementCollection @Enumerated(EnumType.STRING) Set<Role> roles;
        @ElementCollection @Column(nullable = false) Set<Long> luckyNumbers;
        @ElementCollection
        @CollectionTable(name = "person_phone",
            joinColumns = @JoinColumn(name = "owner"),
            foreignKey = @ForeignKey(name = "fk_phone_person"),
            indexes = @Index(columnList = "number"))
        @Column(name = "number", length = 30, nullable = false)
        Set<String> phones;
        @ElementCollection Set<Address> addresses;
        @ElementCollection @CollectionTable(name = "person_visit") @OrderColumn(name = "visit_no") List<Visit> visits;
        @ElementCollection @Lob Set<byte[]> photos;
        @ElementCollection
        @CollectionTable(name = "person_alias",
            joinColumns = @JoinColumn(name = "person", foreignKey = @ForeignKey(name = "fk_alias_person")))
        @Column(name = "alias", length = 40, nullable = false)
        Set<String> aliases;
        @ElementCollection @CollectionTable(name = "person_code", joinColumns = @JoinColumn(name = "person_id"))
        @Column(name = "code", nullable = false)
        Set<Long> codes;
      }
      """;

  private static final String ADDRESS = """
      package coll;

      import jakarta.persistence.*;

      @Embeddable
      public class Address {
        @Column(nullable = false) String street;
        @Column(nullable = false, length = 80) String city;
        @Embedded Coordinates at;
      }
      """;

  private static final String COORDINATES = """
      package coll;

      import jakarta.persistence.*;

      @Embeddable
      public class Coordinates {
        Double lat;
        Double lon;
      }
      """;

  private static final String VISIT = """
      package coll;

      import jakarta.persistence.*;

      @Embeddable
      public class Visit {
        java.time.Instant at;
        @ManyToOne Place place;
      }
      """;

  private static final String PLACE = """
      package coll;

      import jakarta.persistence.*;

      @Entity
      public class Place {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;
        String name;
      }
      """;

  @TempDir Path dir;

  @Test
  void elementCollectionsMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "element-collections")
        .source("coll/Person.java", PERSON)
        .source("coll/Address.java", ADDRESS)
        .source("coll/Coordinates.java", COORDINATES)
        .source("coll/Visit.java", VISIT)
        .source("coll/Place.java", PLACE)
        .run()
        .assertOnly();
  }
}
