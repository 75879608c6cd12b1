package vn.ocop.service.audit;

import static vn.ocop.service.audit.ScoringSheetHtml.esc;

import vn.ocop.api.model.Anchor;
import vn.ocop.api.model.AnchoredHead;

/** An anchor as a page to print, sign and file outside the database (biên bản neo chuỗi). */
final class AnchorHtml {
    private AnchorHtml() {}

    static String render(Anchor a) {
        StringBuilder h = new StringBuilder(4096);
        h.append(
                        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Neo chuỗi bằng chứng số ")
                .append(a.getSequence())
                .append("</title>\n<style>body{font-family:'Times New Roman',serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #000;padding:3px 6px;font-family:monospace;font-size:85%}</style>\n"
                        + "</head>\n<body>\n<h1>BIÊN BẢN NEO CHUỖI BẰNG CHỨNG SỐ ")
                .append(a.getSequence())
                .append("</h1>\n<p>")
                .append("Thời điểm (UTC): ")
                .append(a.getAt())
                .append("<br/>Người lập: ")
                .append(esc(a.getCreatedBy()))
                .append("<br/>Mã băm neo trước: <code>")
                .append(esc(a.getPreviousDigest()))
                .append("</code>")
                .append("<br/>Mã băm neo (digest): <code><b>")
                .append(esc(a.getDigest()))
                .append("</b></code>")
                .append("<br/>MAC: <code>")
                .append(esc(a.getMac()))
                .append("</code><br/>Kiểm tra lúc in: ")
                .append(Boolean.TRUE.equals(a.getVerified()) ? "toàn vẹn" : "<b>KHÔNG TOÀN VẸN</b>")
                .append("</p>\n");
        h.append("<p>")
                .append(a.getHeads().size())
                .append(" chuỗi có đầu chuỗi mới kể từ lần neo trước:</p>\n")
                .append("<table>\n<tr><th>Chuỗi</th><th>Số bản ghi</th><th>Mã băm</th></tr>\n");
        for (AnchoredHead x : a.getHeads()) {
            h.append("<tr><td>")
                    .append(esc(x.getChain()))
                    .append("</td><td>")
                    .append(x.getSequence())
                    .append("</td><td>")
                    .append(esc(x.getHash()))
                    .append("</td></tr>\n");
        }
        h.append(
                        "</table>\n<p>Lưu bản này ngoài hệ thống (lưu trữ tỉnh). Mã băm neo cam kết, qua chuỗi các lần neo, mọi đầu chuỗi đã neo.</p>\n")
                .append("<p>Người lập ký tên: ………………………………</p>\n</body>\n</html>\n");
        return h.toString();
    }
}
