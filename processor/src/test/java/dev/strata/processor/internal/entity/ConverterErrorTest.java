package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message of converters; the model starts on line 6. */
class ConverterErrorTest {

  private static void assertOneError(String model, String message, int line) {
    JavaFileObject src = source("Model", "class Model {}\n" + model);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining(message).inFile(src).onLine(line);
  }

  @Test
  void convertWithoutConverterIsAnError() {
    assertOneError("""
        @Entity class Item { @Id Long id;
          @Convert String name; }
        """, "[STRATA-111] @Convert on Item.name names no converter; name it with converter = ..., or set "
        + "disableConversion = true", 7);
  }

  @Test
  void convertTogetherWithEnumeratedIsAnError() {
    assertOneError("""
        enum Status { ON, OFF }
        class StatusConverter implements AttributeConverter<Status, String> {
          public String convertToDatabaseColumn(Status s) { return null; }
          public Status convertToEntityAttribute(String s) { return null; } }
        @Entity class Item { @Id Long id;
          @Convert(converter = StatusConverter.class) @Enumerated(EnumType.STRING) Status status; }
        """, "[STRATA-103] @Convert on Item.status: it is also @Enumerated, and a converted attribute is stored as "
        + "its converter says; remove one of the two", 11);
  }

  @Test
  void converterWithUnknownTypesIsAnError() {
    assertOneError("""
        class AnyConverter<T> implements AttributeConverter<T, T> {
          public T convertToDatabaseColumn(T s) { return s; }
          public T convertToEntityAttribute(T s) { return s; } }
        @Entity class Item { @Id Long id;
          @SuppressWarnings("rawtypes") @Convert(converter = AnyConverter.class) String name; }
        """, "[STRATA-111] @Convert(converter = AnyConverter.class) on Item.name: AnyConverter does not implement "
        + "AttributeConverter<X, Y> with both types known; make it (or a superclass) implement AttributeConverter "
        + "with concrete types", 10);
  }

  @Test
  void unmappableDatabaseSideIsAnError() {
    assertOneError("""
        class Box { String content; }
        class BoxConverter implements AttributeConverter<String, Box> {
          public Box convertToDatabaseColumn(String s) { return null; }
          public String convertToEntityAttribute(Box b) { return null; } }
        @Entity class Item { @Id Long id;
          @Convert(converter = BoxConverter.class) String name; }
        """, "[STRATA-101] Item.name: type test.Box is not a basic type Strata can map to a column; change it to a "
        + "supported type (see docs/type-mapping.md), give it @Column(columnDefinition = \"<PostgreSQL type>\"), or "
        + "mark it @Transient", 11);
  }
}
