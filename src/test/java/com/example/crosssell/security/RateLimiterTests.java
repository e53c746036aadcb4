package com.example.crosssell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    /** A clock the test moves by hand. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final ManualTime time = new ManualTime();

    private final RateLimiter limiter = new RateLimiter(time);

    private final ApiKeys.KnownKey threePerMinute = new ApiKeys.KnownKey("crm", Set.of(ApiKeyRole.WRITER), 3);

    @Test
    void aKeyMayMakeItsBudgetOfRequestsAndIsThenToldWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(threePerMinute).allowed()).isTrue();
        }

        var refused = limiter.tryAcquire(threePerMinute);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);  // greedy refill: one token every 60 s / 3
    }

    @Test
    void theBudgetRefillsOverTheMinute() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(threePerMinute);
        }
        time.advance(Duration.ofSeconds(19));
        assertThat(limiter.tryAcquire(threePerMinute)).isEqualTo(new RateLimiter.Decision(false, 1));

        time.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire(threePerMinute).allowed()).isTrue();
        assertThat(limiter.tryAcquire(threePerMinute).allowed()).isFalse();
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        var other = new ApiKeys.KnownKey("dashboards", Set.of(ApiKeyRole.READER), 3);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(threePerMinute);
        }

        assertThat(limiter.tryAcquire(threePerMinute).allowed()).isFalse();
        assertThat(limiter.tryAcquire(other).allowed()).isTrue();
    }

    @Test
    void aKeyWithoutBudgetIsNeverLimited() {
        var unlimited = new ApiKeys.KnownKey("ops", Set.of(ApiKeyRole.ADMIN), 0);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire(unlimited).allowed()).isTrue();
        }
    }
}
