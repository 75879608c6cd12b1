package vn.ocop.service.idea;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.IdeaHistoryEntry;
import vn.ocop.api.model.IdeaStatus;
import vn.ocop.api.model.IdeaTriageInput;
import vn.ocop.api.model.ProductIdea;
import vn.ocop.api.model.ProductIdeaInput;
import vn.ocop.api.model.ProductIdeaPage;
import vn.ocop.api.model.ProductIdeaReceipt;
import vn.ocop.service.adminunits.AdminUnits;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.platform.web.ApiException;

/**
 * Collection {@code product_ideas}: one document per idea, changed by compare-and-set on {_id, version}. The sender's
 * contact is kept for the officers who triage and never shown on the public site.
 */
@Service
public class ProductIdeas {
    /** Which status may follow which (DOSSIER_CREATED and DECLINED are final). */
    static final Map<IdeaStatus, Set<IdeaStatus>> NEXT = Map.of(
            IdeaStatus.NEW, Set.of(IdeaStatus.UNDER_STUDY, IdeaStatus.DOSSIER_CREATED, IdeaStatus.DECLINED),
            IdeaStatus.UNDER_STUDY, Set.of(IdeaStatus.DOSSIER_CREATED, IdeaStatus.DECLINED),
            IdeaStatus.DOSSIER_CREATED, Set.of(),
            IdeaStatus.DECLINED, Set.of());

    private final MongoCollection<Document> ideas;
    private final AdminUnits units;
    private final Dossiers dossiers;

    ProductIdeas(MongoTemplate mongo, AdminUnits units, Dossiers dossiers) {
        this.ideas = mongo.getCollection("product_ideas");
        this.units = units;
        this.dossiers = dossiers;
        ideas.createIndex(
                Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version"));
        ideas.createIndex(Indexes.ascending("provinceCode", "status"), new IndexOptions().name("province_status"));
    }

    /** A public submission; the commune must be one of the 2025 list, which also names its province. */
    public ProductIdeaReceipt submit(ProductIdeaInput in) {
        AdminUnits.Commune commune = units.commune2025(in.getCommuneCode())
                .orElseThrow(
                        () -> ApiException.invalidField("communeCode", "không phải mã xã, phường, đặc khu hiện hành"));
        Date now = new Date();
        Document d = new Document("_id", UUID.randomUUID().toString())
                .append("version", 1L)
                .append("name", in.getName().strip())
                .append("contact", in.getContact().strip())
                .append("communeCode", commune.code())
                .append("communeName", commune.name())
                .append("provinceCode", commune.provinceCode())
                .append("provinceName", commune.provinceName())
                .append("group", in.getGroup().getValue())
                .append("productName", in.getProductName())
                .append("description", in.getDescription().strip())
                .append("status", IdeaStatus.NEW.getValue())
                .append("receivedAt", now)
                .append(
                        "history",
                        List.of(new Document("status", IdeaStatus.NEW.getValue())
                                .append("by", "public")
                                .append("at", now)));
        ideas.insertOne(d);
        return new ProductIdeaReceipt()
                .id(d.getString("_id"))
                .status(IdeaStatus.NEW)
                .receivedAt(time(now))
                .communeName(commune.name())
                .provinceName(commune.provinceName());
    }

    ProductIdeaPage list(String province, String commune, IdeaStatus status, int page, int size) {
        Document filter = new Document();
        if (province != null) filter.append("provinceCode", province);
        if (commune != null) filter.append("communeCode", commune);
        if (status != null) filter.append("status", status.getValue());
        List<ProductIdea> items = new ArrayList<>();
        long skip = (long) page * size;
        List<Document> docs = skip > Integer.MAX_VALUE
                ? List.of()
                : ideas.find(filter)
                        .sort(Sorts.orderBy(Sorts.descending("receivedAt"), Sorts.ascending("_id")))
                        .skip((int) skip)
                        .limit(size + 1)
                        .into(new ArrayList<>());
        docs.stream().limit(size).forEach(d -> items.add(view(d)));
        return new ProductIdeaPage().items(items).page(page).size(size).hasNext(docs.size() > size);
    }

    ProductIdea triage(String id, IdeaTriageInput in, String user) {
        Document d = ideas.find(eq("_id", id)).first();
        if (d == null) throw ApiException.notFound("Product idea", id);
        IdeaStatus current = IdeaStatus.fromValue(d.getString("status"));
        if (!NEXT.get(current).contains(in.getStatus())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "INVALID_TRANSITION",
                    "Không thể chuyển ý tưởng từ " + current + " sang " + in.getStatus());
        }
        if (in.getStatus() == IdeaStatus.DOSSIER_CREATED) {
            if (in.getDossierId() == null)
                throw ApiException.invalidField("dossierId", "bắt buộc khi đã lập hồ sơ (DOSSIER_CREATED)");
            dossiers.read(in.getDossierId()); // 404 for an unknown dossier
        } else if (in.getDossierId() != null) {
            throw ApiException.invalidField("dossierId", "chỉ dùng với DOSSIER_CREATED");
        }
        Date now = new Date();
        Document entry = new Document("status", in.getStatus().getValue())
                .append("by", user)
                .append("at", now)
                .append("note", in.getNote());
        Document updated = ideas.findOneAndUpdate(
                new Document("_id", id).append("version", in.getVersion()),
                Updates.combine(
                        Updates.set("status", in.getStatus().getValue()),
                        Updates.set("dossierId", in.getDossierId()),
                        Updates.push("history", entry),
                        Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw new ApiException(
                    HttpStatus.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED",
                    "The idea has changed since that version; read it again");
        }
        return view(updated);
    }

    private static ProductIdea view(Document d) {
        List<IdeaHistoryEntry> history = new ArrayList<>();
        for (Document h : d.getList("history", Document.class, List.of())) {
            history.add(new IdeaHistoryEntry()
                    .status(IdeaStatus.fromValue(h.getString("status")))
                    .by(h.getString("by"))
                    .at(time(h.getDate("at")))
                    .note(h.getString("note")));
        }
        return new ProductIdea()
                .id(d.getString("_id"))
                .version(d.get("version", Number.class).longValue())
                .name(d.getString("name"))
                .contact(d.getString("contact"))
                .communeCode(d.getString("communeCode"))
                .communeName(d.getString("communeName"))
                .provinceCode(d.getString("provinceCode"))
                .provinceName(d.getString("provinceName"))
                .group(d.getString("group"))
                .productName(d.getString("productName"))
                .description(d.getString("description"))
                .status(IdeaStatus.fromValue(d.getString("status")))
                .dossierId(d.getString("dossierId"))
                .receivedAt(time(d.getDate("receivedAt")))
                .history(history);
    }

    private static OffsetDateTime time(Date d) {
        return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC);
    }
}
