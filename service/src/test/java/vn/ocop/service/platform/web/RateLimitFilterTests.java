package vn.ocop.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one rate-limit filter, with a clock the test moves: a bucket per limit and client, 429 problem+json with
 * Retry-After over it, and the platform's choice of what is limited ({@link RateLimitProperties}).
 */
class RateLimitFilterTests {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static final RateLimitFilter.Limit READS = new RateLimitFilter.Limit("reads", 2, 1.0);
    static final RateLimitFilter.Limit IDEAS = new RateLimitFilter.Limit("ideas", 1, 10.0 / 3600);

    RateLimitFilter filter(
            java.util.function.Function<jakarta.servlet.http.HttpServletRequest, RateLimitFilter.Limit> limits) {
        return new RateLimitFilter(
                limits, 100, new ProblemWriter(JsonMapper.builder().build()), meters, now::get);
    }

    MockHttpServletResponse call(RateLimitFilter filter, String method, String uri, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void eachClientHasABucketPerLimitAndOverItIsARateLimitedProblemWithRetryAfter() throws Exception {
        RateLimitFilter filter = filter(r -> r.getMethod().equals("POST") ? IDEAS : READS);

        assertThat(call(filter, "POST", "/public/ideas", "10.0.0.1").getStatus())
                .isEqualTo(200);
        MockHttpServletResponse secondIdea = call(filter, "POST", "/public/ideas", "10.0.0.1");
        assertThat(secondIdea.getStatus()).isEqualTo(429);
        assertThat(secondIdea.getContentType()).startsWith("application/problem+json");
        assertThat(secondIdea.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(secondIdea.getHeader("Retry-After")).isEqualTo("360"); // 10 an hour: one every 6 minutes

        // the idea bucket being empty leaves the client's reads, and other clients, alone
        assertThat(call(filter, "GET", "/public/products", "10.0.0.1").getStatus())
                .isEqualTo(200);
        assertThat(call(filter, "GET", "/public/products", "10.0.0.1").getStatus())
                .isEqualTo(200);
        assertThat(call(filter, "GET", "/public/products", "10.0.0.1").getStatus())
                .isEqualTo(429);
        assertThat(call(filter, "POST", "/public/ideas", "10.0.0.2").getStatus())
                .isEqualTo(200);

        now.addAndGet(SECOND);
        assertThat(call(filter, "GET", "/public/products", "10.0.0.1").getStatus())
                .isEqualTo(200);
        assertThat(meters.counter("ocop.web.rate.limited").count()).isEqualTo(2);
    }

    @Test
    void withoutALimitARequestPassesUntouched() throws Exception {
        RateLimitFilter filter = filter(r -> null);
        for (int i = 0; i < 10; i++) {
            assertThat(call(filter, "GET", "/api/v1/dossiers", "10.0.0.1").getStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void thePlatformLimitsItsPathsForEveryoneAndTheApiOnlyWithoutCredentials() {
        RateLimitProperties props = new RateLimitProperties(null, null, null, null, null, null);
        var limits = RateLimitFilter.anonymous(props);

        assertThat(limits.apply(new MockHttpServletRequest("GET", "/public/verify/1")))
                .isNotNull();
        assertThat(limits.apply(new MockHttpServletRequest("GET", "/actuator/health")))
                .isNotNull();
        assertThat(limits.apply(new MockHttpServletRequest("GET", "/api/v1/dossiers")))
                .isNotNull();
        MockHttpServletRequest withCredentials = new MockHttpServletRequest("GET", "/api/v1/dossiers");
        withCredentials.addHeader("Authorization", "Basic eDp5");
        assertThat(limits.apply(withCredentials)).isNull();
        assertThat(limits.apply(new MockHttpServletRequest("GET", "/dossiers"))).isNull();

        var off = RateLimitFilter.anonymous(new RateLimitProperties(false, null, null, List.of(), null, null));
        assertThat(off.apply(new MockHttpServletRequest("GET", "/public/verify/1")))
                .isNull();
    }
}
