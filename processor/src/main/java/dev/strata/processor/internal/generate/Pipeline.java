package dev.strata.processor.internal.generate;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.chain.ChainCode;
import dev.strata.processor.internal.chain.RevisionGraph;
import dev.strata.processor.internal.chain.RevisionInfo;
import dev.strata.processor.internal.chain.RevisionScanner;
import dev.strata.processor.internal.entity.EntityModel;
import dev.strata.processor.internal.entity.EntityReader;
import dev.strata.processor.internal.entity.MappingOptions;
import dev.strata.processor.internal.options.OptionCode;
import dev.strata.processor.internal.options.StrataOptions;
import dev.strata.processor.internal.review.DataLossPolicy;
import dev.strata.processor.internal.review.ReviewWarnings;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.snapshot.SchemaHash;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotFormatException;
import dev.strata.snapshot.SnapshotReader;
import dev.strata.snapshot.SnapshotWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One compile's pipeline. In the first round that holds {@code @Entity} types it reads the options,
 * the snapshot and the committed revisions, checks the chain, reads the entities, diffs, and — when
 * the entities changed — generates the revision ({@link RevisionWriter}; {@link Amend} and
 * {@link Merge} for {@code strata.amend} and {@code strata.merge}). Files in the source tree (the
 * revision and the snapshot) are written in the last round, atomically, and only when no error was
 * reported in any round; the index and the snapshot copy go to the class output then as well
 * ({@link Output}).
 */
public final class Pipeline {
  static final String ENTITY = "jakarta.persistence.Entity";
  static final String CONVERTER = "jakarta.persistence.Converter";

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final Locations locations;
  private final Output output = new Output();
  /** The entities of the generation round: the files generated from them name them as their origin. */
  private final List<Element> originating = new ArrayList<>();
  /**
   * The {@code @Converter} types of the generation round: the reader finds auto-applied converters
   * in the entities' packages itself, but one in another package only through these.
   */
  private List<TypeElement> roundConverters = List.of();

  private StrataOptions options;
  private RevisionWriter writer;
  /** Set once the generation round ran: the last round then has work to finish. */
  private boolean ran;
  /** Whether any round (ours or another processor's) raised an error. */
  private boolean errorRaised;

  public Pipeline(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.locations = Locations.of(env);
  }

  /** Option names this pipeline and the entity reader read. */
  public static Set<String> supportedOptions() {
    Set<String> names = new TreeSet<>(StrataOptions.NAMES);
    names.addAll(MappingOptions.NAMES);
    return names;
  }

  public void round(RoundEnvironment round) {
    errorRaised |= round.errorRaised();
    if (options == null) {
      options = StrataOptions.parse(env.getOptions(), diagnostics);
      writer = new RevisionWriter(env, diagnostics, options, output, originating);
    }
    if (options.mode() == StrataOptions.Mode.OFF || diagnostics.hasErrors() && !ran) {
      return;
    }
    if (round.processingOver()) {
      if (ran) {
        output.finish(diagnostics.hasErrors() || errorRaised, diagnostics, env.getFiler(), originating);
      }
      return;
    }
    if (ran) {
      return;
    }
    List<TypeElement> entities = entitiesIn(round);
    if (!entities.isEmpty()) {
      ran = true;
      generate(round, entities);
    }
  }

  // ---- the generation round -----------------------------------------------------------------------

