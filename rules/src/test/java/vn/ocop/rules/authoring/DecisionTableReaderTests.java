package vn.ocop.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.RuleFileProblem;

class DecisionTableReaderTests {

    private final DecisionTableReader reader = new DecisionTableReader();

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "</Relationships>";
    private static final String XXE_SHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>RuleSet</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>";
    private static final String CLEAN_SHEET = XXE_SHEET
            .replace("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n", "")
            .replace("&e;", "x");
    private static final String LAUGHS = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&lol3;</Types>";

    /** A minimal XLSX package whose parts are given; built with java.util.zip so nothing sanitises it. */
    static byte[] xlsx(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> parts(String contentTypes, String sheet) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes.getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", WORKBOOK.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        return parts;
    }

    @Test
    void aSpreadsheetWithAnExternalXmlEntityIsRefused() throws IOException {
        byte[] file = xlsx(parts(CONTENT_TYPES, XXE_SHEET));
        DecisionTableReader.Result result = reader.read("sheets/xxe.xlsx", file);
        assertThat(result.ok()).isFalse();
        assertThat(result.drl()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("sheets/xxe.xlsx");
            assertThat(p.code()).isEqualTo("XML_DTD_NOT_ALLOWED");
            assertThat(p.message()).contains("xl/worksheets/sheet1.xml");
        });
    }

    @Test
    void anExternalEntityInContentTypesIsRefused() throws IOException {
        String ct = CONTENT_TYPES.replace(
                "standalone=\"yes\"?>", "standalone=\"yes\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        DecisionTableReader.Result result = reader.read("t.xlsx", xlsx(parts(ct, CLEAN_SHEET)));
        assertThat(result.problems()).extracting(RuleFileProblem::code).containsExactly("XML_DTD_NOT_ALLOWED");
        assertThat(result.problems().get(0).message()).contains("[Content_Types].xml");
    }

    @Test
    void aBillionLaughsDtdIsRefused() throws IOException {
        DecisionTableReader.Result result = reader.read("t.xlsx", xlsx(parts(LAUGHS, CLEAN_SHEET)));
        assertThat(result.problems()).extracting(RuleFileProblem::code).containsExactly("XML_DTD_NOT_ALLOWED");
    }

    @Test
    void aDoctypeHiddenInUtf16IsRefused() throws IOException {
        Map<String, byte[]> parts = parts(CONTENT_TYPES, "");
        parts.put(
                "xl/worksheets/sheet1.xml", XXE_SHEET.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16LE));
        assertThat(reader.read("t.xlsx", xlsx(parts)).problems())
                .extracting(RuleFileProblem::code)
                .containsExactly("XML_DTD_NOT_ALLOWED");
        parts.put(
                "xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reader.read("t.xlsx", xlsx(parts)).problems())
                .extracting(RuleFileProblem::code)
                .containsExactly("XML_ENCODING_NOT_ALLOWED");
    }

    @Test
    void poiItselfDoesNotResolveTheEntityEither() throws IOException {
        // second layer: without this class's scan, POI's hardened parser must still not read /etc/passwd
        DecisionTableReader.Result result = reader.convertXlsx("t.xlsx", xlsx(parts(CONTENT_TYPES, XXE_SHEET)));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(RuleFileProblem::code).containsExactly("TABLE_PARSE");
        assertThat(String.valueOf(result.drl()) + result.problems()).doesNotContain("root:");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Map<String, byte[]> parts = parts(CONTENT_TYPES, CLEAN_SHEET);
        parts.put("xl/media/zeros.bin", new byte[41 * 1024 * 1024]); // deflates to ~40 KB
        byte[] file = xlsx(parts);
        assertThat((long) file.length).isLessThan(UploadLimits.DEFAULT_MAX_BYTES_PER_FILE);
        assertThat(reader.read("t.xlsx", file).problems())
                .extracting(RuleFileProblem::code)
                .containsExactly("XLSX_TOO_LARGE");
    }

    @Test
    void garbageBecomesAProblemNotAnException() {
        assertThatCode(() -> {
                    assertThat(reader.read("t.xlsx", "PK garbage".getBytes(StandardCharsets.US_ASCII))
                                    .problems())
                            .extracting(RuleFileProblem::code)
                            .containsAnyOf("XLSX_INVALID", "TABLE_PARSE");
                    reader.read(
                            "t.csv",
                            "RuleSet,x\nRuleTable t\nNAME,CONDITION\n,\"unterminated".getBytes(StandardCharsets.UTF_8));
                    assertThat(reader.read("t.csv", "just,some\ncells,here\n".getBytes(StandardCharsets.UTF_8))
                                    .problems())
                            .extracting(RuleFileProblem::code)
                            .containsAnyOf("TABLE_NO_RULES", "TABLE_PARSE");
                    assertThat(reader.read("t.txt", new byte[] {1}).problems())
                            .extracting(RuleFileProblem::code)
                            .containsExactly("TABLE_TYPE_NOT_ALLOWED");
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aRealWorkbookInTheVerifiedLayoutBecomesDrl() throws IOException {
        String[][] rows = {
            {"RuleSet", "vn.ocop.editions.ocop2019.sheets.foodfreshproduce"},
            {"Import", "vn.ocop.rules.model.Selection"},
            {"RULEFLOW-GROUP", "food-fresh-produce"},
            {},
            {"RuleTable food-fresh-produce"},
            {"NAME", "CONDITION", "CONDITION", "ACTION"},
            {"", "$s : Selection", "", ""}, // B7:C7 merged below: one pattern for both conditions
            {"", "criterion == \"$param\"", "option == $param", "$s.award($param, drools.getRule().getName());"},
            {"Quy tắc", "Mã tiêu chí", "Phương án", "Điểm"},
            {"A1.1 dưới 50% → 1 điểm", "A1.1", "1", "1"},
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("food-fresh-produce");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 1, 2));
            wb.write(out);
        }
        DecisionTableReader.Result result = reader.read("sheets/food-fresh-produce.xlsx", out.toByteArray());
        assertThat(result.problems()).isEmpty();
        assertThat(result.drl())
                .contains("rule \"A1.1 dưới 50% → 1 điểm\"")
                .contains("$s : Selection(criterion == \"A1.1\", option == 1)")
                .contains("$s.award(1,");
        assertThat(new RuleSourceGuard().inspect(result.file(), result.drl())).isEmpty();
    }
}
