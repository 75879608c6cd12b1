package vn.ocop.service.certificate;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.storage.CollectionScan;

/**
 * Three collections, each written one document at a time: {@code certificates} (_id = the certificate number, an
 * optimistic {@code version}), {@code certificate_grounds} (_id = evaluation record id → the number it grounds, so a
 * record grounds one certificate and a retried decision finds what it issued), and {@code counters} for numbers.
 */
@Component
class CertificateStore {
    static final String COLLECTION = "certificates";
    private final MongoCollection<Document> certificates;
    private final MongoCollection<Document> grounds;
    private final MongoCollection<Document> counters;

    private final CollectionScan scan;

    CertificateStore(MongoTemplate mongo, CollectionScan scan) {
        this.scan = scan;
        certificates = mongo.getCollection(COLLECTION);
        grounds = mongo.getCollection("certificate_grounds");
        counters = mongo.getCollection("counters");
        certificates.createIndex(
                Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version"));
        // for MongoDB's lists and reports; the embedded store ignores non-unique indexes and scans
        certificates.createIndex(
                Indexes.ascending("location.provinceCode", "issuedOn"), new IndexOptions().name("province_issued"));
    }

    Document find(String number) {
        return certificates.find(eq("_id", number)).first();
    }

    /** False when the number is taken. */
    boolean insert(Document d) {
        try {
            certificates.insertOne(d);
            return true;
        } catch (MongoException e) {
            if (Bson.isDuplicateKey(e)) return false;
            throw e;
        }
    }

    /** Applies the update if the stored version is still {@code version} (plain {_id, version} filter); null if not. */
    Document updateIfVersion(String number, long version, org.bson.conversions.Bson update) {
        return certificates.findOneAndUpdate(
                new Document("_id", number).append("version", version),
                Updates.combine(update, Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Streams the certificates matching an equality filter, in constant memory. */
    void forEach(Document filter, Predicate<Document> each) {
        scan.forEach(certificates, filter, each);
    }

    Document ground(String evaluationId) {
        return grounds.find(eq("_id", evaluationId)).first();
    }

    /** Claims the record for a number; false when the record already grounds one. */
    boolean claimGround(String evaluationId, String number, String decisionNumber) {
        try {
            grounds.insertOne(new Document("_id", evaluationId)
                    .append("number", number)
                    .append("decisionNumber", decisionNumber));
            return true;
        } catch (MongoException e) {
            if (Bson.isDuplicateKey(e)) return false;
            throw e;
        }
    }

    /** The next value of a named counter, atomically (one document, $inc with upsert). */
    long next(String counter) {
        Document d = counters.findOneAndUpdate(
                eq("_id", counter),
                Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return d.get("value", Number.class).longValue();
    }
}
