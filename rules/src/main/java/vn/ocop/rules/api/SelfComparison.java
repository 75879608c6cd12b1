package vn.ocop.rules.api;

import java.math.BigDecimal;

/**
 * A criterion where the producer's own sheet (SELF) and the council differ.
 *
 * @param criterion     criterion code
 * @param selfPoints    points of the producer's own choice
 * @param councilPoints the council's exact average points on the criterion
 */
public record SelfComparison(String criterion, int selfPoints, BigDecimal councilPoints)
        implements java.io.Serializable {}
