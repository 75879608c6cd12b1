package vn.ocop.service.procedure.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One collection of aggregates; every write is a single-document insert or compare-and-set. */
public interface VersionedStore<T extends Versioned> {
    /** Inserts with version 1; false when the id is taken. */
    boolean insert(T value);

    Optional<T> find(String id);

    /** Several by id (one {@code _id $in} query), in no particular order; missing ones are left out. */
    List<T> findAll(List<String> ids);

    /** Replaces the stored document only if its version is still {@code value.version}; bumps the version. */
    boolean replace(T value);

    /** Documents whose top-level fields equal the given values (a scan on the embedded store: lists only). */
    List<T> where(Map<String, Object> equalities, int limit);
}
