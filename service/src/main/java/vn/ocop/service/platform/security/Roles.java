package vn.ocop.service.platform.security;

/** The service's roles. */
public final class Roles {
    public static final String INTEGRATION = "INTEGRATION";
    public static final String COUNCIL = "COUNCIL";
    public static final String POLICY_OFFICER = "POLICY_OFFICER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
