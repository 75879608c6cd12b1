package vn.ocop.service.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * /api query strings as the contract declares them: a parameter the operation does not declare is refused (400
 * UNKNOWN_PARAMETER naming it) rather than silently ignored, and a query string that is not valid percent-encoded
 * UTF-8 ({@code ?province=%zz}) is refused (400 MALFORMED_QUERY). The declared parameters are read from the
 * contract itself ({@code static/openapi/openapi.yaml}, the api-spec jar), so a parameter added there is accepted
 * here without a second list.
 */
public class QueryParameterFilter extends OncePerRequestFilter {
    private static final String CONTRACT = "static/openapi/openapi.yaml";
    private final ProblemWriter problems;
    private final List<Operation> operations;

    public QueryParameterFilter(ProblemWriter problems) {
        this.problems = problems;
        this.operations = readContract();
    }

    record Operation(String method, PathPattern path, Set<String> query) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.equals("/api") || uri.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getQueryString();
        Set<String> given = new LinkedHashSet<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name == null || value == null) {
                    problems.write(
                            request,
                            response,
                            HttpStatus.BAD_REQUEST,
                            "MALFORMED_QUERY",
                            "Chuỗi truy vấn không phải UTF-8 mã hóa phần trăm hợp lệ (malformed query string)");
                    return;
                }
                given.add(name);
            }
        }
        if (!given.isEmpty()) {
            Operation op = find(request);
            if (op != null) {
                List<String> unknown =
                        given.stream().filter(n -> !op.query().contains(n)).toList();
                if (!unknown.isEmpty()) {
                    List<ApiException.FieldProblem> errors = unknown.stream()
                            .map(n -> new ApiException.FieldProblem(
                                    n,
                                    "UNKNOWN_PARAMETER",
                                    "tham số không được hỗ trợ; các tham số được nhận: " + new TreeSet<>(op.query())))
                            .toList();
                    problems.write(
                            request,
                            response,
                            HttpStatus.BAD_REQUEST,
                            "UNKNOWN_PARAMETER",
                            "Tham số truy vấn không được hỗ trợ: " + String.join(", ", unknown),
                            errors);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private Operation find(HttpServletRequest request) {
        var container = org.springframework.http.server.PathContainer.parsePath(request.getRequestURI());
        for (Operation op : operations) {
            if (op.method().equalsIgnoreCase(request.getMethod()) && op.path().matches(container)) return op;
        }
        return null;
    }

    /** Percent-decoding that refuses bad escapes and bytes that are not UTF-8 (null), instead of guessing. */
    static String decode(String s) {
        try {
            String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0 ? null : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> readContract() {
        Map<String, Object> root;
        try (InputStream in = QueryParameterFilter.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) throw new IllegalStateException("The contract " + CONTRACT + " is not on the class path");
            root = new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> components = (Map<String, Object>) root.getOrDefault("components", Map.of());
        Map<String, Object> shared = (Map<String, Object>) components.getOrDefault("parameters", Map.of());
        List<Operation> ops = new ArrayList<>();
        PathPatternParser parser = new PathPatternParser();
        ((Map<String, Object>) root.getOrDefault("paths", Map.of())).forEach((path, item) -> {
            Map<String, Object> methods = (Map<String, Object>) item;
            List<Object> common = (List<Object>) methods.getOrDefault("parameters", List.of());
            methods.forEach((method, op) -> {
                if (method.equals("parameters") || !(op instanceof Map)) return;
                Set<String> query = new HashSet<>();
                List<Object> params = new ArrayList<>(common);
                params.addAll((List<Object>) ((Map<String, Object>) op).getOrDefault("parameters", List.of()));
                for (Object p : params) {
                    Map<String, Object> param = (Map<String, Object>) p;
                    if (param.get("$ref") instanceof String ref) {
                        param = (Map<String, Object>)
                                shared.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of());
                    }
                    if ("query".equals(param.get("in")) && param.get("name") instanceof String name) query.add(name);
                }
                // {path} of the contract may hold slashes (ruleset file paths): match the rest of the path
                String pattern = path.replaceAll("\\{path}", "{*path}");
                ops.add(new Operation(method, parser.parse(pattern), Set.copyOf(query)));
            });
        });
        return List.copyOf(ops);
    }
}
