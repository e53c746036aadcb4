package com.example.crosssell.kpi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/**
 * Documents the 304 of a conditional GET and the plain 400 of a KPI endpoint: the single values, the by-unit endpoints,
 * the matrix and the conversion rate by owner. The series document both directly (their 400 also names the bucket
 * limit), the explanation its own. springdoc lists a handler's own responses first, then these.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponses({
        @ApiResponse(responseCode = "304", description = "Conditional GET (If-None-Match / If-Modified-Since) and the "
                + "data has not changed since"),
        @ApiResponse(responseCode = "400", description = "A parameter is missing, malformed or inconsistent; the "
                + "problem names it")})
@interface NotModifiedAndBadRequestResponses {
}
