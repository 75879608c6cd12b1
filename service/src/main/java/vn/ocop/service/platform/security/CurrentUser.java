package vn.ocop.service.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: the authenticated user's name (the JWT subject for bearer tokens). */
public final class CurrentUser {
    /** Request attribute holding the caller's Authentication once security has established it (read by the audit log). */
    public static final String AUTHENTICATION_ATTRIBUTE = CurrentUser.class.getName() + ".authentication";

    private CurrentUser() {}

    public static String name() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "anonymous" : a.getName();
    }
}
