package vn.ocop.rules.api;

import java.util.List;

/** What {@link PackCompiler#compile} found; {@code pack} is set only when there are no problems. */
public record CompileReport(PackVersion pack, List<RuleFileProblem> problems, List<String> warnings) {
    public boolean ok() {
        return problems.isEmpty() && pack != null;
    }
}
