package vn.ocop.service.platform.storage;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for the documents of collections that grow with the programme's history (dossiers, assessments, evaluation
 * records, audit-log entries): UUIDs of version 7 (RFC 9562), whose text sorts by the millisecond they were made in, and within one
 * process also in the order they were made. A store keeps a collection in {@code _id} order (the embedded store's B-tree,
 * MongoDB's {@code _id} index), so a new document lands beside the last one written instead of on a random page of the
 * whole history, and a scan in {@code _id} order reads documents in the order they were written: a dossier's
 * assessments, written soon after it, lie near it. Measured in docs/benchmarks.md (target 5). The 74 random bits keep
 * an id as hard to guess as before; the id tells when the document was made, which its {@code createdAt} says too.
 */
public final class DocumentIds {
    // monotonic: within one millisecond each id is the previous one plus one in its random part
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private DocumentIds() {}

    /** A new id, later in text order than every id this process made before it (unless the clock goes back). */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
