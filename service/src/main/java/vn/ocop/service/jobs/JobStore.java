package vn.ocop.service.jobs;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The jobs collection: inserted once, then updated by _id only (the embedded store's fast path). */
@Component
class JobStore {
    static final String COLLECTION = "jobs";
    private final MongoCollection<Document> jobs;

    JobStore(MongoTemplate mongo) {
        this.jobs = mongo.getCollection(COLLECTION);
    }

    void insert(Document d) {
        jobs.insertOne(d);
    }

    Document find(String id) {
        return jobs.find(eq("_id", id)).first();
    }

    /** Applies the update by _id and answers the document after it (null when there is no such job). */
    Document update(String id, Bson update) {
        return jobs.findOneAndUpdate(
                eq("_id", id), update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    static Bson set(Map<String, Object> fields) {
        return Updates.combine(fields.entrySet().stream()
                .map(e -> Updates.set(e.getKey(), e.getValue()))
                .toList());
    }

    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Date now() {
        return new Date();
    }
}
