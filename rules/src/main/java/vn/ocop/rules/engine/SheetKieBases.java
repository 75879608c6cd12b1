package vn.ocop.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.compiler.kie.builder.impl.KieContainerImpl;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import vn.ocop.rules.pack.RulePackCompiler;

/**
 * One KieBase per sheet, built at load time from a group kjar's executable model: the group's rules without those
 * in another sheet's ruleflow group. Those rules can never fire for this sheet (their group is never focused), but
 * in a shared KieBase every selection also matched them (2026 FOOD: 13 sheets with the same criterion codes), so
 * each insert created tuples for every sheet. Nothing is recompiled: stored kjars load the same way.
 */
final class SheetKieBases {
    private SheetKieBases() {}

    /** The executable-model packages of the kjar's KieBase, in the kjar's order. */
    static List<Model> models(KieContainer container) {
        KieContainerImpl impl = (KieContainerImpl) container;
        CanonicalKieModule module = (CanonicalKieModule) impl.getKieModuleForKBase(RulePackCompiler.KBASE);
        Collection<Model> models =
                module.getModelForKBase((KieBaseModelImpl) impl.getKieBaseModel(RulePackCompiler.KBASE));
        return List.copyOf(models);
    }

    /**
     * @param sheet       the sheet this KieBase scores
     * @param otherSheets every other sheet id of the edition: rules in those ruleflow groups are left out
     */
    static KieBase forSheet(List<Model> models, String sheet, Set<String> otherSheets, ClassLoader loader) {
        List<Model> kept = new ArrayList<>();
        for (Model m : models) {
            List<Rule> rules = m.getRules().stream()
                    .filter(r -> !ofOtherSheet(r, otherSheets))
                    .toList();
            if (rules.size() == m.getRules().size()) {
                kept.add(m);
            } else if (!rules.isEmpty()
                    || !m.getTypeMetaDatas().isEmpty()
                    || !m.getQueries().isEmpty()) {
                ModelImpl lean = new ModelImpl(m.getName())
                        .withRules(new ArrayList<>(rules))
                        .withGlobals(new ArrayList<>(m.getGlobals()))
                        .withQueries(new ArrayList<>(m.getQueries()));
                for (TypeMetaData t : m.getTypeMetaDatas()) lean.addTypeMetaData(t);
                kept.add(lean);
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(
                kept, KieServices.Factory.get().newKieBaseConfiguration(null, loader));
    }

    /** Rule names of the whole kjar (as its group KieBase holds them). */
    static Map<String, List<String>> ruleNamesByPackage(List<Model> models) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Model m : models)
            m.getRules()
                    .forEach(r -> out.computeIfAbsent(r.getPackage(), k -> new ArrayList<>())
                            .add(r.getName()));
        return out;
    }

    /** In another sheet's ruleflow (or agenda) group and not auto-focus: never fires for this sheet. */
    private static boolean ofOtherSheet(Rule rule, Set<String> otherSheets) {
        if (Boolean.TRUE.equals(rule.getAttribute(Rule.Attribute.AUTO_FOCUS))) return false;
        String ruleflow = rule.getAttribute(Rule.Attribute.RULEFLOW_GROUP);
        String agenda = rule.getAttribute(Rule.Attribute.AGENDA_GROUP);
        return (ruleflow != null && otherSheets.contains(ruleflow)) || (agenda != null && otherSheets.contains(agenda));
    }
}
