package vn.ocop.rules.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;

/**
 * What a user might write instead of DRL: the same sheet as a DMN 1.3 model on the KIE DMN engine. A business
 * knowledge model "points" is the sheet's decision table (criterion code, option → points; hit policy UNIQUE, one row
 * per option, generated from the catalogue), "memberTotals" sums it over each member's selections, "average" is their
 * mean and "stars" a decision table on the average (30/50/70/90). It does less than the engine: no validation, no
 * part subtotals, rule names or per-criterion results, no star minimums and no 5.2 condition (docs/benchmarks.md).
 * Bench profile only.
 */
final class DmnSheet {
    private static final String NS = "https://ocop.vn/dmn/benchmark";
    private final DMNRuntime runtime;
    private final DMNModel model;

    /** What the model computes: each member's total, the average, stars by the average. */
    record Result(List<BigDecimal> totals, BigDecimal average, BigDecimal stars) {}

    DmnSheet(SheetInfo sheet) {
        String xml = xml(sheet);
        Resource resource = KieServices.Factory.get()
                .getResources()
                .newByteArrayResource(xml.getBytes(StandardCharsets.UTF_8))
                .setSourcePath("sheet.dmn");
        this.runtime = DMNRuntimeBuilder.fromDefaults()
                .buildConfiguration()
                .fromResources(List.of(resource))
                .getOrElseThrow(e -> new IllegalStateException("DMN model does not compile", e));
        this.model = runtime.getModel(NS, "ocop-sheet");
        if (model == null || model.hasErrors()) {
            throw new IllegalStateException(
                    "DMN model has errors: " + (model == null ? "no model" : model.getMessages()));
        }
    }

    Result evaluate(EvaluationRequest request) {
        List<Map<String, Object>> council = new ArrayList<>();
        for (Assessment a : request.assessments()) {
            if (!a.scores()) continue;
            List<Map<String, Object>> selections =
                    new ArrayList<>(a.selections().size());
            a.selections().forEach((code, option) -> selections.add(Map.of("criterion", code, "option", option)));
            council.add(Map.of("member", a.member(), "selections", selections));
        }
        DMNContext context = runtime.newContext();
        context.set("council", council);
        DMNResult result = runtime.evaluateAll(model, context);
        if (result.hasErrors()) throw new IllegalStateException("DMN evaluation failed: " + result.getMessages());
        @SuppressWarnings("unchecked")
        List<BigDecimal> totals = (List<BigDecimal>) result.getContext().get("memberTotals");
        return new Result(totals, (BigDecimal) result.getContext().get("average"), (BigDecimal)
                result.getContext().get("stars"));
    }

    private static String xml(SheetInfo sheet) {
        StringBuilder rules = new StringBuilder();
        int n = 0;
        for (CriterionInfo c : sheet.criteria()) {
            for (OptionInfo o : c.options()) {
                rules.append("<rule id=\"r")
                        .append(++n)
                        .append("\"><inputEntry><text>\"")
                        .append(c.code())
                        .append("\"</text></inputEntry><inputEntry><text>")
                        .append(o.number())
                        .append("</text></inputEntry><outputEntry><text>")
                        .append(o.points())
                        .append("</text></outputEntry></rule>\n");
            }
        }
        Map<String, Integer> stars = new LinkedHashMap<>();
        stars.put("&lt; 30", 1);
        stars.put("[30..50)", 2);
        stars.put("[50..70)", 3);
        stars.put("[70..90)", 4);
        stars.put("&gt;= 90", 5);
        StringBuilder starRules = new StringBuilder();
        stars.forEach((range, s) -> starRules
                .append("<rule id=\"s")
                .append(s)
                .append("\"><inputEntry><text>")
                .append(range)
                .append("</text></inputEntry><outputEntry><text>")
                .append(s)
                .append("</text></outputEntry></rule>\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="ocop-sheet" name="ocop-sheet" namespace="%s">
                  <itemDefinition name="tSelection">
                    <itemComponent name="criterion"><typeRef>string</typeRef></itemComponent>
                    <itemComponent name="option"><typeRef>number</typeRef></itemComponent>
                  </itemDefinition>
                  <itemDefinition name="tSelections" isCollection="true"><typeRef>tSelection</typeRef></itemDefinition>
                  <itemDefinition name="tMember">
                    <itemComponent name="member"><typeRef>string</typeRef></itemComponent>
                    <itemComponent name="selections"><typeRef>tSelections</typeRef></itemComponent>
                  </itemDefinition>
                  <itemDefinition name="tCouncil" isCollection="true"><typeRef>tMember</typeRef></itemDefinition>
                  <inputData id="council" name="council"><variable name="council" typeRef="tCouncil"/></inputData>
                  <businessKnowledgeModel id="points" name="points">
                    <variable name="points"/>
                    <encapsulatedLogic>
                      <formalParameter name="criterion" typeRef="string"/>
                      <formalParameter name="option" typeRef="number"/>
                      <decisionTable id="pointsTable" hitPolicy="UNIQUE">
                        <input id="in1" label="criterion"><inputExpression typeRef="string"><text>criterion</text></inputExpression></input>
                        <input id="in2" label="option"><inputExpression typeRef="number"><text>option</text></inputExpression></input>
                        <output id="out1" name="points" typeRef="number"/>
                %s
                      </decisionTable>
                    </encapsulatedLogic>
                  </businessKnowledgeModel>
                  <decision id="memberTotals" name="memberTotals">
                    <variable name="memberTotals"/>
                    <informationRequirement><requiredInput href="#council"/></informationRequirement>
                    <knowledgeRequirement><requiredKnowledge href="#points"/></knowledgeRequirement>
                    <literalExpression><text>for m in council return sum(for s in m.selections return points(s.criterion, s.option))</text></literalExpression>
                  </decision>
                  <decision id="average" name="average">
                    <variable name="average" typeRef="number"/>
                    <informationRequirement><requiredDecision href="#memberTotals"/></informationRequirement>
                    <literalExpression><text>mean(memberTotals)</text></literalExpression>
                  </decision>
                  <decision id="stars" name="stars">
                    <variable name="stars" typeRef="number"/>
                    <informationRequirement><requiredDecision href="#average"/></informationRequirement>
                    <decisionTable id="starsTable" hitPolicy="UNIQUE">
                      <input id="in3" label="average"><inputExpression typeRef="number"><text>average</text></inputExpression></input>
                      <output id="out2" name="stars" typeRef="number"/>
                %s
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(NS, rules, starRules);
    }
}
