package vn.ocop.service.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.Difference;
import vn.ocop.api.model.IntegrityFailure;
import vn.ocop.api.model.IntegrityFailure.CheckEnum;
import vn.ocop.api.model.ReplayReport;
import vn.ocop.api.model.ReplayReport.OutcomeEnum;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.evaluation.StoredEvaluation;
import vn.ocop.service.platform.storage.CanonicalJson;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.ruleset.RulesetVersions;

/**
 * Replays a stored evaluation (hash, MAC, chain link, recorded ruleset, re-score, field-by-field comparison). Reads
 * only: nothing here writes a record. The whole evidence of a dossier is {@link Verification}'s.
 */
@Service
public class Replays {
    private final EvaluationLedger ledger;
    private final RulesetVersions versions;
    private final JsonMapper json;

    Replays(EvaluationLedger ledger, RulesetVersions versions, JsonMapper json) {
        this.ledger = ledger;
        this.versions = versions;
        this.json = json;
    }

    /** The previous record's hash, looked up by the exact keys {dossierId, sequence - 1}; empty when there is none. */
    Optional<String> previousHashInStore(String dossierId, long sequence) {
        return ledger.hashAt(dossierId, sequence);
    }

    public ReplayReport replay(String id) {
        StoredEvaluation doc = ledger.record(id).orElseThrow(() -> ApiException.notFound("Evaluation", id));
        return replay(doc, this::previousHashInStore);
    }

    /**
     * @param previous (dossierId, sequence) → the stored hash of that record, empty when it does not exist
     */
    ReplayReport replay(StoredEvaluation doc, BiFunction<String, Long, Optional<String>> previous) {
        ReplayReport report = new ReplayReport()
                .evaluationId(doc.id())
                .dossierId(doc.dossierId())
                .edition(doc.edition())
                .rulesetVersion(doc.rulesetVersion())
                .rulesetSha256(doc.rulesetSha256())
                .engineVersion(doc.engineVersion())
                .replayEngineVersion(ledger.engineVersion())
                .storedHash(doc.hash())
                .failures(new ArrayList<>())
                .warnings(new ArrayList<>())
                .differences(new ArrayList<>());
        Long sequence = doc.sequence();
        report.sequence(sequence);
        // 1. the record's own hash
        String computed;
        try {
            computed = doc.computedHash();
        } catch (RuntimeException e) {
            computed = null;
            report.addFailuresItem(failure(
                    CheckEnum.MALFORMED,
                    sequence,
                    report.getEvaluationId(),
                    "the record has no canonical form: " + e.getMessage()));
        }
        report.computedHash(computed);
        if (computed != null && !computed.equals(doc.hash())) {
            report.addFailuresItem(failure(
                    CheckEnum.HASH,
                    sequence,
                    report.getEvaluationId(),
                    doc.hash() == null
                            ? "the record has no hash"
                            : "stored hash differs from the hash of the record's canonical form"));
        }
        // 1b. its MAC: only the service, holding the integrity key, can make one
        switch (doc.seal()) {
            case INVALID ->
                report.addFailuresItem(Reasons.failure(
                        Reasons.RECORD_MAC_INVALID,
                        sequence,
                        report.getEvaluationId(),
                        "the record's MAC is not the service's MAC over its hash"));
            case UNSIGNED ->
                report.addWarningsItem(Reasons.failure(
                        Reasons.RECORD_UNSIGNED,
                        sequence,
                        report.getEvaluationId(),
                        "không có MAC: the record was stored before records were signed"));
            case SIGNED -> {}
        }
        // 2. its link to the previous record of the dossier
        if (sequence == null || report.getDossierId() == null) {
            report.addFailuresItem(
                    failure(CheckEnum.MALFORMED, sequence, report.getEvaluationId(), "no dossierId or sequence"));
        } else {
            checkLink(doc, sequence, previous, report.getFailures());
        }
        // 3. the recorded ruleset, then re-score and compare
        Optional<PackVersion> pack =
                versions.find(report.getEdition(), report.getRulesetVersion(), report.getRulesetSha256());
        if (pack.isEmpty()) {
            report.addFailuresItem(failure(
                    CheckEnum.RULESET_UNAVAILABLE,
                    sequence,
                    report.getEvaluationId(),
                    "ruleset " + report.getEdition() + " version " + report.getRulesetVersion() + " (sha256 "
                            + report.getRulesetSha256() + ") cannot be loaded"));
        } else {
            try {
                for (TreeDiff.Difference d : rescore(doc, pack.get())) {
                    report.addDifferencesItem(
                            new Difference().path(d.path()).old(d.oldValue())._new(d.newValue()));
                }
            } catch (RuntimeException e) {
                report.addFailuresItem(failure(
                        CheckEnum.MALFORMED,
                        sequence,
                        report.getEvaluationId(),
                        "the snapshot cannot be re-scored: " + e.getClass().getSimpleName()));
            }
        }
        report.outcome(
                !report.getFailures().isEmpty()
                        ? OutcomeEnum.INTEGRITY_FAILED
                        : report.getDifferences().isEmpty() ? OutcomeEnum.MATCH : OutcomeEnum.MISMATCH);
        return report;
    }

    private static void checkLink(
            StoredEvaluation doc,
            long sequence,
            BiFunction<String, Long, Optional<String>> previous,
            List<IntegrityFailure> failures) {
        String id = doc.id();
        String linked = doc.previousHash();
        if (sequence < 1) {
            failures.add(failure(CheckEnum.MALFORMED, sequence, id, "sequence must start at 1"));
        } else if (sequence == 1) {
            if (!RecordHash.GENESIS.equals(linked)) {
                failures.add(failure(
                        CheckEnum.CHAIN_LINK,
                        sequence,
                        id,
                        "the first record must link to the genesis hash (64 zeros)"));
            }
        } else {
            Optional<String> prev = previous.apply(doc.dossierId(), sequence - 1);
            if (prev.isEmpty()) {
                failures.add(failure(
                        CheckEnum.SEQUENCE_GAP,
                        sequence - 1,
                        null,
                        "record " + (sequence - 1) + " of the dossier is missing"));
            } else if (!prev.get().equals(linked)) {
                failures.add(failure(
                        CheckEnum.CHAIN_LINK,
                        sequence,
                        id,
                        "previousHash differs from the hash of record " + (sequence - 1)));
            }
        }
    }

    /** Re-scores the record's snapshot on the pack and compares the result with the stored one. */
    List<TreeDiff.Difference> rescore(StoredEvaluation doc, PackVersion pack) {
        EvaluationLedger.Rescored r = ledger.rescore(doc, pack);
        if (r.same()) return List.of();
        // only when they differ: field by field, over their canonical texts
        JsonNode a = json.readTree(CanonicalJson.write(r.stored()));
        JsonNode b = json.readTree(CanonicalJson.write(r.fresh()));
        return TreeDiff.diff("result", a, b);
    }

    static IntegrityFailure failure(CheckEnum check, Long sequence, String evaluationId, String detail) {
        return new IntegrityFailure()
                .check(check)
                .reason(Reasons.of(check, detail))
                .sequence(sequence)
                .evaluationId(evaluationId)
                .detail(detail);
    }
}
