package vn.ocop.service.ruleset;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Unified diffs (3 lines of context) of a version's files against its parent version's. */
final class RulesetDiffs {
    private RulesetDiffs() {}

    enum Change {
        ADDED,
        REMOVED,
        MODIFIED
    }

    record FileDiff(String path, Change change, String unifiedDiff) {}

    record Diff(String id, Integer parentVersion, List<FileDiff> files) {}

    /** Added, removed and changed files of {@code mine} against {@code parent} (null: a first version, all added). */
    static Diff of(Ruleset mine, Ruleset parent) {
        Map<String, byte[]> theirs = parent == null ? Map.of() : parent.files();
        Map<String, byte[]> own = mine.files();
        List<FileDiff> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(own.keySet());
        paths.addAll(theirs.keySet());
        for (String p : paths) {
            byte[] a = theirs.get(p), b = own.get(p);
            if (a != null && b != null && Arrays.equals(a, b)) continue;
            Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.MODIFIED;
            String text;
            if (RulesetStore.isBinary(p)) {
                text = "Binary file " + p + " differs\n";
            } else {
                List<String> left = lines(a), right = lines(b);
                Patch<String> patch = DiffUtils.diff(left, right);
                text = String.join(
                                "\n",
                                UnifiedDiffUtils.generateUnifiedDiff(
                                        a == null ? "/dev/null" : "a/" + p,
                                        b == null ? "/dev/null" : "b/" + p,
                                        left,
                                        patch,
                                        3))
                        + "\n";
            }
            changes.add(new FileDiff(p, change, text));
        }
        return new Diff(mine.id(), mine.parentVersion(), changes);
    }

    private static List<String> lines(byte[] b) {
        return b == null
                ? List.of()
                : new String(b, StandardCharsets.UTF_8).lines().toList();
    }
}
