package vn.ocop.rules.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a product lacks for one higher star level (the road to the next star).
 *
 * @param stars          the level, above the rating given, up to 5
 * @param pointsShort    average points missing to that level's threshold (0 when the average already reaches it)
 * @param unmetMinimums  the star minimums of that level and below not reached
 */
public record NextStarGap(int stars, BigDecimal pointsShort, List<UnmetMinimum> unmetMinimums)
        implements java.io.Serializable {
    public NextStarGap {
        unmetMinimums = List.copyOf(unmetMinimums);
    }
}
