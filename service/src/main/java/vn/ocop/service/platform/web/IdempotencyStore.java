package vn.ocop.service.platform.web;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.storage.Bson;

/**
 * Collection {@code idempotency_keys}: one document per (user, key), its _id a hash of both (the unique index),
 * holding the request's fingerprint and, once answered, the first answer. {@code expiresAt} carries a TTL index
 * (MongoDB removes expired keys itself; the embedded store does not, so expired keys are also ignored on read and
 * purged hourly).
 */
@Component
class IdempotencyStore {
    static final String COLLECTION = "idempotency_keys";
    private final MongoCollection<Document> keys;
    private final Duration ttl;
    private final Duration lease;

    IdempotencyStore(
            MongoTemplate mongo,
            @Value("${ocop.idempotency.ttl:PT24H}") Duration ttl,
            @Value("${ocop.idempotency.lease:PT2M}") Duration lease) {
        this.keys = mongo.getCollection(COLLECTION);
        this.ttl = ttl;
        this.lease = lease;
        keys.createIndex(
                Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("ttl"));
    }

    sealed interface Claim {}
    /** This request runs and its answer will be kept. */
    record Fresh() implements Claim {}
    /** The first answer, to give again. */
    record Answered(int status, Map<String, String> headers, byte[] body) implements Claim {}
    /** The key was used for another request. */
    record Reused() implements Claim {}
    /** The first request with this key has not answered yet. */
    record Running() implements Claim {}

    Claim claim(String id, String fingerprint) {
        Date now = new Date();
        for (int attempt = 0; attempt < 3; attempt++) {
            Document d = keys.find(eq("_id", id)).first();
            if (d != null && d.getDate("expiresAt").before(now)) {
                keys.deleteOne(new Document("_id", id).append("expiresAt", d.getDate("expiresAt")));
                d = null;
            }
            if (d == null) {
                try {
                    keys.insertOne(new Document("_id", id)
                            .append("fingerprint", fingerprint)
                            .append("state", "RUNNING")
                            .append("startedAt", now)
                            .append("expiresAt", new Date(now.getTime() + ttl.toMillis())));
                    return new Fresh();
                } catch (MongoException e) {
                    if (!Bson.isDuplicateKey(e)) throw e;
                    continue;
                }
            }
            if (!fingerprint.equals(d.getString("fingerprint"))) return new Reused();
            if ("DONE".equals(d.getString("state"))) {
                Document h = d.get("headers", Document.class);
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                if (h != null) h.forEach((k, v) -> headers.put(k, String.valueOf(v)));
                Binary body = d.get("body", Binary.class);
                return new Answered(
                        d.get("status", Number.class).intValue(), headers, body == null ? new byte[0] : body.getData());
            }
            // a first request that stopped without answering: after the lease a retry may run it again
            Date started = d.getDate("startedAt");
            if (started.getTime() + lease.toMillis() < now.getTime()
                    && keys.updateOne(
                                            new Document("_id", id).append("startedAt", started),
                                            Updates.set("startedAt", now))
                                    .getModifiedCount()
                            == 1) {
                return new Fresh();
            }
            return new Running();
        }
        return new Running();
    }

    void complete(String id, int status, Map<String, String> headers, byte[] body) {
        keys.updateOne(
                eq("_id", id),
                Updates.combine(
                        Updates.set("state", "DONE"),
                        Updates.set("status", status),
                        Updates.set("headers", new Document(new java.util.LinkedHashMap<String, Object>(headers))),
                        Updates.set("body", new Binary(body))));
    }

    /** The request failed on the server's side: let a retry run it. */
    void release(String id) {
        keys.deleteOne(eq("_id", id));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void purgeExpired() {
        keys.deleteMany(Filters.lt("expiresAt", new Date()));
    }
}
