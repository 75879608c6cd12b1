package vn.ocop.service.ruleset;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.ocop.rules.api.CompileReport;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.PackCompiler;
import vn.ocop.rules.api.PackSources;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.rules.api.SheetInfo;

/**
 * Which ruleset version scores: the public API of the ruleset feature, and the service's {@link RulesEngine}.
 *
 * <ul>
 *   <li>{@link #inForce(String, LocalDate)}: the edition's PUBLISHED version with the highest effectiveFrom on or
 *       before the date (ties: the highest version); before its first version's date, its earliest version.</li>
 *   <li>{@link #version(String, int)}: any stored version, retired ones and drafts too (replay, simulation);
 *       loaded from stored kjars or compiled on demand, and cached by SHA-256.</li>
 * </ul>
 * Every instance polls the {@code rulesets} collection (default every 5 s, {@code ocop.rulesets.poll-interval}) and
 * replaces an immutable snapshot through one {@link AtomicReference}: new versions are loaded and warmed before the
 * swap, so a request sees either the old or the new set, never a mix. At first start the built-in packs become
 * version 1 PUBLISHED of their editions (idempotent across instances through the unique index).
 */
@Service
public class RulesetRegistry implements RulesEngine, DisposableBean {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger LOG = LoggerFactory.getLogger(RulesetRegistry.class);
    private static final int CACHE_LIMIT = 24;
    private static final RulePlatform RULES = RulePlatform.get();
    static final String BUILT_IN = Ruleset.BUILT_IN;

    /** A published version as the snapshot holds it. */
    public record Version(
            String id, String edition, int version, LocalDate effectiveFrom, String sha256, PackVersion pack) {}

    private record Snapshot(Map<String, List<Version>> byEdition, String fingerprint) {}

