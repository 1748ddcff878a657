package dev.strata.processor.internal.chain;

import dev.strata.processor.internal.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds the committed revisions: the {@code @Revision} classes of the round, and the revision
 * source files in the revisions directory that the round does not hold (an incremental compile
 * sees only some sources). The annotation is recognised by its name, {@value #REVISION}.
 */
public final class RevisionScanner {
  public static final String REVISION = "dev.strata.runtime.Revision";

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final Function<Element, Optional<Path>> sourceFile;

  /**
   * @param sourceFile where an element's source file is on disk, when it is a file
   */
  public RevisionScanner(ProcessingEnvironment env, Diagnostics diagnostics,
      Function<Element, Optional<Path>> sourceFile) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.sourceFile = sourceFile;
  }

  /** The {@code @Revision} types among the round's root elements, by class name. */
  public Map<String, RevisionInfo> fromRound(RoundEnvironment round) {
    Map<String, RevisionInfo> found = new TreeMap<>();
    for (Element root : round.getRootElements()) {
      collect(root, found);
    }
    return found;
  }

  private void collect(Element element, Map<String, RevisionInfo> found) {
    if (element instanceof TypeElement type) {
      fromElement(type).ifPresent(info -> found.put(info.className(), info));
      for (Element enclosed : type.getEnclosedElements()) {
        collect(enclosed, found);
      }
    }
  }

  /** The revision {@code type} is, or empty when it has no {@code @Revision}. */
  public Optional<RevisionInfo> fromElement(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (!annotation.getQualifiedName().contentEquals(REVISION)) {
        continue;
      }
      String id = "";
      List<String> parents = new ArrayList<>();
      String message = "";
      String snapshot = "";
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
          : env.getElementUtils().getElementValuesWithDefaults(mirror).entrySet()) {
        String name = e.getKey().getSimpleName().toString();
        Object value = e.getValue().getValue();
        switch (name) {
          case "id": id = String.valueOf(value); break;
          case "message": message = String.valueOf(value); break;
          case "snapshot": snapshot = String.valueOf(value); break;
          case "parent":
            if (value instanceof List<?> list) {
              for (Object item : list) {
                parents.add(String.valueOf(((AnnotationValue) item).getValue()));
              }
            }
            break;
          default:
            break;
        }
      }
      return Optional.of(new RevisionInfo(type.getQualifiedName().toString(), id, parents, message, snapshot,
          Optional.of(type), Optional.of(mirror), sourceFile.apply(type)));
    }
    return Optional.empty();
  }

  /**
   * The revisions in {@code directory} (the revision package's directory) whose classes are not in
   * {@code known}. A file whose {@code @Revision} has non-literal values is looked up through javac.
   */
  public Map<String, RevisionInfo> fromDirectory(Path directory, String packageName, Set<String> known) {
    Map<String, RevisionInfo> found = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("package-info.java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      diagnostics.error(ChainCode.UNREADABLE_REVISION, "cannot list the revisions directory " + directory
          + ": " + e.getMessage() + "; check that it is readable");
      return found;
    }
    for (Path file : files) {
      String base = file.getFileName().toString();
      String className = (packageName.isEmpty() ? "" : packageName + ".") + base.substring(0, base.length() - 5);
      if (known.contains(className)) {
        continue;
      }
      readFile(file, className).ifPresent(info -> found.put(className, info));
    }
    return found;
  }

  private Optional<RevisionInfo> readFile(Path file, String className) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      diagnostics.error(ChainCode.UNREADABLE_REVISION, "cannot read revision file " + file + ": " + e.getMessage());
      return Optional.empty();
    }
    String reason;
    try {
      Optional<RevisionSourceParser.Parsed> parsed = RevisionSourceParser.parse(text);
      if (parsed.isEmpty()) {
        return Optional.empty();
      }
      RevisionSourceParser.Parsed p = parsed.get();
      return Optional.of(new RevisionInfo(className, p.string("id"), p.strings("parent"), p.string("message"),
          p.string("snapshot"), Optional.empty(), Optional.empty(), Optional.of(file)));
    } catch (RevisionSourceParser.Unreadable e) {
      reason = e.getMessage();
    }
    TypeElement type = env.getElementUtils().getTypeElement(className);
    Optional<RevisionInfo> fromJavac = type == null ? Optional.empty() : fromElement(type);
    if (fromJavac.isPresent()) {
      RevisionInfo info = fromJavac.get();
      return Optional.of(new RevisionInfo(info.className(), info.id(), info.parents(), info.message(),
          info.snapshot(), info.element(), info.annotation(), Optional.of(file)));
    }
    diagnostics.error(ChainCode.UNREADABLE_REVISION, "cannot read the @Revision of " + file + ": " + reason
        + "; write its values as string literals, or compile this file together with the others");
    return Optional.empty();
  }
}
