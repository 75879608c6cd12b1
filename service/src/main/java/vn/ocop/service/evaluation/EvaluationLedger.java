package vn.ocop.service.evaluation;

import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.ExclusionInput;
import vn.ocop.api.model.Location;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.CanonicalJson;

/**
 * The evaluation records as the audit, report and certificate features read them: typed records
 * ({@link StoredEvaluation}: the stored document stays here, so hashes are checked on exactly what is stored),
 * exact-key lookups, chain heads, scans by {@link Filter}, and a record re-scored for a replay.
 * Reads only, except {@link #append}, which adds a record exactly as POST …/evaluations does (imports, benchmarks).
 */
@Service
public class EvaluationLedger {
    private final EvaluationRecords records;
    private final EvaluationChain chain;
    private final DossierEvaluations evaluations;
    private final EngineVersion engineVersion;
    private final JsonMapper json;
    private final Scoring scoring;
    private final IntegrityKey key;

    EvaluationLedger(
            EvaluationRecords records,
            EvaluationChain chain,
            DossierEvaluations evaluations,
            EngineVersion engineVersion,
            JsonMapper json,
            Scoring scoring,
            IntegrityKey key) {
        this.scoring = scoring;
        this.key = key;
        this.records = records;
        this.chain = chain;
        this.evaluations = evaluations;
        this.engineVersion = engineVersion;
        this.json = json;
    }

    /** A stored chain head; {@code seal} says whether its MAC is valid (UNSIGNED: stored before heads were signed). */
    public record Head(long sequence, String hash, boolean stored, RecordSeal.State seal) {}

    public Optional<StoredEvaluation> record(String id) {
        return Optional.ofNullable(records.findDocument(id)).map(this::typed);
    }

    public Optional<StoredEvaluation> recordAt(String dossierId, long sequence) {
        return Optional.ofNullable(records.findBySequence(dossierId, sequence)).map(this::typed);
    }

    /** The stored hash of a dossier's record ("" when it has none), read in-process on the embedded store. */
    public Optional<String> hashAt(String dossierId, long sequence) {
        return records.hashAt(dossierId, sequence);
    }

    private StoredEvaluation typed(Document stored) {
        return new StoredEvaluation(stored, RecordSeal.state(key, stored), records);
    }

    /** The chain head as stored ({@code stored} false when the dossier has no chain document). */
    public Head head(String dossierId) {
        EvaluationChain.Head h = chain.stored(dossierId);
        boolean stored = h != EvaluationChain.Head.EMPTY;
        return new Head(
                h.sequence(), h.hash(), stored, stored ? chain.headState(dossierId, h) : RecordSeal.State.UNSIGNED);
    }

    /** Every stored head by dossier id (a scan of the chains collection: for anchoring). */
    public void forEachHead(java.util.function.BiConsumer<String, Head> consumer) {
        chain.forEach((id, h) -> consumer.accept(id, new Head(h.sequence(), h.hash(), true, chain.headState(id, h))));
    }

    /**
     * Whether {@code next}, stored after the head, is a record this service wrote (hashed, linked to the head, signed):
     * then a writer stopped between its insert and the head update, and the head may be rolled forward over it.
     */
    public boolean writtenAfter(String dossierId, long headSequence, String headHash, StoredEvaluation next) {
        return chain.adoptable(dossierId, new EvaluationChain.Head(headSequence, headHash), next.stored());
    }

    /** Moves the stored head forward to the given record (crash recovery; never backwards). */
    public void rollHeadForward(String dossierId, long sequence, String hash) {
        chain.advance(dossierId, new EvaluationChain.Head(sequence, hash));
    }

    /** Which records {@link #forEach} and {@link #count} take; null means any, dates both ends included. */
    public record Filter(
            @Nullable String province,
            @Nullable String district,
            @Nullable String group,
            @Nullable String edition,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public static Filter province(String province) {
            return new Filter(province, null, null, null, null, null);
        }

        /** A plain document for one equality (the embedded store serves it better than an $and of one). */
        Bson bson() {
            List<Bson> f = new ArrayList<>();
            if (province != null) f.add(Filters.eq("location.provinceCode", province));
            if (district != null) f.add(Filters.eq("location.districtCode", district));
            if (group != null) f.add(Filters.eq("group", group));
            if (edition != null) f.add(Filters.eq("edition", edition));
            if (from != null) f.add(Filters.gte("evaluationDate", from.toString()));
            if (to != null) f.add(Filters.lte("evaluationDate", to.toString()));
            return f.isEmpty() ? new Document() : Filters.and(f);
        }
    }

