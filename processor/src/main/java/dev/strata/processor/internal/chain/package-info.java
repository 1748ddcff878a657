/** Finding the committed revisions (in the round and in the revisions directory) and checking that they form one chain. */
package dev.strata.processor.internal.chain;
