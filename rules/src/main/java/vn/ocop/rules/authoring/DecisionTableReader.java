package vn.ocop.rules.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import vn.ocop.rules.api.RuleFileProblem;

/**
 * Turns a decision table (CSV or XLSX) into DRL with Drools' {@link SpreadsheetCompiler}, never throwing: every
 * failure becomes a {@link RuleFileProblem}. The DRL it returns is still untrusted (a table's cells are rule code)
 * and must go through {@link RuleSourceGuard} like any DRL file.
 *
 * <p>XLSX is a ZIP of XML parts that Apache POI parses. Before POI sees the bytes, this class reads the archive
 * itself with {@link ZipInputStream}, bounding the entry count and the inflated size (a zip bomb), and refuses any
 * part that declares a DTD or an entity ({@code <!DOCTYPE}, {@code <!ENTITY}: external entities / XXE and the
 * "billion laughs"), and any XML part not in UTF-8 (so a UTF-16 or EBCDIC part cannot hide a DOCTYPE from the
 * scan). POI 5's own hardened parsers (DOCTYPE disallowed) are the second layer. Note that Drools' ExcelParser
 * sets POI's global {@code ZipSecureFile} minimum inflate ratio when it loads, which is one more reason for the
 * size bounds here.
 */
public final class DecisionTableReader {

    /** Most entries in an XLSX archive. */
    public static final int MAX_XLSX_ENTRIES = 1_000;
    /** Most bytes all XLSX entries may inflate to. */
    public static final long MAX_XLSX_INFLATED_BYTES = 40L * 1024 * 1024;

    private static final Pattern ROW = Pattern.compile("(?i)\\brow\\s*[:#]?\\s*(\\d+)");
    private static final Pattern RULE_VALUES = Pattern.compile("^\\s*// rule values at ([A-Z]{1,3})(\\d{1,7})");
    private static final Pattern ENCODING = Pattern.compile("(?i)encoding\\s*=\\s*[\"']([^\"']*)[\"']");

