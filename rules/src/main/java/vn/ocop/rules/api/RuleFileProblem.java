package vn.ocop.rules.api;

import java.util.Objects;

/**
 * One reason a rule file is refused, or one compile error: the common shape every check in this package
 * reports, so an officer sees rejections and compile errors listed the same way.
 *
 * @param file    the file's path inside the uploaded rule pack, e.g. {@code sheets/food-fresh-produce.csv}
 * @param line    1-based line, or 0 when the problem concerns the whole file (or the upload)
 * @param column  1-based column, or 0 when unknown
 * @param code    stable machine-readable code, e.g. {@code IMPORT_NOT_ALLOWED}
 * @param message human-readable explanation
 */
public record RuleFileProblem(String file, int line, int column, String code, String message) {

    public RuleFileProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        file = file == null ? "" : file;
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    /** A problem about the whole file (no position). */
    public static RuleFileProblem ofFile(String file, String code, String message) {
        return new RuleFileProblem(file, 0, 0, code, message);
    }

    /** {@code file:line:column: CODE message}, the format compilers use. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(code).append(' ').append(message).toString();
    }
}
