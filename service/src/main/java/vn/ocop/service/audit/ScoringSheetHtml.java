package vn.ocop.service.audit;

import java.util.List;
import vn.ocop.api.model.CriterionExplanation;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.Explanation;
import vn.ocop.api.model.Finding;
import vn.ocop.api.model.MemberExplanation;

/**
 * The printable scoring sheet (phiếu chấm điểm) of one record, to sign and file: the product, producer, location,
 * evaluation and council; one page per member with that member's signature line; the council's summary; a signature
 * line for every member and the chair; the record's hash, MAC state and the ruleset's SHA-256. A record that fails
 * replay prints "KHÔNG TOÀN VẸN" and no rating. Well-formed XHTML, so the PDF renderer reads the same text.
 */
final class ScoringSheetHtml {
    private ScoringSheetHtml() {}

    /** What the sheet needs beyond the explanation: the dossier (null when gone), the record's hash, its check. */
    record Context(
            Dossier dossier,
            String recordHash,
            String requestedBy,
            boolean signed,
            boolean intact,
            List<String> problems) {}

    static String render(Explanation e, Context c) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Phiếu chấm điểm – ")
                .append(esc(e.getSheetName() != null ? e.getSheetName() : e.getSheet()))
                .append("</title>\n")
                .append("<style>body{font-family:OcopSans,'Times New Roman',serif;margin:2em;font-size:11pt}"
                        + "table{border-collapse:collapse;width:100%;margin-bottom:1.2em}"
                        + "th,td{border:1px solid #000;padding:3px 5px;vertical-align:top}th{background:#eee}"
                        + "td.n{text-align:right}.small{font-size:85%;color:#333}"
                        + ".warning{border:3px solid #b00;color:#b00;padding:.6em;font-size:130%;font-weight:bold;margin:1em 0}"
                        + ".sign td{border:none;height:5em;width:50%;text-align:center}"
                        + ".page{page-break-after:always}ul{list-style-type:none;padding-left:1em}</style>\n")
                .append("</head>\n<body>\n");
        h.append("<h1>PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP</h1>\n");
        if (!c.intact()) warning(h, c);
        identity(h, e, c);
        for (MemberExplanation m : e.getMembers()) member(h, m);
        summary(h, e, c);
        signatures(h, e);
        h.append("<p class=\"small\">Mã bản ghi: ")
                .append(esc(e.getEvaluationId()))
                .append("<br/>Mã băm bản ghi (SHA-256): ")
                .append(esc(c.recordHash()))
                .append("<br/>Chữ ký số của hệ thống (MAC): ")
                .append(c.signed() ? "có, hợp lệ" : "không có MAC hoặc không hợp lệ")
                .append("<br/>Bộ quy tắc: ")
                .append(esc(e.getEdition()))
                .append(" phiên bản ")
                .append(esc(e.getRulesetVersion()))
                .append(", SHA-256 ")
                .append(esc(e.getRulesetSha256()))
                .append("<br/>Kiểm tra toàn vẹn khi in: ")
                .append(c.intact() ? "toàn vẹn (chấm lại khớp)" : "KHÔNG TOÀN VẸN")
                .append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void warning(StringBuilder h, Context c) {
        h.append("<div class=\"warning\">KHÔNG TOÀN VẸN: bản ghi này không qua được kiểm tra toàn vẹn (")
                .append(esc(String.join(", ", c.problems())))
                .append("). Không dùng phiếu này làm căn cứ xếp hạng; kết quả xếp hạng không được in.</div>\n");
    }

