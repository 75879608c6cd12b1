package vn.ocop.rules.authoring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.ocop.rules.api.RuleFileProblem;

/**
 * Size, count, name and encoding limits for an uploaded rule pack, checked before anything parses the files.
 * The size limits are also the memory bound of the later steps (parsing and compiling happen in this JVM;
 * see {@link BoundedCompiler}).
 *
 * <p>Note: {@link #check(Map)} sees bytes already in memory. The HTTP layer must cap the request size itself
 * (multipart max file / request size set to about {@link #maxTotalBytes()}) so a 50 MB upload is refused
 * while it is being received; this check is the second line and the one the command line uses.
 *
 * @param maxFiles          most files in one upload
 * @param maxBytesPerFile   largest single file
 * @param maxTotalBytes     largest upload, all files together
 * @param allowedExtensions lower-case extensions with the dot, e.g. {@code .drl}
 */
public record UploadLimits(int maxFiles, long maxBytesPerFile, long maxTotalBytes, Set<String> allowedExtensions) {

    public static final int DEFAULT_MAX_FILES = 200;
    public static final long DEFAULT_MAX_BYTES_PER_FILE = 2L * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 20L * 1024 * 1024;
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of(".drl", ".csv", ".yaml", ".yml", ".xlsx");
    /** Extensions whose content must be UTF-8 text. */
    public static final Set<String> TEXT_EXTENSIONS = Set.of(".drl", ".csv", ".yaml", ".yml");
    /** Longest accepted path, in characters. */
    public static final int MAX_PATH_LENGTH = 255;

    public UploadLimits {
        if (maxFiles < 1 || maxBytesPerFile < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        allowedExtensions = Set.copyOf(allowedExtensions);
    }

    public static UploadLimits defaults() {
        return new UploadLimits(
                DEFAULT_MAX_FILES, DEFAULT_MAX_BYTES_PER_FILE, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_EXTENSIONS);
    }

    /**
     * Checks an upload. Never throws for bad content; every reason is a {@link RuleFileProblem}
     * (an empty list means the upload may go on to parsing).
     *
     * @param files path inside the pack (forward slashes, relative) → content
     */
    public List<RuleFileProblem> check(Map<String, byte[]> files) {
        List<RuleFileProblem> problems = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            problems.add(RuleFileProblem.ofFile("", "EMPTY_UPLOAD", "no files were uploaded"));
            return problems;
        }
        if (files.size() > maxFiles) {
            problems.add(RuleFileProblem.ofFile(
                    "",
                    "TOO_MANY_FILES",
                    "the upload has " + files.size() + " files; at most " + maxFiles + " are allowed"));
        }
        long total = 0;
        for (byte[] content : files.values()) {
            total += content == null ? 0 : content.length;
        }
        if (total > maxTotalBytes) {
            problems.add(RuleFileProblem.ofFile(
                    "",
                    "UPLOAD_TOO_LARGE",
                    "the upload has " + total + " bytes; at most " + maxTotalBytes + " are allowed"));
        }
        Set<String> seen = new HashSet<>();
        // sorted, so the problems come back in a stable order
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            String path = e.getKey();
            byte[] content = e.getValue() == null ? new byte[0] : e.getValue();
            String pathProblem = pathProblem(path);
            if (pathProblem != null) {
                problems.add(RuleFileProblem.ofFile(printable(path), "BAD_PATH", pathProblem));
                continue;
            }
            if (!seen.add(path.toLowerCase(Locale.ROOT))) {
                problems.add(RuleFileProblem.ofFile(
                        path, "DUPLICATE_PATH", "another file has the same path (paths are compared ignoring case)"));
            }
            String ext = extension(path);
            if (!allowedExtensions.contains(ext)) {
                problems.add(RuleFileProblem.ofFile(
                        path,
                        "EXTENSION_NOT_ALLOWED",
                        "files of type '" + ext + "' are not accepted; allowed: "
                                + String.join(" ", new TreeSet<>(allowedExtensions))));
                continue;
            }
            if (content.length > maxBytesPerFile) {
                problems.add(RuleFileProblem.ofFile(
                        path,
                        "FILE_TOO_LARGE",
                        "the file has " + content.length + " bytes; at most " + maxBytesPerFile + " are allowed"));
                continue; // do not scan an oversized file
            }
            if (content.length == 0) {
                problems.add(RuleFileProblem.ofFile(path, "EMPTY_FILE", "the file is empty"));
                continue;
            }
            if (TEXT_EXTENSIONS.contains(ext)) {
                RuleFileProblem text = textProblem(path, content);
                if (text != null) {
                    problems.add(text);
                }
            } else if (".xlsx".equals(ext) && !isZip(content)) {
                problems.add(RuleFileProblem.ofFile(
                        path, "XLSX_INVALID", "the file is not an .xlsx workbook (not a ZIP archive)"));
            }
        }
        return problems;
    }

    /** Lower-case extension with its dot, or "" when the last segment has none. */
    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** Why a path is refused, or null. Paths are relative, '/'-separated, without '.', '..' or empty segments. */
    static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "the file has no name";
        }
        if (path.length() > MAX_PATH_LENGTH) {
            return "the path is longer than " + MAX_PATH_LENGTH + " characters";
        }
        if (path.indexOf('\\') >= 0) {
            return "the path contains a backslash; use '/' between folders";
        }
        if (path.startsWith("/")
                || path.startsWith("~")
                || (path.length() > 1 && path.charAt(1) == ':')
                || path.indexOf(':') >= 0) {
            return "the path must be relative to the rule pack (no leading '/', '~' or drive letter, no ':')";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return "the path contains a control character";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "the path has an empty folder name ('//' or a trailing '/')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "the path contains '" + segment + "'; files must stay inside the rule pack";
            }
            if (segment.isBlank() || !segment.equals(segment.strip())) {
                return "a folder or file name starts or ends with a space";
            }
        }
        return null;
    }

    private static RuleFileProblem textProblem(String path, byte[] content) {
        int line = 1;
        int column = 1;
        for (byte b : content) {
            if (b == 0) {
                return new RuleFileProblem(
                        path,
                        line,
                        column,
                        "NUL_BYTE",
                        "the file contains a NUL byte; a text file (UTF-8) is expected");
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            int[] pos = firstInvalidUtf8(content);
            return new RuleFileProblem(
                    path, pos[0], pos[1], "NOT_UTF8", "the file is not valid UTF-8 text (save it as UTF-8)");
        }
        return null;
    }

    /** Line and column of the first byte that starts an invalid UTF-8 sequence. */
    private static int[] firstInvalidUtf8(byte[] content) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < content.length) {
            int b = content[i] & 0xFF;
            int len = b < 0x80
                    ? 1
                    : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : -1;
            if (len < 0 || i + len > content.length) {
                return new int[] {line, column};
            }
            for (int k = 1; k < len; k++) {
                if ((content[i + k] & 0xC0) != 0x80) {
                    return new int[] {line, column};
                }
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += len;
        }
        return new int[] {line, column};
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static String printable(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.length() && i < MAX_PATH_LENGTH; i++) {
            char c = path.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
