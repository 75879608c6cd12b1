package vn.ocop.rules.api;

/** Khu vực phân phối chính (criterion B1.1 of the 2019 sheets). */
public enum DistributionArea {
    WITHIN_DISTRICT,
    OUTSIDE_DISTRICT,
    INTERNATIONAL
}
