package vn.ocop.service.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.Status;
import vn.ocop.service.dossier.Assessments;
import vn.ocop.service.dossier.DossierSnapshot;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.DocumentIds;
import vn.ocop.service.platform.web.ApiException;

/** Scores a stored dossier's assessments and keeps an immutable record of exactly what was scored. */
@Service
class DossierEvaluations {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Dossiers dossiers;
    private final Assessments assessments;
    private final Scoring scoring;
    private final EvaluationRecords records;
    private final JsonMapper json;
    private final EvaluationChain chain;
    private final EngineVersion engineVersion;
    private final IntegrityKey key;

    DossierEvaluations(
            Dossiers dossiers,
            Assessments assessments,
            Scoring scoring,
            EvaluationRecords records,
            JsonMapper json,
            EvaluationChain chain,
            EngineVersion engineVersion,
            IntegrityKey key) {
        this.key = key;
        this.chain = chain;
        this.engineVersion = engineVersion;
        this.dossiers = dossiers;
        this.assessments = assessments;
        this.scoring = scoring;
        this.records = records;
        this.json = json;
    }

    EvaluationRecord evaluate(String dossierId, String user) {
        DossierSnapshot dossier = dossiers.snapshotForDirectScoring(dossierId);
        List<AssessmentInput> inputs = assessments.intactByIds(dossier.assessmentIds()).stream()
                .map(a -> new AssessmentInput()
                        .member(a.getMember())
                        .role(a.getRole() == null ? CouncilRole.MEMBER : a.getRole())
                        .selections(a.getSelections()))
                .toList();
        if (inputs.isEmpty()) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "NO_ASSESSMENTS",
                    "The dossier has no assessments to score; add the council members' sheets first");
        }
        Stored stored = append(
                new EvaluationLedger.Inputs(
                        dossierId,
                        dossier.edition(),
                        dossier.group(),
                        dossier.sheet(),
                        LocalDate.now(VIETNAM),
                        dossier.location(),
                        dossier.facts(),
                        inputs,
                        dossier.registeredOn(),
                        dossier.evaluationKind(),
                        dossier.exclusions()),
                user);
        dossiers.recordEvaluation(
                dossier,
                stored.record().getSequence(),
                stored.record().getId(),
                stored.result().status() != Status.INVALID,
                stored.result().stars()); // EXCLUDED: evaluated, no stars
        return stored.record();
    }

    record Stored(EvaluationRecord record, vn.ocop.rules.api.EvaluationResult result) {}

    /**
     * Scores the inputs and appends the record to the dossier's chain: sequence = head + 1, previousHash = the head's
     * hash, hash over the canonical form ({@link RecordHash}). The unique index {dossierId, sequence} refuses a second
     * record with the same number, so two writers cannot fork the chain: the loser recovers the head and tries the next.
     */
    @SuppressWarnings("unchecked")
    Stored append(EvaluationLedger.Inputs in, String user) {
        Prepared p = prepare(in, user);
        EvaluationChain.Head head = chain.stored(in.dossierId());
        for (int attempt = 0; attempt < 20; attempt++) {
            Document doc = p.link(head);
            // write order: the record (self-authenticating: hash + MAC) first, then the head, a pointer recovered from
            // it
            if (records.insert(doc)) {
                // one command: the head as read (or recovered) is where this writer moves it from
                chain.advanceFrom(
                        in.dossierId(), head, new EvaluationChain.Head(doc.getLong("sequence"), doc.getString("hash")));
                return p.stored(doc);
            }
            // taken: by a concurrent writer, or by one that stopped before it moved the head
            EvaluationChain.Head recovered = chain.recover(in.dossierId(), head);
            if (recovered.sequence() == head.sequence()) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "CHAIN_BLOCKED",
                        "Evaluation number " + (head.sequence() + 1)
                                + " is taken by a record this service did not sign; an auditor should verify the dossier's chain");
            }
            head = recovered;
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Could not take an evaluation number; try again");
    }

    /**
     * Appends many records with few store commands: each dossier's records are chained in memory from its current head,
     * inserted in ordered batches, and the heads moved afterwards. For imports and benchmarks, when nothing else writes
     * the same dossiers: a taken sequence number fails the batch (the records before it stay, and stay chained).
     */
    List<EvaluationRecord> appendAll(List<EvaluationLedger.Inputs> inputs, String user) {
        // scoring and mapping are independent per record: on every core (the common pool), in input order
        List<Prepared> prepared =
                inputs.parallelStream().map(in -> prepare(in, user)).toList();
        // a record's hash covers its predecessor's, so each dossier's records are chained in input order; the dossiers
        // are independent of each other and chained on every core
        java.util.Map<String, List<Integer>> byDossier = new java.util.LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            byDossier
                    .computeIfAbsent(inputs.get(i).dossierId(), id -> new java.util.ArrayList<>())
                    .add(i);
        }
        Document[] linked = new Document[inputs.size()];
        EvaluationRecord[] views = new EvaluationRecord[inputs.size()];
        java.util.Map<String, EvaluationChain.Head> heads = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> fresh = java.util.concurrent.ConcurrentHashMap.newKeySet();
        byDossier.entrySet().parallelStream().forEach(dossier -> {
            String id = dossier.getKey();
            EvaluationChain.Head head = chain.recover(id, chain.stored(id));
            if (head.sequence() == 0) fresh.add(id);
            for (int i : dossier.getValue()) {
                Document doc = prepared.get(i).link(head);
                head = new EvaluationChain.Head(doc.getLong("sequence"), doc.getString("hash"));
                linked[i] = doc;
                views[i] = prepared.get(i).stored(doc).record();
            }
            heads.put(id, head);
        });
        List<Document> docs = java.util.Arrays.asList(linked);
        List<EvaluationRecord> out = java.util.Arrays.asList(views);
        for (int i = 0; i < docs.size(); i += 1000) {
            records.insertAll(docs.subList(i, Math.min(docs.size(), i + 1000)));
        }
        java.util.Map<String, EvaluationChain.Head> created = new java.util.LinkedHashMap<>();
        for (String id : byDossier.keySet()) {
            if (fresh.contains(id)) created.put(id, heads.get(id));
            else chain.advance(id, heads.get(id));
        }
        chain.createAll(created);
        return out;
    }

    /** A scored record without its place in the chain. */
    private final class Prepared {
        final EvaluationRecord record;
        final vn.ocop.rules.api.EvaluationResult result;
        final Document base;

        Prepared(EvaluationRecord record, vn.ocop.rules.api.EvaluationResult result, Document base) {
            this.record = record;
            this.result = result;
            this.base = base;
        }

        /** The stored document placed after {@code head}: sequence, previousHash and hash. */
        Document link(EvaluationChain.Head head) {
            Document doc = new Document("_id", record.getId());
            doc.putAll(base);
            doc.put("sequence", head.sequence() + 1);
            doc.put("previousHash", head.hash());
            doc.put("hash", RecordHash.hash(doc));
            doc.put("mac", RecordSeal.mac(key, doc.getString("hash")));
            return doc;
        }

        Stored stored(Document doc) {
            record.sequence(doc.getLong("sequence"))
                    .previousHash(doc.getString("previousHash"))
                    .hash(doc.getString("hash"))
                    .mac(doc.getString("mac"));
            return new Stored(record, result);
        }
    }

    @SuppressWarnings("unchecked")
    private Prepared prepare(EvaluationLedger.Inputs in, String user) {
        // the edition's ruleset version in force on the evaluation date
        vn.ocop.rules.api.EvaluationResult result = scoring.score(
                new EvaluationRequest(
                        in.edition(),
                        in.group(),
                        in.sheet(),
                        ApiMapping.facts(in.facts()),
                        ApiMapping.assessments(in.assessments()),
                        ApiMapping.exclusions(in.exclusions())),
                in.evaluationDate());
        EvaluationResult view =
                ApiMapping.result(result, scoring.serviceFindings(result, in.evaluationKind(), in.evaluationDate()));
        Date now = new Date();
        EvaluationRecord record = new EvaluationRecord()
                .id(DocumentIds.next())
                .dossierId(in.dossierId())
                .edition(result.edition())
                .sheet(result.sheet())
                .group(in.group())
                .evaluationDate(in.evaluationDate())
                .location(in.location())
                .rulesetVersion(result.rulesetVersion())
                .rulesetSha256(result.rulesetSha256())
                .engineVersion(engineVersion.get())
                .registeredOn(in.registeredOn())
                .exclusions(in.exclusions())
                .evaluationKind(in.evaluationKind() == null ? EvaluationKind.FIRST : in.evaluationKind())
                .recordFormat(RecordFormat.CURRENT)
                .facts(in.facts())
                .assessments(in.assessments())
                .result(view)
                .requestedBy(user)
                .requestedAt(OffsetDateTime.ofInstant(now.toInstant(), ZoneOffset.UTC));
        Map<String, Object> map = json.convertValue(record, Map.class);
        map.remove("id");
        map.remove("hash");
        map.remove("previousHash");
        map.remove("sequence");
        // format 4: points and rule names only where the sheet of the ruleset that scored does not give them, and a
        // member's criteria only where its own sheet in the snapshot does not give them
        map.put(
                "result",
                LeanResult.compact(
                        (Map<String, Object>) map.get("result"),
                        records.sheetOf(
                                result.edition(), result.rulesetVersion(), result.rulesetSha256(), result.sheet()),
                        (List<?>) map.get("assessments")));
        Document base = records.document(map);
        base.put("requestedAt", now);
        return new Prepared(record, result, base);
    }

    List<EvaluationRecord> forDossier(String dossierId) {
        dossiers.checkRead(dossierId);
        // +1: a record stored by a request that stopped before marking the dossier is still listed
        return records.forDossier(dossierId, dossiers.snapshot(dossierId).evaluationCount() + 1);
    }

    EvaluationRecord get(String id) {
        EvaluationRecord r = records.find(id);
        if (r == null) throw ApiException.notFound("Evaluation", id);
        dossiers.checkRead(r.getDossierId());
        return r;
    }
}
