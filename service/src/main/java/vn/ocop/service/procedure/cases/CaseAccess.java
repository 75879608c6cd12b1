package vn.ocop.service.procedure.cases;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.ADVISORY;
import static vn.ocop.service.platform.security.Roles.AUDITOR;
import static vn.ocop.service.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ocop.service.platform.security.Roles.COUNCIL;
import static vn.ocop.service.platform.security.Roles.MINISTRY_OFFICE;
import static vn.ocop.service.platform.security.Roles.PRODUCER;
import static vn.ocop.service.platform.security.Roles.PROVINCE_OFFICE;

import java.util.List;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.rounds.Round;
import vn.ocop.service.procedure.rounds.Rounds;

/**
 * Who may see a dossier's case: the producer their own; a commune officer their commune's; the provincial office
 * and advisory team their province's; council members the dossiers of rounds whose council lists them; the
 * Ministry's office dossiers at or sent to the central level; auditors and admins all.
 */
public final class CaseAccess {
    private CaseAccess() {}

    public static boolean canRead(Caller c, CaseFile f, List<Round> roundsOfCase) {
        if (c.hasAny(ADMIN, AUDITOR)) return true;
        if (c.has(PRODUCER) && f.producerId != null && f.producerId.equals(c.producer())) return true;
        if (c.has(COMMUNE_OFFICER) && f.communeCode.equals(c.commune()) && f.provinceCode.equals(c.province()))
            return true;
        if (c.hasAny(PROVINCE_OFFICE, ADVISORY) && f.provinceCode.equals(c.province())) return true;
        if (c.has(MINISTRY_OFFICE) && (f.level == Level.CENTRAL || f.forwardedTo == Level.CENTRAL)) return true;
        if (c.hasAny(COUNCIL, ADVISORY)) {
            return roundsOfCase.stream().anyMatch(r -> r.lists(c.name()));
        }
        return false;
    }

    public static void requireRead(Caller c, CaseFile f, List<Round> roundsOfCase) {
        if (!canRead(c, f, roundsOfCase)) throw Rounds.outOfScope("hồ sơ " + f.id);
    }
}
