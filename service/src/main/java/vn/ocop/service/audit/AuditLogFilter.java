package vn.ocop.service.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.storage.DocumentIds;
import vn.ocop.service.platform.web.RequestIds;

/**
 * Records every state-changing call (POST, PUT, PATCH, DELETE) of the API and of the web console in the audit log after
 * it is answered: who, roles, method and route template, target id, when, HTTP status, request id. Every response carries
 * X-Request-Id (the client's, when it is a plain token of at most 100 characters, else a new UUID). Calls listed in
 * {@code ocop.audit.log.exclude} (by default the stateless POST /api/v1/evaluate) are not recorded.
 */
class AuditLogFilter extends OncePerRequestFilter {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger log = LoggerFactory.getLogger(AuditLogFilter.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final AuditLog auditLog;
    private final Set<String> excluded;
    private final HandlerMapping routes;
    private final AnonymousCalls anonymous;

    AuditLogFilter(AuditLog auditLog, Set<String> excluded, HandlerMapping routes, AnonymousCalls anonymous) {
        this.auditLog = auditLog;
        this.excluded = excluded;
        this.routes = routes;
        this.anonymous = anonymous;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the API and the web console's actions (its forms post to console routes); not static files
        String uri = request.getRequestURI();
        return uri.startsWith("/console/") || uri.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(REQUEST_ID);
        String requestId = given != null && CLIENT_ID.matcher(given).matches() ? given : RequestIds.newId();
        response.setHeader(REQUEST_ID, requestId);
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        boolean record = CHANGING.contains(request.getMethod())
                && !excluded.contains(request.getMethod() + " " + request.getRequestURI());
        Date at = new Date();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (record) write(request, response, requestId, at, status);
        }
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, String requestId, Date at, int status) {
        try {
            Object auth = request.getAttribute(CurrentUser.AUTHENTICATION_ATTRIBUTE);
            String actor;
            List<String> roles;
            Authentication a = auth instanceof Authentication given ? given : null;
            if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
                // no credentials: counted and sampled, not one entry each (a flood would fill the log)
                anonymous.record(request.getMethod(), request.getRequestURI(), status, requestId);
                return;
            }
            actor = a.getName();
            roles = a.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(r -> r.startsWith("ROLE_"))
                    .map(r -> r.substring(5))
                    .sorted()
                    .toList();
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (pattern == null && routes != null) {
                // refused before it reached a controller (401, 403, 413): find the route it asked for
                try {
                    if (!ServletRequestPathUtils.hasParsedRequestPath(request))
                        ServletRequestPathUtils.parseAndCache(request);
                    routes.getHandler(request);
                } catch (Exception ignored) {
                    // no route: the raw path is recorded
                }
                pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            }
            String path = truncate(request.getRequestURI(), 500);
            String route = pattern == null ? path : pattern.toString();
            auditLog.append(new AuditLog.Entry(
                    DocumentIds.next(),
                    at,
                    truncate(actor, 200),
                    roles,
                    request.getMethod(),
                    truncate(route, 500),
                    path,
                    target(request, response),
                    status,
                    requestId,
                    vn.ocop.service.platform.web.AuditDetail.of(request)));
        } catch (RuntimeException e) {
            log.error(
                    "Could not write the audit log entry of {} {} (request id {})",
                    request.getMethod(),
                    request.getRequestURI(),
                    requestId,
                    e);
        }
    }

    /** The {id} of the route; for a creation without one, the last segment of the Location header. */
    @SuppressWarnings("unchecked")
    private static String target(HttpServletRequest request, HttpServletResponse response) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> m && m.get("id") instanceof String id) return truncate(id, 64);
        String location = response.getHeader("Location");
        if (location != null && !location.isBlank()) {
            String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            return truncate(trimmed.substring(trimmed.lastIndexOf('/') + 1), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
