package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;
import static dev.strata.processor.internal.entity.ReaderHarness.withValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation constraints, as Hibernate applies them to its DDL when a validator is present
 * ({@code TypeSafeActivator}). Expected schemas are Hibernate 7.4.15's {@code create} script from a
 * SessionFactory built with Hibernate Validator 9.1 on the class path.
 */
class BeanValidationMappingTest {

  private static final String MODEL = """
      import jakarta.validation.Valid;
      import jakarta.validation.constraints.*;
      class Model {}
      interface Strict {}
      @Embeddable class Home { @NotNull String homeStreet; @Size(max = 10) String homeZip; }
      @Embeddable class Work { @NotNull String workStreet; @Size(max = 10) String workZip; }
      @Embeddable class Post { @NotNull String postStreet; @Size(max = 10) String postZip; }
      @Entity class Person { @Id Long id;
        @NotNull String name;
        @NotBlank @Size(max = 40) String nick;
        @NotEmpty String code;
        @Size(min = 2, max = 20) @Column(length = 100) String title;
        @Size(max = 30) @Size(max = 25) String twice;
        @NotNull(groups = Strict.class) String strictOnly;
        @Min(18) @Max(150) Integer age;
        @Min(0) int score;
        @Digits(integer = 5, fraction = 2) BigDecimal amount;
        @NotNull @ManyToOne Person manager;
        @Embedded Home home;
        @Embedded @Valid Work work;
        @Embedded @Valid @NotNull Post post;
        @org.hibernate.validator.constraints.Length(max = 12) String hvLength;
        @Positive Integer positive;
        @Email String email;
      }
      @Entity class Manager extends Person { @NotNull String office; }
      """;

  @Test
  void constraintsShapeColumnsWhenTheValidationApiIsOnTheClassPath() {
    ReaderHarness.Result result = compile(withValidation(source("Model", MODEL)));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table person
          age integer
          amount numeric(7,2)
          code varchar(255) not null
          dtype varchar(31) not null
          email varchar(255)
          homestreet varchar(255)
          homezip varchar(255)
          hvlength varchar(12)
          id bigint not null
          manager_id bigint not null
          name varchar(255) not null
          nick varchar(40) not null
          office varchar(255)
          positive integer
          poststreet varchar(255) not null
          postzip varchar(10)
          score integer not null
          strictonly varchar(255)
          title varchar(20)
          twice varchar(25)
          workstreet varchar(255)
          workzip varchar(10)
          primary key person_pkey (id)
          foreign key fkh09enj3l45h78w3urlxllu8rx (manager_id) references person (id)
          check person_age_check: (age>=18) and (age<=150)
          check person_dtype_check: dtype in ('Person','Manager')
          check person_score_check: score>=0
        """, result.schema());
  }

  @Test
  void composedAndRepeatedConstraintsCount() {
    ReaderHarness.Result result = compile(withValidation(source("Model", """
        import jakarta.validation.*;
        import jakarta.validation.constraints.*;
        import java.lang.annotation.*;
        class Model {}
        @NotBlank @Size(max = 20) @Constraint(validatedBy = {}) @Retention(RetentionPolicy.RUNTIME)
        @interface ShortName { String message() default ""; Class<?>[] groups() default {};
          Class<?>[] payload() default {}; }
        @Entity class Account { @Id Long id;
          @ShortName String login;
          @Size(max = 30) @Size(max = 12, groups = jakarta.validation.groups.Default.class) String alias;
          @NotNull @Column(nullable = true, length = 50) String forced;
          @NotNull int count;
        }
        """)));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table account
          alias varchar(12)
          count integer not null
          forced varchar(50) not null
          id bigint not null
          login varchar(20) not null
          primary key account_pkey (id)
        """, result.schema());
  }

  @Test
  void theOptionTurnsConstraintsOff() {
    ReaderHarness.Result result = compile(Map.of("strata.beanValidation", "false"), withValidation(source("Model", """
        import jakarta.validation.constraints.*;
        class Model {}
        @Entity class Account { @Id Long id; @NotNull @Size(max = 20) String login; @Min(1) Integer count; }
        """)));
    assertThat(result.compilation).succeededWithoutWarnings();
    assertEquals("""
        table account
          count integer
          id bigint not null
          login varchar(255)
          primary key account_pkey (id)
        """, result.schema());
  }

  @Test
  void anUnknownOptionValueIsAnError() {
    ReaderHarness.Result result = compile(Map.of("strata.beanValidation", "maybe"), source("Model", """
        class Model {}
        @Entity class Account { @Id Long id; }
        """));
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining("[STRATA-453] option strata.beanValidation=maybe is neither "
        + "true nor false; use true (constraints such as @NotNull and @Size shape the columns, as Hibernate does "
        + "with a validator) or false, or leave it out to decide by whether jakarta.validation is on the class "
        + "path");
  }
}
