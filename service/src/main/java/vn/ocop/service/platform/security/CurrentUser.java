package vn.ocop.service.platform.security;

import jakarta.servlet.Filter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: the authenticated user's name (the JWT subject for bearer tokens). */
public final class CurrentUser {
    /** Request attribute holding the caller's Authentication once security has established it (read by the audit log). */
    public static final String AUTHENTICATION_ATTRIBUTE = CurrentUser.class.getName() + ".authentication";

    /** The one name of a caller without credentials, in records, jobs and the audit log alike. */
    public static final String ANONYMOUS = "anonymous";

    private CurrentUser() {}

    /** A filter (placed before authorization) that keeps the caller's Authentication in {@link #AUTHENTICATION_ATTRIBUTE}. */
    public static Filter rememberCaller() {
        return (req, res, chain) -> {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            if (a != null) req.setAttribute(AUTHENTICATION_ATTRIBUTE, a);
            chain.doFilter(req, res);
        };
    }

    public static String name() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken ? ANONYMOUS : a.getName();
    }
}
