package dev.strata.processor.internal.chain;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * What the pipeline needs to know about one committed revision: the values of its
 * {@code @Revision} and where it is, so that messages can point at it.
 *
 * @param className the fully-qualified class name
 * @param id {@code @Revision(id)}
 * @param parents {@code @Revision(parent)}, empty for the first revision
 * @param message {@code @Revision(message)}
 * @param snapshot {@code @Revision(snapshot)}: the hash of the schema after it, empty for a
 *     hand-written revision that changes no managed object
 * @param element the class, when javac knows it (messages then carry file and line)
 * @param annotation its {@code @Revision}, when javac knows the class (messages point at it)
 * @param file the source file, when it is a file on disk
 */
public record RevisionInfo(
    String className,
    String id,
    List<String> parents,
    String message,
    String snapshot,
    Optional<Element> element,
    Optional<AnnotationMirror> annotation,
    Optional<Path> file) {

  public RevisionInfo {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(annotation, "annotation");
    Objects.requireNonNull(file, "file");
  }

  public String simpleName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** For messages: the class's simple name and its file, e.g. {@code R20261126_101500_k3f9_AddEmail (/src/.../R….java)}. */
  public String describe() {
    return simpleName() + " (" + file.map(Path::toString).orElse(className) + ")";
  }
}
