package vn.ocop.service.dossier;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.storage.CollectionScan;

/**
 * The dossiers collection. Reads and writes go by _id; the optimistic version check is an update filtered on
 * {_id, version}, which the unique index on exactly those keys serves on MongoDB and on the embedded store.
 */
@Component
class DossierStore {
    static final String COLLECTION = "dossiers";
    private final MongoCollection<Document> dossiers;

    private final CollectionScan scan;

    DossierStore(MongoTemplate mongo, CollectionScan scan) {
        this.dossiers = mongo.getCollection(COLLECTION);
        this.scan = scan;
        dossiers.createIndex(
                Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version"));
        // Secondary indexes for the list filters: used by MongoDB; the embedded store ignores non-unique indexes.
        dossiers.createIndex(
                Indexes.ascending("location.provinceCode", "status"), new IndexOptions().name("province_status"));
        dossiers.createIndex(Indexes.ascending("group", "status"), new IndexOptions().name("group_status"));
        dossiers.createIndex(Indexes.descending("createdAt"), new IndexOptions().name("created"));
    }

    void insert(Document d) {
        dossiers.insertOne(d);
    }

    Document find(String id) {
        return dossiers.find(eq("_id", id)).first();
    }

    /** Applies the update only if the stored version is still {@code version}; bumps the version. Null when it was not. */
    Document updateIfVersion(String id, long version, Bson set) {
        // A plain document, not Filters.and (which renders $and): the embedded store uses an index only when the
        // query's keys are exactly the index's keys, here the unique {_id, version}.
        return dossiers.findOneAndUpdate(
                new Document("_id", id).append("version", version),
                Updates.combine(set, Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    void addAssessment(String dossierId, String assessmentId) {
        dossiers.updateOne(eq("_id", dossierId), Updates.addToSet("assessmentIds", assessmentId));
    }

    List<Document> list(Bson filter, Bson sort, int skip, int limit) {
        return dossiers.find(filter)
                .sort(Sorts.orderBy(sort, Sorts.ascending("_id")))
                .skip(skip)
                .limit(limit)
                .into(new ArrayList<>());
    }

    /** Streams the matching dossiers in constant memory. */
    void forEach(Bson filter, java.util.function.Predicate<Document> each) {
        scan.forEach(dossiers, filter, each);
    }

    static Bson byIds(List<String> ids) {
        return in("_id", ids);
    }
}
