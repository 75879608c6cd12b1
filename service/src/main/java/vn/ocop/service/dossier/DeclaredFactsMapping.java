package vn.ocop.service.dossier;

import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.DistributionArea;
import vn.ocop.rules.api.FoodSafetyTestStatus;
import vn.ocop.rules.api.ProducerType;

/** A dossier's declared facts as the API carries them, turned into the rules engine's record. */
public final class DeclaredFactsMapping {
    private DeclaredFactsMapping() {}

    public static DeclaredFacts toEngine(vn.ocop.api.model.DeclaredFacts f) {
        if (f == null) {
            return DeclaredFacts.none();
        }
        return new DeclaredFacts(
                f.getProducerType() == null
                        ? null
                        : ProducerType.valueOf(f.getProducerType().getValue()),
                f.getRawMaterialInProvincePct(),
                f.getLocalLabourPct(),
                f.getRevenueGrowthPct(),
                f.getProductStandard() == null ? null : f.getProductStandard().getValue(),
                f.getFoodSafetyTest() == null
                        ? null
                        : FoodSafetyTestStatus.valueOf(f.getFoodSafetyTest().getValue()),
                withoutNulls(f.getCertifications()),
                f.getDistributionArea() == null
                        ? null
                        : DistributionArea.valueOf(f.getDistributionArea().getValue()),
                f.getDistributionAgents(),
                f.getWebsite(),
                withoutNulls(f.getExportMarkets()));
    }

    /** The door refuses nulls in lists; a document stored before it did must still evaluate. */
    public static java.util.List<String> withoutNulls(java.util.List<String> list) {
        return list == null
                ? null
                : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
