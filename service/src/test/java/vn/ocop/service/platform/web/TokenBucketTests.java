package vn.ocop.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bucket with a clock the test moves (no sleeping). */
class TokenBucketTests {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToTheCapacityThenTheSustainedRate() {
        TokenBucket bucket = new TokenBucket(3, 2.0, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.secondsUntilNext(0)).isEqualTo(1);
        assertThat(bucket.tryTake(SECOND / 4)).isFalse(); // half a token
        assertThat(bucket.tryTake(SECOND / 2)).isTrue(); // one token after 0.5 s at 2/s
        assertThat(bucket.tryTake(SECOND / 2)).isFalse();
        assertThat(bucket.isFull(10 * SECOND)).isTrue(); // never more than the capacity
        assertThat(bucket.tryTake(10 * SECOND)).isTrue();
        assertThat(bucket.tryTake(10 * SECOND)).isTrue();
        assertThat(bucket.tryTake(10 * SECOND)).isTrue();
        assertThat(bucket.tryTake(10 * SECOND)).isFalse();
    }

    @Test
    void aSlowRateAsksToComeBackLater() {
        TokenBucket bucket = new TokenBucket(1, 0.1, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.secondsUntilNext(0)).isEqualTo(10);
    }
}
