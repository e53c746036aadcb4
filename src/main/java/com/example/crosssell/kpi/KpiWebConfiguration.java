package com.example.crosssell.kpi;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The converters of KPI answers: JSON that keeps what it wrote for the answers the result cache holds, ahead of
 * Spring's own (so JSON stays the default for Accept: *&#47;*), and {@code text/csv} after every other.
 */
@Configuration(proxyBeanMethods = false)
class KpiWebConfiguration implements WebMvcConfigurer {

    private final JsonMapper mapper;

    private final KpiProperties properties;

    private final MeterRegistry registry;

    KpiWebConfiguration(JsonMapper mapper, KpiProperties properties, MeterRegistry registry) {
        this.mapper = mapper;
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        long jsonBytes = properties.resultCache().jsonBytes();
        builder.configureMessageConvertersList(converters -> {
            if (jsonBytes > 0) {
                converters.add(0, new KpiJsonConverter(mapper, jsonBytes, registry));
            }
            converters.add(new KpiCsvConverter());
        });
    }
}
