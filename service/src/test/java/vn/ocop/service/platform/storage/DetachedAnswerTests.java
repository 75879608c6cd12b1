package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A read's answer is handed to the encoder as a copy: later writes to the stored documents do not reach it. */
class DetachedAnswerTests {

    @Test
    void theEncoderGetsACopyThatWritesCannotChange() {
        Document stored = new Document("_id", "d1").append("version", 1L);
        List<Object> batch = new ArrayList<>(List.of(stored));
        Document answer = new Document("cursor", new Document("firstBatch", batch).append("id", 0L)).append("ok", 1.0);

        Document detached = DurableH2Backend.detached(answer);
        stored.put("version", 2L);
        stored.put("added", "by a concurrent write");

        @SuppressWarnings("unchecked")
        List<Document> copied = (List<Document>) ((Document) detached.get("cursor")).get("firstBatch");
        assertThat(copied.get(0).get("version")).isEqualTo(1L);
        assertThat(copied.get(0).containsKey("added")).isFalse();
        assertThat(detached.get("ok")).isEqualTo(1.0);
    }
}