    private final RulesetStore store;
    private final PackCompiler compiler;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(Map.of(), ""));
    /** Loaded packs by SHA-256 (published ones stay; others are evicted beyond {@value #CACHE_LIMIT}). */
    private final Map<String, PackVersion> packs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true));

    private final Map<String, Object> loading = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    /** Built-in packs as loaded from the jar, by SHA-256: their versions never load from the store. */
    private final Map<String, PackVersion> builtIns = new ConcurrentHashMap<>();

    private final Map<String, RulesetSeals.Broken> refused = new ConcurrentHashMap<>();
    private final RulesetSeals seals;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    RulesetRegistry(
            RulesetStore store,
            PackCompiler compiler,
            RulesetSeals seals,
            io.micrometer.core.instrument.MeterRegistry meters,
            @Value("${ocop.rulesets.poll-interval:5s}") java.time.Duration pollInterval) {
        this.store = store;
        this.compiler = compiler;
        this.seals = seals;
        this.meters = meters;
        seedBuiltIns();
        refresh();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruleset-poll");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(100, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    // ---- which version scores -------------------------------------------------------------------------------

    public Optional<Version> inForce(String edition, LocalDate date) {
        if (edition == null) return Optional.empty();
        List<Version> versions = current.get().byEdition().get(edition);
        if (versions == null || versions.isEmpty()) return Optional.empty();
        for (Version v : versions) { // sorted: effectiveFrom desc, version desc
            if (v.effectiveFrom() == null || !v.effectiveFrom().isAfter(date)) return Optional.of(v);
        }
        return Optional.of(versions.get(versions.size() - 1));
    }

    /** Any stored version of an edition, whatever its status (replay of retired versions, drafts for simulation). */
    public Optional<PackVersion> version(String edition, int version) {
        for (Version v : current.get().byEdition().getOrDefault(edition, List.of())) {
            if (v.version() == version) return Optional.of(v.pack());
        }
        Ruleset r = store.find(RulesetStore.id(edition, version));
        return r == null ? Optional.empty() : Optional.of(load(r));
    }

    /** Scores with the edition's version in force on {@code date}. */
    public EvaluationResult evaluate(EvaluationRequest request, LocalDate date) {
        Optional<Version> v = request == null ? Optional.empty() : inForce(request.edition(), date);
        if (v.isEmpty()) return RULES.engine(List.of()).evaluate(request); // INVALID: UNKNOWN_EDITION
        return v.get().pack().evaluate(request);
    }

    public List<EditionInfo> editions(LocalDate date) {
        List<EditionInfo> out = new ArrayList<>();
        current.get()
                .byEdition()
                .keySet()
                .forEach(e -> inForce(e, date).ifPresent(v -> out.add(v.pack().info())));
        out.sort(Comparator.comparing(EditionInfo::id));
        return out;
    }

    /** Versions currently published, per edition (effectiveFrom desc). */
    public Map<String, List<Version>> published() {
        return current.get().byEdition();
    }

    // ---- RulesEngine: "today" in Vietnam ---------------------------------------------------------------------

    @Override
    public EvaluationResult evaluate(EvaluationRequest request) {
        return evaluate(request, LocalDate.now(VIETNAM));
    }

    @Override
    public List<EditionInfo> editions() {
        return editions(LocalDate.now(VIETNAM));
    }

    @Override
    public Optional<EditionInfo> edition(String id) {
        return inForce(id, LocalDate.now(VIETNAM)).map(v -> v.pack().info());
    }

    @Override
    public Optional<SheetInfo> sheet(String edition, String sheet) {
        return inForce(edition, LocalDate.now(VIETNAM)).flatMap(v -> v.pack().sheet(sheet));
    }

    // ---- polling ---------------------------------------------------------------------------------------------

    /** Reads the store now and switches if published versions changed (the poll; also called after a publish). */
    public synchronized void refresh() {
        List<Ruleset> headers = store.headers().stream()
                .filter(r -> r.status() == RulesetStatus.PUBLISHED)
                .toList();
        StringBuilder fp = new StringBuilder();
        headers.stream()
                .sorted(Comparator.comparing(Ruleset::id))
                .forEach(r -> fp.append(r.id())
                        .append('|')
                        .append(r.effectiveFrom())
                        .append('|')
                        .append(r.sha256())
                        .append(';'));
        if (fp.toString().equals(current.get().fingerprint())) return;
        Map<String, List<Version>> byEdition = new TreeMap<>();
        for (Ruleset h : headers) {
            try {
                PackVersion pack = packs.get(h.sha256());
                if (pack == null) {
                    Ruleset full = store.find(h.id());
                    if (full == null) continue;
                    pack = load(full);
                }
                byEdition
                        .computeIfAbsent(h.edition(), e -> new ArrayList<>())
                        .add(new Version(h.id(), h.edition(), h.version(), h.effectiveFrom(), h.sha256(), pack));
            } catch (RuntimeException e) {
                // never break scoring: a version that cannot be loaded is left out (and logged every poll)
                LOG.error("ruleset {} cannot be loaded; it is not used", h.id(), e);
            }
        }
        Comparator<Version> order = Comparator.comparing(
                        (Version v) -> v.effectiveFrom() == null ? LocalDate.MIN : v.effectiveFrom())
                .thenComparingInt(Version::version)
                .reversed();
        Map<String, List<Version>> frozen = new TreeMap<>();
        byEdition.forEach((e, list) -> frozen.put(e, list.stream().sorted(order).toList()));
        current.set(new Snapshot(Collections.unmodifiableMap(frozen), fp.toString()));
        LOG.info(
                "rulesets in use: {}",
                frozen.values().stream().flatMap(List::stream).map(Version::id).toList());
    }

    /** What a restart does: forgets every loaded uploaded pack, then reads and verifies the store again. */
    synchronized void reload() {
        packs.keySet().retainAll(builtIns.keySet());
        current.set(new Snapshot(current.get().byEdition(), ""));
        refresh();
    }

    private void pollQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("ruleset poll failed; keeping the versions in use", e);
        }
    }

    /**
     * A stored version loaded: from the cache, from the jar (built-in versions), from stored kjars that verify
     * ({@link RulesetSeals}), or compiled from the verified sources. A version whose sources or kjars do not verify is
     * refused: logged, counted ({@code ocop.rulesets.integrity.failures}), reported by {@link #integrity(String)} and the
     * health indicator, and never used; the call throws a 409 problem RULESET_INTEGRITY_FAILED.
     */
    PackVersion load(Ruleset r) {
        return load(r, true);
    }

    /** As {@link #load(Ruleset)}; {@code warm} false for uploaded versions that must not run in this JVM yet. */
    PackVersion load(Ruleset d, boolean warm) {
        String sha = d.sha256();
        PackVersion cached = packs.get(sha);
        if (cached != null) return cached;
        Object lock = loading.computeIfAbsent(sha, k -> new Object());
        synchronized (lock) {
            cached = packs.get(sha);
            if (cached != null) return cached;
            String id = d.id();
            if (d.isBuiltIn()) {
                PackVersion builtIn = builtIns.get(sha);
                if (builtIn == null)
                    refuse(
                            id,
                            new RulesetSeals.Broken(
                                    "RULESET_BUILT_IN_MISMATCH",
                                    "Phiên bản " + id
                                            + " là bộ quy tắc có sẵn nhưng SHA-256 của nó không khớp với bộ trong chương trình: bị từ chối."));
                return builtIn;
            }
            PackSources pack = verifiedSources(d);
            Map<String, byte[]> kjars = verifiedStoredKjars(d);
            PackVersion loaded;
            if (kjars != null) {
                loaded = RULES.load(pack, kjars);
            } else {
                // kjars gone: compile again from the sources, which verified above
                loaded = compile(pack, id);
            }
            refused.remove(id);
            if (warm) loaded.warm();
            remember(loaded);
            return loaded;
        }
    }

    /**
     * The kjars of an uploaded version, verified as {@link #load} does but without loading them into this JVM (the
     * sandbox runs them): from the cache, from the store, or compiled from the verified sources.
     */
    Map<String, byte[]> verifiedKjars(Ruleset d) {
        PackVersion cached = packs.get(d.sha256());
        if (cached != null) return cached.kjars();
        PackSources pack = verifiedSources(d);
        Map<String, byte[]> kjars = verifiedStoredKjars(d);
        return kjars != null ? kjars : compile(pack, d.id()).kjars();
    }

    private PackSources verifiedSources(Ruleset d) {
        String id = d.id();
        PackSources pack = RULES.pack(d.edition(), d.files());
        if (!pack.sha256().equals(d.sha256())) {
            refuse(
                    id,
                    new RulesetSeals.Broken(
                            "RULESET_SOURCES_TAMPERED",
                            "Tệp nguồn lưu của phiên bản " + id
                                    + " không khớp với SHA-256 đã ghi: phiên bản bị từ chối."));
        }
        RulesetSeals.Broken sources = seals.checkSources(d);
        if (sources != null) refuse(id, sources);
        return pack;
    }

    /** The stored kjars when they verify; null when there are none; refused when they do not verify. */
    private Map<String, byte[]> verifiedStoredKjars(Ruleset d) {
        Map<String, byte[]> kjars = store.kjars(d.id(), d.groups());
        if (kjars == null) return null;
        RulesetSeals.Broken broken = seals.checkKjars(d, kjars);
        if (broken != null) refuse(d.id(), broken);
        return kjars;
    }

    private PackVersion compile(PackSources pack, String id) {
        CompileReport r = compiler.compile(pack);
        if (!r.ok()) throw new IllegalStateException("ruleset " + id + " does not compile: " + r.problems());
        return r.pack();
    }

    /** Why a stored version was refused, if it was (since this instance started). */
    public Optional<RulesetSeals.Broken> integrity(String id) {
        return Optional.ofNullable(refused.get(id));
    }

    /** Versions refused for integrity, by id. */
    Map<String, RulesetSeals.Broken> refused() {
        return Map.copyOf(refused);
    }

    private void refuse(String id, RulesetSeals.Broken broken) {
        if (refused.put(id, broken) == null) {
            meters.counter("ocop.rulesets.integrity.failures", "reason", broken.code())
                    .increment();
        }
        LOG.error("ruleset {} REFUSED ({}): {}", id, broken.code(), broken.message());
        throw new vn.ocop.service.platform.web.ApiException(
                org.springframework.http.HttpStatus.CONFLICT, "RULESET_INTEGRITY_FAILED", broken.message());
    }

    void remember(PackVersion pack) {
        packs.put(pack.sha256(), pack);
        synchronized (packs) {
            if (packs.size() > CACHE_LIMIT) {
                var inUse = current.get().byEdition().values().stream()
                        .flatMap(List::stream)
                        .map(Version::sha256)
                        .collect(java.util.stream.Collectors.toSet());
                var it = packs.keySet().iterator();
                while (packs.size() > CACHE_LIMIT && it.hasNext()) {
                    if (!inUse.contains(it.next())) it.remove();
                }
            }
        }
    }

    private void seedBuiltIns() {
        for (PackVersion pack : RULES.loadBuiltIns()) {
            builtIns.put(pack.sha256(), pack);
            String edition = pack.editionId();
            Ruleset d = Ruleset.builtIn(
                    edition,
                    pack.pack().files(),
                    pack.sha256(),
                    pack.info().effectiveFrom(),
                    List.copyOf(pack.kjars().keySet()),
                    java.time.Instant.now());
            if (store.insert(d)) LOG.info("built-in {} stored as version 1", edition);
            remember(pack);
        }
    }

    /**
     * Once the service is ready, builds and warms the built-in editions' KieBases on a thread of its own, the latest
     * edition first: start-up does not wait for them (a sheet's KieBase is otherwise built on its first evaluation).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmBuiltInsAfterStart() {
        List<PackVersion> latestFirst = builtIns.values().stream()
                .sorted(Comparator.comparing(
                                (PackVersion p) -> p.info().effectiveFrom(),
                                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                        .reversed())
                .toList();
        Thread warmUp = new Thread(
                () -> latestFirst.forEach(pack -> {
                    try {
                        pack.warm();
                    } catch (RuntimeException e) {
                        LOG.error("built-in {} could not be warmed", pack.editionId(), e);
                    }
                }),
                "ruleset-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
