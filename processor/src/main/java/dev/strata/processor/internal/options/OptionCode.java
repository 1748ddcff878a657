package dev.strata.processor.internal.options;

import dev.strata.processor.internal.Diagnostics;

/** Codes of the messages about processor options ({@code STRATA-4xx}). */
public enum OptionCode implements Diagnostics.Code {
  /** An option has a value outside its allowed values. */
  BAD_VALUE("STRATA-401"),
  /** Two options contradict each other, or one needs another. */
  CONFLICT("STRATA-402"),
  /** The default locations cannot be derived; the options must name them. */
  NO_DEFAULT_LOCATION("STRATA-403");

  private final String id;

  OptionCode(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
