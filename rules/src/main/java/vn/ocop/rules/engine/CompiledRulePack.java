package vn.ocop.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * One version of an edition, compiled and loaded: its catalogue, and one KieBase per sheet built on first use.
 * Immutable and thread-safe; {@link #evaluate} may be called on an old version to replay a result.
 */
public final class CompiledRulePack implements PackVersion {
    private final RulePack pack;
    private final EditionManifest manifest;
    private final String sha256;
    private final Map<String, byte[]> kjars;
    /** Each group's kjar, loaded and its sheets' KieBases built on first use: see {@link GroupKjar}. */
    private final Map<String, GroupKjar> groups;
    /** For each sheet, every other sheet id of the edition (their rules are left out of its KieBase). */
    private final Map<String, Set<String>> otherSheets;

    private final Map<String, SheetPlan> plans;
    private final Map<String, SheetInfo> sheets;
    private final EditionInfo info;
    private final StarThresholds thresholds;

    private CompiledRulePack(RulePack pack, Map<String, byte[]> kjars) {
        this.pack = pack;
        this.manifest = pack.manifest();
        this.sha256 = pack.sha256();
        this.kjars = Collections.unmodifiableMap(new LinkedHashMap<>(kjars));
        Map<String, GroupKjar> g = new LinkedHashMap<>();
        kjars.forEach((group, bytes) -> g.put(group, new GroupKjar(bytes)));
        this.groups = Collections.unmodifiableMap(g);
        this.sheets = loadSheets(pack, manifest, kjars.keySet());
        Set<String> sheetIds =
                manifest.sheets().stream().map(EditionManifest.Sheet::id).collect(Collectors.toSet());
        Map<String, Set<String>> others = new LinkedHashMap<>();
        sheets.keySet().forEach(id -> {
            Set<String> rest = new HashSet<>(sheetIds);
            rest.remove(id);
            others.put(id, Set.copyOf(rest));
        });
        this.otherSheets = Map.copyOf(others);
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
        return new CompiledRulePack(pack, kjars);
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        return PackEvaluation.evaluate(this, request, null);
    }

    /** As {@link #evaluate(EvaluationRequest)}, telling {@code firedRule} the name of every rule that fires (tests, audits). */
    public EvaluationResult evaluate(EvaluationRequest request, Consumer<String> firedRule) {
        return PackEvaluation.evaluate(this, request, firedRule);
    }

    /**
     * Loads every group's kjar, builds every sheet's KieBase and runs one evaluation on each, so that the first real
     * call pays for neither and a kjar that does not load fails here (before a new version is put in service).
     */
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

    /** Sessions of the sheet's own KieBase (the group's rules without those of its other sheets), built on first use. */
    public Optional<KieSessionsPool> sheetSessions(String sheet) {
        SheetInfo info = sheet == null ? null : sheets.get(sheet);
        if (info == null) return Optional.empty();
        return Optional.of(groups.get(info.group()).sheetSessions(sheet, otherSheets.get(sheet)));
    }

    /** Groups whose kjar is loaded into Drools, and sheets whose KieBase is built, so far (tests of the laziness). */
    long loadedGroups() {
        return groups.values().stream().filter(GroupKjar::loaded).count();
    }

    int builtKieBases() {
        return groups.values().stream().mapToInt(GroupKjar::builtSheets).sum();
    }

    /** The sheet's lookups, computed once (validation and evaluation need them on every call). */
    public Optional<SheetPlan> plan(String sheet) {
        return sheet == null ? Optional.empty() : Optional.ofNullable(plans.get(sheet));
    }

    /** Every rule name per group, for reports of rules that no scenario fired. */
    public Map<String, TreeSet<String>> ruleNames() {
        Map<String, TreeSet<String>> names = new LinkedHashMap<>();
        groups.forEach((group, kjar) -> {
            TreeSet<String> set = new TreeSet<>();
            SheetKieBases.ruleNamesByPackage(kjar.models()).values().forEach(set::addAll);
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
