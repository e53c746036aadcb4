package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * KpiJsonConverter: every answer object gets the JSON Jackson writes for it, the same bytes whether written, copied
 * or kept; its JSON is kept from its second write on (a reuse) and belongs to that object only.
 */
class KpiJsonConverterTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final KpiJsonConverter converter = new KpiJsonConverter(mapper, 16 << 20, registry);

    @Test
    void anAnswerWrittenAgainAndAgainIsTheJsonJacksonWritesAndIsKeptFromItsSecondWrite() throws IOException {
        var matrix = matrix(5_000, 1); // some 250 KB: several chunks of the copy
        var expected = mapper.writeValueAsString(matrix);
        assertThat(expected.length()).isGreaterThan(200_000);
        var first = write(matrix);
        var second = write(matrix);
        var third = write(matrix);
        assertThat(first.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(second.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(third.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(first.getHeaders().getContentLength()).isEqualTo(-1); // streamed
        assertThat(second.getHeaders().getContentLength()).isEqualTo(-1); // streamed and copied
        assertThat(third.getHeaders().getContentLength()).isEqualTo(expected.length()); // kept
        assertThat(keptBytes()).isEqualTo(expected.length());
    }

    @Test
    void anotherAnswerOfTheSameTypeGetsItsOwnJson() throws IOException {
        var one = matrix(3, 1);
        var other = matrix(3, 2);
        write(one);
        write(one);
        assertThat(write(other).getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(other))
                .contains("\"crossSoldProducts\":2").doesNotContain("\"crossSoldProducts\":1");
        assertThat(write(one).getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(one));
    }

    @Test
    void writesKpiAnswersOnlyAndReadsNothing() {
        var json = MediaType.APPLICATION_JSON;
        assertThat(converter.canWrite(ResolvableType.forClass(CrossSellMatrix.class), CrossSellMatrix.class, json))
                .isTrue();
        assertThat(converter.canWrite(ResolvableType.forClass(KpiBreakdown.class), KpiBreakdown.class, json))
                .isTrue();
        assertThat(converter.canWrite(ResolvableType.forClass(String.class), String.class, json)).isFalse();
        assertThat(converter.canWrite(ResolvableType.forClass(CrossSellMatrix.class), CrossSellMatrix.class,
                KpiCsv.TEXT_CSV)).isFalse();
        assertThat(converter.canRead(ResolvableType.forClass(CrossSellMatrix.class), json)).isFalse();
    }

    private MockHttpOutputMessage write(CrossSellMatrix matrix) throws IOException {
        var output = new MockHttpOutputMessage();
        converter.write(matrix, ResolvableType.forClass(CrossSellMatrix.class), MediaType.APPLICATION_JSON, output,
                null);
        return output;
    }

    private double keptBytes() {
        return registry.get(KpiJsonConverter.KEPT_BYTES).gauge().value();
    }

    /** A matrix of {@code cells} cells of {@code count} cross-sold products each. */
    private static CrossSellMatrix matrix(int cells, long count) {
        var list = new ArrayList<CrossSellMatrix.Cell>();
        var customers = new LinkedHashMap<String, Long>();
        for (int i = 0; i < cells; i++) {
            list.add(new CrossSellMatrix.Cell("HOME-%05d".formatted(i), "PRODUCT-%05d".formatted(i), count));
            customers.put("HOME-%05d".formatted(i), (long) i);
        }
        return new CrossSellMatrix(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "UTC", null, List.copyOf(list),
                customers, null, null);
    }
}