    /** Streams the records matching the filter in constant memory; the consumer returns false to stop. */
    public void forEach(Filter filter, Predicate<StoredEvaluation> consumer) {
        records.forEach(filter.bson(), d -> consumer.test(typed(d)));
    }

    /** How many records match (a scan on the embedded store). */
    public long count(Filter filter) {
        return records.count(filter.bson());
    }

    /** The record's snapshot as the engine's request. */
    public EvaluationRequest request(EvaluationRecord r) {
        return new EvaluationRequest(
                r.getEdition(),
                r.getGroup(),
                r.getSheet(),
                ApiMapping.facts(r.getFacts()),
                ApiMapping.assessments(r.getAssessments()),
                ApiMapping.exclusions(r.getExclusions()));
    }

    /** A stored result and the same snapshot re-scored, as plain trees in the API's shape. */
    public record Rescored(Object stored, Object fresh) {
        /** Whether nothing changed: both trees have the same canonical text. */
        public boolean same() {
            return CanonicalJson.same(stored, fresh);
        }
    }

    /**
     * Re-scores a stored record's snapshot on {@code pack} as the record's format scored it (the engine, then the
     * findings the service adds from format 2, in the members the format has) and gives both results in the API's
     * shape (a format-3 or -4 result re-expanded from the pack's sheet and the snapshot), so they can be compared member by member.
     */
    @SuppressWarnings("unchecked")
    public Rescored rescore(StoredEvaluation record, PackVersion pack) {
        Document stored = record.stored();
        Object result = record.tree().get("result");
        if (result instanceof Map<?, ?> r && RecordFormat.of(stored) >= 3) {
            result = LeanResult.expand(
                    (Map<String, Object>) r,
                    pack.sheet(stored.getString("sheet")),
                    RecordFormat.criteriaSource(stored));
        }
        return new Rescored(result == null ? Map.of() : result, rescoredTree(stored, pack));
    }

    private Map<String, Object> rescoredTree(Document stored, PackVersion pack) {
        EvaluationResult now = pack.evaluate(ApiMapping.request(stored));
        int format = RecordFormat.of(stored);
        if (format < 2) return RecordFormat.asFormat1(ApiMapping.resultTree(now));
        String kind = stored.getString("evaluationKind");
        String date = stored.getString("evaluationDate");
        return ApiMapping.resultTree(
                now,
                scoring.serviceFindings(
                        pack.info(),
                        kind == null ? null : EvaluationKind.fromValue(kind),
                        date == null ? null : LocalDate.parse(date)));
    }

    /** A result in the form a record stores it (as under the record's {@code result} member). */
    @SuppressWarnings("unchecked")
    public Document storedResult(EvaluationResult result) {
        return records.document(json.convertValue(ApiMapping.result(result), Map.class));
    }

    public String engineVersion() {
        return engineVersion.get();
    }

    /**
     * What a record snapshots: the dossier's facts and location, edition, group, sheet, date, assessments as scored,
     * its filing date (may be null), the kind of evaluation (null: FIRST) and the exclusions found (none: scored).
     */
    public record Inputs(
            String dossierId,
            String edition,
            String group,
            String sheet,
            LocalDate evaluationDate,
            Location location,
            DeclaredFacts facts,
            List<AssessmentInput> assessments,
            LocalDate registeredOn,
            EvaluationKind evaluationKind,
            List<ExclusionInput> exclusions) {
        public Inputs {
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        }

        /** Without a filing date, kind or exclusions (imports of historical evaluations, tests). */
        public Inputs(
                String dossierId,
                String edition,
                String group,
                String sheet,
                LocalDate evaluationDate,
                Location location,
                DeclaredFacts facts,
                List<AssessmentInput> assessments) {
            this(dossierId, edition, group, sheet, evaluationDate, location, facts, assessments, null, null, List.of());
        }
    }

    /**
     * Scores and appends many records with few store commands (imports of historical evaluations, benchmarks). Only
     * when nothing else writes the same dossiers meanwhile: a taken sequence number fails the rest of the batch.
     */
    public List<EvaluationRecord> appendAll(List<Inputs> inputs, String user) {
        return evaluations.appendAll(inputs, user);
    }

    /** Scores the inputs and appends a record to the dossier's chain, as POST /api/v1/dossiers/{id}/evaluations does. */
    public EvaluationRecord append(
            String dossierId,
            String edition,
            String group,
            String sheet,
            LocalDate evaluationDate,
            Location location,
            DeclaredFacts facts,
            List<AssessmentInput> assessments,
            String user) {
        return evaluations
                .append(
                        new Inputs(dossierId, edition, group, sheet, evaluationDate, location, facts, assessments),
                        user)
                .record();
    }
}
