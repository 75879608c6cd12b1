package vn.ocop.rules.engine;

import java.util.ArrayList;
import java.util.List;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Exclusion;
import vn.ocop.rules.api.ExclusionInfo;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;

/**
 * A request naming exclusions: the dossier is excluded (or its evaluation stopped by a knock-out), so nothing is
 * scored and no stars are given. Each exclusion becomes a finding whose code is the exclusion's and whose message
 * is the sheet's text; an unknown code makes the request INVALID.
 */
final class Exclusions {
    private Exclusions() {}

    static EvaluationResult result(CompiledRulePack pack, SheetInfo sheet, List<Exclusion> exclusions) {
        List<Finding> errors = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (Exclusion e : exclusions) {
            String code = e == null ? null : Text.nfc(e.code());
            ExclusionInfo info = sheet.exclusions().stream()
                    .filter(x -> x.code().equals(code))
                    .findFirst()
                    .orElse(null);
            if (info == null) {
                errors.add(Findings.unknownExclusion(code, sheet.id()));
                continue;
            }
            String note = Text.isBlank(e.note()) ? "" : " Ghi nhận: " + Text.nfc(e.note());
            found.add(new Finding(
                    info.code(),
                    Severity.WARNING,
                    info.criterion(),
                    Text.nfc(e.member()),
                    "Hồ sơ bị loại, không xếp hạng sao: " + info.text() + note));
        }
        if (!errors.isEmpty()) return PackEvaluation.invalid(pack, sheet.id(), errors);
        return new EvaluationResult(
                Status.EXCLUDED,
                pack.editionId(),
                sheet.id(),
                pack.info().version(),
                pack.sha256(),
                List.of(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                found);
    }
}
