package vn.ocop.service.certificate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.CertificateImportReport;
import vn.ocop.api.model.ProducerType;
import vn.ocop.service.adminunits.AdminUnits;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.platform.web.ApiException.FieldProblem;

/**
 * Imports certificates issued before this system (CSV, UTF-8, header row). Every line is checked first; with any
 * error nothing is written (422 IMPORT_HAS_ERRORS, one entry per line and column). Certificates issued before
 * 22 May 2026 keep the expiry they were issued with (Điều 12.1); from that day expiry is issue + 36 months.
 */
@Service
class CertificateImport {
    static final List<String> REQUIRED = List.of(
            "number",
            "productName",
            "group",
            "producerName",
            "provinceCode",
            "communeCode",
            "stars",
            "decisionNumber",
            "decisionDate",
            "signer",
            "authority",
            "issuedOn");
    static final List<String> OPTIONAL =
            List.of("productCode", "subgroup", "producerType", "districtCode", "edition", "expiresOn");
    static final Set<String> GROUPS = Set.of("FOOD", "BEVERAGE", "HERBAL", "TEXTILE", "HANDICRAFT", "TOURISM");
    static final int MAX_LINES = 10_000;
    private static final Pattern CODE = Pattern.compile("^[0-9A-Za-z._-]{1,60}$");
    private static final Pattern UNIT = Pattern.compile("^[0-9A-Za-z_-]{1,20}$");

    private final CertificateStore store;
    private final Certificates certificates;
    private final AdminUnits units;

    CertificateImport(CertificateStore store, Certificates certificates, AdminUnits units) {
        this.store = store;
        this.certificates = certificates;
        this.units = units;
    }

