package vn.ocop.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.CriterionScore;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.engine.DroolsRulesEngine;

/** The reference sheet equals shared/reference/ocop-2019-fresh-produce.yaml and scores exactly its points. */
class ReferenceSheetTests {
    private static final Path REFERENCE = Path.of("..", "..", "shared", "reference", "ocop-2019-fresh-produce.yaml");
    private static final Path REFERENCE_COPY =
            Path.of("src", "test", "resources", "reference", "ocop-2019-fresh-produce.yaml");
    private final DroolsRulesEngine engine = TestEngines.engine();
    private final SheetInfo sheet =
            engine.sheet("ocop-2019", "food-fresh-produce").orElseThrow();

    @Test
    @SuppressWarnings("unchecked")
    void sheetEqualsTheReferenceOptionByOption() throws IOException {
        Map<String, Object> ref;
        try (InputStream in = Files.newInputStream(Files.exists(REFERENCE) ? REFERENCE : REFERENCE_COPY)) {
            ref = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) ref.get("criteria");
        assertThat(sheet.criteria())
                .extracting(CriterionInfo::code)
                .containsExactlyElementsOf(
                        criteria.stream().map(c -> c.get("code").toString()).toList());
        for (int i = 0; i < criteria.size(); i++) {
            Map<String, Object> expected = criteria.get(i);
            CriterionInfo actual = sheet.criteria().get(i);
            assertThat(actual.group()).isEqualTo(expected.get("group"));
            assertThat(actual.name()).isEqualTo(expected.get("name"));
            List<Map<String, Object>> options = (List<Map<String, Object>>) expected.get("options");
            assertThat(actual.options()).as(actual.code()).hasSize(options.size());
            for (int o = 0; o < options.size(); o++) {
                OptionInfo option = actual.options().get(o);
                assertThat(option.number()).isEqualTo(o + 1);
                assertThat(option.label())
                        .as(actual.code() + " option " + (o + 1))
                        .isEqualTo(options.get(o).get("label"));
                assertThat(option.points())
                        .as(actual.code() + " option " + (o + 1))
                        .isEqualTo(options.get(o).get("points"));
                assertThat(option.rule()).startsWith(actual.code() + " ").endsWith("→ " + option.points() + " điểm");
            }
        }
        Map<String, Object> parts = (Map<String, Object>) ref.get("parts");
        parts.forEach(
                (part, p) -> assertThat(sheet.partMaxima().get(part)).isEqualTo(((Map<String, Object>) p).get("max")));
    }

    /** Each option, alone on a minimum sheet, moves the total by exactly its points, through the rule named for it. */
    @Test
    void everyOptionScoresItsPointsThroughItsRule() {
        Map<String, Integer> minimum = new LinkedHashMap<>();
        int minimumTotal = 0;
        for (CriterionInfo c : sheet.criteria()) {
            OptionInfo low = c.options().stream()
                    .min(java.util.Comparator.comparingInt(OptionInfo::points))
                    .orElseThrow();
            minimum.put(c.code(), low.number());
            minimumTotal += low.points();
        }
        assertThat(minimumTotal).isEqualTo(7);
        for (CriterionInfo c : sheet.criteria()) {
            int lowPoints = c.options().get(minimum.get(c.code()) - 1).points();
            for (OptionInfo option : c.options()) {
                Map<String, Integer> selections = new LinkedHashMap<>(minimum);
                selections.put(c.code(), option.number());
                EvaluationResult result = engine.evaluate(new EvaluationRequest(
                        "ocop-2019", "food-fresh-produce", null, List.of(new Assessment("Nguyễn Văn An", selections))));
                assertThat(result.status()).isEqualTo(Status.VALID);
                assertThat(result.members().get(0).total())
                        .as(option.rule())
                        .isEqualTo(minimumTotal - lowPoints + option.points());
                CriterionScore score = result.members().get(0).criteria().stream()
                        .filter(s -> s.code().equals(c.code()))
                        .findFirst()
                        .orElseThrow();
                assertThat(score)
                        .isEqualTo(new CriterionScore(c.code(), option.number(), option.points(), option.rule()));
            }
        }
    }
}
