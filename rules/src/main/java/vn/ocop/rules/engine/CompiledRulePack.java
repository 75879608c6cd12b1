package vn.ocop.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.pack.EditionManifest;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pack.RulePackCompiler;
import vn.ocop.rules.pack.SheetTable;
import vn.ocop.rules.pack.StarThresholds;

/**
 * One version of an edition, compiled and loaded: its catalogue and one KieBase per product group.
 * Immutable and thread-safe; {@link #evaluate} may be called on an old version to replay a result.
 */
public final class CompiledRulePack implements PackVersion {
    private static final int POOL_SIZE = 4;

    private final RulePack pack;
    private final EditionManifest manifest;
    private final String sha256;
    private final Map<String, byte[]> kjars;
    private final Map<String, KieBase> kieBases;
    private final Map<String, KieSessionsPool> pools;
    private final Map<String, SheetInfo> sheets;
    private final EditionInfo info;
    private final StarThresholds thresholds;

    private CompiledRulePack(RulePack pack, Map<String, byte[]> kjars, Map<String, KieBase> kieBases) {
        this.pack = pack;
        this.manifest = pack.manifest();
        this.sha256 = pack.sha256();
        this.kjars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kjars));
        this.kieBases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kieBases));
        Map<String, KieSessionsPool> p = new LinkedHashMap<>();
        kieBases.forEach((group, kbase) -> p.put(group, kbase.newKieSessionsPool(POOL_SIZE)));
        this.pools = Map.copyOf(p);
        this.sheets = loadSheets(pack, manifest, kieBases.keySet());
        this.info = new EditionInfo(manifest.id(), manifest.name(), manifest.legalBasis(), manifest.effectiveFrom(),
                manifest.effectiveTo(), manifest.extendsEdition(), manifest.partMaxima(), manifest.version(), sha256,
                sheets.values().stream().map(SheetInfo::summary).toList(), manifest.errata(), manifest.classification(),
                manifest.province(), manifest.starMinimumBasis());
        this.thresholds = StarThresholds.read(pack.file("stars/thresholds.csv").orElse(null));
    }

    /** Loads kjars compiled by {@link RulePackCompiler} for this exact pack (no DRL is compiled). */
    public static CompiledRulePack load(RulePack pack, Map<String, byte[]> kjars) {
        KieServices ks = KieServices.Factory.get();
        Map<String, KieBase> kieBases = new LinkedHashMap<>();
        kjars.forEach((group, bytes) -> {
            KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(bytes));
            kieBases.put(group, ks.newKieContainer(module.getReleaseId()).getKieBase(RulePackCompiler.KBASE));
        });
        return new CompiledRulePack(pack, kjars, kieBases);
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        return PackEvaluation.evaluate(this, request, null);
    }

    /** As {@link #evaluate(EvaluationRequest)}, telling {@code firedRule} the name of every rule that fires (tests, audits). */
    public EvaluationResult evaluate(EvaluationRequest request, Consumer<String> firedRule) {
        return PackEvaluation.evaluate(this, request, firedRule);
    }

    /** Runs one evaluation per group so the first real call does not pay for class loading and JIT. */
    public void warm() {
        sheets.values().stream()
                .collect(java.util.stream.Collectors.toMap(SheetInfo::group, s -> s, (a, b) -> a, LinkedHashMap::new))
                .values()
                .forEach(sheet -> evaluate(PackEvaluation.sampleRequest(info.id(), sheet)));
    }

    public String editionId() { return manifest.id(); }
    public EditionInfo info() { return info; }
    public EditionManifest manifest() { return manifest; }
    public RulePack pack() { return pack; }
    public String sha256() { return sha256; }

    /** Compiled kjar bytes per group, e.g. to store beside the pack's files. */
    public Map<String, byte[]> kjars() { return kjars; }

    /** Sheets whose files are present, in manifest order, with criteria. */
    public Map<String, SheetInfo> sheets() { return sheets; }

    public Optional<SheetInfo> sheet(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sheets.get(id));
    }

    public Optional<KieSessionsPool> sessions(String group) {
        return Optional.ofNullable(pools.get(group));
    }

    /** Every rule name per group, for reports of rules that no scenario fired. */
    public Map<String, TreeSet<String>> ruleNames() {
        Map<String, TreeSet<String>> names = new LinkedHashMap<>();
        kieBases.forEach((group, kbase) -> {
            TreeSet<String> set = new TreeSet<>();
            for (KiePackage p : kbase.getKiePackages()) {
                for (Rule r : p.getRules()) set.add(r.getName());
            }
            names.put(group, set);
        });
        return names;
    }

    private static Map<String, SheetInfo> loadSheets(RulePack pack, EditionManifest manifest, java.util.Set<String> groups) {
        Map<String, SheetInfo> out = new LinkedHashMap<>();
        for (EditionManifest.Sheet s : manifest.sheets()) {
            Optional<byte[]> csv = pack.file(s.file());
            if (csv.isEmpty() || !groups.contains(s.group())) continue;
            vn.ocop.rules.api.ProductClass leaf = manifest.classification() == null ? null : manifest.classification().stream()
                    .filter(c -> s.id().equals(c.sheet())).findFirst().orElse(null);
            out.put(s.id(), new SheetInfo(s.id(), s.group(), s.name(), s.subgroups(), manifest.partMaxima(), s.source(),
                    s.checkedAgainstAnnex(), SheetTable.criteria(new String(csv.get(), StandardCharsets.UTF_8)),
                    s.number(), leaf, s.exclusions(), s.sourceRef()));
        }
        return out;
    }

    /** The lowest average of each star level (for the road to the next star). */
    public StarThresholds thresholds() {
        return thresholds;
    }
}
