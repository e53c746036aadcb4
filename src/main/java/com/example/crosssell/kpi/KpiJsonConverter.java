package com.example.crosssell.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JSON converter for KPI answers, which keeps the JSON of an answer written more than once and writes those
 * bytes again (docs/kpi-queries.md, "Result cache"). A hit of {@link KpiResultCache} returns the very object it
 * holds, and a by-owner answer of 2 000 rows is 1.2 MB of JSON that Jackson took 5–8 ms to write on every hit. Keyed
 * by identity and held weakly (an answer the result cache has dropped takes its JSON with it), at most
 * {@code crosssell.kpi.result-cache.max-json-size} bytes, least recently used dropped first. Answers are records
 * that nothing changes once computed, so the bytes stay theirs. Ahead of Spring's own JSON converter; other types
 * and other media types go to the next converter.
 */
class KpiJsonConverter extends JacksonJsonHttpMessageConverter {

    /** Gauge of the bytes of JSON kept. */
    static final String KEPT_BYTES = "crosssell.kpi.cache.json.bytes";

    /** 64 KiB: G1 allocates objects of half a region or more (regions are 1 MB in a 256 MB heap) as humongous. */
    private static final int CHUNK = 64 * 1024;

    private final Cache<Object, Json> written;

    KpiJsonConverter(JsonMapper mapper, long maxBytes, MeterRegistry registry) {
        super(mapper);
        this.written = Caffeine.newBuilder().weakKeys().maximumWeight(maxBytes)
                .weigher((Object answer, Json json) -> (int) Math.min(json.length(), Integer.MAX_VALUE))
                .build();
        Gauge.builder(KEPT_BYTES, written, KpiResultCache::weight)
                .description("Bytes of KPI answers' JSON kept for the answers the result cache holds")
                .baseUnit("bytes").register(registry);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
        return isAnswer(valueClass) && super.canWrite(type, valueClass, mediaType);
    }

    @Override
    public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
        return false;
    }

    private static boolean isAnswer(Class<?> type) {
        return KpiResult.class.isAssignableFrom(type) || KpiSeries.class.isAssignableFrom(type)
                || KpiBreakdown.class.isAssignableFrom(type) || CrossSellMatrix.class.isAssignableFrom(type)
                || KpiExplanation.class.isAssignableFrom(type);
    }

    @Override
    protected @Nullable Long getContentLength(Object answer, @Nullable MediaType contentType) {
        var json = written.getIfPresent(answer);
        return json == null || json == Json.WRITTEN_ONCE ? null : json.length();
    }

    /**
     * The kept JSON if there is one. Else Spring's converter writes it; the first time only that, the second time
     * (the answer is being reused: a hit) with a copy of what it writes, kept in chunks small enough to stay out of
     * the heap's humongous regions. An answer computed for one request (a miss nobody asks for again, a
     * {@code no-cache} request) costs no copy.
     */
    @Override
    protected void writeInternal(Object answer, ResolvableType type, HttpOutputMessage output,
            @Nullable Map<String, Object> hints) throws IOException {
        var json = written.getIfPresent(answer);
        if (json == null) {
            written.put(answer, Json.WRITTEN_ONCE);
            super.writeInternal(answer, type, output, hints);
        }
        else if (json == Json.WRITTEN_ONCE) {
            var copy = new Copy(output.getBody());
            super.writeInternal(answer, type, new HttpOutputMessage() {

                @Override
                public OutputStream getBody() {
                    return copy;
                }

                @Override
                public HttpHeaders getHeaders() {
                    return output.getHeaders();
                }
            }, hints);
            written.put(answer, copy.json());
        }
        else {
            json.writeTo(output.getBody());
        }
    }

    /** JSON kept in chunks of at most {@link #CHUNK} bytes. */
    record Json(List<byte[]> chunks, long length) {

        /** An answer written once, whose JSON was not kept. */
        static final Json WRITTEN_ONCE = new Json(List.of(), 0);

        void writeTo(OutputStream out) throws IOException {
            for (var chunk : chunks) {
                out.write(chunk);
            }
        }
    }

    /** Passes every byte on to the response and keeps a copy; closing it only flushes (Jackson closes its target). */
    private static final class Copy extends OutputStream {

        private final OutputStream out;

        private final List<byte[]> chunks = new ArrayList<>();

        private byte[] chunk = new byte[CHUNK];

        private int used;

        private long length;

        Copy(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            out.write(bytes, offset, count);
            length += count;
            for (int done = 0; done < count;) {
                if (used == chunk.length) {
                    chunks.add(chunk);
                    chunk = new byte[CHUNK];
                    used = 0;
                }
                int n = Math.min(count - done, chunk.length - used);
                System.arraycopy(bytes, offset + done, chunk, used, n);
                used += n;
                done += n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }

        Json json() {
            chunks.add(Arrays.copyOf(chunk, used));
            return new Json(List.copyOf(chunks), length);
        }
    }
}
