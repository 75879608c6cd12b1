package vn.ocop.service.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a feature wants the audit log entry of the current request to say beyond route, actor and status (e.g. that a
 * ruleset was published without four eyes, and why a back-dated publish was confirmed). Kept as a request attribute;
 * the audit log filter writes it as the entry's {@code detail}. Outside a request it does nothing.
 */
public final class AuditDetail {
    public static final String ATTRIBUTE = AuditDetail.class.getName();

    private AuditDetail() {}

    /** Adds {@code event} (a stable code) and its values to the current request's audit entry. */
    @SuppressWarnings("unchecked")
    public static void note(String event, Map<String, ?> values) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return;
        Map<String, Object> detail =
                (Map<String, Object>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (detail == null) {
            detail = new LinkedHashMap<>();
            request.setAttribute(ATTRIBUTE, detail, RequestAttributes.SCOPE_REQUEST);
        }
        detail.put("event", event);
        values.forEach(detail::put);
    }

    /** The detail noted for this request, or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(jakarta.servlet.http.HttpServletRequest request) {
        Object d = request.getAttribute(ATTRIBUTE);
        return d instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
