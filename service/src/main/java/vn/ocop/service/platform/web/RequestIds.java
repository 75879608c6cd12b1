package vn.ocop.service.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** The request id (X-Request-Id) that every /api response carries, for logs and 500 problems. */
public final class RequestIds {
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private RequestIds() {}

    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : "-";
    }
}
