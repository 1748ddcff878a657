package dev.strata.processor.internal.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionSourceParserTest {

  @Test
  void readsLiteralValues() throws Exception {
    RevisionSourceParser.Parsed parsed = RevisionSourceParser.parse("""
        package a;
        // @Revision(id = "in a comment")
        /** Javadoc with @Revision in it */
        @Revision(
            id = "20261126_101500_k3f9",
            parent = {"20261120_093000_a1b2", "2026" + "1121_093000_b2c3"},
            message = "say \\"hi\\"\\n", // why
            snapshot = "sha256:00",
            transactional = false)
        public final class R implements Migration {}
        """).orElseThrow();
    assertEquals("20261126_101500_k3f9", parsed.string("id"));
    assertEquals(List.of("20261120_093000_a1b2", "20261121_093000_b2c3"), parsed.strings("parent"));
    assertEquals("say \"hi\"\n", parsed.string("message"));
    assertEquals("sha256:00", parsed.string("snapshot"));
    assertEquals(Boolean.FALSE, parsed.values().get("transactional"));
    assertEquals(4, parsed.line());
  }

  @Test
  void readsQualifiedAnnotationAndSingleParent() throws Exception {
    RevisionSourceParser.Parsed parsed = RevisionSourceParser.parse(
        "@dev.strata.runtime.Revision(id = \"x\", parent = \"p\") class R {}").orElseThrow();
    assertEquals(List.of("p"), parsed.strings("parent"));
  }

  @Test
  void aFileWithoutRevisionHasNone() throws Exception {
    assertTrue(RevisionSourceParser.parse("class Helper { String s = \"@Revision(\"; }").isEmpty());
  }

  @Test
  void constantsAreNotRead() {
    RevisionSourceParser.Unreadable e = assertThrows(RevisionSourceParser.Unreadable.class,
        () -> RevisionSourceParser.parse("@Revision(id = Ids.FIRST) class R {}"));
    assertEquals("the value of id at line 1 is not a string literal", e.getMessage());
  }
}
