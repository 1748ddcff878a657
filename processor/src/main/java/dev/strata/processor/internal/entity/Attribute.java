package dev.strata.processor.internal.entity;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A persistent attribute: a field (field access) or a getter (property access).
 *
 * @param name the attribute name (the field name, or the getter's property name)
 * @param type its type as seen from the entity being mapped, so a generic mapped superclass's
 *     {@code T id} is the entity's {@code Long}
 * @param declaringType the class that declares it (an entity, mapped superclass or embeddable)
 */
record Attribute(Element element, String name, TypeMirror type, TypeElement declaringType) {

  /** {@code OrderLine.total}, for messages. */
  String describe() {
    return Elements2.simpleName(declaringType) + "." + name;
  }
}
