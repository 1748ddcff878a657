package dev.strata.processor.internal.chain;

import dev.strata.processor.internal.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The committed revisions as a graph (each revision points at its parents), checked: unique ids,
 * every parent present, no cycle. Whether it has exactly one head is checked separately
 * ({@link #requireSingleHead}), because a merge revision is made exactly when it has two.
 */
public final class RevisionGraph {
  private final Map<String, RevisionInfo> byId;

  private RevisionGraph(Map<String, RevisionInfo> byId) {
    this.byId = byId;
  }

  /** Builds the graph, reporting every broken link; empty when any was reported. */
  public static Optional<RevisionGraph> check(Collection<RevisionInfo> revisions, Diagnostics diagnostics) {
    boolean ok = true;
    Map<String, RevisionInfo> byId = new TreeMap<>();
    List<RevisionInfo> sorted = new ArrayList<>(revisions);
    sorted.sort(Comparator.comparing(RevisionInfo::className));
    for (RevisionInfo revision : sorted) {
      if (revision.id().isEmpty()) {
        report(diagnostics, ChainCode.DUPLICATE_ID, revision, "revision " + revision.describe()
            + " has an empty id; give it a unique id such as 20261126_101500_k3f9 (UTC time and 4 characters)");
        ok = false;
        continue;
      }
      RevisionInfo other = byId.putIfAbsent(revision.id(), revision);
      if (other != null) {
        report(diagnostics, ChainCode.DUPLICATE_ID, revision, "revisions " + other.describe() + " and "
            + revision.describe() + " both have the id " + revision.id()
            + "; a copied revision must get a new id: delete the copy, or give it a new id and parent");
        ok = false;
      }
    }
    for (RevisionInfo revision : byId.values()) {
      for (String parent : revision.parents()) {
        if (!byId.containsKey(parent)) {
          report(diagnostics, ChainCode.MISSING_PARENT, revision, "revision " + revision.describe()
              + " names the parent " + parent + ", but no revision has that id; restore the parent revision's"
              + " file, or correct the parent in @Revision");
          ok = false;
        }
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    RevisionGraph graph = new RevisionGraph(byId);
    Optional<List<String>> cycle = graph.findCycle();
    if (cycle.isPresent()) {
      RevisionInfo first = byId.get(cycle.get().get(0));
      report(diagnostics, ChainCode.CYCLE, first, "revisions form a cycle: " + String.join(" -> ", cycle.get())
          + "; a revision's parent must be an older revision: correct the parent in @Revision");
      return Optional.empty();
    }
    return Optional.of(graph);
  }

  /** Reports at the revision's {@code @Revision} when javac knows it, else without a position (the message names the file). */
  public static void report(Diagnostics diagnostics, ChainCode code, RevisionInfo at, String message) {
    if (at.element().isPresent() && at.annotation().isPresent()) {
      diagnostics.error(code, message, at.element().get(), at.annotation().get());
    } else if (at.element().isPresent()) {
      diagnostics.error(code, message, at.element().get());
    } else {
      diagnostics.error(code, message);
    }
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  public Optional<RevisionInfo> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<RevisionInfo> all() {
    return byId.values();
  }

  /** The revisions no other revision names as its parent, sorted by id. */
  public List<RevisionInfo> heads() {
    Set<String> parents = new HashSet<>();
    byId.values().forEach(r -> parents.addAll(r.parents()));
    return byId.values().stream().filter(r -> !parents.contains(r.id())).toList();
  }

  /** {@code id} and every revision it descends from. */
  public Set<String> ancestorsOf(String id) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next) && byId.containsKey(next)) {
        todo.addAll(byId.get(next).parents());
      }
    }
    return seen;
  }

  /**
   * The newest revision that both {@code a} and {@code b} descend from (by id, which sorts by
   * time), or empty when their histories never meet.
   */
  public Optional<RevisionInfo> forkPoint(String a, String b) {
    Set<String> common = new HashSet<>(ancestorsOf(a));
    common.retainAll(ancestorsOf(b));
    return common.stream().map(byId::get).max(Comparator.comparing(RevisionInfo::id));
  }

  /**
   * The schema hash {@code revision} records, which is the hash of the snapshot after it. A
   * hand-written revision that changes no managed object records none ({@code snapshot = ""}); then
   * its first parent's counts. Empty when no revision up the chain records one.
   */
  public Optional<String> recordedHash(RevisionInfo revision) {
    RevisionInfo at = revision;
    Set<String> seen = new HashSet<>();
    while (at.snapshot().isEmpty() && !at.parents().isEmpty() && seen.add(at.id())) {
      RevisionInfo parent = byId.get(at.parents().get(0));
      if (parent == null) {
        return Optional.empty();
      }
      at = parent;
    }
    return at.snapshot().isEmpty() ? Optional.empty() : Optional.of(at.snapshot());
  }

  /**
   * Reports {@link ChainCode#MULTIPLE_HEADS} when there are several heads, naming the two newest
   * and how to resolve it; returns the head (empty for no revisions) when there is one.
   */
  public Optional<RevisionInfo> requireSingleHead(Diagnostics diagnostics) {
    List<RevisionInfo> heads = heads();
    if (heads.size() <= 1) {
      return heads.stream().findFirst();
    }
    RevisionInfo newer = heads.get(heads.size() - 1);
    RevisionInfo older = heads.get(heads.size() - 2);
    String fork = forkPoint(older.id(), newer.id())
        .map(f -> "both follow revision " + f.id())
        .orElse("both start a chain of their own");
    String more = heads.size() > 2 ? " (and " + (heads.size() - 2) + " more heads)" : "";
    report(diagnostics, ChainCode.MULTIPLE_HEADS, newer, "the revision chain has " + heads.size()
        + " heads: revisions " + older.describe() + " and " + newer.describe() + " " + fork + more
        + ", as happens when two branches each add a revision. Resolve it: delete the newer revision "
        + newer.simpleName() + ", restore the snapshot that " + older.simpleName()
        + " produced (from version control) and compile again, so that Strata regenerates its changes"
        + " on top of " + older.id() + "; or compile once with -Astrata.merge=true to generate a merge"
        + " revision with both as parents");
    return Optional.empty();
  }

  private Optional<List<String>> findCycle() {
    Map<String, Integer> state = new HashMap<>();
    for (String start : byId.keySet()) {
      List<String> path = new ArrayList<>();
      Optional<List<String>> cycle = visit(start, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  /** Depth-first search; state 1 = on the current path, 2 = done. */
  private Optional<List<String>> visit(String id, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return Optional.empty();
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      return Optional.of(cycle);
    }
    state.put(id, 1);
    path.add(id);
    for (String parent : byId.get(id).parents()) {
      Optional<List<String>> cycle = visit(parent, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
    return Optional.empty();
  }
}
