package vn.ocop.service.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State-changing calls without credentials (all refused with 401, or 429 by the rate limit): counted in the metric
 * {@code ocop.audit.anonymous.calls} and logged as a sample, at most one line a minute with the count since the last
 * one, instead of an audit entry each: an anonymous flood must not fill the audit log (it was 583 entries a second).
 */
final class AnonymousCalls {
    private static final Logger log = LoggerFactory.getLogger(AnonymousCalls.class);
    private static final long SAMPLE_NANOS = 60_000_000_000L;
    private final Counter calls;
    private final AtomicLong lastSample = new AtomicLong(System.nanoTime() - SAMPLE_NANOS);
    private final AtomicLong sinceSample = new AtomicLong();

    AnonymousCalls(MeterRegistry meters) {
        this.calls = Counter.builder("ocop.audit.anonymous.calls")
                .description("state-changing calls without credentials, not written to the audit log")
                .register(meters);
    }

    void record(String method, String path, int status, String requestId) {
        calls.increment();
        long n = sinceSample.incrementAndGet();
        long last = lastSample.get();
        long now = System.nanoTime();
        if (now - last >= SAMPLE_NANOS && lastSample.compareAndSet(last, now)) {
            sinceSample.addAndGet(-n);
            log.info(
                    "{} call(s) without credentials since the last sample; this one: {} {} → {} (request id {})",
                    n,
                    method,
                    path.length() > 200 ? path.substring(0, 200) : path,
                    status,
                    requestId);
        }
    }
}
