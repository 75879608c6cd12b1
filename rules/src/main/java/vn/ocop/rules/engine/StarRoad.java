package vn.ocop.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.NextStarGap;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.UnmetMinimum;
import vn.ocop.rules.model.Council;
import vn.ocop.rules.pack.StarThresholds;

/** The road to the next star: per higher level, the points short of its threshold and the minimums not reached. */
final class StarRoad {
    private StarRoad() {}

    /** Unmet minimums by level, then in sheet order. */
    static List<UnmetMinimum> sorted(SheetInfo sheet, List<UnmetMinimum> unmet) {
        List<String> order = sheet.criteria().stream().map(CriterionInfo::code).toList();
        return unmet.stream()
                .sorted(Comparator.comparingInt(UnmetMinimum::stars)
                        .thenComparingInt(u -> order.indexOf(u.criterion())))
                .toList();
    }

    static List<NextStarGap> road(
            StarThresholds thresholds, BigDecimal average, Integer stars, List<UnmetMinimum> unmet) {
        List<NextStarGap> road = new ArrayList<>();
        if (stars == null || average == null) return road;
        for (int level = stars + 1; level <= 5; level++) {
            BigDecimal from = thresholds.from(level);
            if (from == null) continue;
            int l = level;
            BigDecimal shortBy = from.subtract(average).max(BigDecimal.ZERO).stripTrailingZeros();
            road.add(new NextStarGap(
                    level,
                    shortBy.scale() < 0 ? shortBy.setScale(0) : shortBy,
                    unmet.stream().filter(u -> u.stars() <= l).toList()));
        }
        return road;
    }

    /** NEXT_STAR_GAP: what the next level needs, in Vietnamese. */
    static Finding finding(NextStarGap next) {
        StringBuilder m = new StringBuilder("Để được ").append(next.stars()).append(" sao: ");
        if (next.pointsShort().signum() > 0) {
            m.append("cần thêm ").append(Council.shown(next.pointsShort())).append(" điểm trung bình");
        } else {
            m.append("điểm trung bình đã đủ");
        }
        if (!next.unmetMinimums().isEmpty()) {
            m.append("; cần đạt yêu cầu tối thiểu ở ")
                    .append(next.unmetMinimums().stream()
                            .map(u -> "tiêu chí " + u.criterion() + " (ít nhất " + Council.shown(u.requiredPoints())
                                    + " điểm, hội đồng đạt " + Council.shown(u.councilPoints()) + ")")
                            .distinct()
                            .collect(Collectors.joining(", ")));
        }
        return new Finding(
                "NEXT_STAR_GAP", Severity.WARNING, null, null, m.append('.').toString());
    }
}
