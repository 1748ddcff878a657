package dev.strata.testing;

import dev.strata.runtime.internal.CatalogReader;
import dev.strata.runtime.internal.SchemaDump;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A canonical, sorted text of a database schema (tables, columns with type, nullability, default,
 * identity and comment, primary keys, foreign keys with columns, targets and actions, unique and
 * check constraints, indexes, sequences), and the same text for a model {@link Schema}: "the
 * database equals the snapshot" is {@code CatalogDump.of(dataSource).equals(CatalogDump.of(schema))}.
 *
 * <p>Strata's history table ({@code strata_history}) is left out. Defaults and check expressions are
 * normalised so that what a model writes and what PostgreSQL prints for it read alike.
 */
public final class CatalogDump {

  /** The history table's default name, never part of a dump. */
  public static final String HISTORY_TABLE = "strata_history";

  private CatalogDump() {}

  /** The model's text. */
  public static String of(Schema schema) {
    return SchemaDump.text(schema);
  }

  /**
   * The database's current schema (normally {@code public}, whose tables are written unqualified)
   * and every other schema that is not PostgreSQL's own.
   */
  public static String of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return SchemaDump.text(read(c));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
    }
  }

  /** Only the given schema, whose tables are then written unqualified. */
  public static String of(DataSource dataSource, String schema) {
    try (Connection c = dataSource.getConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute("set search_path to " + dev.strata.runtime.internal.PostgresDialect.identifier(schema));
      }
      return SchemaDump.text(CatalogReader.read(c, List.of(), Set.of(QualifiedName.of(HISTORY_TABLE))));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the catalog of schema " + schema + ": " + e.getMessage(), e);
    }
  }

  /** The live schema as a model (current schema and every other user schema), without the history table. */
  public static Schema read(Connection c) throws SQLException {
    List<String> namespaces = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        select nspname from pg_namespace
        where nspname not like 'pg\\_%' and nspname <> 'information_schema'
        order by nspname""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        namespaces.add(rs.getString(1));
      }
    }
    return CatalogReader.read(c, namespaces, Set.of(QualifiedName.of(HISTORY_TABLE)));
  }
}
