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
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client (remote address) token buckets on the endpoints anyone may call without credentials, and on /api
 * calls that carry no credentials: over the limit, 429 RATE_LIMITED with Retry-After, counted in
 * {@code ocop.web.rate.limited}. Authenticated calls are not limited here. Configuration: {@link RateLimitProperties}.
 */
public class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimitProperties props;
    private final ProblemWriter problems;
    private final Counter limited;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AntPathMatcher paths = new AntPathMatcher();

    public RateLimitFilter(RateLimitProperties props, ProblemWriter problems, MeterRegistry meters) {
        this(props, problems, meters, System::nanoTime);
    }

    RateLimitFilter(RateLimitProperties props, ProblemWriter problems, MeterRegistry meters, LongSupplier clock) {
        this.props = props;
        this.problems = problems;
        this.limited = Counter.builder("ocop.web.rate.limited")
                .description("requests refused by the per-client rate limit")
                .register(meters);
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!props.enabled()) return true;
        String uri = request.getRequestURI();
        if (props.paths().stream().anyMatch(p -> paths.match(p, uri))) return false;
        boolean api = uri.equals("/api") || uri.startsWith("/api/");
        return !(api && props.anonymousApi() && request.getHeader(HttpHeaders.AUTHORIZATION) == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = clock.getAsLong();
        TokenBucket bucket = bucket(request.getRemoteAddr(), now);
        if (!bucket.tryTake(now)) {
            limited.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(bucket.secondsUntilNext(now)));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Quá nhiều yêu cầu từ địa chỉ này; hãy thử lại sau (too many requests)");
            return;
        }
        chain.doFilter(request, response);
    }

    private TokenBucket bucket(String client, long now) {
        if (buckets.size() >= props.maxClients() && !buckets.containsKey(client)) {
            buckets.values().removeIf(b -> b.isFull(now));
            // still full of active clients: start again rather than grow without bound
            if (buckets.size() >= props.maxClients()) buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> new TokenBucket(props.capacity(), props.refillPerSecond(), now));
    }
}
