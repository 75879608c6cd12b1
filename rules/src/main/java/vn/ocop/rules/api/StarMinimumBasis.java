package vn.ocop.rules.api;

/** How the council's points on a criterion are compared with a star minimum (a setting of the edition). */
public enum StarMinimumBasis {
    /** The council's exact average points on the criterion (the default; like the total, no rounding). */
    COUNCIL_AVERAGE,
    /** Every scoring member's points (the lowest member's points must reach the minimum). */
    EVERY_SCORING_MEMBER
}
