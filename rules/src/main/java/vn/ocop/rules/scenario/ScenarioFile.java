package vn.ocop.rules.scenario;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import vn.ocop.rules.api.Exclusion;
import vn.ocop.rules.api.FoodSafetyTestStatus;
import vn.ocop.rules.api.ProducerType;

/**
 * A golden scenario file (format: docs/design-notes.md) for main code: the service's ruleset tests and the CLI.
 * Parsed with SnakeYAML's safe constructor and bounded aliases/size, since the files may be uploaded.
 *
 * @param file    where it came from (a pack path such as scenarios/FOOD/x.yaml, or a resource name)
 * @param name    the scenario's name
 * @param request what to score
 * @param expect  the expect block (keys left out are not checked)
 */
public record ScenarioFile(String file, String name, EvaluationRequest request, Map<String, Object> expect) {

    /** Parses one file; throws IllegalArgumentException with a readable message when it is not a scenario. */
    @SuppressWarnings("unchecked")
    public static ScenarioFile parse(String file, byte[] yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1_000_000);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options)).load(new String(yaml, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> doc)
                || !(doc.get("request") instanceof Map<?, ?> req)
                || !(doc.get("expect") instanceof Map<?, ?> expect)
                || expect.get("status") == null) {
            throw new IllegalArgumentException(file + ": a scenario needs name, request and expect (with status)");
        }
        try {
            return new ScenarioFile(
                    file, String.valueOf(doc.get("name")), request((Map<String, Object>) req), (Map<String, Object>)
                            expect);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    file + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /**
     * A request from a scenario's {@code request} block or a stateless evaluate body (facts under {@code facts} or
     * {@code dossier}); for the CLI's simulation input too.
     */
    @SuppressWarnings("unchecked")
    public static EvaluationRequest request(Map<String, Object> req) {
        if (req.get("facts") == null && req.get("dossier") instanceof Map<?, ?> dossier) {
            Map<String, Object> copy = new LinkedHashMap<>(req);
            copy.put("facts", dossier);
            req = copy;
        }
        List<Assessment> assessments = new ArrayList<>();
        for (Object o : (List<Object>) req.getOrDefault("assessments", List.of())) {
            Map<String, Object> a = (Map<String, Object>) o;
            Map<String, Integer> selections = new LinkedHashMap<>();
            ((Map<Object, Object>) a.getOrDefault("selections", Map.of()))
                    .forEach((k, v) -> selections.put(String.valueOf(k), v == null ? null : ((Number) v).intValue()));
            CouncilRole role = a.get("role") == null
                    ? null
                    : CouncilRole.valueOf(a.get("role").toString());
            assessments.add(new Assessment(
                    a.get("member") == null ? null : a.get("member").toString(), role, selections));
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (Object o : (List<Object>) req.getOrDefault("exclusions", List.of())) {
            Map<String, Object> x = (Map<String, Object>) o;
            exclusions.add(new Exclusion(str(x.get("code")), str(x.get("note")), str(x.get("member"))));
        }
        return new EvaluationRequest(
                str(req.get("edition")),
                str(req.get("group")),
                str(req.get("sheet")),
                facts((Map<String, Object>) req.get("facts")),
                assessments,
                exclusions);
    }

    @SuppressWarnings("unchecked")
    private static DeclaredFacts facts(Map<String, Object> f) {
        if (f == null) return null;
        return new DeclaredFacts(
                f.get("producerType") == null
                        ? null
                        : ProducerType.valueOf(f.get("producerType").toString()),
                decimal(f.get("rawMaterialInProvincePct")),
                decimal(f.get("localLabourPct")),
                decimal(f.get("revenueGrowthPct")),
                str(f.get("productStandard")),
                f.get("foodSafetyTest") == null
                        ? null
                        : FoodSafetyTestStatus.valueOf(f.get("foodSafetyTest").toString()),
                (List<String>) f.get("certifications"),
                f.get("distributionArea") == null
                        ? null
                        : DistributionArea.valueOf(f.get("distributionArea").toString()),
                f.get("distributionAgents") == null ? null : ((Number) f.get("distributionAgents")).intValue(),
                str(f.get("website")),
                (List<String>) f.get("exportMarkets"));
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
