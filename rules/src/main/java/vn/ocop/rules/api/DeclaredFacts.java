package vn.ocop.rules.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * Facts a producer declares in the dossier (hồ sơ). Every field is optional: a missing fact
 * means the engine derives no self-assessment for the criteria that depend on it.
 *
 * @param producerType              loại hình tổ chức sản xuất – kinh doanh
 * @param rawMaterialInProvincePct  share of raw material sourced in the province, 0–100
 * @param localLabourPct            share of local labour, 0–100
 * @param revenueGrowthPct          revenue growth on the previous year, in percent (may be negative)
 * @param productStandard           NONE, STANDARD (tiêu chuẩn sản phẩm), or STANDARD_DECLARED (có bản công bố)
 * @param foodSafetyTest            periodic food-safety testing status
 * @param certifications            quality certifications: VIETGAP, GLOBALGAP, ORGANIC, HACCP, ISO22000, EXPORT_FOOD_SAFETY, …
 * @param distributionArea          main distribution area
 * @param distributionAgents        number of agents (đại lý)
 * @param website                   product or producer website, if any
 * @param exportMarkets             export markets, ISO country codes or regions
 */
public record DeclaredFacts(
        ProducerType producerType,
        BigDecimal rawMaterialInProvincePct,
        BigDecimal localLabourPct,
        BigDecimal revenueGrowthPct,
        String productStandard,
        FoodSafetyTestStatus foodSafetyTest,
        List<String> certifications,
        DistributionArea distributionArea,
        Integer distributionAgents,
        String website,
        List<String> exportMarkets)
        implements java.io.Serializable {

    public static DeclaredFacts none() {
        return new DeclaredFacts(null, null, null, null, null, null, List.of(), null, null, null, List.of());
    }

    public DeclaredFacts {
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        exportMarkets = exportMarkets == null ? List.of() : List.copyOf(exportMarkets);
    }
}
