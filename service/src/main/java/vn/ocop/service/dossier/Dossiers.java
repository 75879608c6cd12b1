package vn.ocop.service.dossier;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.DossierInput;
import vn.ocop.api.model.DossierPage;
import vn.ocop.api.model.Location;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.adminunits.AdminUnits;
import vn.ocop.service.catalogue.Catalogue;
import vn.ocop.service.platform.text.TextNormalizer;
import vn.ocop.service.platform.text.VietnameseCollation;
import vn.ocop.service.platform.web.ApiException;

import static vn.ocop.service.platform.storage.Bson.document;
import static vn.ocop.service.platform.storage.Bson.plainMap;

/** Dossiers (hồ sơ): create, read, replace with an optimistic version, list; and the marks evaluation leaves. */
@Service
public class Dossiers {
    /** Districts were abolished on 1 July 2025; only dossiers registered before may carry a district code. */
    static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Names sort by their Vietnamese collation key (VietnameseCollation), stored beside them. */
    private static final Map<String, String> SORT_FIELDS = Map.of(
            "createdAt", "createdAt", "updatedAt", "updatedAt", "product", "sortKeys.product", "producer", "sortKeys.producer",
            "stars", "stars", "status", "status", "registeredOn", "registeredOn");
    /** Derived fields kept for search and sort; not part of the API's dossier. */
    private static final List<String> DERIVED = List.of("search", "sortKeys");

    private final DossierStore store;
    private final Catalogue catalogue;
    private final JsonMapper json;
    private final AdminUnits adminUnits;

    Dossiers(DossierStore store, Catalogue catalogue, JsonMapper json, AdminUnits adminUnits) {
        this.store = store;
        this.catalogue = catalogue;
        this.json = json;
        this.adminUnits = adminUnits;
    }

    Dossier create(DossierInput input, String user) {
        Document d = content(input, null);
        Date now = new Date();
        d.put("_id", UUID.randomUUID().toString());
        d.put("version", 1L);
        d.put("status", input.getStatus() == null ? "DRAFT" : input.getStatus().getValue());
        d.put("evaluationCount", 0L);
        d.put("assessmentIds", List.of());
        d.put("createdBy", user);
        d.put("createdAt", now);
        d.put("updatedAt", now);
        store.insert(d);
        return view(d);
    }

    Dossier get(String id) {
        return view(require(id));
    }

