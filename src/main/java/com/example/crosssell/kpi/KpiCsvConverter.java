package com.example.crosssell.kpi;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes series, breakdowns and the matrix as {@code text/csv} when the client asks for it (Accept: text/csv). */
class KpiCsvConverter extends AbstractHttpMessageConverter<Object> {

    KpiCsvConverter() {
        super(StandardCharsets.UTF_8, new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return KpiSeries.class.isAssignableFrom(type) || KpiBreakdown.class.isAssignableFrom(type)
                || CrossSellMatrix.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("KPI answers are not read from CSV", input);
    }

    @Override
    protected void writeInternal(Object body, HttpOutputMessage output) throws java.io.IOException {
        var out = output.getBody();
        if (body instanceof KpiSeries<?> series) {
            KpiCsv.series(series, out);
        }
        else if (body instanceof KpiBreakdown<?> breakdown) {
            KpiCsv.breakdown(breakdown, out);
        }
        else {
            KpiCsv.matrix((CrossSellMatrix) body, out);
        }
    }
}
