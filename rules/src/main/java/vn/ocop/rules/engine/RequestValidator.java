package vn.ocop.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.pack.SheetPlan;

/** Checks a request against an edition's catalogue before any rule fires. Never throws. */
public final class RequestValidator {
    private RequestValidator() {}

    /** Findings about the sheet and group; the sheet is usable only when this is empty. */
    public static List<Finding> checkSheet(EvaluationRequest request, SheetInfo sheet, Set<String> groups) {
        List<Finding> findings = new ArrayList<>();
        String group = Text.nfc(request.group());
        if (sheet == null) findings.add(Findings.unknownSheet(request.sheet()));
        if (!Text.isBlank(group) && !groups.contains(group)) {
            findings.add(Findings.unknownGroup(group));
        } else if (!Text.isBlank(group) && sheet != null && !sheet.group().equals(group)) {
            findings.add(Findings.sheetNotInGroup(sheet.id(), sheet.group(), group));
        }
        return findings;
    }

    /** Findings about members (and the producer's own sheet, role SELF) and their selections. */
    public static List<Finding> checkAssessments(List<Assessment> assessments, SheetInfo sheet) {
        return checkAssessments(assessments, new SheetPlan(sheet));
    }

    /** As {@link #checkAssessments(List, SheetInfo)}, with the sheet's lookups computed once (the pack keeps them). */
    public static List<Finding> checkAssessments(List<Assessment> assessments, SheetPlan sheet) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        boolean anyScoring = false;
        boolean self = false;
        for (int i = 0; i < assessments.size(); i++) {
            Assessment a = assessments.get(i);
            String member = Text.nfc(a.member());
            if (Text.isBlank(member)) {
                findings.add(Findings.memberNameMissing(i + 1));
            } else if (!seen.add(member) && reported.add(member)) {
                findings.add(Findings.duplicateMember(member));
            }
            if (a.isSelf()) {
                if (self) findings.add(Findings.duplicateSelf(member));
                self = true;
                checkSelections(member, a.selections(), sheet, findings);
                continue;
            }
            if (!a.scores()) continue;
            anyScoring = true;
            checkSelections(member, a.selections(), sheet, findings);
        }
        if (!anyScoring) findings.add(Findings.noScoringMember());
        return findings;
    }

    private static void checkSelections(
            String member, Map<String, Integer> selections, SheetPlan sheet, List<Finding> findings) {
        Set<String> chosen = new HashSet<>(selections.size() * 2);
        selections.forEach((rawCode, option) -> {
            String code = Text.nfc(rawCode);
            chosen.add(code);
            CriterionInfo criterion = sheet.criterion(code);
            if (criterion == null) {
                findings.add(Findings.unknownCriterion(code, member));
            } else if (option == null
                    || option < 1
                    || option > criterion.options().size()) {
                findings.add(Findings.optionOutOfRange(
                        code, member, option, criterion.options().size()));
            }
        });
        for (String code : sheet.required()) {
            if (!chosen.contains(code)) findings.add(Findings.missingCriterion(code, member));
        }
        sheet.cases().forEach((criterion, codes) -> {
            long scored = codes.stream().filter(chosen::contains).count();
            if (scored == 0) findings.add(Findings.caseNotChosen(criterion, codes, member));
            if (scored > 1) findings.add(Findings.bothCasesChosen(criterion, codes, member));
        });
    }
}
