package com.example.crosssell.opportunity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * SPEC §2: {@code closedAt} is required when WON or LOST, absent when OPEN, and never before {@code openedAt}. The
 * violation is reported on the {@code closedAt} field; the database checks the same (ck_opportunity_closed_*).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ClosedWhenFinished.Validator.class)
@interface ClosedWhenFinished {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ClosedWhenFinished, OpportunityRequest> {

        @Override
        public boolean isValid(OpportunityRequest request, ConstraintValidatorContext context) {
            var problem = problemOf(request);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("closedAt")
                    .addConstraintViolation();
            return false;
        }

        private static String problemOf(OpportunityRequest request) {
            if (request.status() == null) {
                return null; // @NotNull on status reports it
            }
            if (request.status().isClosed() && request.closedAt() == null) {
                return "is required when status is " + request.status();
            }
            if (!request.status().isClosed() && request.closedAt() != null) {
                return "must be absent when status is OPEN";
            }
            if (request.closedAt() != null && request.openedAt() != null
                    && request.closedAt().isBefore(request.openedAt())) {
                return "must not be before openedAt";
            }
            return null;
        }
    }
}
