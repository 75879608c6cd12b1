package vn.ocop.service.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.rules.api.SheetInfo;

/** Which edition scores a dossier that names none: by filing date, national editions only unless the province has its own. */
class EditionChoiceTests {
    static final EditionInfo OCOP_2019 = edition("ocop-2019", "2019-08-21", "2023-02-23", null);
    static final EditionInfo OCOP_2023 = edition("ocop-2023", "2023-02-24", "2026-07-20", null);
    static final EditionInfo OCOP_2026 = edition("ocop-2026", "2026-05-22", null, null);

    static EditionInfo edition(String id, String from, String to, String parent) {
        return provincial(id, from, to, parent, null);
    }

    static EditionInfo provincial(String id, String from, String to, String parent, String province) {
        return new EditionInfo(
                id,
                id,
                "test",
                LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to),
                parent,
                Map.of("A", 40, "B", 25, "C", 35),
                "1",
                "sha",
                List.of(),
                List.of(),
                List.of(),
                province,
                null);
    }

    static EditionChoice choice(EditionInfo... editions) {
        return new EditionChoice(new Catalogue(new RulesEngine() {
            @Override
            public EvaluationResult evaluate(EvaluationRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<EditionInfo> editions() {
                return List.of(editions);
            }

            @Override
            public Optional<EditionInfo> edition(String id) {
                return editions().stream().filter(e -> e.id().equals(id)).findFirst();
            }

            @Override
            public Optional<SheetInfo> sheet(String edition, String sheet) {
                return Optional.empty();
            }
        }));
    }

    static String chosen(EditionChoice c, String date, String province) {
        return c.forDossier(LocalDate.parse(date), province)
                .map(EditionInfo::id)
                .orElse(null);
    }

    @Test
    void theFilingDateChoosesTheNationalEditionAndTheTransitionKeepsOlderDossiersOnOcop2023() {
        EditionChoice c = choice(OCOP_2019, OCOP_2023, OCOP_2026);
        assertThat(chosen(c, "2026-05-01", null)).isEqualTo("ocop-2023");
        assertThat(chosen(c, "2026-05-21", "86")).isEqualTo("ocop-2023");
        assertThat(chosen(c, "2026-05-22", "86")).isEqualTo("ocop-2026");
        assertThat(chosen(c, "2026-06-01", null)).isEqualTo("ocop-2026");
        assertThat(chosen(c, "2026-12-01", null)).isEqualTo("ocop-2026");
        assertThat(chosen(c, "2023-02-23", null)).isEqualTo("ocop-2019");
        assertThat(chosen(c, "2019-01-01", null)).isNull();
    }

    @Test
    void aProvincialEditionWithoutItsProvinceIsNeverEveryonesDefault() {
        // Before: the latest edition to start, a provincial one included, became the default of every dossier.
        EditionInfo provincial = edition("dongthap-2026", "2026-06-01", null, "ocop-2026");
        EditionChoice c = choice(OCOP_2023, OCOP_2026, provincial);
        assertThat(chosen(c, "2026-07-01", "86")).isEqualTo("ocop-2026");
        assertThat(chosen(c, "2026-07-01", null)).isEqualTo("ocop-2026");
        assertThat(c.forDossier(LocalDate.parse("2026-07-01"), "87").map(EditionInfo::id))
                .contains("ocop-2026");
    }

    @Test
    void aProvincialEditionScoresItsOwnProvinceOnlyAndOnlyWhileItsNationalEditionIsTheOneInForce() {
        EditionInfo dongThap = provincial("dongthap-2026", "2026-06-01", null, "ocop-2026", "87");
        EditionInfo dongThap2023 = provincial("dongthap-2023", "2024-01-01", null, "ocop-2023", "87");
        EditionChoice c = choice(OCOP_2023, OCOP_2026, dongThap, dongThap2023);
        assertThat(chosen(c, "2026-07-01", "87")).isEqualTo("dongthap-2026");
        assertThat(chosen(c, "2026-07-01", "86")).isEqualTo("ocop-2026");
        assertThat(chosen(c, "2026-07-01", null)).isEqualTo("ocop-2026");
        // filed before 22/5/2026: ocop-2023 is the national edition, so the province's 2023 refinement
        assertThat(chosen(c, "2026-05-01", "87")).isEqualTo("dongthap-2023");
        assertThat(chosen(c, "2026-05-01", "86")).isEqualTo("ocop-2023");
        // filed after 22/5 but before the provincial 2026 edition starts: the national one, not the 2023 refinement
        assertThat(chosen(c, "2026-05-25", "87")).isEqualTo("ocop-2026");
    }

    @Test
    void theNationalRootOfAProvincialEditionIsFoundThroughItsParents() {
        EditionInfo provincial = edition("p1", "2026-06-01", null, "ocop-2026");
        EditionInfo refinement = edition("p2", "2026-06-02", null, "p1");
        List<EditionInfo> all = List.of(OCOP_2026, provincial, refinement);
        assertThat(EditionChoice.nationalRoot(refinement, all)).isEqualTo("ocop-2026");
        assertThat(EditionChoice.nationalRoot(OCOP_2026, all)).isEqualTo("ocop-2026");
        assertThat(EditionChoice.nationalRoot(edition("x", "2026-01-01", null, "gone"), all))
                .isEqualTo("gone");
    }
}
