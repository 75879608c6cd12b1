package vn.ocop.service.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ocop.api.model.CountRow;
import vn.ocop.api.model.PlanProgress;
import vn.ocop.api.model.ProvinceReport;
import vn.ocop.api.model.TargetRow;

/**
 * The report as CSV (one table: section, key, name, count, 1–5 sao, target, percent) and as XLSX (one sheet per
 * section, and the chart). Both carry exactly the numbers of the JSON report they are made from.
 */
final class ReportFiles {
    static final List<String> CSV_HEADER = List.of(
            "section", "key", "name", "count", "stars1", "stars2", "stars3", "stars4", "stars5", "target", "percent");
    /** Sheet names (at most 31 characters) and the section each shows. */
    static final String INFO = "Thông tin";

    static final String STAGES = "Hồ sơ theo bước";
    static final String STARS = "Đánh giá theo hạng sao";
    static final String GROUPS = "Đánh giá theo nhóm";
    static final String COMMUNES = "Đánh giá theo xã";
    static final String DISTRICTS = "Đánh giá theo huyện";
    static final String PRODUCERS = "Chủ thể mới";
    static final String CERTIFICATES = "Giấy chứng nhận";
    static final String PLANS = "Chỉ tiêu kế hoạch";
    static final String CHART = "Biểu đồ";

    private ReportFiles() {}

    record Section(String sheet, String csvName, List<CountRow> rows) {}

    static List<Section> sections(ProvinceReport r) {
        List<Section> s = new ArrayList<>();
        s.add(new Section(STAGES, "dossiersByStage", r.getDossiersByStage()));
        s.add(new Section(STARS, "evaluationsByStars", r.getEvaluationsByStars()));
        s.add(new Section(GROUPS, "evaluationsByGroup", r.getEvaluationsByGroup()));
        s.add(new Section(COMMUNES, "evaluationsByCommune", r.getEvaluationsByCommune()));
        if (r.getEvaluationsByDistrict() != null)
            s.add(new Section(DISTRICTS, "evaluationsByDistrict", r.getEvaluationsByDistrict()));
        s.add(new Section(PRODUCERS, "newProducers", r.getNewProducers()));
        s.add(new Section(CERTIFICATES, "certificates", r.getCertificates()));
        return s;
    }

    static String csv(ProvinceReport r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(CSV_HEADER.toArray(String[]::new))
                        .get())) {
            p.printRecord(
                    "report", "provinceCode", r.getProvinceName(), r.getProvinceCode(), "", "", "", "", "", "", "");
            p.printRecord("report", "from", "", r.getFrom(), "", "", "", "", "", "", "");
            p.printRecord("report", "to", "", r.getTo(), "", "", "", "", "", "", "");
            p.printRecord(
                    "report",
                    "dueBefore",
                    r.getDeadline().getText(),
                    r.getDeadline().getDueBefore() == null
                            ? ""
                            : r.getDeadline().getDueBefore(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "");
            for (Section s : sections(r)) {
                for (CountRow row : s.rows()) {
                    List<Object> cells =
                            new ArrayList<>(List.of(s.csvName(), row.getKey(), nz(row.getName()), row.getCount()));
                    for (int i = 1; i <= 5; i++)
                        cells.add(row.getStars() == null ? "" : row.getStars().get(Integer.toString(i)));
                    cells.add("");
                    cells.add("");
                    p.printRecord(cells);
                }
            }
            for (PlanProgress plan : r.getPlans()) {
                for (TargetRow t : plan.getRows()) {
                    p.printRecord(
                            "plan:" + plan.getPlanId(),
                            t.getKey(),
                            t.getLabel(),
                            t.getActual().toPlainString(),
                            "",
                            "",
                            "",
                            "",
                            "",
                            t.getTarget().toPlainString(),
                            t.getPercent() == null ? "" : t.getPercent().toPlainString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] xlsx(ProvinceReport r, byte[] chartPng) {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet info = wb.createSheet(INFO);
            row(info, 0, "Tỉnh", r.getProvinceName() + " (" + r.getProvinceCode() + ")");
            row(info, 1, "Từ ngày", r.getFrom().toString());
            row(info, 2, "Đến ngày", r.getTo().toString());
            row(
                    info,
                    3,
                    "Hạn gửi",
                    r.getDeadline().getDueBefore() == null
                            ? ""
                            : r.getDeadline().getDueBefore().toString());
            row(info, 4, "Ghi chú", r.getDeadline().getText());
            row(info, 5, "Ngày lập", r.getGeneratedOn().toString());
            for (Section s : sections(r)) {
                Sheet sheet = wb.createSheet(s.sheet());
                Row head = sheet.createRow(0);
                String[] titles = {"Mã", "Tên", "Số lượng", "1 sao", "2 sao", "3 sao", "4 sao", "5 sao"};
                for (int i = 0; i < titles.length; i++) head.createCell(i).setCellValue(titles[i]);
                int n = 1;
                for (CountRow row : s.rows()) {
                    Row x = sheet.createRow(n++);
                    x.createCell(0).setCellValue(row.getKey());
                    x.createCell(1).setCellValue(nz(row.getName()));
                    x.createCell(2).setCellValue(row.getCount());
                    if (row.getStars() != null) {
                        for (int i = 1; i <= 5; i++)
                            x.createCell(2 + i).setCellValue(row.getStars().get(Integer.toString(i)));
                    }
                }
                sheet.autoSizeColumn(1);
            }
            Sheet plans = wb.createSheet(PLANS);
            Row head = plans.createRow(0);
            String[] titles = {
                "Kế hoạch", "Mã chỉ tiêu", "Chỉ tiêu", "Mục tiêu", "Thực hiện", "Tỷ lệ (%)", "Nguồn số liệu"
            };
            for (int i = 0; i < titles.length; i++) head.createCell(i).setCellValue(titles[i]);
            int n = 1;
            for (PlanProgress plan : r.getPlans()) {
                for (TargetRow t : plan.getRows()) {
                    Row x = plans.createRow(n++);
                    x.createCell(0).setCellValue(plan.getPlanId());
                    x.createCell(1).setCellValue(t.getKey());
                    x.createCell(2).setCellValue(t.getLabel());
                    x.createCell(3).setCellValue(t.getTarget().doubleValue());
                    x.createCell(4).setCellValue(t.getActual().doubleValue());
                    if (t.getPercent() != null)
                        x.createCell(5).setCellValue(t.getPercent().doubleValue());
                    x.createCell(6).setCellValue(t.getSource());
                }
            }
            Sheet chart = wb.createSheet(CHART);
            int picture = wb.addPicture(chartPng, Workbook.PICTURE_TYPE_PNG);
            CreationHelper helper = wb.getCreationHelper();
            Drawing<?> drawing = chart.createDrawingPatriarch();
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(0);
            anchor.setRow1(0);
            anchor.setCol2(12);
            anchor.setRow2(24);
            drawing.createPicture(anchor, picture);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int n, String label, String value) {
        Row r = sheet.createRow(n);
        r.createCell(0).setCellValue(label);
        r.createCell(1).setCellValue(value);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
