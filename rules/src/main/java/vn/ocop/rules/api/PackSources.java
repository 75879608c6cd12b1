package vn.ocop.rules.api;

import java.util.SortedMap;

/**
 * An edition's rule files as stored: path (relative to the edition folder, '/'-separated) → content, with the
 * SHA-256 of its canonical form (docs/design-notes.md). Made by {@link RulePlatform#pack}; immutable.
 */
public interface PackSources {
    /** The manifest's path. */
    String MANIFEST = "edition.yaml";
    /** Where a resolved provincial pack keeps its parent's manifest(s). */
    String PARENT_PREFIX = "parent/";
    /** The platform's shared rules, in every pack; never uploaded. */
    String ENGINE_PREFIX = "engine/";

    String editionId();

    /** Files in canonical (path) order. Do not mutate the arrays. */
    SortedMap<String, byte[]> files();

    String sha256();
}
