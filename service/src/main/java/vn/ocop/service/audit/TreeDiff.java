package vn.ocop.service.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Field-by-field differences of two canonical JSON trees, with paths like {@code result.members[0].total}. */
final class TreeDiff {
    record Difference(String path, String oldValue, String newValue) {}

    private TreeDiff() {}

    static List<Difference> diff(String root, JsonNode old, JsonNode now) {
        List<Difference> out = new ArrayList<>();
        walk(root, old, now, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            if (!(absent(a) && absent(b))) out.add(new Difference(path, text(a), text(b)));
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.propertyNames().forEach(names::add);
            b.propertyNames().forEach(names::add);
            for (String n : names) walk(path + "." + n, a.get(n), b.get(n), out);
            return;
        }
        if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            return;
        }
        if (!a.equals(b)) out.add(new Difference(path, text(a), text(b)));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }

    private static String text(JsonNode n) {
        return absent(n) ? null : n.toString();
    }
}
