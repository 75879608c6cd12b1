package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentIdsTests {
    @Test
    void idsAreVersion7UuidsInTheOrderTheyWereMade() {
        // 20,000 in a tight loop: many share a millisecond, where only the generator's increment keeps the order
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) made.add(DocumentIds.next());

        for (String id : made) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.toString()).isEqualTo(id); // the canonical lower-case text a store sorts
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(made).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void anIdCarriesTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        String id = DocumentIds.next();
        long after = System.currentTimeMillis();
        long millis = Long.parseLong(id.replace("-", "").substring(0, 12), 16);
        assertThat(millis).isBetween(before, after);
    }
}
