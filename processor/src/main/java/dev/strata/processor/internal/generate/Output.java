package dev.strata.processor.internal.generate;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.chain.ChainCode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What one compile will write, collected during the generation round and written in the last
 * round: source-tree files (atomically, and only when the compile reported no error), the notes
 * that say where, and the class-path resources (the revision index and the snapshot copy).
 */
final class Output {
  static final String INDEX = "META-INF/strata/revisions";
  static final String SNAPSHOT_RESOURCE = "META-INF/strata/schema.strata";

  /** A source-tree file to write; {@code text} null means delete it. */
  private record PendingFile(Path path, String text, String what) {}

  private final List<PendingFile> pending = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> index = new TreeSet<>();
  private Optional<String> snapshotText = Optional.empty();

  /** Writes {@code text} to {@code path} in the last round, replacing an earlier pending write of it. */
  void write(Path path, String text, String what) {
    pending.removeIf(p -> p.path().equals(path));
    pending.add(new PendingFile(path, text, what));
  }

  void delete(Path path, String what) {
    pending.removeIf(p -> p.path().equals(path));
    pending.add(new PendingFile(path, null, what));
  }

  /** A note to print once the files are written. */
  void note(String text) {
    notes.add(text);
  }

  void index(String revisionClass) {
    index.add(revisionClass);
  }

  void unindex(String revisionClass) {
    index.remove(revisionClass);
  }

  /** The snapshot text for the class-path copy. */
  void snapshot(String text) {
    snapshotText = Optional.of(text);
  }

  /**
   * Writes everything, or, when the compile reported errors, nothing. Each source-tree file is
   * written atomically; a failure is reported and stops the rest.
   */
  void finish(boolean failed, Diagnostics diagnostics, Filer filer, List<Element> originating) {
    if (failed) {
      if (!pending.isEmpty()) {
        diagnostics.note("wrote nothing into the source tree because the compile reported errors");
      }
      return;
    }
    for (PendingFile file : pending) {
      try {
        if (file.text() == null) {
          Files.deleteIfExists(file.path());
        } else {
          AtomicFiles.write(file.path(), file.text());
        }
      } catch (IOException e) {
        diagnostics.error(ChainCode.WRITE_FAILED, "cannot write " + file.what() + " to " + file.path() + ": " + e
            + "; check that the directory is writable, then compile again");
        return;
      }
    }
    notes.forEach(diagnostics::note);
    writeResource(INDEX, index.isEmpty() ? "" : String.join("\n", index) + "\n", diagnostics, filer, originating);
    snapshotText.ifPresent(text -> writeResource(SNAPSHOT_RESOURCE, text, diagnostics, filer, originating));
  }

  private static void writeResource(String name, String text, Diagnostics diagnostics, Filer filer,
      List<Element> originating) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name,
          originating.toArray(new Element[0]));
      try (Writer out = file.openWriter()) {
        out.write(text);
      }
    } catch (IOException e) {
      diagnostics.error(ChainCode.WRITE_FAILED, "cannot write the class-path resource " + name + ": " + e
          + "; check that the class output directory is writable");
    }
  }
}
