package vn.ocop.service.report;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.api.model.PlanActual;
import vn.ocop.api.model.PlanActualInput;
import vn.ocop.api.model.ProgrammePlan;
import vn.ocop.api.model.ProvinceReport;
import vn.ocop.api.server.ReportsApi;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.web.ApiException;

@RestController
class ReportsController implements ReportsApi {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private final ProvinceReports reports;
    private final ProgrammePlans plans;

    ReportsController(ProvinceReports reports, ProgrammePlans plans) {
        this.reports = reports;
        this.plans = plans;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<ProvinceReport> provinceReport(
            String province, String period, LocalDate from, LocalDate to, String plan, String format) {
        String f = format(format);
        ProvinceReport report = reports.build(province, ReportPeriod.of(period, from, to, reports.today()), plan);
        String name = "bao-cao-ocop-" + province + "-" + report.getFrom() + "-" + report.getTo();
        return switch (f) {
            case "csv" ->
                (ResponseEntity) ResponseEntity.ok()
                        .contentType(CSV)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name + ".csv")
                                        .build()
                                        .toString())
                        .body(("\uFEFF" + ReportFiles.csv(report)).getBytes(StandardCharsets.UTF_8));
            case "xlsx" ->
                (ResponseEntity) ResponseEntity.ok()
                        .contentType(XLSX)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name + ".xlsx")
                                        .build()
                                        .toString())
                        .body(ReportFiles.xlsx(report, StarsChart.png(report)));
            default ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    @Override
    public ResponseEntity<String> provinceReportChart(String province, String period, LocalDate from, LocalDate to) {
        ProvinceReport report = reports.build(province, ReportPeriod.of(period, from, to, reports.today()), null);
        return ResponseEntity.ok()
                .contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
                .body(StarsChart.svg(report));
    }

    @Override
    public ResponseEntity<List<ProgrammePlan>> listProgrammePlans() {
        return ResponseEntity.ok(plans.list());
    }

    @Override
    public ResponseEntity<PlanActual> recordPlanActual(String id, PlanActualInput in) {
        PlanActual a = plans.record(id, in, CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/programme-plans/" + id))
                .body(a);
    }

    /** format= wins; else the Accept header (text/csv, the XLSX type); else JSON. */
    private static String format(String format) {
        if (format != null) {
            String f = format.toLowerCase();
            if (!List.of("json", "csv", "xlsx").contains(f))
                throw ApiException.invalidField("format", "json, csv or xlsx");
            return f;
        }
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String accept = request.getHeader("Accept");
        if (accept == null || accept.contains("application/json")) return "json";
        if (accept.contains("text/csv")) return "csv";
        if (accept.contains("spreadsheetml")) return "xlsx";
        return "json";
    }
}
