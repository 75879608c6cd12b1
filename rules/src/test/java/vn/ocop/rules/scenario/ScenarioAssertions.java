package vn.ocop.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.MemberResult;

/** Compares a result with a scenario's {@code expect} block; keys left out are not checked. */
final class ScenarioAssertions {
    private ScenarioAssertions() {}

    @SuppressWarnings("unchecked")
    static void check(Map<String, Object> expect, EvaluationResult result) {
        String context = "findings were " + result.findings();
        assertThat(result.status().name()).as("status; " + context).isEqualTo(expect.get("status").toString());
        if (expect.containsKey("stars")) {
            Object stars = expect.get("stars");
            assertThat(result.stars()).as("stars; average " + result.averageTotal())
                    .isEqualTo(stars == null ? null : ((Number) stars).intValue());
        }
        if (expect.get("averageTotal") != null) {
            assertThat(result.averageTotal()).as("averageTotal").isNotNull();
            assertThat(result.averageTotal().compareTo(new BigDecimal(expect.get("averageTotal").toString())))
                    .as("averageTotal %s vs expected %s", result.averageTotal(), expect.get("averageTotal")).isZero();
        }
        if (expect.get("averageTotalRounded") != null) {
            assertThat(result.averageTotalRounded()).as("averageTotal shown with 2 decimals")
                    .isEqualTo(new BigDecimal(expect.get("averageTotalRounded").toString()));
        }
        if (expect.containsKey("members")) {
            checkMembers((List<Map<String, Object>>) expect.get("members"), result.members());
        }
        checkFindings((List<Map<String, Object>>) expect.getOrDefault("findings", List.of()), result.findings());
        if (expect.containsKey("selfAssessment")) {
            Map<String, Integer> actual = result.selfAssessment().stream()
                    .collect(Collectors.toMap(s -> s.code(), s -> s.option()));
            Map<String, Integer> expected = ((Map<Object, Object>) expect.get("selfAssessment")).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString(), e -> ((Number) e.getValue()).intValue()));
            assertThat(actual).as("selfAssessment").isEqualTo(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkMembers(List<Map<String, Object>> expected, List<MemberResult> actual) {
        assertThat(actual).as("members").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            MemberResult m = actual.get(i);
            assertThat(m.member()).as("member %d", i + 1).isEqualTo(e.get("member"));
            Map<String, Object> parts = (Map<String, Object>) e.get("parts");
            if (parts != null) {
                assertThat(List.of(m.parts().a(), m.parts().b(), m.parts().c())).as("parts of " + m.member())
                        .isEqualTo(List.of(parts.get("A"), parts.get("B"), parts.get("C")));
            }
            if (e.containsKey("total")) assertThat(m.total()).as("total of " + m.member()).isEqualTo(e.get("total"));
        }
    }

    /** The expected list is complete: every actual finding must match one expected entry and vice versa. */
    private static void checkFindings(List<Map<String, Object>> expected, List<Finding> actual) {
        List<Finding> left = new ArrayList<>(actual);
        List<Map<String, Object>> unmatched = new ArrayList<>();
        for (Map<String, Object> e : expected) {
            Finding match = left.stream().filter(f -> matches(e, f)).findFirst().orElse(null);
            if (match == null) unmatched.add(e); else left.remove(match);
        }
        assertThat(unmatched).as("expected findings not raised (actual: %s)", actual).isEmpty();
        assertThat(left).as("findings not expected").isEmpty();
    }

    private static boolean matches(Map<String, Object> e, Finding f) {
        return f.code().equals(e.get("code"))
                && f.severity().name().equals(String.valueOf(e.get("severity")))
                && (e.get("criterion") == null || e.get("criterion").toString().equals(f.criterion()))
                && (e.get("member") == null || e.get("member").toString().equals(f.member()));
    }
}
