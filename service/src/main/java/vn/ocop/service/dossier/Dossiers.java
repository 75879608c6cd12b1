package vn.ocop.service.dossier;

import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;
import static vn.ocop.service.platform.storage.Bson.document;
import static vn.ocop.service.platform.storage.Bson.plainMap;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.DossierInput;
import vn.ocop.api.model.DossierPage;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.api.model.ExclusionInput;
import vn.ocop.api.model.Location;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.ExclusionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.adminunits.AdminUnits;
import vn.ocop.service.catalogue.Catalogue;
import vn.ocop.service.catalogue.EditionChoice;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.DocumentIds;
import vn.ocop.service.platform.text.TextNormalizer;
import vn.ocop.service.platform.text.VietnameseCollation;
import vn.ocop.service.platform.web.ApiException;

/** Dossiers (hồ sơ): create, read, replace with an optimistic version, list; and the marks evaluation leaves. */
@Service
public class Dossiers {
    /** Districts were abolished on 1 July 2025; only dossiers registered before may carry a district code. */
    static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Names sort by their Vietnamese collation key (VietnameseCollation), stored beside them. */
    private static final Map<String, String> SORT_FIELDS = Map.of(
            "createdAt",
            "createdAt",
            "updatedAt",
            "updatedAt",
            "product",
            "sortKeys.product",
            "producer",
            "sortKeys.producer",
            "stars",
            "stars",
            "status",
            "status",
            "registeredOn",
            "registeredOn");
    /** Derived fields kept for search and sort; not part of the API's dossier. */
    private static final List<String> DERIVED = List.of("search", "sortKeys");

    private final DossierStore store;
    private final Catalogue catalogue;
    private final EditionChoice choice;
    private final JsonMapper json;
    private final IntegrityKey key;
    private final List<DossierGuard> guards;
    private final AdminUnits adminUnits;

    Dossiers(
            DossierStore store,
            Catalogue catalogue,
            EditionChoice choice,
            JsonMapper json,
            IntegrityKey key,
            List<DossierGuard> guards,
            AdminUnits adminUnits) {
        this.key = key;
        this.guards = List.copyOf(guards);
        this.store = store;
        this.catalogue = catalogue;
        this.choice = choice;
        this.json = json;
        this.adminUnits = adminUnits;
    }

    /** Creates a dossier (also used by the procedure's registration, which then owns its way). */
    public Dossier create(DossierInput input, String user) {
        Document d = content(input, null);
        Date now = new Date();
        d.put("_id", DocumentIds.next());
        d.put("version", 1L);
        d.put("status", input.getStatus() == null ? "DRAFT" : input.getStatus().getValue());
        d.put("evaluationCount", 0L);
        d.put("assessmentIds", List.of());
        d.put("createdBy", user);
        d.put("createdAt", now);
        d.put("updatedAt", now);
        d.put("seal", DossierSeal.of(key, d.getString("_id"), 1L, d.getString("status"), null, 0L, null));
        store.insert(d);
        return view(d);
    }

    public Dossier get(String id) {
        Document d = require(id);
        checkRead(id);
        return view(d);
    }

    /** Asks the guards whether the caller may read this dossier (and its assessments and records). */
    public void checkRead(String id) {
        guards.forEach(g -> g.beforeRead(id));
    }

    /** Whether the stored seal would hold had the dossier the given status and stars (to name the field changed). */
    public boolean sealHolds(DossierIntegrity d, String status, Integer stars) {
        String seal = require(d.id()).getString("seal");
        return seal != null
                && key.verify(
                        seal,
                        EVIDENCE,
                        DossierSeal.message(
                                d.id(), d.version(), status, stars, d.evaluationCount(), d.latestEvaluationId()));
    }

    /** The stored dossier's published fields and whether their seal holds. */
    public DossierIntegrity integrity(String id) {
        Document d = require(id);
        return new DossierIntegrity(
                id,
                DossierSeal.number(d, "version"),
                d.getString("status"),
                DossierSeal.stars(d),
                DossierSeal.number(d, "evaluationCount"),
                d.getString("latestEvaluationId"),
                DossierSeal.check(key, d));
    }

    /** The dossier as the API shows it (404 when unknown): for features that print what it says (certificates). */
    public Dossier read(String id) {
        return get(id);
    }

    /** Every dossier of a province, streamed, until {@code each} answers false (a scan on the embedded store: reports). */
    public void forEachInProvince(String provinceCode, java.util.function.Predicate<Dossier> each) {
        store.forEach(new Document("location.provinceCode", provinceCode), d -> each.test(view(d)));
    }

