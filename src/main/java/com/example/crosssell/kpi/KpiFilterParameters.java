package com.example.crosssell.kpi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * Documents the scope filters of a KPI endpoint: {@code unit}, {@code unitRole} and {@code segment} (SPEC §3). The
 * by-unit endpoints have no {@code unit} and document {@code unitRole} and {@code segment} directly; the matrix
 * documents only {@code segment}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "unit", in = ParameterIn.QUERY, description = KpiParameters.UNIT, example = "RET"),
        @Parameter(name = "unitRole", in = ParameterIn.QUERY, description = KpiParameters.UNIT_ROLE),
        @Parameter(name = "segment", in = ParameterIn.QUERY, description = KpiParameters.SEGMENT)})
@interface KpiFilterParameters {
}
