package com.example.crosssell.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Spends one token of the calling key's budget per request; over budget → 429 with {@code Retry-After}. */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiKeys.KnownKey key) {
            var decision = limiter.tryAcquire(key);
            if (!decision.allowed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "This API key has used its budget of %d requests per minute; retry after %d second(s)."
                                .formatted(key.requestsPerMinute(), decision.retryAfterSeconds()));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
