package com.example.crosssell.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its API key ({@code Authorization: Bearer <key>}, else {@code X-API-Key: <key>}). A
 * missing, malformed or unknown key leaves the request anonymous; the authorization rules then answer 401 where a
 * key is needed, the same problem in all three cases. The key name (never the key) goes into the log context.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    /** MDC entry naming the calling key in every log line of the request. */
    static final String MDC_KEY = "apiKey";

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var known = keys.find(presentedKey(request));
        if (known.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var key = known.get();
        var authorities = key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(key, null, authorities));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        MDC.put(MDC_KEY, key.name());
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_KEY);
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return authorization.substring(BEARER.length()).trim();
        }
        return request.getHeader(API_KEY_HEADER);
    }
}
