package vn.ocop.service.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ocop.web.rate-limit.*}: a token bucket per client address on the anonymous endpoints.
 *
 * @param enabled         off: nothing is limited
 * @param capacity        requests a client may make at once (the bucket's size)
 * @param refillPerSecond tokens added back each second (the sustained rate)
 * @param paths           Ant-style patterns of the public endpoints that are limited for everyone
 * @param anonymousApi    also limit /api requests that carry no Authorization header (they are refused with 401,
 *                        but each costs a response and a log line)
 * @param maxClients      buckets kept at most; beyond, the full (idle) ones are forgotten
 */
@ConfigurationProperties("ocop.web.rate-limit")
public record RateLimitProperties(
        Boolean enabled,
        Integer capacity,
        Double refillPerSecond,
        List<String> paths,
        Boolean anonymousApi,
        Integer maxClients) {
    public RateLimitProperties {
        enabled = enabled == null || enabled;
        capacity = capacity == null ? 60 : capacity;
        refillPerSecond = refillPerSecond == null ? 20.0 : refillPerSecond;
        paths = paths == null
                ? List.of(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/openapi/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/public/**",
                        "/api/v1/public/**")
                : List.copyOf(paths);
        anonymousApi = anonymousApi == null || anonymousApi;
        maxClients = maxClients == null ? 10_000 : maxClients;
    }
}
