package vn.ocop.service.docs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * As much of the POSIX shell as the documents' examples use: single and double quotes, {@code $VAR} and
 * {@code ${VAR}}, dates from {@code $(date +%F)} and {@code $(date -d '+33 months' +%F)} (GNU date, Vietnam time),
 * a backslash before a newline, comments, and the operators {@code | > ; &&}.
 */
final class Shell {

    /** A word of a command or an operator. */
    record Token(String text, boolean operator) {}

    private Shell() {}

    /** Whether the text is a whole command: no quote left open, no backslash at the end. */
    static boolean complete(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && c == '\\') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                if (i + 1 == text.length()) {
                    return false;
                }
                i++;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                int end = text.indexOf('\n', i);
                if (end < 0) {
                    return true;
                }
                i = end;
            }
        }
        return quote == 0;
    }

    /** The command and its trailing comment (null when there is none). */
    static String[] splitComment(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && c == '\\') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if (c == '#' && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return new String[] {text.substring(0, i), text.substring(i + 1)};
            }
        }
        return new String[] {text, null};
    }

    /** Words and operators, with variables replaced by {@code vars} (an unknown variable fails). */
    static List<Token> tokens(String text, Function<String, String> vars) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                word = word == null ? new StringBuilder() : word;
                word.append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                i++;
                while (text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        word.append(text.charAt(++i));
                    } else if (d == '$') {
                        i = expand(text, i, word, vars) - 1;
                    } else {
                        word.append(d);
                    }
                    i++;
                }
            } else if (c == '\\') {
                if (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    word = word == null ? new StringBuilder() : word;
                    word.append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '$') {
                word = word == null ? new StringBuilder() : word;
                i = expand(text, i, word, vars) - 1;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    tokens.add(new Token(word.toString(), false));
                    word = null;
                }
            } else if (c == '|'
                    || c == '>'
                    || c == ';'
                    || (c == '&' && i + 1 < text.length() && text.charAt(i + 1) == '&')) {
                if (word != null) {
                    tokens.add(new Token(word.toString(), false));
                    word = null;
                }
                tokens.add(new Token(c == '&' ? "&&" : String.valueOf(c), true));
                if (c == '&') {
                    i++;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            tokens.add(new Token(word.toString(), false));
        }
        return tokens;
    }

    private static final Pattern DATE = Pattern.compile("date(?: -d '([+-]\\d+) (days?|months?|years?)')? \\+%F");

    private static int expand(String text, int dollar, StringBuilder into, Function<String, String> vars) {
        int i = dollar + 1;
        if (i < text.length() && text.charAt(i) == '(') {
            int close = text.indexOf(')', i);
            Matcher m = DATE.matcher(text.substring(i + 1, close));
            if (!m.matches()) {
                throw new IllegalArgumentException("only $(date +%F) and $(date -d '+N months' +%F) are run here: "
                        + text.substring(dollar, close + 1));
            }
            LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            if (m.group(1) != null) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2);
                day = unit.startsWith("day")
                        ? day.plusDays(n)
                        : unit.startsWith("month") ? day.plusMonths(n) : day.plusYears(n);
            }
            into.append(day);
            return close + 1;
        }
        boolean braced = i < text.length() && text.charAt(i) == '{';
        if (braced) {
            i++;
        }
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        String name = text.substring(start, i);
        if (name.isEmpty()) {
            into.append('$');
            return dollar + 1;
        }
        into.append(vars.apply(name));
        return braced ? i + 1 : i;
    }

    /** Splits tokens into the commands of a list ({@code ;} and {@code &&} between them). */
    static List<List<Token>> commands(List<Token> tokens) {
        List<List<Token>> commands = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.operator() && (t.text().equals(";") || t.text().equals("&&"))) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    static Function<String, String> lookup(Map<String, String> vars) {
        return name -> {
            String value = vars.get(name);
            if (value == null) {
                throw new IllegalStateException("the example uses $" + name + ", which no earlier example set");
            }
            return value;
        };
    }
}