    Dossier replace(String id, String ifMatch, DossierInput input) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "PRECONDITION_REQUIRED",
                    "Cần gửi If-Match với ETag của hồ sơ (send If-Match with the dossier's ETag)");
        }
        Document current = require(id);
        guards.forEach(g -> g.beforeReplace(id));
        long version = ifMatch.trim().equals("*")
                ? current.get("version", Number.class).longValue()
                : Etags.version(ifMatch);
        Document content = content(input, current);
        boolean assessed =
                !current.getList("assessmentIds", String.class, List.of()).isEmpty();
        if (assessed
                && !(content.get("edition").equals(current.get("edition"))
                        && content.get("sheet").equals(current.get("sheet")))) {
            // the council's sheets were checked against this sheet: another one would leave them unscorable
            throw ApiException.unprocessable(
                    "SHEET_LOCKED",
                    "Hồ sơ đã có phiếu chấm điểm nên không đổi được bộ tiêu chí "
                            + "hay phiếu đánh giá (the dossier has assessments; its edition and sheet are fixed)",
                    List.of(new ApiException.FieldProblem(
                            "sheet",
                            "SHEET_LOCKED",
                            "đã có phiếu chấm điểm theo phiếu " + current.getString("sheet") + " của "
                                    + current.getString("edition"))));
        }
        List<Bson> sets = new ArrayList<>();
        content.forEach((k, v) -> sets.add(Updates.set(k, v)));
        for (String optional : List.of("facts", "product", "producer", "location", "exclusions")) {
            if (!content.containsKey(optional)) sets.add(Updates.unset(optional));
        }
        String status = input.getStatus() != null ? input.getStatus().getValue() : current.getString("status");
        if (input.getStatus() != null) sets.add(Updates.set("status", status));
        sets.add(Updates.set("updatedAt", new Date()));
        // the seal of the version this update makes; when {@code version} is not the one read, the update fails anyway
        sets.add(Updates.set(
                "seal",
                DossierSeal.of(
                        key,
                        id,
                        version + 1,
                        status,
                        DossierSeal.stars(current),
                        count(current, "evaluationCount"),
                        current.getString("latestEvaluationId"))));
        Document updated = store.updateIfVersion(id, version, Updates.combine(sets));
        if (updated == null) {
            throw new ApiException(
                    HttpStatus.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED",
                    "Hồ sơ đã thay đổi kể từ ETag đó; hãy đọc lại (the dossier has changed since that ETag)");
        }
        return view(updated);
    }

    DossierPage list(
            String q,
            String province,
            String district,
            String commune,
            String group,
            String status,
            Integer stars,
            int page,
            int size,
            String sort) {
        // Each filter is an equality on a fixed field with a plain string or int value: nothing from the query
        // string is parsed as JSON or as an operator; q is matched as a quoted literal.
        Document filter = new Document();
        if (group != null
                && catalogue.editions().stream()
                        .flatMap(e -> e.sheets().stream())
                        .noneMatch(sh -> sh.group().equals(group))) {
            throw ApiException.invalid(
                    "VALIDATION_FAILED",
                    "Nhóm sản phẩm không tồn tại: " + group,
                    List.of(new ApiException.FieldProblem(
                            "group",
                            "UNKNOWN_GROUP",
                            "nhóm sản phẩm không có trong bộ tiêu chí nào, ví dụ FOOD, BEVERAGE (unknown group)")));
        }
        String words = q == null ? "" : TextNormalizer.searchKey(q);
        if (!words.isEmpty()) {
            String literal = java.util.regex.Pattern.quote(words);
            filter.append(
                    "$or",
                    List.of(
                            new Document("search.product", new Document("$regex", literal)),
                            new Document("search.producer", new Document("$regex", literal))));
        }
        if (province != null) filter.append("location.provinceCode", province);
        if (district != null) filter.append("location.districtCode", district);
        if (commune != null) filter.append("location.communeCode", commune);
        if (group != null) filter.append("group", group);
        if (status != null) filter.append("status", status);
        if (stars != null) filter.append("stars", stars);
        long skip = (long) page * size;
        List<Dossier> items = new ArrayList<>();
        boolean hasNext = false;
        if (skip < Integer.MAX_VALUE) {
            List<Document> docs = store.list(filter, sort(sort), (int) skip, size + 1);
            hasNext = docs.size() > size;
            docs.stream().limit(size).forEach(d -> items.add(view(d)));
        }
        return new DossierPage().items(items).page(page).size(size).hasNext(hasNext);
    }

    /** Asks the guards whether the direct assessment and evaluation endpoints may score this dossier. */
    public void checkDirectScoring(String id) {
        checkDirectScoring(require(id));
    }

    /** {@link #checkDirectScoring} and {@link #snapshot} on one read of the dossier. */
    public DossierSnapshot snapshotForDirectScoring(String id) {
        Document d = require(id);
        checkDirectScoring(d);
        return snapshot(d);
    }

    private void checkDirectScoring(Document d) {
        if ("WITHDRAWN".equals(d.getString("status"))) {
            throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE", "Hồ sơ đã rút (WITHDRAWN), không thể chấm điểm");
        }
        String id = d.getString("_id");
        guards.forEach(g -> g.beforeDirectScoring(id));
    }

    /** For scoring: the dossier as stored now. */
    public DossierSnapshot snapshot(String id) {
        return snapshot(require(id));
    }

    private DossierSnapshot snapshot(Document d) {
        String id = d.getString("_id");
        return new DossierSnapshot(
                id,
                d.get("version", Number.class).longValue(),
                d.getString("edition"),
                d.getString("sheet"),
                d.getString("group"),
                facts(d),
                count(d, "evaluationCount"),
                List.copyOf(d.getList("assessmentIds", String.class, List.of())),
                location(d),
                d.getString("registeredOn") == null ? null : LocalDate.parse(d.getString("registeredOn")),
                d.getString("evaluationKind") == null
                        ? EvaluationKind.FIRST
                        : EvaluationKind.fromValue(d.getString("evaluationKind")),
                exclusions(d),
                d.getString("status"),
                DossierSeal.stars(d));
    }

    /** The ids of the dossier's assessments in the order they were added. */
    public List<String> assessmentIds(String id) {
        return require(id).getList("assessmentIds", String.class, List.of());
    }

    /**
     * Marks the dossier with its evaluation number {@code sequence} (skipped when a later one is already recorded):
     * latest evaluation, stars and EVALUATED when the result was VALID or EXCLUDED (stars null: excluded, not rated;
     * an INVALID result leaves status and stars as they were), and the seal of the new version. It reads the
     * dossier (the seal covers fields the caller did not read) and retries on a concurrent change.
     */
    public void recordEvaluation(
            DossierSnapshot read, long sequence, String evaluationId, boolean decided, Integer stars) {
        String id = read.id();
        // the first try moves the dossier from the version scoring read; only if it changed since is it read again
        DossierSnapshot d = read;
        for (int attempt = 0; attempt < 10; attempt++) {
            if (attempt > 0) d = snapshot(id);
            if (d.evaluationCount() >= sequence) {
                return;
            }
            long version = d.version();
            String status = decided ? "EVALUATED" : d.status();
            Integer published = decided ? stars : d.stars();
            List<Bson> sets = new ArrayList<>(List.of(
                    Updates.set("evaluationCount", sequence),
                    Updates.set("latestEvaluationId", evaluationId),
                    Updates.set("updatedAt", new Date()),
                    Updates.set(
                            "seal", DossierSeal.of(key, id, version + 1, status, published, sequence, evaluationId))));
            if (decided) {
                sets.add(Updates.set("status", "EVALUATED"));
                sets.add(Updates.set("stars", stars));
            }
            if (store.updateIfVersion(id, version, Updates.combine(sets)) != null) {
                return;
            }
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The dossier is being changed concurrently; try again");
    }

    void linkAssessment(String dossierId, String assessmentId) {
        store.addAssessment(dossierId, assessmentId);
    }

    Document require(String id) {
        Document d = store.find(id);
        if (d == null) {
            throw ApiException.notFound("Dossier", id);
        }
        return d;
    }

    private static Bson sort(String sort) {
        String[] parts = sort == null ? new String[] {"createdAt", "desc"} : sort.split(",", -1);
        String field = SORT_FIELDS.get(parts[0].trim());
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
        if (field == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.invalidField(
                    "sort",
                    "dùng trường,hướng với trường là một trong " + new java.util.TreeSet<>(SORT_FIELDS.keySet())
                            + " và hướng asc hoặc desc (use field,direction)");
        }
        return direction.equals("asc") ? Sorts.ascending(field) : Sorts.descending(field);
    }

    /** The stored form of what the client may set, checked against the catalogue. */
    private Document content(DossierInput input, Document current) {
        LocalDate registeredOn = input.getRegisteredOn() != null
                ? input.getRegisteredOn()
                : current != null && current.getString("registeredOn") != null
                        ? LocalDate.parse(current.getString("registeredOn"))
                        : LocalDate.now(VIETNAM);
        if (input.getLocation() != null
                && input.getLocation().getDistrictCode() != null
                && !registeredOn.isBefore(DISTRICTS_ABOLISHED)) {
            throw ApiException.invalidField(
                    "location.districtCode",
                    "cấp huyện đã bỏ từ 01/07/2025; chỉ hồ sơ đăng ký trước ngày đó mới có mã quận/huyện (districts were abolished)");
        }
        EditionInfo edition;
        if (input.getEdition() == null || input.getEdition().isBlank()) {
            String province =
                    input.getLocation() == null ? null : input.getLocation().getProvinceCode();
            edition = choice.forDossier(registeredOn, province)
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "NO_EDITION_IN_FORCE",
                            "Không có bộ tiêu chí hiệu lực vào ngày " + registeredOn
                                    + " (no criteria edition in force)"));
        } else {
            edition = catalogue
                    .edition(input.getEdition())
                    .orElseThrow(
                            () -> ApiException.invalidField("edition", "bộ tiêu chí không tồn tại (unknown edition)"));
        }
        SheetInfo sheet = catalogue
                .sheet(edition.id(), input.getSheet())
                .orElseThrow(() -> ApiException.invalidField(
                        "sheet", "phiếu không có trong bộ tiêu chí " + edition.id() + " (unknown sheet)"));
        Document d = new Document();
        if (input.getLocation() != null) {
            List<ApiException.FieldProblem> errors = adminUnits.check(
                    "location",
                    input.getLocation().getProvinceCode(),
                    input.getLocation().getDistrictCode(),
                    input.getLocation().getCommuneCode(),
                    registeredOn);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(
                        "VALIDATION_FAILED",
                        "Địa bàn không có trong danh mục đơn vị hành chính ngày " + registeredOn
                                + " (unknown administrative unit)",
                        errors);
            }
        }
        if (input.getProduct() != null)
            input.getProduct().setName(TextNormalizer.clean(input.getProduct().getName()));
        if (input.getProducer() != null)
            input.getProducer().setName(TextNormalizer.clean(input.getProducer().getName()));
        d.put("product", map(input.getProduct()));
        d.put("producer", map(input.getProducer()));
        d.put("location", map(input.getLocation()));
        String productName =
                input.getProduct() == null ? null : input.getProduct().getName();
        String producerName =
                input.getProducer() == null ? null : input.getProducer().getName();
        d.put(
                "search",
                new Document("product", TextNormalizer.searchKey(productName))
                        .append("producer", TextNormalizer.searchKey(producerName)));
        d.put(
                "sortKeys",
                new Document("product", VietnameseCollation.sortKey(productName))
                        .append("producer", VietnameseCollation.sortKey(producerName)));
        d.put("registeredOn", registeredOn.toString());
        EvaluationKind kind = input.getEvaluationKind() != null
                ? input.getEvaluationKind()
                : current != null && current.getString("evaluationKind") != null
                        ? EvaluationKind.fromValue(current.getString("evaluationKind"))
                        : EvaluationKind.FIRST;
        d.put("evaluationKind", kind.getValue());
        d.put("edition", edition.id());
        d.put("sheet", sheet.id());
        d.put("group", sheet.group());
        if (input.getFacts() != null) d.put("facts", map(input.getFacts()));
        if (input.getExclusions() != null && !input.getExclusions().isEmpty()) {
            // refused now, not at evaluation: an exclusion the sheet does not list could never be scored
            List<String> known =
                    sheet.exclusions().stream().map(ExclusionInfo::code).toList();
            List<Document> exclusions = new ArrayList<>();
            for (int i = 0; i < input.getExclusions().size(); i++) {
                ExclusionInput x = input.getExclusions().get(i);
                if (x == null || !known.contains(x.getCode())) {
                    throw ApiException.invalidField(
                            "exclusions[" + i + "].code",
                            "not an exclusion of sheet " + sheet.id() + " in edition " + edition.id() + "; known: "
                                    + known);
                }
                exclusions.add(map(x));
            }
            d.put("exclusions", exclusions);
        }
        d.values().removeIf(v -> v == null);
        return d;
    }

    @SuppressWarnings("unchecked")
    private Document map(Object model) {
        return model == null ? null : document(json.convertValue(model, Map.class));
    }

    private DeclaredFacts facts(Document d) {
        Document f = d.get("facts", Document.class);
        return f == null ? null : json.convertValue(plainMap(f), DeclaredFacts.class);
    }

    private List<ExclusionInput> exclusions(Document d) {
        return d.getList("exclusions", Document.class, List.of()).stream()
                .map(x -> json.convertValue(plainMap(x), ExclusionInput.class))
                .toList();
    }

    private Location location(Document d) {
        Document l = d.get("location", Document.class);
        return l == null ? null : json.convertValue(plainMap(l), Location.class);
    }

    private Dossier view(Document d) {
        Map<String, Object> m = new LinkedHashMap<>(plainMap(d));
        m.put("id", m.remove("_id"));
        m.remove("assessmentIds");
        m.remove("evaluationCount");
        m.remove("seal");
        DERIVED.forEach(m::remove);
        return json.convertValue(m, Dossier.class);
    }

    private static long count(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
