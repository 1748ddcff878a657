package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @MapKey} on the owning side of a to-many relationship: a Map keyed by an attribute of the
 * element entity (its id, or another attribute) kept in a join table, for many-to-many and one-to-many.
 */
class MapKeyOwningSideOracleTest {

  private static final String ITEM = """
      package mko;

      import jakarta.persistence.*;

      @Entity
      public class Item {
        @Id Long id;
        @Column(length = 40) String code;
      }
      """;

  private static final String CATALOG = """
      package mko;

      import jakarta.persistence.*;
      import java.util.Map;

      @Entity
      public class Catalog {
        @Id Long id;
        @ManyToMany @MapKey Map<Long, Item> byId;
        @ManyToMany @MapKey(name = "code") @JoinTable(name = "catalog_codes") Map<String, Item> byCode;
        @OneToMany @MapKey(name = "code") @JoinTable(name = "catalog_featured") Map<String, Item> featured;
      }
      """;

  @TempDir Path dir;

  @Test
  void mapKeysOnTheOwningSideMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "map-key-owning-side")
        .source("mko/Item.java", ITEM)
        .source("mko/Catalog.java", CATALOG)
        .run()
        .assertOnly();
  }
}
