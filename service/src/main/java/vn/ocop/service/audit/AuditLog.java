package vn.ocop.service.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.api.model.AuditEntry;
import vn.ocop.api.model.AuditPage;

/**
 * The append-only audit log, collection {@code audit_log}: inserts only; nothing in the code updates or deletes an entry.
 * The entries form one hash chain ({@link AuditChain}): a deleted or edited entry shows in GET /api/v1/audit/verify.
 * Filtered reads: MongoDB uses the secondary indexes; the embedded store ignores non-unique indexes and scans, which is
 * why a page holds at most {@link #MAX_PAGE} entries.
 */
@Component
class AuditLog {
    static final String COLLECTION = "audit_log";
    static final int MAX_PAGE = 100;
    private final MongoCollection<Document> log;
    private final AuditChain chain;

    AuditLog(MongoTemplate mongo, AuditChain chain) {
        this.chain = chain;
        this.log = mongo.getCollection(COLLECTION);
        log.createIndex(Indexes.descending("at"), new IndexOptions().name("at"));
        log.createIndex(Indexes.ascending("actor", "at"), new IndexOptions().name("actor_at"));
        log.createIndex(Indexes.ascending("targetId", "at"), new IndexOptions().name("target_at"));
    }

    record Entry(
            String id,
            Date at,
            String actor,
            List<String> roles,
            String method,
            String route,
            String path,
            String targetId,
            int status,
            String requestId,
            java.util.Map<String, Object> detail) {}

    void append(Entry e) {
        Document d = new Document("_id", e.id())
                .append("at", e.at())
                .append("actor", e.actor())
                .append("roles", e.roles())
                .append("method", e.method())
                .append("route", e.route())
                .append("path", e.path())
                .append("status", e.status())
                .append("requestId", e.requestId());
        if (e.targetId() != null) d.append("targetId", e.targetId());
        if (e.detail() != null && !e.detail().isEmpty()) d.append("detail", new Document(e.detail()));
        chain.append(d);
    }

    AuditPage page(String actor, String target, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        int capped = Math.max(1, Math.min(size, MAX_PAGE));
        List<Bson> filters = new ArrayList<>();
        // plain values only: a string can never become an operator here
        if (actor != null) filters.add(Filters.eq("actor", actor));
        if (target != null) filters.add(Filters.eq("targetId", target));
        if (from != null) filters.add(Filters.gte("at", Date.from(from.toInstant())));
        if (to != null) filters.add(Filters.lt("at", Date.from(to.toInstant())));
        List<Document> docs = log.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("at"), Sorts.ascending("_id")))
                .skip(Math.max(0, page) * capped)
                .limit(capped + 1)
                .into(new ArrayList<>());
        List<AuditEntry> items = docs.stream().limit(capped).map(AuditLog::view).toList();
        return new AuditPage()
                .items(new ArrayList<>(items))
                .page(page)
                .size(capped)
                .hasNext(docs.size() > capped);
    }

    private static AuditEntry view(Document d) {
        Date at = d.getDate("at");
        Number status = d.get("status", Number.class);
        return new AuditEntry()
                .id(d.getString("_id"))
                .at(at == null ? null : OffsetDateTime.ofInstant(at.toInstant(), ZoneOffset.UTC))
                .actor(d.getString("actor"))
                .roles(new ArrayList<>(d.getList("roles", String.class, List.of())))
                .method(d.getString("method"))
                .route(d.getString("route"))
                .path(d.getString("path"))
                .targetId(d.getString("targetId"))
                .status(status == null ? null : status.intValue())
                .requestId(d.getString("requestId"));
        // sequence, previousHash, hash and mac stay in storage: GET /api/v1/audit/verify checks them
    }
}
