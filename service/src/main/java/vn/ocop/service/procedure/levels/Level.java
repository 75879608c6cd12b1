package vn.ocop.service.procedure.levels;

/** Where a council sits: a district (three-level procedures before 1 July 2025), a province, or the Ministry. */
public enum Level {
    DISTRICT,
    PROVINCE,
    CENTRAL
}
