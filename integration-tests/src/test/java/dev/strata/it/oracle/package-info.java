/** Oracle tests: per mapping family, the schema Strata's revisions build compared with the one Hibernate 7.4 creates. */
package dev.strata.it.oracle;
