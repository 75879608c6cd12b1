package vn.ocop.service.platform.storage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit, leader/follower: writes that arrive together share one commit, and none returns before a commit
 * that started after it was applied.
 * <p>
 * A writer applies its change, takes a ticket ({@link #applied()}, a counter incremented after the change is in the
 * store's maps) and calls {@link #awaitCommitted(long)}. If no commit is running, it becomes the leader: it reads the
 * highest ticket issued so far, runs the commit (which stores everything applied before it started, so every ticket
 * up to that one), publishes that ticket as committed and wakes the others. If a commit is running, it waits; when
 * that commit ends, it returns if the commit covered its ticket, or else becomes the next leader and commits for
 * everyone that arrived meanwhile. So under load one commit serves all writes that queued behind the previous one.
 * <p>
 * No deadlock: a follower waits only while a leader is inside {@code commit.run()}, which needs nothing but the
 * store's own lock; a leader never waits for another writer. If the commit throws, the leader gets the exception (the
 * write is not acknowledged) and a waiting follower becomes leader and tries again.
 */
final class GroupCommit {
    private final Runnable commit;
    private final AtomicLong applied = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private long committed; // guarded by lock: every ticket <= this is committed
    private boolean committing; // guarded by lock: a leader is inside commit.run()
    private final LongAdder writes = new LongAdder();
    private final LongAdder commits = new LongAdder();

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Call after the write is applied to the store; returns the ticket to wait for. */
    long applied() {
        writes.increment();
        return applied.incrementAndGet();
    }

    /** Returns once a commit that started after {@code ticket} was issued has completed. */
    void awaitCommitted(long ticket) {
        lock.lock();
        try {
            while (committed < ticket) {
                if (committing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                long target = applied.get(); // >= ticket; all these writes are in the maps already
                boolean ok = false;
                lock.unlock();
                try {
                    commit.run();
                    commits.increment();
                    ok = true;
                } finally {
                    lock.lock();
                    committing = false;
                    if (ok && target > committed) {
                        committed = target;
                    }
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    long writes() {
        return writes.sum();
    }

    long commits() {
        return commits.sum();
    }
}
