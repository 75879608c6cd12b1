package vn.ocop.service.dossier;

import org.springframework.http.HttpStatus;
import vn.ocop.service.platform.web.ApiException;

/** Strong ETags carrying the dossier's version: "3". */
final class Etags {
    private Etags() {}

    static String of(Long version) {
        return "\"" + version + "\"";
    }

    /** The version in an If-Match value; a weak or malformed tag can never match (412). */
    static long version(String ifMatch) {
        String v = ifMatch.trim();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() > 2) {
            try {
                return Long.parseLong(v.substring(1, v.length() - 1));
            } catch (NumberFormatException ignored) {
                // falls through
            }
        }
        throw new ApiException(
                HttpStatus.PRECONDITION_FAILED, "PRECONDITION_FAILED", "If-Match does not match the dossier's ETag");
    }
}
