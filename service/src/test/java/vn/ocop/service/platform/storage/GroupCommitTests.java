package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

    /** A fake store: writes go to {@code applied}; a commit copies what was applied when it started to {@code durable}. */
    static final class FakeStore {
        final Set<Long> applied = ConcurrentHashMap.newKeySet();
        final Set<Long> durable = ConcurrentHashMap.newKeySet();
        final AtomicInteger concurrentCommits = new AtomicInteger();
        volatile int maxConcurrentCommits;

        void commit() {
            int now = concurrentCommits.incrementAndGet();
            maxConcurrentCommits = Math.max(maxConcurrentCommits, now);
            List<Long> snapshot = new ArrayList<>(applied);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            durable.addAll(snapshot);
            concurrentCommits.decrementAndGet();
        }
    }

    @Test
    void aLoneWriterCommitsItsOwnWrite() {
        FakeStore store = new FakeStore();
        GroupCommit group = new GroupCommit(store::commit);
        for (long v = 1; v <= 5; v++) {
            store.applied.add(v);
            group.awaitCommitted(group.applied());
            assertThat(store.durable).contains(v);
        }
        assertThat(group.commits()).isEqualTo(5);
        assertThat(group.writes()).isEqualTo(5);
    }

    @Test
    void concurrentWritersShareCommitsAndNoneReturnsBeforeItsWriteIsDurable() throws Exception {
        FakeStore store = new FakeStore();
        GroupCommit group = new GroupCommit(store::commit);
        AtomicLong values = new AtomicLong();
        List<Long> notDurableAtAck = new ArrayList<>();
        int threads = 8;
        int perThread = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    long v = values.incrementAndGet();
                    store.applied.add(v);
                    group.awaitCommitted(group.applied());
                    if (!store.durable.contains(v)) {
                        synchronized (notDurableAtAck) {
                            notDurableAtAck.add(v);
                        }
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) w.join();
        assertThat(notDurableAtAck).isEmpty();
        assertThat(store.maxConcurrentCommits).isEqualTo(1);
        assertThat(group.writes()).isEqualTo((long) threads * perThread);
        // with 8 writers and a 2 ms commit, writes queue behind each commit: far fewer commits than writes
        assertThat(group.commits()).isLessThan(group.writes() / 2);
    }

    @Test
    void aFailedCommitIsNotAcknowledgedAndTheNextWriterRetries() {
        FakeStore store = new FakeStore();
        AtomicInteger calls = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("disk full");
            store.commit();
        });
        store.applied.add(1L);
        long first = group.applied();
        assertThatThrownBy(() -> group.awaitCommitted(first)).hasMessage("disk full");
        store.applied.add(2L);
        group.awaitCommitted(group.applied());
        assertThat(store.durable).containsExactlyInAnyOrder(1L, 2L);
        group.awaitCommitted(first); // covered by the second commit: returns at once
        assertThat(calls.get()).isEqualTo(2);
    }
}
