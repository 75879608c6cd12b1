package vn.ocop.rules.pack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.ocop.rules.api.PackSources;

/**
 * An edition's rule files: path (relative to the edition folder, '/'-separated) → content.
 *
 * <p>SHA-256 canonical form: for each file in ascending order of its path (String.compareTo), the
 * UTF-8 bytes of the path, a 0x00 byte, the content length as 8-byte big-endian, then the content.
 *
 * <p>A provincial pack ({@code extends} in edition.yaml) is {@link #extend resolved} against its parent:
 * the child's files replace the parent's files of the same path, and the parent's manifest is kept as
 * {@code parent/edition.yaml} so that the resolved pack is self-contained (and hashed as such).
 */
public final class RulePack implements PackSources {
    public static final String MANIFEST = "edition.yaml";
    public static final String PARENT_PREFIX = "parent/";

    private final String editionId;
    private final SortedMap<String, byte[]> files;

    public RulePack(String editionId, Map<String, byte[]> files) {
        this.editionId = editionId;
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        this.files = Collections.unmodifiableSortedMap(copy);
    }

    public String editionId() {
        return editionId;
    }

    /** Files in canonical (path) order. Do not mutate the arrays. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The manifest, with fields inherited from {@code parent/edition.yaml} when the pack is resolved. */
    public EditionManifest manifest() {
        return manifestAt("");
    }

    private EditionManifest manifestAt(String prefix) {
        byte[] yaml = files.get(prefix + MANIFEST);
        if (yaml == null) throw new IllegalArgumentException("pack " + editionId + " has no " + prefix + MANIFEST);
        EditionManifest manifest = EditionManifest.parse(yaml);
        if (manifest.extendsEdition() != null && files.containsKey(prefix + PARENT_PREFIX + MANIFEST)) {
            manifest = manifest.inheritFrom(manifestAt(prefix + PARENT_PREFIX));
        }
        return manifest;
    }

    /** The pack this one extends, resolved: parent's files overlaid by this pack's files. */
    public RulePack extend(RulePack parent) {
        TreeMap<String, byte[]> merged = new TreeMap<>();
        parent.files.forEach((path, bytes) -> {
            if (path.equals(MANIFEST) || path.startsWith(PARENT_PREFIX)) {
                merged.put(PARENT_PREFIX + path, bytes);
            } else {
                merged.put(path, bytes);
            }
        });
        merged.putAll(files);
        return new RulePack(editionId, merged);
    }

    /** This pack plus any of the given files it lacks (used for the shared engine rules). */
    public RulePack withDefaults(Map<String, byte[]> defaults) {
        TreeMap<String, byte[]> merged = new TreeMap<>(defaults);
        merged.putAll(files);
        return new RulePack(editionId, merged);
    }

    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(ByteBuffer.allocate(8).putLong(bytes.length).array());
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
