package vn.ocop.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.pack.EditionManifest;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pack.RulePackCompiler;
import vn.ocop.rules.pack.SheetPlan;
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
    private final Map<String, KieContainer> containers;
    private final Map<String, List<Model>> models;
    /** One KieBase (and session pool) per sheet: see {@link SheetKieBases}. */
    private final Map<String, KieSessionsPool> sheetPools;

    private final Map<String, SheetPlan> plans;
    private final Map<String, SheetInfo> sheets;
    private final EditionInfo info;
    private final StarThresholds thresholds;

    private CompiledRulePack(RulePack pack, Map<String, byte[]> kjars, Map<String, KieContainer> containers) {
        this.pack = pack;
        this.manifest = pack.manifest();
        this.sha256 = pack.sha256();
        this.kjars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kjars));
        this.containers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(containers));
        Map<String, List<Model>> m = new LinkedHashMap<>();
        containers.forEach((group, container) -> m.put(group, SheetKieBases.models(container)));
        this.models = java.util.Collections.unmodifiableMap(m);
        this.sheets = loadSheets(pack, manifest, containers.keySet());
        java.util.Set<String> sheetIds =
                manifest.sheets().stream().map(EditionManifest.Sheet::id).collect(java.util.stream.Collectors.toSet());
        Map<String, KieSessionsPool> p = new LinkedHashMap<>();
        sheets.values().forEach(sheet -> {
            java.util.Set<String> others = new java.util.HashSet<>(sheetIds);
            others.remove(sheet.id());
            KieBase kbase = SheetKieBases.forSheet(
                    models.get(sheet.group()),
                    sheet.id(),
                    others,
                    containers.get(sheet.group()).getClassLoader());
            p.put(sheet.id(), kbase.newKieSessionsPool(POOL_SIZE));
        });
        this.sheetPools = Map.copyOf(p);
        Map<String, SheetPlan> plans = new LinkedHashMap<>();
        sheets.values().forEach(sheet -> plans.put(sheet.id(), new SheetPlan(sheet)));
        this.plans = Map.copyOf(plans);
        this.info = new EditionInfo(
                manifest.id(),
                manifest.name(),
                manifest.legalBasis(),
                manifest.effectiveFrom(),
                manifest.effectiveTo(),
                manifest.extendsEdition(),
                manifest.partMaxima(),
                manifest.version(),
                sha256,
                sheets.values().stream().map(SheetInfo::summary).toList(),
                manifest.errata(),
                manifest.classification(),
                manifest.province(),
                manifest.starMinimumBasis());
        this.thresholds = StarThresholds.read(pack.file("stars/thresholds.csv").orElse(null));
    }

    /** Loads kjars compiled by {@link RulePackCompiler} for this exact pack (no DRL is compiled). */
    public static CompiledRulePack load(RulePack pack, Map<String, byte[]> kjars) {
        KieServices ks = KieServices.Factory.get();
        Map<String, KieContainer> containers = new LinkedHashMap<>();
        kjars.forEach((group, bytes) -> {
            KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(bytes));
            containers.put(group, ks.newKieContainer(module.getReleaseId()));
        });
        return new CompiledRulePack(pack, kjars, containers);
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        return PackEvaluation.evaluate(this, request, null);
    }

    /** As {@link #evaluate(EvaluationRequest)}, telling {@code firedRule} the name of every rule that fires (tests, audits). */
    public EvaluationResult evaluate(EvaluationRequest request, Consumer<String> firedRule) {
        return PackEvaluation.evaluate(this, request, firedRule);
    }

    /** Runs one evaluation per sheet (each has its KieBase) so the first real call does not pay for class loading and JIT. */
    public void warm() {
        sheets.values().forEach(sheet -> evaluate(PackEvaluation.sampleRequest(info.id(), sheet)));
    }

    public String editionId() {
        return manifest.id();
    }

    public EditionInfo info() {
        return info;
    }

    public EditionManifest manifest() {
        return manifest;
    }

    public RulePack pack() {
        return pack;
    }

    public String sha256() {
        return sha256;
    }

    /** Compiled kjar bytes per group, e.g. to store beside the pack's files. */
    public Map<String, byte[]> kjars() {
        return kjars;
    }

    /** Sheets whose files are present, in manifest order, with criteria. */
    public Map<String, SheetInfo> sheets() {
        return sheets;
    }

    public Optional<SheetInfo> sheet(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sheets.get(id));
    }

    /** Sessions of the sheet's own KieBase: the group's rules without those of its other sheets. */
    public Optional<KieSessionsPool> sheetSessions(String sheet) {
        return sheet == null ? Optional.empty() : Optional.ofNullable(sheetPools.get(sheet));
    }

    /** The sheet's lookups, computed once (validation and evaluation need them on every call). */
    public Optional<SheetPlan> plan(String sheet) {
        return sheet == null ? Optional.empty() : Optional.ofNullable(plans.get(sheet));
    }

    /** Every rule name per group, for reports of rules that no scenario fired. */
    public Map<String, TreeSet<String>> ruleNames() {
        Map<String, TreeSet<String>> names = new LinkedHashMap<>();
        models.forEach((group, list) -> {
            TreeSet<String> set = new TreeSet<>();
            SheetKieBases.ruleNamesByPackage(list).values().forEach(set::addAll);
            names.put(group, set);
        });
        return names;
    }

    private static Map<String, SheetInfo> loadSheets(
            RulePack pack, EditionManifest manifest, java.util.Set<String> groups) {
        Map<String, SheetInfo> out = new LinkedHashMap<>();
        for (EditionManifest.Sheet s : manifest.sheets()) {
            Optional<byte[]> csv = pack.file(s.file());
            if (csv.isEmpty() || !groups.contains(s.group())) continue;
            vn.ocop.rules.api.ProductClass leaf = manifest.classification() == null
                    ? null
                    : manifest.classification().stream()
                            .filter(c -> s.id().equals(c.sheet()))
                            .findFirst()
                            .orElse(null);
            out.put(
                    s.id(),
                    new SheetInfo(
                            s.id(),
                            s.group(),
                            s.name(),
                            s.subgroups(),
                            manifest.partMaxima(),
                            s.source(),
                            s.checkedAgainstAnnex(),
                            SheetTable.criteria(new String(csv.get(), StandardCharsets.UTF_8)),
                            s.number(),
                            leaf,
                            s.exclusions(),
                            s.sourceRef()));
        }
        return out;
    }

    /** The lowest average of each star level (for the road to the next star). */
    public StarThresholds thresholds() {
        return thresholds;
    }
}
