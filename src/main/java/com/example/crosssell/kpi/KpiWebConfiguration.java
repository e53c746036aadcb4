package com.example.crosssell.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Adds {@code text/csv} for KPI answers, after the JSON converter so JSON stays the default for Accept: *&#47;*. */
@Configuration(proxyBeanMethods = false)
class KpiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.add(new KpiCsvConverter()));
    }
}
