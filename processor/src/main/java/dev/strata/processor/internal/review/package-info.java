/** Review-time warnings about a generated revision: destructive changes, lock hazards, likely renames. */
package dev.strata.processor.internal.review;