    /**
     * The DRL generated from one table, or the problems that prevented it.
     *
     * @param file     the table's path in the pack
     * @param drl      generated DRL, or null when there are problems
     * @param problems why the table was refused; empty when {@code drl} is present
     */
    public record Result(String file, String drl, List<RuleFileProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return drl != null && problems.isEmpty();
        }
    }

    /** Reads a table by its extension: {@code .csv} or {@code .xlsx}. */
    public Result read(String file, byte[] content) {
        String ext = UploadLimits.extension(file == null ? "" : file);
        return switch (ext) {
            case ".csv" -> readCsv(file, content);
            case ".xlsx" -> readXlsx(file, content);
            default ->
                fail(
                        file,
                        0,
                        "TABLE_TYPE_NOT_ALLOWED",
                        "decision tables must be .csv or .xlsx files, not '" + ext + "'");
        };
    }

    /** CSV (UTF-8, optional BOM) → DRL. */
    public Result readCsv(String file, byte[] content) {
        if (content == null || content.length == 0) {
            return fail(file, 0, "TABLE_EMPTY", "the decision table is empty");
        }
        int offset = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        return compile(file, new ByteArrayInputStream(content, offset, content.length - offset), InputType.CSV);
    }

    /** XLSX → DRL, after the archive scan described on the class. */
    public Result readXlsx(String file, byte[] content) {
        RuleFileProblem scan = scanXlsx(file, content);
        if (scan != null) {
            return new Result(file, null, List.of(scan));
        }
        return convertXlsx(file, content);
    }

    /** XLSX → DRL without this class's own archive scan (POI's protections only); package-private for tests. */
    Result convertXlsx(String file, byte[] content) {
        return compile(file, new ByteArrayInputStream(content), InputType.XLS);
    }

    private Result compile(String file, InputStream in, InputType type) {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(in, type);
        } catch (RuntimeException | StackOverflowError e) {
            return fail(file, rowOf(e), "TABLE_PARSE", "the decision table could not be read: " + messageOf(e));
        }
        if (drl == null || !drl.contains("rule ")) {
            return fail(
                    file,
                    0,
                    "TABLE_NO_RULES",
                    "the decision table produced no rules (is there a RuleSet and a" + " RuleTable row?)");
        }
        return new Result(file, drl, List.of());
    }

    /**
     * Moves problems found in a table's generated DRL (by {@link RuleSourceGuard} or the compiler) to the table:
     * SpreadsheetCompiler writes {@code // rule values at A10} before each generated rule, so a problem inside a
     * rule is reported at that row (and column A's index); problems in the generated header (package, imports)
     * concern the table's settings rows and are reported without a line.
     */
    public static List<RuleFileProblem> toTablePositions(Result result, List<RuleFileProblem> drlProblems) {
        String[] lines = result.drl() == null ? new String[0] : result.drl().split("\n", -1);
        List<RuleFileProblem> mapped = new ArrayList<>();
        for (RuleFileProblem p : drlProblems) {
            int row = 0;
            int column = 0;
            String cell = null;
            for (int i = Math.min(p.line(), lines.length) - 1; i >= 0; i--) {
                Matcher m = RULE_VALUES.matcher(lines[i]);
                if (m.find()) {
                    cell = m.group(1) + m.group(2);
                    row = Integer.parseInt(m.group(2));
                    column = columnIndex(m.group(1));
                    break;
                }
            }
            String where =
                    cell == null ? " (in the table's settings rows)" : " (in the rule generated from row " + row + ")";
            mapped.add(new RuleFileProblem(result.file(), row, column, p.code(), p.message() + where));
        }
        return mapped;
    }

    private static int columnIndex(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }

    /** Why an XLSX archive is refused before parsing, or null. */
    static RuleFileProblem scanXlsx(String file, byte[] content) {
        if (content == null || content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return RuleFileProblem.ofFile(
                    file, "XLSX_INVALID", "the file is not an .xlsx workbook (not a ZIP archive)");
        }
        int entries = 0;
        long inflated = 0;
        boolean contentTypes = false;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_XLSX_ENTRIES) {
                    return RuleFileProblem.ofFile(
                            file, "XLSX_TOO_LARGE", "the workbook has more than " + MAX_XLSX_ENTRIES + " parts");
                }
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                DtdScanner scanner = new DtdScanner();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > MAX_XLSX_INFLATED_BYTES) {
                        return RuleFileProblem.ofFile(
                                file,
                                "XLSX_TOO_LARGE",
                                "the workbook unpacks to more than " + MAX_XLSX_INFLATED_BYTES
                                        + " bytes (a zip bomb?)");
                    }
                    scanner.feed(buffer, n);
                }
                String problem = scanner.found
                        ? "declares a DTD or an entity (<!DOCTYPE / <!ENTITY), which is not" + " allowed (XXE)"
                        : encodingProblem(name, scanner.head());
                if (problem != null) {
                    return RuleFileProblem.ofFile(
                            file,
                            scanner.found ? "XML_DTD_NOT_ALLOWED" : "XML_ENCODING_NOT_ALLOWED",
                            "part '" + name + "' of the workbook " + problem);
                }
            }
        } catch (IOException | RuntimeException e) {
            return RuleFileProblem.ofFile(
                    file, "XLSX_INVALID", "the workbook is not a valid ZIP archive: " + messageOf(e));
        }
        if (entries == 0 || !contentTypes) {
            return RuleFileProblem.ofFile(
                    file, "XLSX_INVALID", "the file is not an .xlsx workbook" + " ([Content_Types].xml is missing)");
        }
        return null;
    }

    /**
     * Streams a part looking for {@code <!DOCTYPE} or {@code <!ENTITY} in any letter case, ignoring NUL bytes (so
     * UTF-16/32 text is caught too), without keeping the part in memory; keeps the first bytes for the encoding check.
     */
    private static final class DtdScanner {
        private static final char[][] NEEDLES = {"<!doctype".toCharArray(), "<!entity".toCharArray()};
        private final char[] window = new char[9];
        private int filled;
        private final byte[] head = new byte[256];
        private int headLength;
        boolean found;

        void feed(byte[] bytes, int length) {
            int copy = Math.min(length, head.length - headLength);
            if (copy > 0) {
                System.arraycopy(bytes, 0, head, headLength, copy);
                headLength += copy;
            }
            for (int i = 0; i < length && !found; i++) {
                if (bytes[i] == 0) {
                    continue;
                }
                char c = Character.toLowerCase((char) (bytes[i] & 0xFF));
                System.arraycopy(window, 1, window, 0, window.length - 1);
                window[window.length - 1] = c;
                filled = Math.min(window.length, filled + 1);
                for (char[] needle : NEEDLES) {
                    if (filled >= needle.length && endsWith(needle)) {
                        found = true;
                    }
                }
            }
        }

        private boolean endsWith(char[] needle) {
            int offset = window.length - needle.length;
            for (int k = 0; k < needle.length; k++) {
                if (window[offset + k] != needle[k]) {
                    return false;
                }
            }
            return true;
        }

        byte[] head() {
            return java.util.Arrays.copyOf(head, headLength);
        }
    }

    /** XML parts (.xml, .rels, .vml) must be UTF-8: start with '<' (after an optional BOM) and declare no other encoding. */
    private static String encodingProblem(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
        if (!xml || bytes.length == 0) {
            return null;
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i >= bytes.length || bytes[i] != '<') {
            return "is not UTF-8 text";
        }
        String head = new String(bytes, i, Math.min(200, bytes.length - i), StandardCharsets.ISO_8859_1);
        if (head.startsWith("<?xml")) {
            int end = head.indexOf("?>");
            Matcher m = ENCODING.matcher(end > 0 ? head.substring(0, end) : head);
            if (m.find() && !m.group(1).equalsIgnoreCase("UTF-8") && !m.group(1).equalsIgnoreCase("UTF8")) {
                return "declares the encoding '" + m.group(1) + "'; only UTF-8 is accepted";
            }
        }
        return null;
    }

    private static int rowOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = ROW.matcher(t.getMessage());
                if (m.find()) {
                    try {
                        return Integer.parseInt(m.group(1));
                    } catch (NumberFormatException ignored) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    private static String messageOf(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(t.getMessage().replaceAll("\\s+", " ").trim());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }

    private static Result fail(String file, int line, String code, String message) {
        return new Result(file, null, List.of(new RuleFileProblem(file, line, 0, code, message)));
    }
}
