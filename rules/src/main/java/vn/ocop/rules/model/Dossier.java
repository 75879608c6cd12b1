package vn.ocop.rules.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.DeclaredFacts;

/**
 * The dossier's declared facts as self-assessment rules see them. Enum facts are exposed as their names
 * so rule files compare strings and need no imports. A rule calls {@link #support} with the option
 * the facts support.
 */
public class Dossier {
    private final DeclaredFacts facts;
    private final Map<String, Supported> supported = new LinkedHashMap<>();

    public Dossier(DeclaredFacts facts) {
        this.facts = facts == null ? DeclaredFacts.none() : facts;
    }

    public record Supported(String criterion, int option, String rule) {}

    public String getProducerType() {
        return name(facts.producerType());
    }

    public BigDecimal getRawMaterialInProvincePct() {
        return facts.rawMaterialInProvincePct();
    }

    public BigDecimal getLocalLabourPct() {
        return facts.localLabourPct();
    }

    public BigDecimal getRevenueGrowthPct() {
        return facts.revenueGrowthPct();
    }

    public String getProductStandard() {
        return facts.productStandard();
    }

    public String getFoodSafetyTest() {
        return name(facts.foodSafetyTest());
    }

    public String getDistributionArea() {
        return name(facts.distributionArea());
    }

    public Integer getDistributionAgents() {
        return facts.distributionAgents();
    }

    public List<String> getCertifications() {
        return facts.certifications();
    }

    public String getWebsite() {
        return facts.website();
    }

    public List<String> getExportMarkets() {
        return facts.exportMarkets();
    }

    public boolean hasCertification(String certification) {
        return facts.certifications().stream().anyMatch(c -> c.equalsIgnoreCase(certification));
    }

    public void support(String criterion, int option, String rule) {
        supported.put(criterion, new Supported(criterion, option, rule));
    }

    public Map<String, Supported> getSupported() {
        return Map.copyOf(supported);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
