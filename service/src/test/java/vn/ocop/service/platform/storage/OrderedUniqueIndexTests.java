package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's unique indexes with keys that compare without serialization: the order is a total order that
 * agrees with KeyValue.equals (else a tree search would miss keys or admit duplicates), the index still refuses a
 * duplicate and serves exact-key reads after a restart, and an index of a file written with the stock key type is
 * carried over when the file is opened.
 */
class OrderedUniqueIndexTests {
    private final IndexKeyType type = new IndexKeyType();

    private static Object randomValue(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> null;
            case 1 -> Missing.getInstance();
            case 2 -> (long) r.nextInt(5);
            case 3 -> r.nextInt(5);
            case 4 -> r.nextInt(5) / 2.0;
            case 5 -> List.of("đ", "d", "Đ", "a", "").get(r.nextInt(5));
            case 6 -> r.nextBoolean();
            case 7 -> new de.bwaldvogel.mongo.bson.Document("k", r.nextInt(3));
            default -> Long.MAX_VALUE - r.nextInt(2); // longs a double cannot tell apart
        };
    }

    private static KeyValue randomKey(Random r) {
        List<Object> values = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) values.add(randomValue(r));
        return new KeyValue(values);
    }

    @Test
    void keysCompareInATotalOrderThatAgreesWithEquals() {
        Random r = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) keys.add(randomKey(r));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(type.compare(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(type.compare(b, a)));
                assertThat(ab == 0)
                        .as("%s vs %s: equal iff compared equal", a, b)
                        .isEqualTo(a.equals(b));
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(type::compare);
        for (int i = 0; i + 2 < sorted.size(); i++) {
            // sorted neighbours: a transitivity violation shows up as a later key smaller than an earlier one
            for (int j = i + 1; j < sorted.size(); j += 37) {
                assertThat(type.compare(sorted.get(i), sorted.get(j))).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void theIndexRefusesDuplicatesAndServesExactKeysAfterARestart(@TempDir Path dir) {
        Path file = dir.resolve("ocop.mv");
        try (RunningStore s = RunningStore.open(file, true)) {
            s.things().createIndex(Indexes.ascending("dossierId", "sequence"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                s.things().insertOne(new Document("dossierId", "d-" + (i % 50)).append("sequence", (long) (i / 50)));
            }
            assertThatThrownBy(() -> s.things().insertOne(new Document("dossierId", "d-7").append("sequence", 3L)))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
        try (RunningStore s = RunningStore.open(file, true)) {
            assertThat(s.mv().getMapNames()).anyMatch(n -> n.endsWith(OrderedUniqueIndex.SUFFIX));
            assertThat(s.things()
                            .find(new Document("dossierId", "d-7").append("sequence", 3L))
                            .first())
                    .isNotNull();
            assertThat(s.things()
                            .find(new Document("dossierId", "d-7").append("sequence", 10L))
                            .first())
                    .isNull();
            assertThatThrownBy(() -> s.things().insertOne(new Document("dossierId", "d-49").append("sequence", 9L)))
                    .isInstanceOf(MongoWriteException.class);
            s.things().insertOne(new Document("dossierId", "d-49").append("sequence", 10L));
            assertThat(s.things().countDocuments()).isEqualTo(501);
        }
    }

    @Test
    void anIndexOfAStockFileIsCarriedOverWhenOpened(@TempDir Path dir) {
        Path file = dir.resolve("ocop.mv");
        try (RunningStore s = RunningStore.open(file, false)) {
            s.things().createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            for (int i = 0; i < 100; i++) s.things().insertOne(new Document("code", "c-" + i));
            assertThat(s.mv().getMapNames()).noneMatch(n -> n.endsWith(OrderedUniqueIndex.SUFFIX));
        }
        try (RunningStore s = RunningStore.open(file, true)) {
            assertThat(s.mv().getMapNames())
                    .anyMatch(n -> n.endsWith("._index_code_1" + OrderedUniqueIndex.SUFFIX))
                    .noneMatch(n -> n.endsWith("._index_code_1"));
            assertThatThrownBy(() -> s.things().insertOne(new Document("code", "c-42")))
                    .as("the copied index still knows every key")
                    .isInstanceOf(MongoWriteException.class);
            assertThat(s.things().find(new Document("code", "c-99")).first()).isNotNull();
        }
    }
}
