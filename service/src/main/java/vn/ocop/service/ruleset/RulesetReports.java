package vn.ocop.service.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.RuleFileProblem;

/** What validating and testing a version found; the stored forms carry who ran them and when. */
final class RulesetReports {
    private RulesetReports() {}

    /** A problem of one file of the pack, at a line and column when known (0 when not). */
    record Problem(String file, int line, int column, String code, String message) {
        static Problem of(RuleFileProblem p) {
            return new Problem(p.file(), p.line(), p.column(), p.code(), p.message());
        }
    }

    /** The outcome of compiling a version: passed when it has no problems. */
    record Validation(boolean passed, List<Problem> errors, List<String> warnings, Instant at, String by) {}

    /** One golden scenario run against the version. */
    record Outcome(String file, String name, boolean passed, List<String> differences) {}

    /**
     * A run of the scenarios: every outcome as answered, or (stored with a VALIDATED version) only the failed ones,
     * at most {@value #STORED_FAILURES}, with who ran it and when.
     */
    record Tests(
            boolean passed,
            int total,
            int failed,
            List<Outcome> scenarios,
            Map<String, List<String>> unfiredRules,
            String by,
            Instant at) {
        static final int STORED_FAILURES = 200;

        static Tests of(List<Outcome> outcomes, Map<String, List<String>> unfiredRules, boolean passed) {
            int failed = (int) outcomes.stream().filter(o -> !o.passed()).count();
            return new Tests(passed, outcomes.size(), failed, outcomes, unfiredRules, null, null);
        }

        /** The form a VALIDATED version keeps: the failures only, signed by who ran them. */
        Tests stored(String user, Instant now) {
            return new Tests(
                    passed,
                    total,
                    failed,
                    scenarios.stream()
                            .filter(o -> !o.passed())
                            .limit(STORED_FAILURES)
                            .toList(),
                    unfiredRules,
                    user,
                    now);
        }
    }
}
