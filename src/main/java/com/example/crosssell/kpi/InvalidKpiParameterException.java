package com.example.crosssell.kpi;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A KPI query parameter that is malformed, inconsistent or does not belong to the endpoint: a 400 naming it. */
class InvalidKpiParameterException extends ErrorResponseException {

    private final String parameter;

    InvalidKpiParameterException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    private static ProblemDetail problem(String parameter, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", detail)));
        return problem;
    }
}
