package com.example.crosssell.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what (docs/security.md): READER reads records and KPIs, WRITER also writes records and imports,
 * ADMIN also reads the webhook inbox and the actuator endpoints. {@code /actuator/health} and (by default) the API
 * docs are open; the CRM webhook {@code POST /api/v1/webhooks/crm} is authenticated by its signature instead.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String READER = ApiKeyRole.READER.name();

    private static final String WRITER = ApiKeyRole.WRITER.name();

    private static final String ADMIN = ApiKeyRole.ADMIN.name();

    private static final String[] API_DOCS = {"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private static final String AUTHENTICATE = "Bearer realm=\"crosssell\"";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ApiKeys keys,
            JsonMapper json) throws Exception {
        var problems = new ProblemWriter(json);
        http.csrf(AbstractHttpConfigurer::disable)  // no cookies or sessions: every call carries its key
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(corsSource(properties.cors().allowedOrigins())))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(new RateLimiter(TimeMeter.SYSTEM_NANOTIME), problems),
                        ApiKeyFilter.class)
                .addFilterAfter(new BodySizeLimitFilter(properties.maxBodySize().toBytes(), problems),
                        AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AUTHENTICATE);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                    "A valid API key is required: send it as 'Authorization: Bearer <key>' or "
                                            + "'X-API-Key: <key>'.");
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden",
                                "The role of this API key does not allow %s %s."
                                        .formatted(request.getMethod(), request.getRequestURI()))))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error").permitAll()
                            .requestMatchers(EndpointRequest.to("health")).permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN)
                            // SPEC §6.5: authenticated by its Standard Webhooks signature, not by a key
                            .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/crm").permitAll()
                            .requestMatchers("/api/v1/webhooks/**").hasRole(ADMIN)
                            .requestMatchers("/api/v1/import/**").hasRole(WRITER)
                            .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(READER)
                            .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(READER)
                            .requestMatchers("/api/v1/**").hasRole(WRITER);
                    if (properties.publicApiDocs()) {
                        requests.requestMatchers(API_DOCS).permitAll();
                    }
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization (Spring Security
     * makes them whenever an {@code ObservationRegistry} exists, as Actuator's does): they cost about a tenth of a
     * request's CPU and nothing reads them (docs/decisions.md, "Spring Security's observations off"). The request's
     * own observation, {@code http.server.requests}, is kept.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** ADMIN includes WRITER, which includes READER; used by every {@code hasRole} rule. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(ApiKeyRole.hierarchy());
    }

    @Bean
    ApiKeys apiKeys(SecurityProperties properties) {
        return ApiKeys.from(properties, new SecureRandom());
    }

    /** Browser dashboards on the configured origins may call the API; with none configured CORS stays closed. */
    private static UrlBasedCorsConfigurationSource corsSource(List<String> allowedOrigins) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            var cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowedOrigins);
            cors.setAllowedMethods(List.of("GET", "HEAD", "PUT", "POST", "DELETE"));
            // a dashboard's own conditional GETs (If-None-Match → 304) and no-cache; the KPI validators readable
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, ApiKeyFilter.API_KEY_HEADER,
                    HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE,
                    HttpHeaders.CACHE_CONTROL));
            cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, HttpHeaders.ETAG,
                    HttpHeaders.LAST_MODIFIED, "Kpi-Cache"));
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/v1/**", cors);
        }
        return source;
    }
}
