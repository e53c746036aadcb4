package com.example.crosssell.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A delivery refused before or while it is stored; becomes an RFC 9457 problem through the MVC error handling. */
class WebhookProblem extends ErrorResponseException {

    private WebhookProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static WebhookProblem unauthorized(String detail) {
        return new WebhookProblem(HttpStatus.UNAUTHORIZED, "Invalid webhook signature", detail);
    }

    static WebhookProblem notConfigured() {
        return new WebhookProblem(HttpStatus.SERVICE_UNAVAILABLE, "Webhooks not configured", """
                No webhook secret is configured, so no delivery can be verified; set crosssell.webhooks.secrets \
                (env CROSSSELL_WEBHOOKS_SECRETS) to the CRM's whsec_… secret.""");
    }

    static WebhookProblem badRequest(String title, String detail) {
        return new WebhookProblem(HttpStatus.BAD_REQUEST, title, detail);
    }

    WebhookProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
