package com.example.crosssell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A date or instant the service can store and compute with: years 0001–9999 (SPEC §2 writes dates as
 * {@code YYYY-MM-DD}). Every write path (PUT, import, webhook) validates the same request records, so none of them can
 * hand PostgreSQL a value it refuses or a KPI period cannot express.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableTime.Validator.class)
public @interface StorableTime {

    String message() default "must lie between the years 0001 and 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** PostgreSQL keeps microseconds. */
    final class Precision {

        private Precision() {
        }

        /** The instant as it will be stored, so version comparisons in Java agree with the stored row. */
        public static @Nullable Instant micros(@Nullable Instant instant) {
            return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
        }
    }

    class Validator implements ConstraintValidator<StorableTime, Temporal> {

        @Override
        public boolean isValid(@Nullable Temporal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int year = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                    : LocalDate.from(value).getYear();
            return year >= 1 && year <= 9999;
        }
    }
}
