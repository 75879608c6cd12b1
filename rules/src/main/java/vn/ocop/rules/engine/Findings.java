package vn.ocop.rules.engine;

import java.util.List;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.Severity;

/** The stable validation codes and their Vietnamese messages. */
final class Findings {
    private Findings() {}

    static Finding unknownEdition(String edition) {
        return error("UNKNOWN_EDITION", null, null, "Không có bộ tiêu chí \"" + edition + "\".");
    }

    static Finding unknownGroup(String group) {
        return error("UNKNOWN_GROUP", null, null, "Bộ tiêu chí không có nhóm sản phẩm \"" + group + "\".");
    }

    static Finding unknownSheet(String sheet) {
        return error("UNKNOWN_SHEET", null, null, "Bộ tiêu chí không có phiếu đánh giá \"" + sheet + "\".");
    }

    static Finding sheetNotInGroup(String sheet, String sheetGroup, String group) {
        return error(
                "SHEET_NOT_IN_GROUP",
                null,
                null,
                "Phiếu \"" + sheet + "\" thuộc nhóm " + sheetGroup + ", không thuộc nhóm " + group + ".");
    }

    static Finding noScoringMember() {
        return error(
                "NO_SCORING_MEMBER",
                null,
                null,
                "Không có phiếu chấm nào của thành viên hội đồng (thư ký không chấm điểm).");
    }

    static Finding duplicateMember(String member) {
        return error("DUPLICATE_MEMBER", null, member, "Thành viên \"" + member + "\" có hơn một phiếu chấm.");
    }

    static Finding memberNameMissing(int position) {
        return error("MEMBER_NAME_MISSING", null, null, "Phiếu chấm thứ " + position + " không ghi tên thành viên.");
    }

    static Finding unknownCriterion(String criterion, String member) {
        return error("UNKNOWN_CRITERION", criterion, member, "Phiếu không có tiêu chí " + criterion + ".");
    }

    static Finding missingCriterion(String criterion, String member) {
        return error(
                "MISSING_CRITERION",
                criterion,
                member,
                "Thành viên " + member + " chưa chấm tiêu chí " + criterion + ".");
    }

    static Finding optionOutOfRange(String criterion, String member, Integer option, int options) {
        return error(
                "OPTION_OUT_OF_RANGE",
                criterion,
                member,
                "Tiêu chí " + criterion + " có phương án 1 đến " + options + "; " + member + " chọn " + option + ".");
    }

    static Finding unscored(String criterion, String member) {
        return error(
                "UNSCORED_CRITERION",
                criterion,
                member,
                "Không có quy tắc nào cho điểm phương án đã chọn ở tiêu chí " + criterion
                        + ": cần sửa phiếu đánh giá.");
    }

    static Finding unknownExclusion(String code, String sheet) {
        return error(
                "UNKNOWN_EXCLUSION",
                null,
                null,
                "Phiếu \"" + sheet + "\" không có điều kiện loại hồ sơ mã \"" + code + "\".");
    }

    static Finding duplicateSelf(String member) {
        return error(
                "DUPLICATE_SELF_ASSESSMENT",
                null,
                member,
                "Hồ sơ chỉ có một phiếu tự đánh giá (Mẫu 02); phiếu của \"" + member + "\" là phiếu thứ hai.");
    }

    static Finding caseNotChosen(String criterion, List<String> cases, String member) {
        return error(
                "CASE_NOT_CHOSEN",
                criterion,
                member,
                "Tiêu chí " + criterion + " có hai trường hợp (" + String.join(", ", cases) + "); " + member
                        + " phải chấm đúng một trường hợp nhưng chưa chấm trường hợp nào.");
    }

    static Finding bothCasesChosen(String criterion, List<String> cases, String member) {
        return error(
                "BOTH_CASES_SCORED",
                criterion,
                member,
                "Tiêu chí " + criterion + " có hai trường hợp (" + String.join(", ", cases) + "); " + member
                        + " chỉ được chấm một trường hợp nhưng đã chấm cả hai.");
    }

    private static Finding error(String code, String criterion, String member, String message) {
        return new Finding(code, Severity.ERROR, criterion, member, message);
    }
}
