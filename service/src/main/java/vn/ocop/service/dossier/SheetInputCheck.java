package vn.ocop.service.dossier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.platform.text.TextNormalizer;
import vn.ocop.service.platform.web.ApiException.FieldProblem;

/**
 * The door for a council member's sheet (phiếu chấm điểm), once, before anything is stored or scored: the member's
 * name in one form ({@link TextNormalizer#clean}), criterion codes exactly as sheets write them (no spaces, no
 * invisible or combining characters, so "A1.1" and an NFD or zero-width twin cannot both be chosen), options in the
 * contract's range, and, for a sheet that will be stored, complete against the sheet: every criterion chosen once,
 * none unknown, every option one the criterion has. Problems are collected per field, so a client sees them all.
 */
public final class SheetInputCheck {
    /** What a criterion code of any edition looks like (A1.1, B2.10, C3); anything else is a typing accident. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");

    public static final int MAX_OPTION = 100;

    private SheetInputCheck() {}

    /** The member's name cleaned; a blank one is a problem. */
    public static String member(String field, String raw, List<FieldProblem> errors) {
        String member = TextNormalizer.clean(raw);
        if (member == null || member.isEmpty()) {
            errors.add(new FieldProblem(
                    field, "REQUIRED", "tên thành viên hội đồng không được để trống (member name is blank)"));
        }
        return member;
    }

    /** The selections whose codes and options are well-formed, in the order given; the others are problems. */
    public static Map<String, Integer> selections(String field, Map<String, Integer> raw, List<FieldProblem> errors) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (raw == null) return out;
        Set<String> seen = new HashSet<>();
        raw.forEach((code, option) -> {
            String at = field + "." + code;
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new FieldProblem(
                        at,
                        "INVALID_CODE",
                        "mã tiêu chí chỉ gồm chữ, số, '.', '-', '_' (1–20 ký tự), "
                                + "không có khoảng trắng hay ký tự ẩn (invalid criterion code)"));
            } else if (option == null) {
                errors.add(new FieldProblem(at, "NULL_NOT_ALLOWED", "phải là số phương án (must be an option number)"));
            } else if (option < 1 || option > MAX_OPTION) {
                errors.add(new FieldProblem(
                        at, "OPTION_OUT_OF_RANGE", "phương án phải từ 1 đến " + MAX_OPTION + " (option out of range)"));
            } else if (!seen.add(code.toUpperCase(Locale.ROOT))) {
                errors.add(new FieldProblem(at, "DUPLICATE_CRITERION", "tiêu chí được chọn hai lần (chosen twice)"));
            } else {
                out.put(code, option);
            }
        });
        return out;
    }

    /** Every criterion of the sheet chosen, none unknown, every option one the criterion has. */
    public static void complete(
            String field, Map<String, Integer> selections, SheetInfo sheet, List<FieldProblem> errors) {
        Map<String, CriterionInfo> byCode = new HashMap<>();
        sheet.criteria().forEach(c -> byCode.put(c.code(), c));
        selections.forEach((code, option) -> {
            CriterionInfo c = byCode.get(code);
            if (c == null) {
                errors.add(new FieldProblem(
                        field + "." + code,
                        "UNKNOWN_CRITERION",
                        "phiếu " + sheet.id() + " không có tiêu chí này (unknown criterion)"));
            } else if (option > c.options().size()) {
                errors.add(new FieldProblem(
                        field + "." + code,
                        "OPTION_OUT_OF_RANGE",
                        "tiêu chí " + code + " có " + c.options().size() + " phương án (option out of range)"));
            }
        });
        List<String> missing = new ArrayList<>();
        for (CriterionInfo c : sheet.criteria()) {
            if (!selections.containsKey(c.code())) missing.add(c.code());
        }
        for (String code : missing) {
            errors.add(new FieldProblem(
                    field + "." + code, "MISSING_CRITERION", "chưa chọn phương án cho tiêu chí này (missing)"));
        }
    }
}
