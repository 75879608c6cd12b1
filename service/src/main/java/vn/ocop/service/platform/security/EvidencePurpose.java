package vn.ocop.service.platform.security;

/**
 * The {@link IntegrityKey} purpose of every evidence MAC (records, heads, sheets, dossier seals, audit entries,
 * anchors). Each message starts with its own kind, e.g. {@code ocop:evaluation-record:<hash>}, so a MAC of one kind
 * never verifies another; docs/audit.md lists the messages.
 */
public final class EvidencePurpose {
    public static final String EVIDENCE = "ocop-evidence";

    private EvidencePurpose() {}
}
