package vn.ocop.service.platform.security;

/** The service's roles. */
public final class Roles {
    public static final String INTEGRATION = "INTEGRATION";
    public static final String COUNCIL = "COUNCIL";
    public static final String POLICY_OFFICER = "POLICY_OFFICER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";
    /** Chủ thể OCOP: files and follows their own dossiers. */
    public static final String PRODUCER = "PRODUCER";
    /** Cán bộ UBND cấp xã: receives and checks the dossiers of their commune. */
    public static final String COMMUNE_OFFICER = "COMMUNE_OFFICER";
    /** Cơ quan tham mưu quản lý OCOP cấp tỉnh: their province's completeness checks, rounds, councils, decisions. */
    public static final String PROVINCE_OFFICE = "PROVINCE_OFFICE";
    /** Tổ tư vấn: the advisory team of a council of their province. */
    public static final String ADVISORY = "ADVISORY";
    /** Cơ quan tham mưu quản lý OCOP của Bộ: central rounds, councils and the Minister's decisions. */
    public static final String MINISTRY_OFFICE = "MINISTRY_OFFICE";

    private Roles() {}
}
