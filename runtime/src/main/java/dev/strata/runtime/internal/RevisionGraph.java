package dev.strata.runtime.internal;

import dev.strata.runtime.MigrationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's revisions as a graph (each names its parents), checked when built: unique ids,
 * known parents, no cycle, exactly one root and exactly one head. Merge revisions (several parents)
 * are allowed.
 */
public final class RevisionGraph {

  private final Map<String, RevisionInfo> byId;
  private final List<RevisionInfo> order;

  private RevisionGraph(Map<String, RevisionInfo> byId, List<RevisionInfo> order) {
    this.byId = byId;
    this.order = order;
  }

  /** Checks and orders {@code revisions}; throws {@link MigrationException} naming the revisions at fault. */
  public static RevisionGraph of(Collection<RevisionInfo> revisions) {
    Map<String, RevisionInfo> byId = new TreeMap<>();
    for (RevisionInfo r : revisions) {
      RevisionInfo other = byId.putIfAbsent(r.id(), r);
      if (other != null) {
        throw new MigrationException("two revisions have the id " + r.id() + ": " + other.className() + " and "
            + r.className() + "; give one of them a new id");
      }
    }
    for (RevisionInfo r : byId.values()) {
      for (String parent : r.parents()) {
        if (!byId.containsKey(parent)) {
          throw new MigrationException("revision " + r.id() + " (" + r.className() + ") names parent " + parent
              + ", which is not one of the application's revisions; restore revision " + parent
              + " or correct the parent of " + r.id());
        }
      }
      if (new LinkedHashSet<>(r.parents()).size() != r.parents().size()) {
        throw new MigrationException("revision " + r.id() + " (" + r.className() + ") names a parent twice: "
            + r.parents());
      }
    }
    // Kahn's algorithm; among revisions ready at the same time the smaller id (the older one) goes first.
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    PriorityQueue<String> ready = new PriorityQueue<>();
    for (RevisionInfo r : byId.values()) {
      waiting.put(r.id(), r.parents().size());
      for (String parent : r.parents()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r.id());
      }
      if (r.parents().isEmpty()) {
        ready.add(r.id());
      }
    }
    List<RevisionInfo> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(byId.get(id));
      for (String child : children.getOrDefault(id, List.of())) {
        if (waiting.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (order.size() != byId.size()) {
      TreeSet<String> cyclic = new TreeSet<>(byId.keySet());
      order.forEach(r -> cyclic.remove(r.id()));
      throw new MigrationException("revisions " + join(cyclic.stream().map(id -> describe(byId.get(id))).toList())
          + " form a cycle through their parents (or descend from one); correct the parent of one of them");
    }
    List<String> roots = byId.values().stream().filter(r -> r.parents().isEmpty()).map(RevisionGraph::describe).toList();
    if (roots.size() > 1) {
      throw new MigrationException("revisions " + join(roots) + " all have no parent, but the revision graph has"
          + " one root; set the parent of each newer one to the revision it follows");
    }
    List<String> heads = byId.values().stream().filter(r -> !children.containsKey(r.id()))
        .map(RevisionGraph::describe).toList();
    if (heads.size() > 1) {
      throw new MigrationException("the revision graph has " + heads.size() + " heads, " + join(heads)
          + ": branches that both added a revision; add a merge revision whose parents are all of them"
          + " (compile with -Astrata.merge=true to generate it)");
    }
    return new RevisionGraph(byId, List.copyOf(order));
  }

  private static String describe(RevisionInfo r) {
    return r.id() + " (" + r.className() + ")";
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** All revisions, parents before children. */
  public List<RevisionInfo> order() {
    return order;
  }

  public Optional<RevisionInfo> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** The one head, or empty when there are no revisions. */
  public Optional<RevisionInfo> head() {
    return order.isEmpty() ? Optional.empty() : Optional.of(order.get(order.size() - 1));
  }

  /** {@code id} and every revision it descends from. */
  public Set<String> ancestorsOrSelf(String id) {
    Set<String> result = new TreeSet<>();
    List<String> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (result.add(next)) {
        todo.addAll(byId.get(next).parents());
      }
    }
    return result;
  }
}
