package vn.ocop.service.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.ChainReport;
import vn.ocop.service.dossier.AssessmentIntegrity;
import vn.ocop.service.dossier.Assessments;
import vn.ocop.service.dossier.DossierIntegrity;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.evaluation.RecordSeal;
import vn.ocop.service.evaluation.StoredEvaluation;
import vn.ocop.service.platform.web.ApiException;

/**
 * Verify: everything a council and the public rely on for one dossier (its records: hash, MAC, link, no gap, head,
 * anchor; its published stars and status; its members' sheets as submitted), and the audit log's chain. Every break
 * has its own reason ({@link Reasons}). A record written by this service after the stored head (a writer stopped
 * between its two writes) is not a break: the head, and the dossier's marks, are rolled forward over it.
 */
@Service
public class Verification {
    private static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "EVALUATED", "WITHDRAWN");
    private final EvaluationLedger ledger;
    private final Anchors anchors;
    private final AuditChain audit;
    private final Dossiers dossiers;
    private final Assessments assessments;

    Verification(
            EvaluationLedger ledger, Anchors anchors, AuditChain audit, Dossiers dossiers, Assessments assessments) {
        this.ledger = ledger;
        this.anchors = anchors;
        this.audit = audit;
        this.dossiers = dossiers;
        this.assessments = assessments;
    }

    /** What the walk of a dossier's records found. */
    private static final class Walk {
        final Map<Long, String> hashes = new HashMap<>();
        final Map<Long, StoredEvaluation> records = new HashMap<>();
        long last;
        long rolledTo;
        String rolledHash;
        long recovered;
    }

    /** Every check of a dossier's evidence (records, chain head, anchor, dossier seal, assessments). */
    public ChainReport dossier(String dossierId) {
        EvaluationLedger.Head head = ledger.head(dossierId);
        DossierIntegrity dossier = null;
        try {
            dossier = dossiers.integrity(dossierId);
        } catch (ApiException e) {
            // records imported without a dossier document (appendAll) are still verified; an unknown id is 404
            if (e.status() != HttpStatus.NOT_FOUND
                    || (!head.stored() && ledger.recordAt(dossierId, 1).isEmpty())) throw e;
        }
        ChainReport report = new ChainReport()
                .dossierId(dossierId)
                .chain(Anchors.evaluationChain(dossierId))
                .failures(new ArrayList<>())
                .warnings(new ArrayList<>());
        Walk walk = walkRecords(dossierId, head, report);
        checkHeadAndAnchor(dossierId, head, walk, report);
        if (walk.recovered > 0) ledger.rollHeadForward(dossierId, walk.rolledTo, walk.rolledHash);
        long effectiveHead = Math.max(head.sequence(), walk.rolledTo);
        if (dossier != null) {
            dossier = rollDossierForward(dossier, walk, effectiveHead);
            checkDossier(dossier, walk, report);
            checkAssessments(dossierId, report);
        }
        return report.records((long) walk.records.size())
                .recovered(walk.recovered)
                .headSequence(effectiveHead)
                .headHash(effectiveHead == 0 ? null : walk.hashes.getOrDefault(effectiveHead, head.hash()))
                .outcome(outcome(report));
    }

    private Walk walkRecords(String dossierId, EvaluationLedger.Head head, ChainReport report) {
        Walk w = new Walk();
        String previousHash = RecordHash.GENESIS;
        boolean previousPresent = true;
        boolean anySigned = false;
        boolean beyondAdoptable = true;
        for (long seq = 1;
                seq <= head.sequence() || ledger.recordAt(dossierId, seq).isPresent();
                seq++) {
            Optional<StoredEvaluation> found = ledger.recordAt(dossierId, seq);
            if (found.isEmpty()) {
                report.addFailuresItem(
                        seq == head.sequence()
                                ? Reasons.failure(
                                        Reasons.CHAIN_TRUNCATED,
                                        seq,
                                        null,
                                        "record " + seq
                                                + ", which the chain head names, is missing (the last record deleted)")
                                : Reasons.failure(
                                        Reasons.RECORD_MISSING,
                                        seq,
                                        null,
                                        "record " + seq + " of the dossier is missing"));
                previousPresent = false;
                continue;
            }
            StoredEvaluation doc = found.get();
            String id = doc.id();
            String stored = doc.hash();
            int failuresBefore = report.getFailures().size();
            String computed;
            try {
                computed = doc.computedHash();
            } catch (RuntimeException e) {
                computed = null;
                report.addFailuresItem(Reasons.failure(Reasons.MALFORMED, seq, id, "the record has no canonical form"));
            }
            if (computed != null && !computed.equals(stored)) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.RECORD_HASH_MISMATCH,
                        seq,
                        id,
                        stored == null
                                ? "the record has no hash"
                                : "stored hash differs from the hash of the record's canonical form"));
            }
            RecordSeal.State seal = doc.seal();
            if (seal == RecordSeal.State.SIGNED) {
                anySigned = true;
            } else if (seal == RecordSeal.State.INVALID) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.RECORD_MAC_INVALID,
                        seq,
                        id,
                        "the record's MAC is not the service's MAC over its hash"));
            } else if (anySigned) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.RECORD_MAC_MISSING,
                        seq,
                        id,
                        "no MAC after a signed record: this service signs every record it writes"));
            } else {
                report.addWarningsItem(Reasons.failure(
                        Reasons.RECORD_UNSIGNED, seq, id, "không có MAC: stored before records were signed"));
            }
            if (previousPresent && !Objects.equals(previousHash, doc.previousHash())) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.CHAIN_LINK_BROKEN,
                        seq,
                        id,
                        seq == 1
                                ? "the first record must link to the genesis hash (64 zeros)"
                                : "previousHash differs from the hash of record " + (seq - 1)));
            }
            if (seq > head.sequence()) {
                boolean clean = report.getFailures().size() == failuresBefore && previousPresent;
                if (beyondAdoptable && clean && ledger.writtenAfter(dossierId, seq - 1, previousHash, doc)) {
                    w.recovered++;
                    w.rolledTo = seq;
                    w.rolledHash = stored;
                } else {
                    beyondAdoptable = false;
                    report.addFailuresItem(Reasons.failure(
                            Reasons.RECORD_BEYOND_HEAD,
                            seq,
                            id,
                            "record beyond the chain head " + head.sequence()
                                    + " that this service did not write (not signed, or not linked)"));
                }
            }
            w.hashes.put(seq, stored);
            w.records.put(seq, doc);
            w.last = seq;
            previousHash = stored;
            previousPresent = true;
        }
        return w;
    }

    private void checkHeadAndAnchor(String dossierId, EvaluationLedger.Head head, Walk w, ChainReport report) {
        if (head.stored()) {
            String atHead = w.hashes.get(head.sequence());
            if (atHead != null && !atHead.equals(head.hash())) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.HEAD_HASH_MISMATCH,
                        head.sequence(),
                        null,
                        "the chain head's hash differs from record " + head.sequence() + "'s hash"));
            }
            if (head.seal() == RecordSeal.State.INVALID) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.HEAD_MAC_INVALID,
                        head.sequence(),
                        null,
                        "the chain head's MAC is not the service's (the head was moved in the database)"));
            } else if (head.seal() == RecordSeal.State.UNSIGNED) {
                report.addWarningsItem(Reasons.failure(
                        Reasons.HEAD_UNSIGNED,
                        head.sequence(),
                        null,
                        "không có MAC: a head stored before heads were signed"));
            }
        }
        anchors.anchored(Anchors.evaluationChain(dossierId))
                .ifPresent(a -> checkAnchor(a, Math.max(head.sequence(), w.rolledTo), w.hashes, report));
    }

    private static void checkAnchor(Anchors.Anchored a, long head, Map<Long, String> hashes, ChainReport report) {
        report.anchorSequence(a.anchor());
        if (!a.signed()) {
            report.addFailuresItem(Reasons.failure(
                    Reasons.ANCHOR_MAC_INVALID,
                    a.sequence(),
                    null,
                    "the anchored head's MAC is not the service's (changed in the database)"));
            return;
        }
        if (head < a.sequence()) {
            report.addFailuresItem(Reasons.failure(
                    Reasons.HEAD_BEHIND_ANCHOR,
                    a.sequence(),
                    null,
                    "anchor " + a.anchor() + " saw this chain at record " + a.sequence() + "; it now ends at " + head
                            + " (records removed, head moved back)"));
        }
        String there = hashes.get(a.sequence());
        if (there == null) {
            if (head >= a.sequence()) return; // already reported as a missing record
            report.addFailuresItem(Reasons.failure(
                    Reasons.CHAIN_TRUNCATED,
                    a.sequence(),
                    null,
                    "record " + a.sequence() + ", which anchor " + a.anchor() + " saw, is missing"));
        } else if (!there.equals(a.hash())) {
            report.addFailuresItem(Reasons.failure(
                    Reasons.ANCHOR_MISMATCH,
                    a.sequence(),
                    null,
                    "record " + a.sequence() + "'s hash differs from the one anchor " + a.anchor()
                            + " saw (the chain was rewritten)"));
        }
    }

    /** A writer that stopped after its record but before marking the dossier: mark it now from the authentic record. */
    private DossierIntegrity rollDossierForward(DossierIntegrity dossier, Walk w, long head) {
        if (dossier.seal() == DossierIntegrity.Seal.INVALID || dossier.evaluationCount() >= head) return dossier;
        StoredEvaluation last = w.records.get(head);
        if (last == null || last.seal() != RecordSeal.State.SIGNED) return dossier;
        dossiers.recordEvaluation(dossiers.snapshot(dossier.id()), head, last.id(), last.valid(), last.stars());
        return dossiers.integrity(dossier.id());
    }

    private void checkDossier(DossierIntegrity d, Walk w, ChainReport report) {
        // the published stars are those of the latest VALID record the dossier has taken
        Integer expected = null;
        for (long seq = Math.min(d.evaluationCount(), w.last); seq >= 1; seq--) {
            StoredEvaluation r = w.records.get(seq);
            if (r != null && r.valid()) {
                expected = r.stars();
                break;
            }
        }
        boolean starsAltered = !Objects.equals(expected, d.stars());
        if (starsAltered) {
            report.addFailuresItem(Reasons.failure(
                    Reasons.DOSSIER_STARS_ALTERED,
                    d.evaluationCount(),
                    d.latestEvaluationId(),
                    "the dossier shows " + (d.stars() == null ? "no stars" : d.stars() + " sao")
                            + "; its latest valid record gives "
                            + (expected == null ? "no stars" : expected + " sao")));
        }
        if (d.seal() == DossierIntegrity.Seal.UNSIGNED) {
            report.addWarningsItem(Reasons.failure(
                    Reasons.DOSSIER_UNSIGNED,
                    null,
                    null,
                    "không có MAC: the dossier was last written before dossiers were sealed"));
        } else if (d.seal() == DossierIntegrity.Seal.INVALID) {
            // name the field: the seal holds again with the stars or the status it was made for
            Integer stars = expected;
            String status = STATUSES.stream()
                    .filter(s -> dossiers.sealHolds(d, s, stars))
                    .findFirst()
                    .orElse(null);
            if (status != null && !status.equals(d.status())) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.DOSSIER_STATUS_ALTERED,
                        null,
                        null,
                        "the dossier shows status " + d.status() + "; it was sealed with " + status));
            } else if (status == null || !starsAltered) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.DOSSIER_SEAL_INVALID,
                        null,
                        null,
                        "the dossier's published fields were changed outside the service"));
            }
        }
    }

    private void checkAssessments(String dossierId, ChainReport report) {
        for (AssessmentIntegrity a : assessments.integrity(dossierId)) {
            String who = a.member() == null ? a.id() : a.member();
            switch (a.state()) {
                case ALTERED ->
                    report.addFailuresItem(Reasons.failure(
                            Reasons.ASSESSMENT_ALTERED,
                            null,
                            a.id(),
                            "the sheet of " + who + " is no longer as it was submitted"));
                case MAC_INVALID ->
                    report.addFailuresItem(Reasons.failure(
                            Reasons.ASSESSMENT_MAC_INVALID,
                            null,
                            a.id(),
                            "the sheet of " + who + " carries a MAC that is not the service's"));
                case MISSING ->
                    report.addFailuresItem(Reasons.failure(
                            Reasons.ASSESSMENT_MISSING, null, a.id(), "a sheet the dossier lists is missing"));
                case UNSIGNED ->
                    report.addWarningsItem(Reasons.failure(
                            Reasons.ASSESSMENT_UNSIGNED,
                            null,
                            a.id(),
                            "không có MAC: the sheet of " + who + " was stored before sheets were signed"));
                case SIGNED -> {}
            }
        }
    }

    /** The audit log's chain: every entry 1 … head present, hashed, signed and linked; the head; its anchor. */
    ChainReport auditLog() {
        AuditChain.Head head = audit.stored();
        ChainReport report = new ChainReport()
                .chain(Anchors.AUDIT_CHAIN)
                .failures(new ArrayList<>())
                .warnings(new ArrayList<>());
        Map<Long, String> hashes = new HashMap<>();
        String previousHash = RecordHash.GENESIS;
        boolean previousPresent = true;
        boolean beyondAdoptable = true;
        long count = 0;
        long rolledTo = head.sequence();
        long recovered = 0;
        for (long seq = 1; seq <= head.sequence() || audit.entryAt(seq) != null; seq++) {
            Document e = audit.entryAt(seq);
            if (e == null) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.AUDIT_ENTRY_MISSING, seq, null, "audit log entry " + seq + " is missing"));
                previousPresent = false;
                continue;
            }
            count++;
            String id = String.valueOf(e.get("_id"));
            String stored = e.getString("hash");
            int before = report.getFailures().size();
            if (stored == null
                    || !stored.equals(vn.ocop.service.platform.storage.DocumentHash.sha256(e, AuditChain.NOT_HASHED))) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.AUDIT_ENTRY_ALTERED, seq, id, "the entry differs from what was logged"));
            } else if (!audit.adoptableMac(e)) {
                report.addFailuresItem(
                        Reasons.failure(Reasons.AUDIT_MAC_INVALID, seq, id, "the entry's MAC is not the service's"));
            }
            if (previousPresent && !Objects.equals(previousHash, e.getString("previousHash"))) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.AUDIT_CHAIN_LINK_BROKEN,
                        seq,
                        id,
                        "previousHash differs from entry " + (seq - 1) + "'s hash"));
            }
            if (seq > head.sequence()) {
                if (beyondAdoptable && previousPresent && report.getFailures().size() == before) {
                    recovered++;
                    rolledTo = seq;
                } else {
                    beyondAdoptable = false;
                    report.addFailuresItem(Reasons.failure(
                            Reasons.AUDIT_ENTRY_BEYOND_HEAD,
                            seq,
                            id,
                            "an entry after the head that this service did not write"));
                }
            }
            hashes.put(seq, stored);
            previousHash = stored;
            previousPresent = true;
        }
        if (head.sequence() > 0) {
            String atHead = hashes.get(head.sequence());
            if (atHead != null && !atHead.equals(head.hash())) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.HEAD_HASH_MISMATCH,
                        head.sequence(),
                        null,
                        "the head's hash differs from entry " + head.sequence() + "'s"));
            }
            if (!audit.headSigned(head)) {
                report.addFailuresItem(Reasons.failure(
                        Reasons.HEAD_MAC_INVALID,
                        head.sequence(),
                        null,
                        "the audit log head's MAC is not the service's"));
            }
        }
        if (recovered > 0) audit.advance(rolledTo, hashes.get(rolledTo));
        long effective = rolledTo;
        anchors.anchored(Anchors.AUDIT_CHAIN).ifPresent(a -> checkAnchor(a, effective, hashes, report));
        return report.records(count)
                .recovered(recovered)
                .headSequence(effective)
                .headHash(hashes.get(effective))
                .outcome(outcome(report));
    }

    private static ChainReport.OutcomeEnum outcome(ChainReport r) {
        if (!r.getFailures().isEmpty()) return ChainReport.OutcomeEnum.BROKEN;
        return r.getWarnings().isEmpty() ? ChainReport.OutcomeEnum.INTACT : ChainReport.OutcomeEnum.INTACT_UNSIGNED;
    }
}
