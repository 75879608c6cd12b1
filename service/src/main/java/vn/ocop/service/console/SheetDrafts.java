package vn.ocop.service.console;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * A council member's unfinished sheet, kept so that scoring 30+ criteria can stop and resume: one document per
 * (dossier, signed-in user), replaced whole by {@code _id} (a single-document write on MongoDB and the embedded store).
 * Nothing is scored from a draft; submitting sends the sheet to the API's assessments and removes the draft. When the
 * procedure feature brings drafts into the API (a member's sheet is a draft until submitted), this store gives way.
 */
@Service
class SheetDrafts {
    static final String COLLECTION = "console_sheet_drafts";
    private final MongoCollection<Document> drafts;

    SheetDrafts(MongoTemplate mongo) {
        this.drafts = mongo.getCollection(COLLECTION);
    }

    record Draft(String member, String role, Map<String, Integer> selections, Date savedAt) {}

    Optional<Draft> find(String dossierId, String user) {
        Document d = drafts.find(new Document("_id", id(dossierId, user))).first();
        if (d == null) return Optional.empty();
        Map<String, Integer> selections = new LinkedHashMap<>();
        for (Document s : d.getList("selections", Document.class, List.of())) {
            selections.put(s.getString("code"), s.getInteger("option"));
        }
        return Optional.of(new Draft(d.getString("member"), d.getString("role"), selections, d.getDate("savedAt")));
    }

    void save(String dossierId, String user, Draft draft) {
        List<Document> selections = new ArrayList<>();
        draft.selections().forEach((code, option) -> selections.add(new Document("code", code).append("option", option)));
        Document d = new Document("_id", id(dossierId, user)).append("dossierId", dossierId).append("user", user)
                .append("member", draft.member()).append("role", draft.role()).append("selections", selections)
                .append("savedAt", new Date());
        drafts.replaceOne(new Document("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true));
    }

    void remove(String dossierId, String user) {
        drafts.deleteOne(new Document("_id", id(dossierId, user)));
    }

    private static String id(String dossierId, String user) {
        return dossierId + "|" + user;
    }
}
