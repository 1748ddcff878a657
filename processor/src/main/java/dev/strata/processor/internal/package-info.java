/**
 * The processor's internals; no compatibility guarantees. Stages: reading entities into a schema
 * ({@code entity}), checking the revision chain and generating files ({@code generate}), reporting
 * ({@link dev.strata.processor.internal.Diagnostics}).
 */
package dev.strata.processor.internal;
