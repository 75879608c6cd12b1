package vn.ocop.service.dossier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import vn.ocop.service.platform.text.TextNormalizer;

/** The stored comparison key of a council member's name (memberKey), on which one sheet per member is unique. */
final class MemberKeys {
    static final String FIELD = "memberKey";

    private MemberKeys() {}

    static String of(String member) {
        return TextNormalizer.nameKey(member);
    }

    /** Sheets stored before the key existed get it, once at start, so the unique index can be built over them. */
    static void backfill(MongoCollection<Document> assessments) {
        for (Document d : assessments.find(Filters.exists(FIELD, false))) {
            assessments.updateOne(new Document("_id", d.get("_id")), Updates.set(FIELD, of(d.getString("member"))));
        }
    }
}
