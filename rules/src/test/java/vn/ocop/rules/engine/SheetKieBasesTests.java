package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.SheetInfo;

/** Each sheet scores on its own KieBase: its group's rules without those of the group's other sheets. */
class SheetKieBasesTests {
    private final CompiledRulePack pack = TestEngines.engine().pack("ocop-2026").orElseThrow();

    @Test
    void aSheetsKieBaseHoldsItsOwnAndTheSharedRulesOnly() {
        List<SheetInfo> food = pack.sheets().values().stream()
                .filter(s -> s.group().equals("FOOD"))
                .toList();
        assertThat(food.size()).isGreaterThan(1);
        Set<String> ids = pack.sheets().keySet();
        TreeSet<String> groupRules = pack.ruleNames().get("FOOD");
        TreeSet<String> union = new TreeSet<>();
        for (SheetInfo sheet : food) {
            List<RuleImpl> rules = rules(sheet.id());
            Set<String> groups = rules.stream().map(RuleImpl::getAgendaGroup).collect(Collectors.toSet());
            assertThat(groups).contains(sheet.id(), "aggregate", "stars", "minimums", "conditions");
            assertThat(groups.stream().filter(ids::contains)).containsExactly(sheet.id());
            // every option of the sheet has its award rule here
            assertThat(rules.stream().map(RuleImpl::getName))
                    .containsAll(sheet.criteria().stream()
                            .flatMap(c -> c.options().stream())
                            .map(o -> o.rule())
                            .toList());
            rules.forEach(r -> union.add(r.getName()));
        }
        assertThat(union).isEqualTo(groupRules); // nothing of the group is lost
        assertThat(rules(food.get(0).id()).size()).isLessThan(groupRules.size());
    }

    private List<RuleImpl> rules(String sheet) {
        KieSession session = pack.sheetSessions(sheet).orElseThrow().newKieSession();
        try {
            KieBase kbase = session.getKieBase();
            return kbase.getKiePackages().stream()
                    .flatMap(p -> p.getRules().stream())
                    .map(r -> (RuleImpl) r)
                    .toList();
        } finally {
            session.dispose();
        }
    }
}
