/** Reads JPA entities ({@code javax.lang.model} elements, annotations by name) into the desired {@link dev.strata.schema.Schema}. */
package dev.strata.processor.internal.entity;
