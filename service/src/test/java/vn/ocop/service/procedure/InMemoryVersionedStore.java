package vn.ocop.service.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.ocop.service.procedure.store.ProcedureJson;
import vn.ocop.service.procedure.store.Versioned;
import vn.ocop.service.procedure.store.VersionedStore;

/** TEST DOUBLE: the versioned store in memory, with the same compare-and-set and copies in and out as the real one. */
final class InMemoryVersionedStore<T extends Versioned> implements VersionedStore<T> {
    private final Map<String, String> docs = new ConcurrentHashMap<>();
    private final Class<T> type;

    InMemoryVersionedStore(Class<T> type) {
        this.type = type;
    }

    @Override
    public boolean insert(T value) {
        value.version = 1;
        return docs.putIfAbsent(value.id, ProcedureJson.MAPPER.writeValueAsString(value)) == null;
    }

    @Override
    public Optional<T> find(String id) {
        return Optional.ofNullable(docs.get(id)).map(s -> ProcedureJson.MAPPER.readValue(s, type));
    }

    @Override
    public List<T> findAll(List<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    public synchronized boolean replace(T value) {
        Optional<T> current = find(value.id);
        if (current.isEmpty() || current.get().version != value.version) return false;
        value.version++;
        docs.put(value.id, ProcedureJson.MAPPER.writeValueAsString(value));
        return true;
    }

    @Override
    public List<T> where(Map<String, Object> equalities, int limit) {
        List<T> out = new ArrayList<>();
        for (String id : docs.keySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = ProcedureJson.MAPPER.readValue(docs.get(id), Map.class);
            if (equalities.entrySet().stream().allMatch(e -> e.getValue().equals(m.get(e.getKey()))))
                find(id).ifPresent(out::add);
        }
        return out.stream().limit(limit).toList();
    }
}
