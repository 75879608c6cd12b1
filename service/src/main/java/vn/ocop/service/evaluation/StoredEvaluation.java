package vn.ocop.service.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.Location;

/**
 * A stored evaluation record as other features read it (audit, report, certificate): typed and immutable. The stored
 * document stays inside the evaluation feature, so that its hash is computed on exactly what is stored
 * ({@link #computedHash}) and its MAC checked on the stored hash ({@link #seal}). Members a damaged record lacks are
 * null, never an exception: verification reports them.
 */
public final class StoredEvaluation {
    private final Document stored;
    private final RecordSeal.State seal;
    private final EvaluationRecords records;
    /** The canonical tree ({@link RecordHash#tree}), built once: the hash and a replay's re-score both read it. */
    private @Nullable Map<String, Object> tree;

    StoredEvaluation(Document stored, RecordSeal.State seal, EvaluationRecords records) {
        this.stored = stored;
        this.seal = seal;
        this.records = records;
    }

    /** The record as plain maps and lists without its hash: read only, never changed. */
    Map<String, Object> tree() {
        if (tree == null) tree = RecordHash.tree(stored);
        return tree;
    }

    /** The document as stored: for the evaluation feature only. */
    Document stored() {
        return stored;
    }

    public String id() {
        return String.valueOf(stored.get("_id"));
    }

    public @Nullable String dossierId() {
        return string("dossierId");
    }

    /** Its number in the dossier's chain; null when the record has none (malformed). */
    public @Nullable Long sequence() {
        return stored.get("sequence") instanceof Number n ? n.longValue() : null;
    }

    /** 1 (no recordFormat member), 2, 3 or 4 (docs/audit.md, "Record formats"). */
    public int recordFormat() {
        return RecordFormat.of(stored);
    }

    public @Nullable String edition() {
        return string("edition");
    }

    public @Nullable String group() {
        return string("group");
    }

    public @Nullable String sheet() {
        return string("sheet");
    }

    public @Nullable String rulesetVersion() {
        return string("rulesetVersion");
    }

    public @Nullable String rulesetSha256() {
        return string("rulesetSha256");
    }

    public @Nullable String engineVersion() {
        return string("engineVersion");
    }

    public @Nullable String requestedBy() {
        return string("requestedBy");
    }

    /** The day of the evaluation; null when absent or not a date. */
    public @Nullable LocalDate evaluationDate() {
        String date = string("evaluationDate");
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The dossier's location codes when scored, or null. */
    public @Nullable Location location() {
        if (!(stored.get("location") instanceof Document l)) return null;
        return new Location()
                .provinceCode(l.get("provinceCode") instanceof String s ? s : null)
                .districtCode(l.get("districtCode") instanceof String s ? s : null)
                .communeCode(l.get("communeCode") instanceof String s ? s : null);
    }

    /** The result's status as stored (VALID, INVALID, EXCLUDED), or null. */
    public @Nullable String status() {
        return result() == null ? null : result().get("status") instanceof String s ? s : null;
    }

    public boolean valid() {
        return "VALID".equals(status());
    }

    /** The stars the result awarded, or null. */
    public @Nullable Integer stars() {
        return result() != null && result().get("stars") instanceof Number n ? n.intValue() : null;
    }

    public @Nullable String previousHash() {
        return string("previousHash");
    }

    /** The hash as stored (null when the record has none). */
    public @Nullable String hash() {
        return string("hash");
    }

    /** Whether the record's MAC is valid for its stored hash (UNSIGNED: stored before records were signed). */
    public RecordSeal.State seal() {
        return seal;
    }

    /**
     * The SHA-256 of the stored record's canonical form, to compare with {@link #hash}.
     *
     * @throws IllegalArgumentException when the stored document has no canonical form (malformed)
     */
    public String computedHash() {
        try {
            return RecordHash.hash(tree());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The record as the API gives it ({@code GET /api/v1/evaluations/{id}}); a new copy on every call. */
    public EvaluationRecord record() {
        return records.view(stored);
    }

    private @Nullable Document result() {
        return stored.get("result") instanceof Document d ? d : null;
    }

    private @Nullable String string(String key) {
        return stored.get(key) instanceof String s ? s : null;
    }
}
