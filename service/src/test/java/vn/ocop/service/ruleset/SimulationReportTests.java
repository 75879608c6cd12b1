package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulation's report is typed; the job keeps it in the field names and order the API documents. */
class SimulationReportTests {
    private final SimulationReport report = new SimulationReport(
            "ocop-2026@2",
            Map.of("ocop-2026", "ocop-2026@1"),
            LocalDate.of(2026, 6, 1),
            10,
            3,
            2,
            1,
            List.of(new SimulationReport.Cell(3, 4, 2), new SimulationReport.Cell(null, 2, 1)),
            List.of(new SimulationReport.ChangedDossier("d-1", "01", "rau-cu-qua-hat-tuoi", "68.00", "71.50", 3, 4)),
            0.5,
            20L);

    @Test
    void theJobResultHasTheDocumentedFieldsInOrder() {
        Map<String, Object> result = report.asJobResult();
        assertThat(result.keySet())
                .containsExactly(
                        "ruleset",
                        "comparedWith",
                        "evaluationDate",
                        "scored",
                        "changedStars",
                        "moreStars",
                        "fewerStars",
                        "matrix",
                        "changedDossiers",
                        "changedDossiersTruncated",
                        "seconds",
                        "dossiersPerSecond");
        assertThat(result.get("evaluationDate")).isEqualTo("2026-06-01");
        assertThat((List<?>) result.get("matrix")).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> invalidCell = ((List<Map<String, Object>>) result.get("matrix")).get(1);
        assertThat(invalidCell).containsEntry("oldStars", null).containsEntry("count", 1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = ((List<Map<String, Object>>) result.get("changedDossiers")).get(0);
        assertThat(changed).containsEntry("dossierId", "d-1").containsEntry("newStars", 4);
    }

    @Test
    void truncatedWhenMoreChangedThanListed() {
        assertThat(report.changedDossiersTruncated()).isTrue(); // 3 changed, 1 listed
        SimulationReport complete = new SimulationReport(
                "x", Map.of(), LocalDate.of(2026, 6, 1), 1, 1, 1, 0, List.of(), report.changedDossiers(), 0, null);
        assertThat(complete.changedDossiersTruncated()).isFalse();
        assertThat(complete.asJobResult()).containsEntry("dossiersPerSecond", null);
    }
}
