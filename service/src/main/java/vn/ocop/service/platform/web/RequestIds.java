package vn.ocop.service.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The request id (X-Request-Id) that every /api response carries, for logs and 500 problems. */
public final class RequestIds {
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private RequestIds() {}

    /**
     * A new request id: a random (version 4) UUID from a per-thread generator. A request id only correlates log lines
     * and answers, it guards nothing, so it needs no SecureRandom, whose one shared lock every request waited for.
     */
    public static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : "-";
    }
}
