package vn.ocop.rules.pack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a rule pack to Drools' executable model: one kjar per product group, holding the group's
 * sheets and their self-assessment rules, the edition's stars/council/gates rules and the shared
 * engine rules. Never throws for bad rule files: problems come back as {@link CompileError}s.
 */
public final class RulePackCompiler {
    public static final String KBASE = "kbase";
    private static final Logger LOG = LoggerFactory.getLogger(RulePackCompiler.class);
    private static final String SRC = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> EDITION_WIDE =
            List.of("stars/", "council/", "gates/", "minimums/", "conditions/", "engine/");

    /** The outcome: kjar bytes per group when there are no errors. */
    public record Compilation(
            RulePack pack, Map<String, byte[]> kjars, List<CompileError> errors, List<String> warnings) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    public Compilation compile(RulePack pack) {
        List<CompileError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        EditionManifest manifest;
        try {
            manifest = pack.manifest();
        } catch (RuntimeException e) {
            errors.add(new CompileError(RulePack.MANIFEST, 0, 0, "edition.yaml không đọc được: " + e.getMessage()));
            return new Compilation(pack, Map.of(), errors, warnings);
        }
        SheetChecks.check(pack, manifest, errors, warnings);
        Map<String, byte[]> kjars = new LinkedHashMap<>();
        for (String group : manifest.groupsOrFromSheets().keySet()) {
            Map<String, String> drls = groupSources(pack, manifest, group, errors);
            if (drls.keySet().stream().noneMatch(p -> p.startsWith("sheets/"))) {
                continue; // no sheet file of this group yet: nothing to score
            }
            byte[] kjar = build(pack, manifest, group, drls, errors);
            if (kjar != null) kjars.put(group, kjar);
        }
        warnings.forEach(w -> LOG.warn("{}: {}", pack.editionId(), w));
        return new Compilation(
                pack, java.util.Collections.unmodifiableMap(kjars), List.copyOf(errors), List.copyOf(warnings));
    }

    /** pack path → DRL text for one group. */
    private static Map<String, String> groupSources(
            RulePack pack, EditionManifest manifest, String group, List<CompileError> errors) {
        Map<String, String> drls = new LinkedHashMap<>();
        for (EditionManifest.Sheet sheet : manifest.sheets()) {
            if (!sheet.group().equals(group)) continue;
            pack.file(sheet.file()).ifPresent(bytes -> addSource(drls, sheet.file(), bytes, errors));
            String selfAssessment = "self-assessment/" + sheet.id() + ".drl";
            pack.file(selfAssessment).ifPresent(bytes -> addSource(drls, selfAssessment, bytes, errors));
        }
        pack.files().forEach((path, bytes) -> {
            if (EDITION_WIDE.stream().anyMatch(path::startsWith) && (path.endsWith(".drl") || path.endsWith(".csv"))) {
                addSource(drls, path, bytes, errors);
            }
        });
        return drls;
    }

    private static void addSource(Map<String, String> drls, String path, byte[] bytes, List<CompileError> errors) {
        if (path.endsWith(".drl")) {
            drls.put(path, new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        try {
            drls.put(path, new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.CSV));
        } catch (RuntimeException e) {
            errors.add(new CompileError(path, 0, 0, "bảng quyết định không đọc được: " + e.getMessage()));
        }
    }

    private static byte[] build(
            RulePack pack,
            EditionManifest manifest,
            String group,
            Map<String, String> drls,
            List<CompileError> errors) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId(ks, pack, manifest, group));
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel(KBASE).setDefault(true).addPackage("*");
        kfs.writeKModuleXML(module.toXML());
        Map<String, String> packPaths = new LinkedHashMap<>();
        drls.forEach((path, drl) -> {
            String kiePath = kiePath(path, drl);
            packPaths.put(kiePath, path);
            kfs.write(kiePath, drl);
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            messages.stream()
                    .map(m -> new CompileError(
                            packPath(packPaths, m.getPath()),
                            Math.max(0, m.getLine()),
                            Math.max(0, m.getColumn()),
                            m.getText()))
                    .filter(e -> !errors.contains(e)) // every group's kjar reports the edition-wide files again
                    .forEach(errors::add);
            return null;
        }
        return ((InternalKieModule) builder.getKieModule()).getBytes();
    }

    static ReleaseId releaseId(KieServices ks, RulePack pack, EditionManifest manifest, String group) {
        String version = (manifest.version() == null ? "0" : manifest.version()) + "-"
                + pack.sha256().substring(0, 16);
        return ks.newReleaseId("vn.ocop.packs", pack.editionId() + "-" + group.toLowerCase(), version);
    }

    /** Drools wants a file's folder to match its package; the file name keeps the pack path readable. */
    private static String kiePath(String packPath, String drl) {
        Matcher m = PACKAGE.matcher(drl);
        String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
        return SRC + folder + packPath.replace('/', '_') + (packPath.endsWith(".drl") ? "" : ".drl");
    }

    private static String packPath(Map<String, String> packPaths, String kiePath) {
        if (kiePath == null) return "";
        return packPaths.entrySet().stream()
                .filter(e -> e.getKey().equals(kiePath)
                        || e.getKey().endsWith("/" + kiePath)
                        || kiePath.endsWith(e.getKey().substring(SRC.length())))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(kiePath);
    }
}
