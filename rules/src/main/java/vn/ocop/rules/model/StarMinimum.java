package vn.ocop.rules.model;

import java.math.BigDecimal;

/**
 * A star minimum of the sheet, inserted from its data: the option {@code option} of {@code criterion} is printed
 * with {@code stars} asterisks, so that level needs at least {@code requiredPoints} on the criterion.
 */
public record StarMinimum(String criterion, int stars, int option, String optionLabel, BigDecimal requiredPoints) {
    public String getCriterion() {
        return criterion;
    }

    public int getStars() {
        return stars;
    }

    public int getOption() {
        return option;
    }

    public String getOptionLabel() {
        return optionLabel;
    }

    public BigDecimal getRequiredPoints() {
        return requiredPoints;
    }

    public String getRequiredPointsText() {
        return Council.shown(requiredPoints);
    }
    /** The marker as printed: "***", "****" or "*****". */
    public String getStarsMark() {
        return "*".repeat(stars);
    }
}
