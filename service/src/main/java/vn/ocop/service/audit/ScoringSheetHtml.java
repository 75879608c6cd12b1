package vn.ocop.service.audit;

import java.util.List;
import vn.ocop.api.model.CriterionExplanation;
import vn.ocop.api.model.Explanation;
import vn.ocop.api.model.Finding;
import vn.ocop.api.model.MemberExplanation;

/** The printable scoring sheet (phiếu chấm điểm) of one record: one table per member, then the council's summary. */
final class ScoringSheetHtml {
    private ScoringSheetHtml() {}

    static String render(Explanation e, String recordHash) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>Phiếu chấm điểm – ")
                .append(esc(e.getSheetName() != null ? e.getSheetName() : e.getSheet())).append("</title>\n")
                .append("<style>body{font-family:'Times New Roman',serif;margin:2em}table{border-collapse:collapse;width:100%;"
                        + "margin-bottom:1.5em}th,td{border:1px solid #000;padding:4px 6px;vertical-align:top}th{background:#eee}"
                        + "td.n{text-align:right}.small{font-size:85%;color:#333}@media print{.page{page-break-after:always}}</style>\n")
                .append("</head>\n<body>\n");
        h.append("<h1>PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP</h1>\n<p>")
                .append("Bộ tiêu chí: <b>").append(esc(e.getEditionName() != null ? e.getEditionName() : e.getEdition()))
                .append("</b> (").append(esc(e.getEdition())).append(", phiên bản ").append(esc(e.getRulesetVersion())).append(")<br>")
                .append("Phiếu: <b>").append(esc(e.getSheetName() != null ? e.getSheetName() : e.getSheet())).append("</b><br>")
                .append("Hồ sơ: ").append(esc(e.getDossierId())).append(" – lần đánh giá thứ ").append(e.getSequence())
                .append(e.getEvaluationDate() == null ? "" : ", ngày " + e.getEvaluationDate()).append("</p>\n");
        for (MemberExplanation m : e.getMembers()) {
            h.append("<div class=\"page\">\n<h2>Thành viên hội đồng: ").append(esc(m.getMember()))
                    .append(m.getRole() == null ? "" : " (" + esc(role(m.getRole())) + ")").append("</h2>\n")
                    .append("<table>\n<tr><th>Mã</th><th>Tiêu chí</th><th>Phương án</th><th>Nội dung phương án</th>"
                            + "<th>Điểm</th><th>Tối đa</th><th>Quy tắc</th><th>Ghi chú</th></tr>\n");
            for (CriterionExplanation c : m.getCriteria()) {
                h.append("<tr><td>").append(esc(c.getCode())).append("</td><td>").append(esc(c.getName()))
                        .append("</td><td class=\"n\">").append(c.getOption()).append("</td><td>").append(esc(c.getOptionLabel()))
                        .append("</td><td class=\"n\">").append(c.getPoints()).append("</td><td class=\"n\">")
                        .append(c.getMaxPoints() == null ? "" : c.getMaxPoints()).append("</td><td class=\"small\">")
                        .append(esc(c.getRule())).append("</td><td class=\"small\">").append(findings(c.getFindings()))
                        .append("</td></tr>\n");
            }
            h.append("<tr><th colspan=\"4\">Phần A / B / C</th><td class=\"n\" colspan=\"4\">")
                    .append(m.getParts().getA()).append(" / ").append(m.getParts().getB()).append(" / ").append(m.getParts().getC())
                    .append("</td></tr>\n<tr><th colspan=\"4\">Tổng điểm</th><td class=\"n\" colspan=\"4\"><b>").append(m.getTotal())
                    .append("</b></td></tr>\n</table>\n</div>\n");
        }
        h.append("<h2>Tổng hợp kết quả của Hội đồng</h2>\n<table>\n<tr><th>Thành viên</th><th>Tổng điểm</th></tr>\n");
        for (MemberExplanation m : e.getMembers()) {
            h.append("<tr><td>").append(esc(m.getMember())).append("</td><td class=\"n\">").append(m.getTotal()).append("</td></tr>\n");
        }
        var council = e.getCouncil();
        h.append("<tr><th>Điểm trung bình</th><td class=\"n\"><b>")
                .append(council.getAverageTotalRounded() == null ? "–" : esc(council.getAverageTotalRounded().replace('.', ',')))
                .append("</b></td></tr>\n<tr><th>Xếp hạng</th><td class=\"n\"><b>")
                .append(council.getStars() == null ? "chưa xếp hạng" : "★".repeat(council.getStars()) + " (" + council.getStars() + " sao)")
                .append("</b></td></tr>\n</table>\n<p>").append(esc(council.getSummary())).append("</p>\n");
        list(h, "Yêu cầu tối thiểu chưa đạt", council.getUnmetMinimums());
        list(h, "Con đường lên hạng sao tiếp theo", council.getRoadToNextStar());
        if (e.getFindings() != null && !e.getFindings().isEmpty()) {
            h.append("<h3>Nhận xét, cảnh báo</h3>\n<ul>\n");
            for (Finding f : e.getFindings()) {
                h.append("<li>").append(esc(f.getSeverity() == null ? "" : f.getSeverity().getValue())).append(" ")
                        .append(esc(f.getCode())).append(": ").append(esc(f.getMessage())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p class=\"small\">Mã bản ghi: ").append(esc(e.getEvaluationId())).append("<br>SHA-256 bộ quy tắc: ")
                .append(esc(e.getRulesetSha256())).append("<br>Mã băm bản ghi: ").append(esc(recordHash)).append("</p>\n")
                .append("<p>Chữ ký thành viên hội đồng: ………………………………</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void list(StringBuilder h, String title, List<String> lines) {
        if (lines == null || lines.isEmpty()) return;
        h.append("<h3>").append(esc(title)).append("</h3>\n<ul>\n");
        for (String line : lines) h.append("<li>").append(esc(line)).append("</li>\n");
        h.append("</ul>\n");
    }

    private static String role(String role) {
        return switch (role) {
            case "CHAIR" -> "Chủ tịch";
            case "SECRETARY" -> "Thư ký";
            case "SELF" -> "Chủ thể tự đánh giá";
            default -> "Thành viên";
        };
    }

    private static String findings(List<Finding> findings) {
        if (findings == null || findings.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) sb.append(esc(f.getCode())).append(": ").append(esc(f.getMessage())).append("<br>");
        return sb.toString();
    }

    /** HTML-escapes text for element content and attribute values. */
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
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
