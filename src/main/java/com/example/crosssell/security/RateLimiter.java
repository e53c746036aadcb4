package com.example.crosssell.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * One bucket4j token bucket per API key: {@code requestsPerMinute} tokens, refilled greedily over the minute. Keys
 * with a budget of 0 are not limited. Buckets exist only for configured keys, so memory stays bounded.
 */
final class RateLimiter {

    /** Whether a request may proceed and, if not, after how many whole seconds it may be retried. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Decision ALLOWED = new Decision(true, 0);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final TimeMeter time;

    RateLimiter(TimeMeter time) {
        this.time = time;
    }

    Decision tryAcquire(ApiKeys.KnownKey key) {
        if (key.requestsPerMinute() <= 0) {
            return ALLOWED;
        }
        var probe = buckets.computeIfAbsent(key.name(), name -> bucket(key.requestsPerMinute()))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return ALLOWED;
        }
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);  // round up: retrying earlier fails
        return new Decision(false, seconds);
    }

    private Bucket bucket(int requestsPerMinute) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute,
                        Duration.ofMinutes(1)))
                .withCustomTimePrecision(time).build();
    }
}
