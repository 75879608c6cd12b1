package vn.ocop.rules.scenario;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.DistributionArea;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.FoodSafetyTestStatus;
import vn.ocop.rules.api.ProducerType;

/** A golden scenario file (format: docs/design-notes.md), read with SnakeYAML (JSON is YAML too). */
record Scenario(String name, EvaluationRequest request, Map<String, Object> expect) {

    @SuppressWarnings("unchecked")
    static Scenario read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, Object> req = (Map<String, Object>) doc.get("request");
            return new Scenario(String.valueOf(doc.get("name")), request(req), (Map<String, Object>) doc.get("expect"));
        }
    }

    @SuppressWarnings("unchecked")
    private static EvaluationRequest request(Map<String, Object> req) {
        List<Assessment> assessments = new ArrayList<>();
        for (Object o : (List<Object>) req.getOrDefault("assessments", List.of())) {
            Map<String, Object> a = (Map<String, Object>) o;
            Map<String, Integer> selections = new LinkedHashMap<>();
            ((Map<Object, Object>) a.getOrDefault("selections", Map.of()))
                    .forEach((k, v) -> selections.put(String.valueOf(k), v == null ? null : ((Number) v).intValue()));
            CouncilRole role = a.get("role") == null ? null : CouncilRole.valueOf(a.get("role").toString());
            assessments.add(new Assessment(a.get("member") == null ? null : a.get("member").toString(), role, selections));
        }
        return new EvaluationRequest(str(req.get("edition")), str(req.get("group")), str(req.get("sheet")),
                facts((Map<String, Object>) req.get("facts")), assessments);
    }

    @SuppressWarnings("unchecked")
    private static DeclaredFacts facts(Map<String, Object> f) {
        if (f == null) return null;
        return new DeclaredFacts(
                f.get("producerType") == null ? null : ProducerType.valueOf(f.get("producerType").toString()),
                decimal(f.get("rawMaterialInProvincePct")), decimal(f.get("localLabourPct")), decimal(f.get("revenueGrowthPct")),
                str(f.get("productStandard")),
                f.get("foodSafetyTest") == null ? null : FoodSafetyTestStatus.valueOf(f.get("foodSafetyTest").toString()),
                (List<String>) f.get("certifications"),
                f.get("distributionArea") == null ? null : DistributionArea.valueOf(f.get("distributionArea").toString()),
                f.get("distributionAgents") == null ? null : ((Number) f.get("distributionAgents")).intValue(),
                str(f.get("website")), (List<String>) f.get("exportMarkets"));
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