    CertificateImportReport run(byte[] body, boolean dryRun, String user) {
        List<CSVRecord> rows = parse(body);
        List<FieldProblem> errors = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CSVRecord row : rows) {
            Line line = new Line(row, errors);
            Document d = line.document(seen, user);
            if (d != null) docs.add(d);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "IMPORT_HAS_ERRORS",
                    errors.size() + " lỗi trong tệp CSV; chưa nhập giấy chứng nhận nào",
                    errors);
        }
        List<String> numbers = new ArrayList<>();
        if (!dryRun) {
            for (Document d : docs) {
                if (store.insert(d)) numbers.add(d.getString("_id"));
            }
        } else {
            docs.forEach(d -> numbers.add(d.getString("_id")));
        }
        return new CertificateImportReport()
                .dryRun(dryRun)
                .lines(rows.size())
                .imported(dryRun ? 0 : numbers.size())
                .numbers(numbers);
    }

    private static List<CSVRecord> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Tệp CSV phải mã hóa UTF-8",
                    List.of(new FieldProblem("body", "is not UTF-8")));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<FieldProblem> missing = new ArrayList<>();
            for (String column : REQUIRED) {
                if (!header.containsKey(column)) missing.add(new FieldProblem("header", "thiếu cột " + column));
            }
            for (String column : header.keySet()) {
                if (!REQUIRED.contains(column) && !OPTIONAL.contains(column))
                    missing.add(new FieldProblem("header", "cột lạ " + column));
            }
            if (!missing.isEmpty()) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "IMPORT_HAS_ERRORS", "Dòng tiêu đề không đúng", missing);
            }
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r);
                if (rows.size() > MAX_LINES) {
                    throw ApiException.invalidField("body", "at most " + MAX_LINES + " lines per import");
                }
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Tệp CSV không đọc được",
                    List.of(new FieldProblem("body", "is not valid CSV")));
        }
    }

    /** One data line: its cells, checked; the errors go to the shared list with the line number of the file. */
    private final class Line {
        private final CSVRecord row;
        private final List<FieldProblem> errors;
        private final long number;

        Line(CSVRecord row, List<FieldProblem> errors) {
            this.row = row;
            this.errors = errors;
            this.number = row.getRecordNumber() + 1; // the header is line 1
        }

        String cell(String column) {
            if (!row.isMapped(column) || !row.isSet(column)) return null;
            String v = row.get(column);
            return v == null || v.isBlank() ? null : v;
        }

        String required(String column) {
            String v = cell(column);
            if (v == null) error(column, "bắt buộc");
            return v;
        }

        void error(String column, String message) {
            errors.add(new FieldProblem("line " + number + ": " + column, message));
        }

        LocalDate date(String column, boolean required) {
            String v = required ? required(column) : cell(column);
            if (v == null) return null;
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(column, "ngày theo dạng YYYY-MM-DD");
                return null;
            }
        }

        Document document(Set<String> seen, String user) {
            int before = errors.size();
            if (row.size() != row.getParser().getHeaderMap().size()) error("line", "số cột khác dòng tiêu đề");
            String number = required("number");
            if (number != null && !CODE.matcher(number).matches())
                error("number", "chỉ gồm chữ, số, '.', '_' và '-' (tối đa 60)");
            else if (number != null && !seen.add(number)) error("number", "trùng với một dòng trước");
            else if (number != null && store.find(number) != null) error("number", "đã có trong hệ thống");
            String productCode = cell("productCode");
            if (productCode != null && !CODE.matcher(productCode).matches())
                error("productCode", "chỉ gồm chữ, số, '.', '_' và '-'");
            String productName = required("productName");
            String group = required("group");
            if (group != null && !GROUPS.contains(group)) error("group", "một trong " + GROUPS);
            String producerName = required("producerName");
            String producerType = cell("producerType");
            if (producerType != null) {
                try {
                    ProducerType.fromValue(producerType);
                } catch (IllegalArgumentException e) {
                    error("producerType", "không phải loại chủ thể đã biết");
                }
            }
            Integer stars = null;
            String starsText = required("stars");
            if (starsText != null) {
                try {
                    stars = Integer.parseInt(starsText);
                    if (stars < 3 || stars > 5) {
                        error("stars", "chỉ sản phẩm 3–5 sao có giấy chứng nhận");
                        stars = null;
                    }
                } catch (NumberFormatException e) {
                    error("stars", "là số 3, 4 hoặc 5");
                }
            }
            LocalDate decisionDate = date("decisionDate", true);
            LocalDate issuedOn = date("issuedOn", true);
            LocalDate expiresOn = date("expiresOn", false);
            String decisionNumber = required("decisionNumber");
            String signer = required("signer");
            RecognitionDecision.Authority authority = null;
            String authorityText = required("authority");
            if (authorityText != null) {
                try {
                    authority = RecognitionDecision.Authority.valueOf(authorityText);
                } catch (IllegalArgumentException e) {
                    error("authority", "PROVINCE, MINISTRY hoặc DISTRICT");
                }
            }
            if (authority != null && stars != null && decisionDate != null) {
                boolean ok = stars == 5
                        ? authority == RecognitionDecision.Authority.MINISTRY
                        : authority == RecognitionDecision.Authority.PROVINCE
                                || (authority == RecognitionDecision.Authority.DISTRICT
                                        && decisionDate.isBefore(AdminUnits.TWO_LEVEL_FROM));
                if (!ok)
                    error(
                            "authority",
                            stars == 5
                                    ? "5 sao do Bộ (MINISTRY) công nhận"
                                    : "3–4 sao do tỉnh (PROVINCE) công nhận; huyện (DISTRICT) chỉ trước 1/7/2025");
            }
            if (issuedOn != null && decisionDate != null && issuedOn.isBefore(decisionDate))
                error("issuedOn", "không được trước decisionDate");
            if (issuedOn != null && expiresOn != null) {
                if (!expiresOn.isAfter(issuedOn)) error("expiresOn", "phải sau issuedOn");
                else if (!issuedOn.isBefore(Lifecycle.DECISION_26_IN_FORCE)
                        && !expiresOn.equals(Lifecycle.expiry(issuedOn))) {
                    error(
                            "expiresOn",
                            "cấp từ 22/5/2026: hết hạn đúng 36 tháng sau ngày cấp (" + Lifecycle.expiry(issuedOn)
                                    + ")");
                }
            }
            String provinceCode = required("provinceCode");
            String communeCode = required("communeCode");
            String districtCode = cell("districtCode");
            LocalDate namesOn = issuedOn == null ? LocalDate.now() : issuedOn;
            if (provinceCode != null
                    && (!UNIT.matcher(provinceCode).matches()
                            || units.provinceName(provinceCode, namesOn).isEmpty())) {
                error("provinceCode", "không phải mã tỉnh đã biết");
            }
            if (communeCode != null
                    && (!UNIT.matcher(communeCode).matches()
                            || units.communeName(communeCode, namesOn).isEmpty())) {
                error("communeCode", "không phải mã xã đã biết");
            }
            if (districtCode != null
                    && (issuedOn == null
                            || !issuedOn.isBefore(AdminUnits.TWO_LEVEL_FROM)
                            || units.districtName(districtCode).isEmpty())) {
                error("districtCode", "chỉ mã huyện đã biết, cho giấy chứng nhận cấp trước 1/7/2025");
            }
            if (errors.size() > before) return null;
            vn.ocop.api.model.Location loc = new vn.ocop.api.model.Location()
                    .provinceCode(provinceCode)
                    .communeCode(communeCode)
                    .districtCode(districtCode);
            return new Document("_id", number)
                    .append("version", 1L)
                    .append("productCode", productCode)
                    .append(
                            "product",
                            new Document("name", productName)
                                    .append("group", group)
                                    .append("subgroup", cell("subgroup")))
                    .append("producer", new Document("name", producerName).append("type", producerType))
                    .append("location", certificates.location(loc, namesOn))
                    .append("stars", stars)
                    .append("edition", cell("edition"))
                    .append(
                            "decision",
                            Certificates.decision(new RecognitionDecision.Decision(
                                    decisionNumber, decisionDate, signer, authority, null)))
                    .append("kind", "IMPORTED")
                    .append("issuedOn", issuedOn.toString())
                    .append("expiresOn", (expiresOn != null ? expiresOn : Lifecycle.expiry(issuedOn)).toString())
                    .append("issuedBy", user)
                    .append("createdAt", new Date());
        }
    }
}
