package vn.ocop.service.platform.web;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond}. Time is passed in (nanos),
 * so it is tested without sleeping. Reusable by any feature that limits per client (the public pages, too).
 */
public final class TokenBucket {
    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    public TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Seconds until the next token (for Retry-After), at least 1. */
    public synchronized long secondsUntilNext(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1 || refillPerNano <= 0) return 1;
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano / 1e9));
    }

    /** Full again: nothing is lost by forgetting it. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            last = nowNanos;
        }
    }
}
