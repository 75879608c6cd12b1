package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scan read straight from the embedded store's file gives what a find through the server gives (the same documents,
 * decoded the same way, in the same order) for the filters the history jobs use, in both storage formats; it stops
 * when told, and sees documents changed during the scan either as before or as after, never broken.
 */
class EmbeddedDocumentsTests {
    private static final List<Bson> FILTERS = List.of(
            new Document(),
            Filters.eq("location.provinceCode", "01"),
            Filters.and(Filters.eq("group", "FOOD"), Filters.gte("evaluationDate", "2026-03-01")),
            Filters.and(Filters.gte("evaluationDate", "2026-02-01"), Filters.lte("evaluationDate", "2026-04-30")),
            new Document("dossierId", "d-3").append("sequence", 2L));

    private static Document record(int i) {
        return new Document("_id", "e-" + i)
                .append("dossierId", "d-" + (i % 7))
                .append("sequence", (long) (i / 7))
                .append("group", i % 3 == 0 ? "FOOD" : "HERBAL")
                .append("evaluationDate", "2026-0" + (1 + i % 6) + "-15")
                .append("location", new Document("provinceCode", i % 2 == 0 ? "01" : "82"))
                .append("result", new Document("stars", i % 6).append("members", List.of(new Document("m", "Hà Nội"))))
                .append("score", 61.5 + i);
    }

    private static List<Document> scanned(RunningStore s, Bson filter) {
        List<Document> out = new ArrayList<>();
        new EmbeddedDocuments(s.backend()).forEach(s.things(), filter, out::add);
        return out;
    }

    @ParameterizedTest(name = "BSON documents: {0}")
    @ValueSource(booleans = {true, false})
    void aScanGivesWhatAFindGives(boolean bson, @TempDir Path dir) {
        try (RunningStore s = RunningStore.open(dir.resolve("ocop.mv"), bson)) {
            for (int i = 0; i < 120; i++) s.things().insertOne(record(i));
            for (Bson filter : FILTERS) {
                List<Document> found = s.things().find(filter).into(new ArrayList<>());
                assertThat(found).as("%s matches something", filter).isNotEmpty();
                assertThat(scanned(s, filter)).as(filter.toString()).isEqualTo(found);
                assertThat(new EmbeddedDocuments(s.backend()).count(s.things(), filter))
                        .isEqualTo(s.things().countDocuments(filter));
            }
        }
    }

    @ParameterizedTest(name = "BSON documents: {0}")
    @ValueSource(booleans = {true, false})
    void readsByIdGiveWhatAnIdInFindGivesAndSkipIdsNotStored(boolean bson, @TempDir Path dir) {
        try (RunningStore s = RunningStore.open(dir.resolve("ocop.mv"), bson)) {
            EmbeddedDocuments documents = new EmbeddedDocuments(s.backend());
            // a repeated id and a null one too: an _id $in gives each stored document once and matches nothing for null
            List<String> ids = java.util.Arrays.asList("e-17", "e-3", "missing", "e-99", "e-3-not", "e-17", null);
            assertThat(documents.byIds(s.things(), ids)).isEmpty();
            for (int i = 0; i < 120; i++) s.things().insertOne(record(i));
            s.things().updateOne(Filters.eq("_id", "e-3"), Updates.set("score", 1.25));

            List<Document> found = s.things().find(Filters.in("_id", ids)).into(new ArrayList<>());
            assertThat(found).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("e-17", "e-3", "e-99");
            assertThat(documents.byIds(s.things(), ids)).containsExactlyInAnyOrderElementsOf(found);
            assertThat(documents.byIds(s.things(), ids).stream()
                            .filter(d -> d.getString("_id").equals("e-3"))
                            .findFirst()
                            .orElseThrow()
                            .get("score"))
                    .isEqualTo(1.25);
        }
    }

    @Test
    void aScanOfACollectionNeverWrittenIsEmptyAndAScanStopsWhenTold(@TempDir Path dir) {
        try (RunningStore s = RunningStore.open(dir.resolve("ocop.mv"), true)) {
            assertThat(scanned(s, new Document())).isEmpty();
            for (int i = 0; i < 50; i++) s.things().insertOne(record(i));
            List<Document> seen = new ArrayList<>();
            new EmbeddedDocuments(s.backend()).forEach(s.things(), new Document(), d -> seen.add(d) && seen.size() < 5);
            assertThat(seen).hasSize(5);
        }
    }

    @Test
    void documentsChangedDuringAScanComeWholeAndOnce(@TempDir Path dir) throws Exception {
        try (RunningStore s = RunningStore.open(dir.resolve("ocop.mv"), true)) {
            for (int i = 0; i < 300; i++) s.things().insertOne(record(i));
            Thread writer = new Thread(() -> {
                for (int round = 0; round < 20; round++) {
                    s.things().updateMany(new Document(), Updates.inc("score", 1));
                }
            });
            writer.start();
            List<Document> seen = scanned(s, new Document());
            writer.join();
            assertThat(seen).hasSize(300);
            assertThat(seen).extracting(d -> d.getString("_id")).doesNotHaveDuplicates();
            assertThat(seen)
                    .allSatisfy(d -> assertThat(d.get("result", Document.class).getList("members", Document.class))
                            .containsExactly(new Document("m", "Hà Nội")));
        }
    }

    @Test
    void aLookupByExactKeysGivesWhatAFindGives(@TempDir Path dir) {
        try (RunningStore s = RunningStore.open(dir.resolve("ocop.mv"), true)) {
            EmbeddedDocuments documents = new EmbeddedDocuments(s.backend());
            assertThat(documents.first(s.things(), new Document("_id", "e-1")))
                    .as("no collection yet")
                    .isEmpty();
            s.things()
                    .createIndex(
                            com.mongodb.client.model.Indexes.ascending("dossierId", "sequence"),
                            new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 70; i++) s.things().insertOne(record(i));
            Document byKeys = new Document("dossierId", "d-3").append("sequence", 4L);
            assertThat(documents.first(s.things(), byKeys))
                    .contains(s.things().find(byKeys).first());
            assertThat(documents.first(s.things(), new Document("dossierId", "d-3").append("sequence", 99L)))
                    .isEmpty();
        }
    }
}
