package vn.ocop.rules.api;

import java.math.BigDecimal;

/**
 * A star minimum the council did not reach: the sheet marks an option of {@code criterion} with
 * {@code stars} asterisks, so that level (and every higher one) needs at least {@code requiredPoints} there.
 *
 * @param criterion      criterion code as printed, e.g. "1.5"
 * @param stars          the level it blocks (3, 4 or 5)
 * @param requiredPoints points of the marked option
 * @param councilPoints  the council's points on the criterion: exact average, or the lowest scoring member's
 *                       points when the edition checks every member (see {@link EditionInfo#starMinimumBasis()})
 */
public record UnmetMinimum(String criterion, int stars, BigDecimal requiredPoints, BigDecimal councilPoints)
        implements java.io.Serializable {}
