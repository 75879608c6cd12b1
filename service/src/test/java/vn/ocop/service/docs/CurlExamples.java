package vn.ocop.service.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of a Markdown document: every {@code ```bash} block cut into commands (a command goes on over a
 * trailing backslash or an open quote), each with what the document says it answers: a status ({@code # 201},
 * {@code → 202}) and the top-level fields of a JSON answer shown as {@code # → {"outcome":…}}.
 */
final class CurlExamples {

    /** One command line of a document, as written, with what the document promises about its answer. */
    record Example(String source, int line, String command, OptionalInt status, List<String> fields) {
        @Override
        public String toString() {
            return source + ":" + line + ": " + command;
        }
    }

    private static final Pattern STATUS = Pattern.compile("^(?:→\\s*)?(\\d{3})\\b");
    private static final Pattern ARROW_STATUS = Pattern.compile("→\\s*(\\d{3})\\b");

    private CurlExamples() {}

    static List<Example> parse(String source, String markdown) {
        List<Example> examples = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inBlock = false;
        StringBuilder command = null;
        int commandLine = 0;
        String pendingStatusComment = null; // "# create → 201" before a command
        Example last = null;
        boolean lastAcceptsArrow = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!inBlock) {
                inBlock = line.trim().equals("```bash");
                continue;
            }
            if (command == null && line.trim().equals("```")) {
                inBlock = false;
                last = null;
                continue;
            }
            if (command == null) {
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    String comment = trimmed.substring(1).trim();
                    if (last != null && lastAcceptsArrow && comment.startsWith("→")) {
                        last = withArrow(last, comment, examples);
                        lastAcceptsArrow = false; // later "→" lines show other outcomes (a tampered record…)
                    } else {
                        lastAcceptsArrow = false;
                        Matcher m = ARROW_STATUS.matcher(comment);
                        pendingStatusComment = m.find() && !comment.startsWith("→") ? m.group(1) : null;
                    }
                    continue;
                }
                command = new StringBuilder();
                commandLine = i + 1;
            } else {
                command.append('\n');
            }
            command.append(line);
            if (!Shell.complete(command.toString())) {
                continue;
            }
            String[] codeAndComment = Shell.splitComment(command.toString());
            String code = codeAndComment[0].replace("\\\n", " ").trim();
            OptionalInt status = OptionalInt.empty();
            if (codeAndComment[1] != null) {
                Matcher m = STATUS.matcher(codeAndComment[1].trim());
                if (m.find()) {
                    status = OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            }
            if (status.isEmpty() && pendingStatusComment != null) {
                status = OptionalInt.of(Integer.parseInt(pendingStatusComment));
            }
            pendingStatusComment = null;
            last = new Example(source, commandLine, code, status, List.of());
            examples.add(last);
            lastAcceptsArrow = true;
            command = null;
        }
        return examples;
    }

    private static Example withArrow(Example last, String comment, List<Example> examples) {
        String rest = comment.substring(1).trim();
        OptionalInt status = last.status();
        Matcher m = STATUS.matcher(rest);
        if (m.find()) {
            status = OptionalInt.of(Integer.parseInt(m.group(1)));
            rest = rest.substring(m.end()).trim();
        }
        int brace = rest.indexOf('{');
        List<String> fields = brace >= 0 ? topLevelKeys(rest.substring(brace)) : List.of();
        Example updated = new Example(last.source(), last.line(), last.command(), status, fields);
        examples.set(examples.size() - 1, updated);
        return updated;
    }

    /** The keys of the outermost object of a JSON-like sample ({@code …} stands for what is left out). */
    static List<String> topLevelKeys(String sample) {
        List<String> keys = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '"') {
                int end = sample.indexOf('"', i + 1);
                if (end < 0) {
                    break;
                }
                String text = sample.substring(i + 1, end);
                int after = end + 1;
                while (after < sample.length() && sample.charAt(after) == ' ') {
                    after++;
                }
                if (depth == 1 && after < sample.length() && sample.charAt(after) == ':') {
                    keys.add(text);
                }
                i = end;
            }
        }
        return keys;
    }
}
