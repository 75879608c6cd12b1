package vn.ocop.service.ruleset;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.ocop.rules.api.PackSources;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.RuleFileProblem;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.service.platform.web.ApiException;

/**
 * Makes a draft from an upload: decodes the files, refuses what may not be uploaded (engine/, parent/, bad encodings,
 * the upload limits), lays the upload over its parent version (or resolves a new provincial edition against the edition
 * it extends), always on the platform's current shared rules, and takes the next version number (retried when another
 * instance took it first).
 */
@Component
class RulesetDrafts {
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:.*$");
    private static final int ATTEMPTS = 5;
    private static final RulePlatform RULES = RulePlatform.get();

    /** What was uploaded: text files (UTF-8), base64 files, and paths to drop from the parent's files. */
    record Upload(
            String edition,
            Integer parentVersion,
            String note,
            Map<String, String> textFiles,
            Map<String, String> base64Files,
            List<String> deleted) {}

    private final RulesetStore store;
    private final RulesetRegistry registry;
    private final RulesetSeals seals;

    RulesetDrafts(RulesetStore store, RulesetRegistry registry, RulesetSeals seals) {
        this.store = store;
        this.registry = registry;
        this.seals = seals;
    }

    Ruleset create(Upload in, String user) {
        String edition = in.edition();
        if (edition == null || !edition.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw ApiException.invalidField("edition", "lower-case letters, digits and '-'");
        }
        Map<String, byte[]> uploaded = decode(in);
        Ruleset parent = parent(edition, in.parentVersion());
        Map<String, byte[]> files = new TreeMap<>();
        if (parent != null) files.putAll(parent.files());
        files.putAll(uploaded);
        if (in.deleted() != null) in.deleted().forEach(files::remove);
        // a draft is always built on the platform's current shared rules
        files.keySet().removeIf(p -> p.startsWith(PackSources.ENGINE_PREFIX));
        files.putAll(RULES.engineFiles());
        if (parent == null) files = newEdition(edition, files);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int version = nextVersion(edition);
            Map<String, byte[]> content = new TreeMap<>(files);
            if (content.containsKey(PackSources.MANIFEST))
                content.put(PackSources.MANIFEST, withVersion(content.get(PackSources.MANIFEST), version));
            PackSources pack = RULES.pack(edition, content);
            Ruleset draft = Ruleset.draft(
                    edition,
                    version,
                    content,
                    pack.sha256(),
                    seals.sealSources(Ruleset.id(edition, version), pack.sha256()),
                    user,
                    in.note(),
                    parent == null ? null : parent.version(),
                    Instant.now());
            if (store.insert(draft)) return draft;
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Could not take a version number; try again");
    }

    private static Map<String, byte[]> decode(Upload in) {
        Map<String, byte[]> uploaded = new TreeMap<>();
        if (in.textFiles() != null)
            in.textFiles().forEach((p, t) -> {
                if (t != null && t.indexOf('\uFFFD') >= 0) {
                    // a replacement character: the text was decoded from another encoding (e.g. Windows-1258) on the
                    // way
                    throw Rulesets.problems(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "UPLOAD_REFUSED",
                            "The upload was refused",
                            List.of(
                                    new RuleFileProblem(
                                            p,
                                            0,
                                            0,
                                            "NOT_UTF8",
                                            "tệp chứa ký tự thay thế U+FFFD: tệp không được lưu dạng UTF-8 (ví dụ Windows-1258); lưu lại dạng UTF-8 rồi tải lên")));
                }
                uploaded.put(p, t == null ? new byte[0] : t.getBytes(StandardCharsets.UTF_8));
            });
        if (in.base64Files() != null)
            in.base64Files().forEach((p, b) -> {
                try {
                    uploaded.put(p, Base64.getDecoder().decode(b == null ? "" : b));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalidField("binaryFiles." + p, "not base64");
                }
            });
        if (uploaded.keySet().stream()
                        .anyMatch(
                                p -> p.startsWith(PackSources.ENGINE_PREFIX) || p.startsWith(PackSources.PARENT_PREFIX))
                || (in.deleted() != null
                        && in.deleted().stream().anyMatch(p -> p.startsWith(PackSources.ENGINE_PREFIX)))) {
            throw ApiException.invalidField(
                    "files", "engine/ (the platform's shared rules) and parent/ cannot be uploaded");
        }
        List<RuleFileProblem> refused = RULES.checkUploadLimits(uploaded);
        if (!refused.isEmpty())
            throw Rulesets.problems(
                    HttpStatus.UNPROCESSABLE_CONTENT, "UPLOAD_REFUSED", "The upload was refused", refused);
        return uploaded;
    }

    /** The named parent version, or the edition's version in force today, or none (a new edition). */
    private Ruleset parent(String edition, Integer parentVersion) {
        if (parentVersion != null) {
            Ruleset parent = store.find(Ruleset.id(edition, parentVersion));
            if (parent == null)
                throw ApiException.invalidField("parentVersion", "no version " + parentVersion + " of " + edition);
            return parent;
        }
        return registry.inForce(edition, LocalDate.now(RulesetRegistry.VIETNAM))
                .map(v -> store.find(v.id()))
                .orElse(null);
    }

    /** A new edition needs its edition.yaml; a provincial one names its parent edition there and is resolved against it. */
    private Map<String, byte[]> newEdition(String edition, Map<String, byte[]> files) {
        if (!files.containsKey(PackSources.MANIFEST))
            throw ApiException.invalidField("files", "a new edition needs edition.yaml");
        String extendsEdition;
        try {
            extendsEdition = RULES.header(files.get(PackSources.MANIFEST)).extendsEdition();
        } catch (RuntimeException e) {
            throw ApiException.invalidField("files.edition.yaml", "cannot be read: " + e.getMessage());
        }
        if (extendsEdition == null) return files;
        PackVersion base = registry.inForce(extendsEdition, LocalDate.now(RulesetRegistry.VIETNAM))
                .map(RulesetRegistry.Version::pack)
                .orElseThrow(() ->
                        ApiException.invalidField("files.edition.yaml", "extends unknown edition " + extendsEdition));
        return new TreeMap<>(RULES.extend(RULES.pack(edition, files), base).files());
    }

    private int nextVersion(String edition) {
        return store.headers().stream()
                        .filter(h -> edition.equals(h.edition()))
                        .mapToInt(Ruleset::version)
                        .max()
                        .orElse(0)
                + 1;
    }

    /** The manifest's version field names the stored version, so every result names the version that scored it. */
    static byte[] withVersion(byte[] manifest, int version) {
        String yaml = new String(manifest, StandardCharsets.UTF_8);
        Matcher m = VERSION_LINE.matcher(yaml);
        String line = "version: \"" + version + "\"";
        yaml = m.find()
                ? m.replaceFirst(Matcher.quoteReplacement(line))
                : yaml + (yaml.endsWith("\n") ? "" : "\n") + line + "\n";
        return yaml.getBytes(StandardCharsets.UTF_8);
    }
}
