package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;

/** Loading a version builds nothing: a group's kjar and a sheet's KieBase are built on first use, warm() builds all. */
class LazyKieBasesTests {
    @Test
    void aLoadedVersionBuildsOnlyTheSheetsItScores() {
        CompiledRulePack pack = BuiltInEditions.load("ocop-2026");
        assertThat(pack.sheets()).hasSizeGreaterThan(20);
        assertThat(pack.loadedGroups()).isZero();
        assertThat(pack.builtKieBases()).isZero();

        SheetInfo sheet = pack.sheet("rau-cu-qua-hat-tuoi").orElseThrow();
        assertThat(pack.evaluate(PackEvaluation.sampleRequest(pack.editionId(), sheet))
                        .status())
                .isEqualTo(Status.VALID);
        assertThat(pack.loadedGroups()).isEqualTo(1);
        assertThat(pack.builtKieBases()).isEqualTo(1);

        // an unknown sheet builds nothing and has no sessions
        assertThat(pack.sheetSessions("no-such-sheet")).isEmpty();
        assertThat(pack.builtKieBases()).isEqualTo(1);

        pack.warm();
        assertThat(pack.loadedGroups()).isEqualTo(pack.kjars().size());
        assertThat(pack.builtKieBases()).isEqualTo(pack.sheets().size());
    }
}
