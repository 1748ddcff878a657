/** The schema diff: the ordered changes from one schema to another, guided by rename hints. */
package dev.strata.schema.diff;