    private static void identity(StringBuilder h, Explanation e, Context c) {
        Dossier d = c.dossier();
        h.append("<table>\n");
        row(
                h,
                "Sản phẩm",
                d == null || d.getProduct() == null
                        ? "(hồ sơ không còn)"
                        : d.getProduct().getName()
                                + (d.getProduct().getSubgroup() == null
                                        ? ""
                                        : " – " + d.getProduct().getSubgroup()));
        row(
                h,
                "Chủ thể sản xuất",
                d == null || d.getProducer() == null
                        ? ""
                        : d.getProducer().getName()
                                + (d.getProducer().getTaxOrRegistrationNumber() == null
                                        ? ""
                                        : " (mã số " + d.getProducer().getTaxOrRegistrationNumber() + ")"));
        String location = "";
        if (d != null && d.getLocation() != null) {
            var l = d.getLocation();
            location = "Tỉnh/thành phố mã " + l.getProvinceCode()
                    + (l.getDistrictCode() == null ? "" : ", huyện mã " + l.getDistrictCode()) + ", xã/phường mã "
                    + l.getCommuneCode();
        }
        row(h, "Địa bàn", location);
        row(
                h,
                "Bộ tiêu chí",
                (e.getEditionName() != null ? e.getEditionName() : e.getEdition()) + " (" + e.getEdition()
                        + ", phiên bản " + e.getRulesetVersion() + ")");
        row(h, "Phiếu đánh giá", e.getSheetName() != null ? e.getSheetName() : e.getSheet());
        row(
                h,
                "Lần đánh giá",
                "Lần thứ " + e.getSequence() + " của hồ sơ " + e.getDossierId()
                        + (e.getEvaluationDate() == null ? "" : ", ngày " + e.getEvaluationDate())
                        + (c.requestedBy() == null ? "" : ", người ghi nhận " + c.requestedBy()));
        StringBuilder council = new StringBuilder();
        for (MemberExplanation m : e.getMembers()) {
            if (!council.isEmpty()) council.append("; ");
            council.append(m.getMember()).append(" (").append(role(m.getRole())).append(')');
        }
        row(h, "Hội đồng đánh giá", council.toString());
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th style=\"width:25%;text-align:left\">")
                .append(esc(label))
                .append("</th><td>")
                .append(esc(value))
                .append("</td></tr>\n");
    }

    private static void member(StringBuilder h, MemberExplanation m) {
        h.append("<div class=\"page\">\n<h2>Phiếu của thành viên: ")
                .append(esc(m.getMember()))
                .append(" (")
                .append(esc(role(m.getRole())))
                .append(")</h2>\n")
                .append("<table>\n<tr><th>Mã</th><th>Tiêu chí</th><th>Phương án</th><th>Nội dung phương án</th>"
                        + "<th>Điểm</th><th>Tối đa</th><th>Ghi chú</th></tr>\n");
        for (CriterionExplanation c : m.getCriteria()) {
            h.append("<tr><td>")
                    .append(esc(c.getCode()))
                    .append("</td><td>")
                    .append(esc(c.getName()))
                    .append("</td><td class=\"n\">")
                    .append(c.getOption())
                    .append("</td><td>")
                    .append(esc(c.getOptionLabel()))
                    .append("</td><td class=\"n\">")
                    .append(c.getPoints())
                    .append("</td><td class=\"n\">")
                    .append(c.getMaxPoints() == null ? "" : c.getMaxPoints())
                    .append("</td><td class=\"small\">")
                    .append(findings(c.getFindings()))
                    .append("</td></tr>\n");
        }
        h.append("<tr><th colspan=\"4\">Phần A / B / C</th><td class=\"n\" colspan=\"3\">")
                .append(m.getParts().getA())
                .append(" / ")
                .append(m.getParts().getB())
                .append(" / ")
                .append(m.getParts().getC())
                .append("</td></tr>\n<tr><th colspan=\"4\">Tổng điểm</th><td class=\"n\" colspan=\"3\"><b>")
                .append(m.getTotal())
                .append("</b></td></tr>\n</table>\n")
                .append(
                        "<table class=\"sign\"><tr><td></td><td>Thành viên chấm điểm<br/>(ký, ghi rõ họ tên)<br/><br/><br/>")
                .append(esc(m.getMember()))
                .append("</td></tr></table>\n</div>\n");
    }

    private static void summary(StringBuilder h, Explanation e, Context c) {
        h.append(
                "<h2>Tổng hợp kết quả của Hội đồng</h2>\n<table>\n<tr><th>Thành viên</th><th>Vai trò</th><th>Tổng điểm</th></tr>\n");
        for (MemberExplanation m : e.getMembers()) {
            h.append("<tr><td>")
                    .append(esc(m.getMember()))
                    .append("</td><td>")
                    .append(esc(role(m.getRole())))
                    .append("</td><td class=\"n\">")
                    .append(m.getTotal())
                    .append("</td></tr>\n");
        }
        var council = e.getCouncil();
        if (c.intact()) {
            h.append("<tr><th colspan=\"2\">Điểm trung bình</th><td class=\"n\"><b>")
                    .append(
                            council.getAverageTotalRounded() == null
                                    ? "–"
                                    : esc(council.getAverageTotalRounded().replace('.', ',')))
                    .append("</b></td></tr>\n<tr><th colspan=\"2\">Xếp hạng</th><td class=\"n\"><b>")
                    .append(council.getStars() == null ? "chưa xếp hạng" : council.getStars() + " sao")
                    .append("</b></td></tr>\n</table>\n<p>")
                    .append(esc(council.getSummary()))
                    .append("</p>\n");
            list(h, "Yêu cầu tối thiểu chưa đạt", council.getUnmetMinimums());
            list(h, "Con đường lên hạng sao tiếp theo", council.getRoadToNextStar());
        } else {
            h.append(
                    "<tr><th colspan=\"2\">Xếp hạng</th><td class=\"n\"><b>không in: bản ghi KHÔNG TOÀN VẸN</b></td></tr>\n</table>\n");
        }
        if (e.getFindings() != null && !e.getFindings().isEmpty()) {
            h.append("<h3>Nhận xét, cảnh báo</h3>\n<ul>\n");
            for (Finding f : e.getFindings()) {
                h.append("<li>– ")
                        .append(esc(severity(f)))
                        .append(": ")
                        .append(esc(f.getMessage()))
                        .append(" <span class=\"small\">(")
                        .append(esc(f.getCode()))
                        .append(")</span></li>\n");
            }
            h.append("</ul>\n");
        }
    }

    private static void list(StringBuilder h, String title, List<String> lines) {
        if (lines == null || lines.isEmpty()) return;
        h.append("<h3>").append(esc(title)).append("</h3>\n<ul>\n");
        for (String line : lines) h.append("<li>").append(esc(line)).append("</li>\n");
        h.append("</ul>\n");
    }

    private static void signatures(StringBuilder h, Explanation e) {
        h.append("<h3>Chữ ký của Hội đồng</h3>\n<table class=\"sign\">\n");
        MemberExplanation chair = e.getMembers().stream()
                .filter(m -> "CHAIR".equals(m.getRole()))
                .findFirst()
                .orElse(null);
        int i = 0;
        for (MemberExplanation m : e.getMembers()) {
            if (m == chair) continue;
            if (i % 2 == 0) h.append("<tr>");
            h.append("<td>")
                    .append(esc(role(m.getRole())))
                    .append("<br/>(ký, ghi rõ họ tên)<br/><br/><br/>")
                    .append(esc(m.getMember()))
                    .append("</td>");
            if (i % 2 == 1) h.append("</tr>\n");
            i++;
        }
        if (i % 2 == 1) h.append("<td></td></tr>\n");
        h.append("<tr><td></td><td><b>CHỦ TỊCH HỘI ĐỒNG</b><br/>(ký, ghi rõ họ tên, đóng dấu)<br/><br/><br/>")
                .append(chair == null ? "" : esc(chair.getMember()))
                .append("</td></tr>\n</table>\n");
    }

    private static String severity(Finding f) {
        if (f.getSeverity() == null) return "Ghi chú";
        return switch (f.getSeverity()) {
            case ERROR -> "Lỗi";
            case WARNING -> "Cảnh báo";
            default -> "Thông tin";
        };
    }

    private static String role(String role) {
        if (role == null) return "Thành viên";
        return switch (role) {
            case "CHAIR" -> "Chủ tịch Hội đồng";
            case "SECRETARY" -> "Thư ký";
            case "SELF" -> "Chủ thể tự đánh giá";
            default -> "Thành viên";
        };
    }

    private static String findings(List<Finding> findings) {
        if (findings == null || findings.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings)
            sb.append(esc(severity(f))).append(": ").append(esc(f.getMessage())).append("<br/>");
        return sb.toString();
    }

    /** HTML-escapes text for element content and attribute values (also valid XML). */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // characters XML 1.0 does not allow are left out
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
