package com.example.crosssell.kpi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * Documents the period of a KPI endpoint: {@code from}, {@code to} and {@code zone} (SPEC §3). springdoc reads the
 * meta-annotated {@code @Parameters} of a handler method; the order in the API docs stays that of the method's own
 * parameters.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "from", in = ParameterIn.QUERY, description = KpiParameters.FROM, example = "2025-01-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = KpiParameters.TO, example = "2025-03-31"),
        @Parameter(name = "zone", in = ParameterIn.QUERY, description = KpiParameters.ZONE, example = "UTC")})
@interface KpiPeriodParameters {
}
