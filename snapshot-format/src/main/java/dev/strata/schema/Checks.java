package dev.strata.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Argument checks shared by the model's compact constructors; every message names the argument. */
final class Checks {
  private Checks() {}

  static String identifier(String value, String argument) {
    Objects.requireNonNull(value, argument);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(argument + " must not be empty");
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(argument + " must not contain a NUL character: " + value);
    }
    return value;
  }

  static <T> List<T> copy(List<T> values, String argument) {
    Objects.requireNonNull(values, argument);
    for (T value : values) {
      Objects.requireNonNull(value, () -> argument + " must not contain null");
    }
    return List.copyOf(values);
  }

  static List<String> identifiers(List<String> values, String argument, boolean allowEmpty) {
    List<String> copy = copy(values, argument);
    if (!allowEmpty && copy.isEmpty()) {
      throw new IllegalArgumentException(argument + " must not be empty");
    }
    Set<String> seen = new HashSet<>();
    for (String value : copy) {
      identifier(value, argument);
      if (!seen.add(value)) {
        throw new IllegalArgumentException(argument + " names " + value + " twice");
      }
    }
    return copy;
  }

  /** Copies, sorts by key and rejects two elements with the same key. */
  static <T, K extends Comparable<? super K>> List<T> sortedUnique(
      List<T> values, Function<T, K> key, String argument) {
    List<T> copy = new ArrayList<>(copy(values, argument));
    copy.sort(Comparator.comparing(key));
    for (int i = 1; i < copy.size(); i++) {
      K previous = key.apply(copy.get(i - 1));
      if (previous.compareTo(key.apply(copy.get(i))) == 0) {
        throw new IllegalArgumentException(argument + " has two entries named " + previous);
      }
    }
    return List.copyOf(copy);
  }
}
