package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic attributes: every Java type of docs/type-mapping.md, primitives and wrappers, lengths,
 * precision and scale, second precision, {@code columnDefinition}, {@code @Lob}, {@code @Temporal},
 * {@code @Basic(optional)}, {@code nullable}, {@code unique}, and enums stored by ordinal and by name.
 */
class BasicTypesOracleTest {

  private static final String SCALARS = """
      package basic;

      import jakarta.persistence.*;
      import java.math.BigDecimal;
      import java.math.BigInteger;

      @Entity
      public class Scalars {
        @Id Long id;
        String text;
        char letter;
        Character maybeLetter;
        char[] chars;
        boolean flag;
        Boolean maybeFlag;
        byte tiny;
        Byte maybeTiny;
        short small;
        Short maybeSmall;
        int count;
        Integer maybeCount;
        long big;
        Long maybeBig;
        float ratio;
        Float maybeRatio;
        double measure;
        Double maybeMeasure;
        BigDecimal amount;
        BigInteger huge;
        byte[] bytes;
        java.util.UUID token;
      }
      """;

  private static final String TEMPORALS = """
      package basic;

      import jakarta.persistence.*;
      import java.time.*;
      import java.util.Calendar;
      import java.util.Date;

      @Entity
      public class Temporals {
        @Id Long id;
        LocalDate day;
        LocalTime clock;
        OffsetTime offsetClock;
        LocalDateTime moment;
        Instant instant;
        OffsetDateTime offsetMoment;
        ZonedDateTime zonedMoment;
        Duration span;
        Year year;
        ZoneOffset zoneOffset;
        ZoneId zone;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
        java.sql.Timestamp sqlTimestamp;
        Date plainDate;
        @Temporal(TemporalType.DATE) Date dateOnly;
        @Temporal(TemporalType.TIME) Date timeOnly;
        @Temporal(TemporalType.TIMESTAMP) Calendar calendar;
        @Column(secondPrecision = 3) LocalDateTime millis;
        @Column(secondPrecision = 0) Instant seconds;
        @Column(secondPrecision = 2) LocalTime hundredths;
      }
      """;

  private static final String SIZES = """
      package basic;

      import jakarta.persistence.*;
      import java.math.BigDecimal;
      import java.math.BigInteger;

      @Entity
      public class Sizes {
        @Id Long id;
        @Column(length = 20) String code;
        @Column(length = 10485760) String longest;
        @Column(length = 10485761) String tooLongForVarchar;
        @Column(length = 3) char triple;
        @Column(precision = 10, scale = 4) BigDecimal rate;
        @Column(precision = 12) BigDecimal whole;
        @Column(scale = 5) BigDecimal scaleOnly;
        @Column(precision = 30) BigInteger bigWhole;
        @Column(precision = 5) double lowPrecision;
        @Basic int basicPrimitive;
        @Column(name = "renamed_count") long namedPrimitive;
        @Column(nullable = false) boolean requiredFlag;
        @Column(precision = 10) Double highPrecision;
        @Column(columnDefinition = "text") String body;
        @Column(columnDefinition = "numeric(8,3)") BigDecimal defined;
        @Lob String clob;
        @Lob byte[] blob;
        @Lob char[] charsLob;
        java.sql.Blob sqlBlob;
        java.sql.Clob sqlClob;
        @Basic(optional = false) String required;
        @Column(nullable = false) Integer requiredCount;
        @Column(unique = true) String handle;
        @Column(unique = true, nullable = false, length = 64) String email;
        java.util.Currency currency;
        java.util.Locale locale;
        java.util.TimeZone timeZone;
        java.net.URL homepage;
      }
      """;

  private static final String ENUMS = """
      package basic;

      import jakarta.persistence.*;

      @Entity
      public class Enums {
        public enum Colour { RED, GREEN, BLUE }
        public enum Single { ONLY }

        @Id Long id;
        Colour implicit;
        @Enumerated Colour ordinal;
        @Enumerated(EnumType.ORDINAL) Colour explicitOrdinal;
        @Enumerated(EnumType.STRING) Colour named;
        @Enumerated(EnumType.STRING) @Column(length = 12, nullable = false) Colour namedShort;
        @Enumerated(EnumType.STRING) @Column(length = 1) Single oneChar;
        @Enumerated(EnumType.STRING) Single single;
        Single singleOrdinal;
      }
      """;

  @TempDir Path dir;

  @Test
  void basicTypesSizesAndEnumsMatchHibernate() throws Exception {
    SchemaOracle.Comparison result = SchemaOracle.in(dir, "basic")
        .source("basic/Scalars.java", SCALARS)
        .source("basic/Temporals.java", TEMPORALS)
        .source("basic/Sizes.java", SIZES)
        .source("basic/Enums.java", ENUMS)
        .run();
    result.assertOnly();
  }
}
