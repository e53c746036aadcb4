package com.example.crosssell.kpi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * Documents the {@code compare} and {@code details} query parameters of a KPI endpoint. The series document both
 * directly (each point is compared with its own bucket), the matrix only {@code details}, and the explanation its own
 * {@code compare}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "compare", in = ParameterIn.QUERY, description = KpiParameters.COMPARE),
        @Parameter(name = "details", in = ParameterIn.QUERY, description = KpiParameters.DETAILS)})
@interface CompareAndDetailsParameters {
}
