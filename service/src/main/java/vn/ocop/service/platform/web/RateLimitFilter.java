package vn.ocop.service.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client (remote address) token buckets: over the limit, 429 RATE_LIMITED with Retry-After, counted in
 * {@code ocop.web.rate.limited}. Which {@link Limit} a request takes from is the registration's choice: the
 * platform's instance ({@link RateLimitProperties}) limits the endpoints anyone may call and /api calls without
 * credentials; the public site registers its own, tighter one for /public (reads, and idea submissions apart).
 * A client has one bucket per limit. Behind a proxy, the proxy must pass the client's address through.
 */
public class RateLimitFilter extends OncePerRequestFilter {
    /** A bucket per client: {@code capacity} requests at once, refilled at {@code refillPerSecond}. */
    public record Limit(String name, int capacity, double refillPerSecond) {}

    private final Function<HttpServletRequest, @Nullable Limit> limits;
    private final int maxClients;
    private final ProblemWriter problems;
    private final Counter limited;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** The platform's limit ({@code ocop.web.rate-limit.*}). */
    public RateLimitFilter(RateLimitProperties props, ProblemWriter problems, MeterRegistry meters) {
        this(anonymous(props), props.maxClients(), problems, meters, System::nanoTime);
    }

    /**
     * @param limits     the limit a request takes from, or null: not limited
     * @param maxClients buckets kept at most; beyond, the full (idle) ones are forgotten
     */
    public RateLimitFilter(
            Function<HttpServletRequest, @Nullable Limit> limits,
            int maxClients,
            ProblemWriter problems,
            MeterRegistry meters,
            LongSupplier clock) {
        this.limits = limits;
        this.maxClients = maxClients;
        this.problems = problems;
        this.limited = Counter.builder("ocop.web.rate.limited")
                .description("requests refused by the per-client rate limit")
                .register(meters);
        this.clock = clock;
    }

    /** The endpoints of {@code paths} for everyone, and /api calls that carry no Authorization header. */
    static Function<HttpServletRequest, @Nullable Limit> anonymous(RateLimitProperties props) {
        Limit limit = new Limit("anonymous", props.capacity(), props.refillPerSecond());
        AntPathMatcher paths = new AntPathMatcher();
        return request -> {
            if (!props.enabled()) return null;
            String uri = request.getRequestURI();
            if (props.paths().stream().anyMatch(p -> paths.match(p, uri))) return limit;
            boolean api = uri.equals("/api") || uri.startsWith("/api/");
            return api && props.anonymousApi() && request.getHeader(HttpHeaders.AUTHORIZATION) == null ? limit : null;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limits.apply(request);
        if (limit == null) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.getAsLong();
        TokenBucket bucket = bucket(limit, request.getRemoteAddr(), now);
        if (!bucket.tryTake(now)) {
            limited.increment();
            long seconds = bucket.secondsUntilNext(now);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Quá nhiều yêu cầu từ địa chỉ này; hãy thử lại sau " + seconds + " giây (too many requests)");
            return;
        }
        chain.doFilter(request, response);
    }

    private TokenBucket bucket(Limit limit, String client, long now) {
        String key = limit.name() + "|" + client;
        if (buckets.size() >= maxClients && !buckets.containsKey(key)) {
            buckets.values().removeIf(b -> b.isFull(now));
            // still full of active clients: start again rather than grow without bound
            if (buckets.size() >= maxClients) buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now));
    }
}