  private void generate(RoundEnvironment round, List<TypeElement> roundEntities) {
    originating.addAll(roundEntities);
    roundConverters = typesIn(round, CONVERTER);
    Optional<Path> sourceRoot = locations.sourceRoot(roundEntities);
    Optional<Path> snapshotPath = options.snapshot().or(() -> sourceRoot.flatMap(Locations::defaultSnapshot));
    Optional<Path> revisionsRoot = options.revisions().or(() -> sourceRoot);
    if (snapshotPath.isEmpty() || revisionsRoot.isEmpty()) {
      diagnostics.error(OptionCode.NO_DEFAULT_LOCATION, "cannot tell where "
          + (snapshotPath.isEmpty() ? "the snapshot belongs" : "the revisions belong")
          + ": the entities' source files are not in a"
          + " src/<set>/java directory on disk (first entity: " + roundEntities.get(0).getQualifiedName()
          + "); set -A" + StrataOptions.SNAPSHOT + "=<file> and -A" + StrataOptions.REVISIONS + "=<source root>");
      return;
    }
    // An invalid snapshot is reported after the chain checks: after a git merge of two branches it
    // holds conflict markers, and then the two heads (or strata.merge) are what the developer needs.
    Optional<Snapshot> snapshot = readSnapshot(snapshotPath.get(), false);
    if (diagnostics.hasErrors()) {
      return;
    }
    snapshot.ifPresent(s -> output.snapshot(SnapshotWriter.write(s)));

    List<TypeElement> entities = allEntities(roundEntities, snapshot.map(Snapshot::entities).orElse(List.of()));
    RevisionScanner scanner = new RevisionScanner(env, diagnostics, locations::sourceFile);
    Map<String, RevisionInfo> revisions = new TreeMap<>(scanner.fromRound(round));
    String packageName = revisionPackage(revisionsRoot.get(), snapshot, revisions, entities);
    Path revisionsDir = directoryOf(revisionsRoot.get(), packageName);
    revisions.putAll(scanner.fromDirectory(revisionsDir, packageName, revisions.keySet()));
    Optional<RevisionGraph> graph = RevisionGraph.check(revisions.values(), diagnostics);
    if (graph.isEmpty()) {
      return;
    }
    graph.get().all().forEach(r -> {
      output.index(r.className());
      writer.knownId(r.id());
    });
    if (options.merge()) {
      if (graph.get().heads().size() > 1) {
        new Merge(diagnostics, options, writer).merge(graph.get(), snapshot, snapshotPath.get(), packageName,
            revisionsDir, names -> readEntities(allEntities(roundEntities, names), converters(names)));
        return;
      }
      diagnostics.note("strata.merge: the revision chain has one head, so there is nothing to merge");
    }
    Optional<RevisionInfo> head = graph.get().requireSingleHead(diagnostics);
    if (diagnostics.hasErrors()) {
      return;
    }
    if (snapshot.isEmpty()) {
      readSnapshot(snapshotPath.get(), true);
      if (diagnostics.hasErrors()) {
        return;
      }
    }
    checkSnapshotMatchesHead(snapshot, snapshotPath.get(), graph.get(), head, revisionsDir);
    if (diagnostics.hasErrors()) {
      return;
    }

    Optional<Merge.Entities> read = readEntities(entities,
        converters(snapshot.map(Snapshot::entities).orElse(List.of())));
    if (read.isEmpty()) {
      return;
    }
    EntityModel model = read.get().model();
    List<String> entityNames = read.get().names();
    Schema current = snapshot.map(Snapshot::schema).orElse(Schema.EMPTY);
    DataLossPolicy policy = DataLossPolicy.of(options, model, diagnostics);
    List<Change> changes = policy.diff(current, model.schema(), model.renames());
    // With strata.amend the hints may be meant for the state before the head revision, which the
    // amended diff starts from, rather than for the snapshot: their names are not checked then.
    ReviewWarnings.renamesDone(model.renames(), current, model.schema(), !options.amend(), diagnostics,
        model.tableOrigins(), model.columnOrigins());
    policy.acceptancesDone(changes, diagnostics);
    if (diagnostics.hasErrors()) {
      return;
    }
    RevisionWriter.Target target = new RevisionWriter.Target(packageName, revisionsDir, snapshotPath.get(),
        entityNames);

    if (options.mode() == StrataOptions.Mode.CHECK) {
      if (!changes.isEmpty()) {
        List<String> list = changes.stream().map(ChangeDescription::of).toList();
        diagnostics.error(GenerateCode.CHECK_FAILED, "the entities differ from the snapshot " + snapshotPath.get()
            + " (strata.mode=check): " + String.join("; ", list) + ". Compile without -Astrata.mode=check to"
            + " generate the revision, and commit it with the snapshot");
      }
      return;
    }
    if (options.empty()) {
      if (!changes.isEmpty()) {
        diagnostics.error(OptionCode.CONFLICT, "strata.empty=true asks for an empty revision, but the entities"
            + " changed (" + ChangeDescription.message(changes) + "); compile once without strata.empty to"
            + " generate those changes, then ask for the empty revision");
        return;
      }
      String message = options.message().orElseThrow();
      writer.newRevision(List.of(), current, current, parentsOf(head), message, message, true, target);
      return;
    }
    if (changes.isEmpty()) {
      if (snapshot.isPresent() && !snapshot.get().entities().equals(entityNames)) {
        // Entity classes were renamed or moved without a schema change. The list must follow, or a
        // later partial compile would not look the moved entities up and would drop their tables.
        String updated = SnapshotWriter.write(snapshot.get().withEntities(entityNames));
        output.write(snapshotPath.get(), updated, "the snapshot's entity list");
        output.snapshot(updated);
        output.note("updated the entity list in the snapshot " + snapshotPath.get()
            + " (entity classes were renamed or moved; the schema did not change)");
      }
      return;
    }
    if (options.amend() && head.isPresent()
        && new Amend(diagnostics, options, output, writer, locations).tryAmend(head.get(), graph.get(), model,
            entityNames, snapshotPath.get(), policy)) {
      return;
    }
    generateRevisions(changes, current, model, policy, parentsOf(head), target);
  }

