package dev.strata.processor.internal.entity;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** How messages name elements: {@code OrderLine} for a class, {@code OrderLine.total} for a member. */
final class Elements2 {
  private Elements2() {}

  static String describe(Element element) {
    if (element instanceof TypeElement) {
      return simpleName((TypeElement) element);
    }
    Element owner = element.getEnclosingElement();
    String member = element.getSimpleName().toString();
    if (element.getKind() == ElementKind.METHOD) {
      member = member + "()";
    }
    return owner instanceof TypeElement ? simpleName((TypeElement) owner) + "." + member : member;
  }

  /** The class name with its enclosing classes ({@code Outer.Inner}), without the package. */
  static String simpleName(TypeElement type) {
    Element enclosing = type.getEnclosingElement();
    if (enclosing instanceof TypeElement) {
      return simpleName((TypeElement) enclosing) + "." + type.getSimpleName();
    }
    return type.getSimpleName().toString();
  }
}
