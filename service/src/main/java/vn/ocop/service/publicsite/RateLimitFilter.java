package vn.ocop.service.publicsite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ocop.service.platform.web.ProblemWriter;

/**
 * Per-client token buckets for the public site: one for reads (verification, QR, catalogue), a much smaller one for
 * product-idea submissions. Over the limit: 429 RATE_LIMITED with Retry-After. The client is the connection's remote
 * address (a proxy in front must pass the real one through, e.g. Tomcat's RemoteIpValve). In memory, per instance.
 * A local version until the robustness work's rate-limit filter is on main.
 */
class RateLimitFilter extends OncePerRequestFilter {
    private static final int MAX_CLIENTS = 50_000;
    private final Bucket.Rule reads;
    private final Bucket.Rule ideas;
    private final ProblemWriter problems;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(Bucket.Rule reads, Bucket.Rule ideas, ProblemWriter problems, LongSupplier nanos) {
        this.reads = reads;
        this.ideas = ideas;
        this.problems = problems;
        this.nanos = nanos;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        boolean idea = "POST".equals(req.getMethod()) && req.getRequestURI().startsWith("/public/ideas");
        Bucket.Rule rule = idea ? ideas : reads;
        String key = (idea ? "ideas|" : "reads|") + req.getRemoteAddr();
        if (buckets.size() > MAX_CLIENTS)
            buckets.clear(); // a flood of addresses: start afresh rather than grow without bound
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(rule, nanos.getAsLong()));
        long waitSeconds = bucket.take(nanos.getAsLong());
        if (waitSeconds > 0) {
            res.setHeader("Retry-After", Long.toString(waitSeconds));
            problems.write(
                    req,
                    res,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Quá nhiều yêu cầu; vui lòng thử lại sau " + waitSeconds + " giây");
            return;
        }
        chain.doFilter(req, res);
    }

    /** A token bucket: {@code capacity} at most, refilled at {@code perHour} tokens an hour. */
    static final class Bucket {
        record Rule(int capacity, double perHour) {}

        private final Rule rule;
        private double tokens;
        private long last;

        Bucket(Rule rule, long now) {
            this.rule = rule;
            this.tokens = rule.capacity();
            this.last = now;
        }

        /** 0 when a token was taken; else the seconds until one is available. */
        synchronized long take(long now) {
            double perNano = rule.perHour() / 3.6e12;
            tokens = Math.min(rule.capacity(), tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