    Dossier replace(String id, String ifMatch, DossierInput input) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED",
                    "Cần gửi If-Match với ETag của hồ sơ (send If-Match with the dossier's ETag)");
        }
        Document current = require(id);
        long version = ifMatch.trim().equals("*") ? current.get("version", Number.class).longValue() : Etags.version(ifMatch);
        Document content = content(input, current);
        boolean assessed = !current.getList("assessmentIds", String.class, List.of()).isEmpty();
        if (assessed && !(content.get("edition").equals(current.get("edition")) && content.get("sheet").equals(current.get("sheet")))) {
            // the council's sheets were checked against this sheet: another one would leave them unscorable
            throw ApiException.unprocessable("SHEET_LOCKED", "Hồ sơ đã có phiếu chấm điểm nên không đổi được bộ tiêu chí "
                    + "hay phiếu đánh giá (the dossier has assessments; its edition and sheet are fixed)",
                    List.of(new ApiException.FieldProblem("sheet", "SHEET_LOCKED", "đã có phiếu chấm điểm theo phiếu "
                            + current.getString("sheet") + " của " + current.getString("edition"))));
        }
        List<Bson> sets = new ArrayList<>();
        content.forEach((k, v) -> sets.add(Updates.set(k, v)));
        for (String optional : List.of("facts", "product", "producer", "location")) {
            if (!content.containsKey(optional)) sets.add(Updates.unset(optional));
        }
        if (input.getStatus() != null) sets.add(Updates.set("status", input.getStatus().getValue()));
        sets.add(Updates.set("updatedAt", new Date()));
        Document updated = store.updateIfVersion(id, version, Updates.combine(sets));
        if (updated == null) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "PRECONDITION_FAILED",
                    "Hồ sơ đã thay đổi kể từ ETag đó; hãy đọc lại (the dossier has changed since that ETag)");
        }
        return view(updated);
    }

    DossierPage list(String q, String province, String district, String commune, String group, String status, Integer stars,
                     int page, int size, String sort) {
        // Each filter is an equality on a fixed field with a plain string or int value: nothing from the query
        // string is parsed as JSON or as an operator; q is matched as a quoted literal.
        Document filter = new Document();
        if (group != null && catalogue.editions().stream().flatMap(e -> e.sheets().stream()).noneMatch(sh -> sh.group().equals(group))) {
            throw ApiException.invalid("VALIDATION_FAILED", "Nhóm sản phẩm không tồn tại: " + group, List.of(new ApiException.FieldProblem(
                    "group", "UNKNOWN_GROUP", "nhóm sản phẩm không có trong bộ tiêu chí nào, ví dụ FOOD, BEVERAGE (unknown group)")));
        }
        String words = q == null ? "" : TextNormalizer.searchKey(q);
        if (!words.isEmpty()) {
            String literal = java.util.regex.Pattern.quote(words);
            filter.append("$or", List.of(new Document("search.product", new Document("$regex", literal)),
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
            List<Document> docs = store.list(filter, sort(sort),
                    (int) skip, size + 1);
            hasNext = docs.size() > size;
            docs.stream().limit(size).forEach(d -> items.add(view(d)));
        }
        return new DossierPage().items(items).page(page).size(size).hasNext(hasNext);
    }

    /** For scoring: the dossier as stored now. */
    public DossierSnapshot snapshot(String id) {
        Document d = require(id);
        return new DossierSnapshot(id, d.get("version", Number.class).longValue(), d.getString("edition"),
                d.getString("sheet"), d.getString("group"), facts(d), count(d, "evaluationCount"),
                List.copyOf(d.getList("assessmentIds", String.class, List.of())), location(d));
    }

    /** The ids of the dossier's assessments in the order they were added. */
    public List<String> assessmentIds(String id) {
        return require(id).getList("assessmentIds", String.class, List.of());
    }

    /**
     * Marks the dossier with its evaluation number {@code sequence} (skipped when a later one is already recorded):
     * latest evaluation, stars and EVALUATED when the result was VALID. The first attempt uses the version the
     * caller read; it re-reads and retries on a concurrent change.
     */
    public void recordEvaluation(DossierSnapshot read, long sequence, String evaluationId, boolean valid, Integer stars) {
        String id = read.id();
        long version = read.version();
        for (int attempt = 0; attempt < 10; attempt++) {
            if (attempt > 0) {
                Document d = require(id);
                if (count(d, "evaluationCount") >= sequence) {
                    return;
                }
                version = d.get("version", Number.class).longValue();
            }
            List<Bson> sets = new ArrayList<>(List.of(Updates.set("evaluationCount", sequence),
                    Updates.set("latestEvaluationId", evaluationId), Updates.set("updatedAt", new Date())));
            if (valid) {
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
            throw ApiException.invalidField("sort", "dùng trường,hướng với trường là một trong " + new java.util.TreeSet<>(SORT_FIELDS.keySet())
                    + " và hướng asc hoặc desc (use field,direction)");
        }
        return direction.equals("asc") ? Sorts.ascending(field) : Sorts.descending(field);
    }

    /** The stored form of what the client may set, checked against the catalogue. */
    private Document content(DossierInput input, Document current) {
        LocalDate registeredOn = input.getRegisteredOn() != null ? input.getRegisteredOn()
                : current != null && current.getString("registeredOn") != null ? LocalDate.parse(current.getString("registeredOn"))
                : LocalDate.now(VIETNAM);
        if (input.getLocation() != null && input.getLocation().getDistrictCode() != null
                && !registeredOn.isBefore(DISTRICTS_ABOLISHED)) {
            throw ApiException.invalidField("location.districtCode",
                    "cấp huyện đã bỏ từ 01/07/2025; chỉ hồ sơ đăng ký trước ngày đó mới có mã quận/huyện (districts were abolished)");
        }
        EditionInfo edition;
        if (input.getEdition() == null || input.getEdition().isBlank()) {
            edition = catalogue.inForceOn(registeredOn).orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "NO_EDITION_IN_FORCE", "Không có bộ tiêu chí hiệu lực vào ngày " + registeredOn + " (no criteria edition in force)"));
        } else {
            edition = catalogue.edition(input.getEdition())
                    .orElseThrow(() -> ApiException.invalidField("edition", "bộ tiêu chí không tồn tại (unknown edition)"));
        }
        SheetInfo sheet = catalogue.sheet(edition.id(), input.getSheet())
                .orElseThrow(() -> ApiException.invalidField("sheet", "phiếu không có trong bộ tiêu chí " + edition.id() + " (unknown sheet)"));
        Document d = new Document();
        if (input.getLocation() != null) {
            List<ApiException.FieldProblem> errors = adminUnits.check("location", input.getLocation().getProvinceCode(),
                    input.getLocation().getDistrictCode(), input.getLocation().getCommuneCode(), registeredOn);
            if (!errors.isEmpty()) {
                throw ApiException.invalid("VALIDATION_FAILED", "Địa bàn không có trong danh mục đơn vị hành chính ngày "
                        + registeredOn + " (unknown administrative unit)", errors);
            }
        }
        if (input.getProduct() != null) input.getProduct().setName(TextNormalizer.clean(input.getProduct().getName()));
        if (input.getProducer() != null) input.getProducer().setName(TextNormalizer.clean(input.getProducer().getName()));
        d.put("product", map(input.getProduct()));
        d.put("producer", map(input.getProducer()));
        d.put("location", map(input.getLocation()));
        String productName = input.getProduct() == null ? null : input.getProduct().getName();
        String producerName = input.getProducer() == null ? null : input.getProducer().getName();
        d.put("search", new Document("product", TextNormalizer.searchKey(productName))
                .append("producer", TextNormalizer.searchKey(producerName)));
        d.put("sortKeys", new Document("product", VietnameseCollation.sortKey(productName))
                .append("producer", VietnameseCollation.sortKey(producerName)));
        d.put("registeredOn", registeredOn.toString());
        d.put("edition", edition.id());
        d.put("sheet", sheet.id());
        d.put("group", sheet.group());
        if (input.getFacts() != null) d.put("facts", map(input.getFacts()));
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

    private Location location(Document d) {
        Document l = d.get("location", Document.class);
        return l == null ? null : json.convertValue(plainMap(l), Location.class);
    }

    private Dossier view(Document d) {
        Map<String, Object> m = new LinkedHashMap<>(plainMap(d));
        m.put("id", m.remove("_id"));
        m.remove("assessmentIds");
        m.remove("evaluationCount");
        DERIVED.forEach(m::remove);
        return json.convertValue(m, Dossier.class);
    }

    private static long count(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

}