  private static List<String> parentsOf(Optional<RevisionInfo> head) {
    return head.map(h -> List.of(h.id())).orElse(List.of());
  }

  /** Reads {@code entities} into a schema; empty when that reported errors. */
  private Optional<Merge.Entities> readEntities(List<TypeElement> entities, List<TypeElement> converters) {
    EntityModel model = new EntityReader(env, diagnostics, MappingOptions.from(env.getOptions(), diagnostics))
        .read(entities, converters);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new Merge.Entities(model, model.entities()));
  }

  /**
   * Generates the revision for {@code changes} after reviewing them. Some changes move into a
   * second, non-transactional revision, where each statement commits on its own, so that they take
   * strong locks only briefly: with {@code strata.concurrentIndexes}, indexes created on tables that
   * exist before the revision (built {@code CONCURRENTLY}, writes go on meanwhile); with
   * {@code strata.safeConstraints}, foreign keys and checks added to existing tables (added
   * {@code NOT VALID}, then validated) and NOT NULL set on their columns (through a validated check,
   * see {@link #movesSafely}). The first revision holds the other changes. Changes only move when the
   * changes still apply in that order.
   */
  private void generateRevisions(List<Change> changes, Schema current, EntityModel model, DataLossPolicy policy,
      List<String> parents, RevisionWriter.Target target) {
    Set<QualifiedName> created = new TreeSet<>();
    changes.stream().filter(Change.CreateTable.class::isInstance)
        .forEach(c -> created.add(((Change.CreateTable) c).table().name()));
    List<Change> concurrent = new ArrayList<>();
    List<Change> rest = new ArrayList<>();
    for (Change change : changes) {
      boolean moves = options.concurrentIndexes() && change instanceof Change.CreateIndex create
          && current.table(create.table()).isPresent()
          || options.safeConstraints() && movesSafely(change, created, model.schema());
      (moves ? concurrent : rest).add(change);
    }
    Optional<Schema> middle = Optional.empty();
    if (!concurrent.isEmpty()) {
      try {
        Schema mid = Change.applyAll(current, rest);
        if (Change.applyAll(mid, concurrent).equals(model.schema())) {
          middle = Optional.of(mid);
        }
      } catch (IllegalStateException e) {
        middle = Optional.empty();
      }
    }
    ReviewWarnings.review(middle.isPresent() ? rest : changes, diagnostics, policy, model,
        options.safeConstraints());
    if (diagnostics.hasErrors()) {
      return;
    }
    if (middle.isEmpty()) {
      String message = options.message().orElseGet(() -> ChangeDescription.message(changes));
      writer.newRevision(changes, current, model.schema(), parents, message, message, true, target);
      return;
    }
    List<String> indexParents = parents;
    if (!rest.isEmpty()) {
      String message = options.message().orElseGet(() -> ChangeDescription.message(rest));
      Optional<String> first = writer.newRevision(rest, current, middle.get(), parents, message, message, true,
          target);
      if (first.isEmpty()) {
        return;
      }
      indexParents = List.of(first.get());
    }
    boolean onlyIndexes = concurrent.stream().allMatch(Change.CreateIndex.class::isInstance);
    String message = onlyIndexes
        ? options.message().map(m -> m + " (indexes built concurrently)")
            .orElseGet(() -> ChangeDescription.message(concurrent) + " concurrently")
        : options.message().map(m -> m + " (without long locks)")
            .orElseGet(() -> ChangeDescription.message(concurrent) + " without long locks");
    writer.newRevision(concurrent, middle.get(), model.schema(), indexParents, message, message, false, target);
  }

  /**
   * Whether {@code strata.safeConstraints} moves {@code change} into the non-transactional revision:
   * a foreign key or check added to a table that the revision does not create, or NOT NULL set on a
   * column of one. Not when the column is in the primary key or an identity column: adding those
   * needs the column NOT NULL first, in the same revision.
   */
  private static boolean movesSafely(Change change, Set<QualifiedName> created, Schema desired) {
    if (change instanceof Change.AddForeignKey add) {
      return !created.contains(add.table());
    }
    if (change instanceof Change.AddCheckConstraint add) {
      return !created.contains(add.table());
    }
    if (change instanceof Change.AlterColumnNullable alter && !alter.nullable()
        && !created.contains(alter.table())) {
      return desired.table(alter.table()).map(t ->
          t.primaryKey().map(pk -> !pk.columns().contains(alter.column())).orElse(true)
              && t.column(alter.column()).map(c -> c.identity().isEmpty()).orElse(false)).orElse(false);
    }
    return false;
  }

  // ---- reading ---------------------------------------------------------------------------------------

  /** The snapshot at {@code path}, empty when there is none; with {@code report} false an invalid file is not an error. */
  private Optional<Snapshot> readSnapshot(Path path, boolean report) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(GenerateCode.SNAPSHOT_IO, "cannot read the snapshot " + path + ": " + e
          + "; check that the file is readable");
      return Optional.empty();
    }
    try {
      return Optional.of(SnapshotReader.read(text));
    } catch (SnapshotFormatException e) {
      if (!report) {
        return Optional.empty();
      }
      diagnostics.error(GenerateCode.SNAPSHOT_UNREADABLE, "the snapshot " + path + " is not valid at " + e.getMessage()
          + ". Fix that line, or restore the file from version control (a merge can leave conflict markers in it)");
      return Optional.empty();
    }
  }

  /**
   * The round's entities, plus the snapshot's entities that are not in the round but still exist
   * (on the class path, or as sources javac can find): an incremental compile sees only the changed
   * sources, and a table must only be dropped when its entity is truly gone.
   */
  private List<TypeElement> allEntities(List<TypeElement> roundEntities, List<String> snapshotEntities) {
    Map<String, TypeElement> all = new TreeMap<>();
    roundEntities.forEach(e -> all.put(e.getQualifiedName().toString(), e));
    for (String name : snapshotEntities) {
      if (all.containsKey(name)) {
        continue;
      }
      TypeElement type = env.getElementUtils().getTypeElement(name);
      if (type != null && hasAnnotation(type, ENTITY)) {
        all.put(name, type);
      }
    }
    return List.copyOf(all.values());
  }

  /**
   * The round's {@code @Converter} types, plus those the snapshot lists (auto-applied converters
   * from outside the entities' packages) that are not in the round but on the class path: a partial
   * compile that leaves such a converter out must still apply it.
   */
  private List<TypeElement> converters(List<String> snapshotNames) {
    Map<String, TypeElement> all = new TreeMap<>();
    roundConverters.forEach(c -> all.put(c.getQualifiedName().toString(), c));
    for (String name : snapshotNames) {
      if (!all.containsKey(name)) {
        TypeElement type = env.getElementUtils().getTypeElement(name);
        if (type != null && hasAnnotation(type, CONVERTER)) {
          all.put(name, type);
        }
      }
    }
    return List.copyOf(all.values());
  }

  /**
   * {@code strata.package}; else the package of the head revision's file (so that revisions stay
   * where they are); else that of the newest revision in the round; else the entities' longest
   * common package plus {@code .migrations}.
   */
  private String revisionPackage(Path revisionsRoot, Optional<Snapshot> snapshot, Map<String, RevisionInfo> roundRevisions,
      List<TypeElement> entities) {
    if (options.revisionPackage().isPresent()) {
      return options.revisionPackage().get();
    }
    Optional<String> head = snapshot.flatMap(Snapshot::head);
    if (head.isPresent()) {
      for (RevisionInfo revision : roundRevisions.values()) {
        if (revision.id().equals(head.get())) {
          int dot = revision.className().lastIndexOf('.');
          return dot < 0 ? "" : revision.className().substring(0, dot);
        }
      }
      Optional<String> found = Locations.packageOfRevisionFile(revisionsRoot, head.get());
      if (found.isPresent()) {
        return found.get();
      }
    }
    Optional<RevisionInfo> newest = roundRevisions.values().stream().max(Comparator.comparing(RevisionInfo::id));
    if (newest.isPresent()) {
      int dot = newest.get().className().lastIndexOf('.');
      return dot < 0 ? "" : newest.get().className().substring(0, dot);
    }
    String common = Locations.commonPackage(entities.stream().map(Locations::packageOf).toList());
    return common.isEmpty() ? "migrations" : common + ".migrations";
  }

  private static Path directoryOf(Path root, String packageName) {
    Path dir = root;
    if (!packageName.isEmpty()) {
      for (String part : packageName.split("\\.")) {
        dir = dir.resolve(part);
      }
    }
    return dir;
  }

  /** The snapshot must be the state the head produces: its head line names the head, and the head records its hash. */
  private void checkSnapshotMatchesHead(Optional<Snapshot> snapshot, Path snapshotPath, RevisionGraph graph,
      Optional<RevisionInfo> head, Path revisionsDir) {
    if (head.isEmpty()) {
      Optional<String> named = snapshot.flatMap(Snapshot::head);
      if (named.isPresent()) {
        diagnostics.error(ChainCode.SNAPSHOT_HEAD_MISMATCH, "the snapshot " + snapshotPath + " names the head revision "
            + named.get() + ", but there are no revisions in " + revisionsDir + "; restore the revision files (or set "
            + StrataOptions.PACKAGE + "/" + StrataOptions.REVISIONS + " to where they are)");
      }
      return;
    }
    RevisionInfo h = head.get();
    if (snapshot.isEmpty()) {
      report(ChainCode.SNAPSHOT_MISSING, h, "revisions exist (head " + h.describe() + ") but the snapshot "
          + snapshotPath + " does not; restore it from version control (or set " + StrataOptions.SNAPSHOT
          + " to where it is)");
      return;
    }
    Optional<String> named = snapshot.get().head();
    if (!named.equals(Optional.of(h.id()))) {
      String problem;
      if (named.isEmpty()) {
        problem = "the snapshot " + snapshotPath + " has no head revision, but the chain's head is " + h.describe();
      } else if (graph.get(named.get()).isPresent()) {
        problem = "the snapshot " + snapshotPath + " is out of date: it is the state after revision " + named.get()
            + ", but the chain's head is " + h.describe() + ", which was added without updating the snapshot";
      } else {
        problem = "the snapshot " + snapshotPath + " names the head revision " + named.get()
            + ", which does not exist; the chain's head is " + h.describe();
      }
      report(ChainCode.SNAPSHOT_HEAD_MISMATCH, h, problem + ". Restore the snapshot that " + h.simpleName()
          + " produced (from version control), or delete " + h.simpleName() + " and compile again to regenerate it");
      return;
    }
    Optional<String> recorded = graph.recordedHash(h);
    String actual = SchemaHash.of(snapshot.get().schema());
    if (recorded.isPresent() && !recorded.get().equals(actual)) {
      report(ChainCode.SNAPSHOT_HASH_MISMATCH, h, "the snapshot " + snapshotPath + " is not the schema that revision "
          + h.describe() + " produces: the revision records " + recorded.get() + ", the snapshot's schema hashes to "
          + actual + ". The snapshot was edited by hand or badly merged: restore it from version control"
          + " (git checkout -- " + snapshotPath.getFileName() + "); if the revision's snapshot value was edited"
          + " instead, restore the revision");
    }
  }

  private void report(ChainCode code, RevisionInfo at, String message) {
    RevisionGraph.report(diagnostics, code, at, message);
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  /** The {@code @Entity} types among the round's root elements and their nested types, by name. */
  private static List<TypeElement> entitiesIn(RoundEnvironment round) {
    return typesIn(round, ENTITY);
  }

  /** The types annotated {@code annotation} among the round's root elements and their nested types, by name. */
  private static List<TypeElement> typesIn(RoundEnvironment round, String annotation) {
    List<TypeElement> found = new ArrayList<>();
    for (Element root : round.getRootElements()) {
      collectTypes(root, annotation, found);
    }
    found.sort(Comparator.comparing(e -> e.getQualifiedName().toString()));
    return found;
  }

  private static void collectTypes(Element element, String annotation, List<TypeElement> found) {
    if (element instanceof TypeElement type) {
      if (hasAnnotation(type, annotation)) {
        found.add(type);
      }
      for (Element enclosed : type.getEnclosedElements()) {
        collectTypes(enclosed, annotation, found);
      }
    }
  }

  static boolean hasAnnotation(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Element type = mirror.getAnnotationType().asElement();
      if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(annotation)) {
        return true;
      }
    }
    return false;
  }
}
