package vn.ocop.service.platform.storage;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents stored as BSON come back exactly as written, after a restart too; a file written with Java-serialized
 * documents (the stock format, and this service's before) opens and keeps working, its documents rewritten as BSON
 * as they change.
 */
class BsonValueTypeTests {

    static Document sample(String id) {
        return new Document("_id", id)
                .append("int", 7)
                .append("long", 1L << 40)
                .append("double", 0.25)
                .append("decimal", new Decimal128(new BigDecimal("12.50")))
                .append("text", "Sản phẩm OCOP ★")
                .append("date", new Date(1_700_000_000_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("nothing", null)
                .append("flag", true)
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("a", new Document("b", List.of())));
    }

    @Test
    void documentsRoundTripThroughTheFileAsBson(@TempDir Path dir) {
        Path file = dir.resolve("ocop.mv");
        try (RunningStore s = RunningStore.open(file, true)) {
            s.things().insertOne(sample("x"));
            assertThat(s.things().find(eq("_id", "x")).first()).isEqualTo(sample("x"));
        }
        try (RunningStore s = RunningStore.open(file, true)) {
            assertThat(s.things().find(eq("_id", "x")).first())
                    .as("after a restart, i.e. read from the file")
                    .isEqualTo(sample("x"));
        }
    }

    @Test
    void aFileWithJavaSerializedDocumentsOpensAndMixesWithBson(@TempDir Path dir) {
        Path file = dir.resolve("ocop.mv");
        try (RunningStore s = RunningStore.open(file, false)) {
            s.things().insertOne(sample("old"));
            s.things().insertOne(sample("changed"));
        }
        try (RunningStore s = RunningStore.open(file, true)) {
            assertThat(s.things().find(eq("_id", "old")).first()).isEqualTo(sample("old"));
            s.things().updateOne(eq("_id", "changed"), Updates.set("text", "mới"));
            s.things().insertOne(sample("new"));
        }
        try (RunningStore s = RunningStore.open(file, true)) {
            assertThat(s.things().find(eq("_id", "old")).first()).isEqualTo(sample("old"));
            assertThat(s.things().find(eq("_id", "changed")).first())
                    .isEqualTo(sample("changed").append("text", "mới"));
            assertThat(s.things().find(eq("_id", "new")).first()).isEqualTo(sample("new"));
            assertThat(s.things().countDocuments()).isEqualTo(3);
        }
    }
}
