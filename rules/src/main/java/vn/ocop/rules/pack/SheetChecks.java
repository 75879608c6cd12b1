package vn.ocop.rules.pack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.CriterionInfo;

/** Structural checks of a pack's sheets that Drools cannot make: points add up, options numbered 1..n. */
final class SheetChecks {
    private SheetChecks() {}

    static void check(RulePack pack, EditionManifest manifest, List<CompileError> errors, List<String> warnings) {
        if (manifest.extendsEdition() != null
                && pack.file(RulePack.PARENT_PREFIX + RulePack.MANIFEST).isEmpty()) {
            errors.add(new CompileError(
                    RulePack.MANIFEST,
                    0,
                    0,
                    "bộ tiêu chí mở rộng " + manifest.extendsEdition()
                            + " nhưng chưa được ghép với bộ tiêu chí gốc (RulePack.extend(parent))"));
        }
        if (manifest.sheets() == null || manifest.sheets().isEmpty()) {
            errors.add(new CompileError(
                    RulePack.MANIFEST, 0, 0, "edition.yaml không khai báo phiếu đánh giá nào (sheets)"));
            return;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (EditionManifest.Sheet sheet : manifest.sheets()) {
            if (!ids.add(sheet.id())) {
                errors.add(new CompileError(RulePack.MANIFEST, 0, 0, "phiếu " + sheet.id() + " được khai báo hai lần"));
            }
            if (!manifest.groupsOrFromSheets().containsKey(sheet.group())) {
                errors.add(new CompileError(
                        RulePack.MANIFEST,
                        0,
                        0,
                        "phiếu " + sheet.id() + " thuộc nhóm " + sheet.group() + " không có trong groups"));
            }
        }
        for (EditionManifest.Sheet sheet : manifest.sheets()) {
            var bytes = pack.file(sheet.file());
            if (bytes.isEmpty()) {
                warnings.add("sheet " + sheet.id() + " skipped: file " + sheet.file() + " is missing");
                continue;
            }
            try {
                checkSheet(
                        sheet.file(),
                        SheetTable.criteria(new String(bytes.get(), StandardCharsets.UTF_8)),
                        manifest.partMaxima(),
                        errors);
            } catch (RuntimeException e) {
                errors.add(new CompileError(sheet.file(), 0, 0, "phiếu không đọc được: " + e.getMessage()));
            }
        }
    }

    static void checkSheet(
            String file, List<CriterionInfo> criteria, Map<String, Integer> partMaxima, List<CompileError> errors) {
        Map<String, Integer> sums = new LinkedHashMap<>();
        java.util.Set<String> alternatives = new java.util.HashSet<>();
        for (CriterionInfo c : criteria) {
            // the cases of one printed criterion (8a/8b) are scored one at a time: count the criterion once
            if (c.alternativeOf() == null || alternatives.add(c.alternativeOf()))
                sums.merge(c.part(), c.maxPoints(), Integer::sum);
            for (int i = 0; i < c.options().size(); i++) {
                if (c.options().get(i).number() != i + 1) {
                    errors.add(new CompileError(
                            file, 0, 0, "tiêu chí " + c.code() + ": phương án phải đánh số 1, 2, 3… theo thứ tự"));
                    break;
                }
            }
        }
        if (partMaxima == null) return;
        partMaxima.forEach((part, max) -> {
            int sum = sums.getOrDefault(part, 0);
            if (sum != max) {
                errors.add(new CompileError(
                        file, 0, 0, "tổng điểm tối đa phần " + part + " là " + sum + ", phải là " + max));
            }
        });
        sums.keySet().stream()
                .filter(p -> !partMaxima.containsKey(p))
                .forEach(p -> errors.add(
                        new CompileError(file, 0, 0, "phần " + p + " không có trong partMaxima của edition.yaml")));
    }
}
