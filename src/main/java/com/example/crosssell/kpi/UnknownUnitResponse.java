package com.example.crosssell.kpi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/**
 * Documents the 404 of a KPI endpoint that takes {@code unit}: the single values, the series and the conversion rate by
 * owner. The explanation documents its own (unknown KPI or unit). springdoc lists a handler's own responses first, then
 * these, so the annotation goes after {@link NotModifiedAndBadRequestResponses}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponses({@ApiResponse(responseCode = "404", description = "Unknown unit")})
@interface UnknownUnitResponse {
}
