package vn.ocop.service.procedure.cases;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The product code (T)-(X)-(STT)-year printed on every sheet: province code, commune code, the commune's serial
 * number of the year, the year. The serial is one counter document per commune and year, taken with an atomic
 * {@code $inc} (upsert) on its _id.
 */
@Component
class ProductCodes {
    private final MongoCollection<Document> counters;

    ProductCodes(MongoTemplate mongo) {
        this.counters = mongo.getCollection("procedure_counters");
    }

    String next(String province, String commune, int year) {
        String key = province + "-" + commune + "-" + year;
        Document d = counters.findOneAndUpdate(
                new Document("_id", key),
                Updates.inc("serial", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long serial = d.get("serial", Number.class).longValue();
        return format(province, commune, serial, year);
    }

    static String format(String province, String commune, long serial, int year) {
        return province + "-" + commune + "-" + String.format("%03d", serial) + "-" + year;
    }
}
