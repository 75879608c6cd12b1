package vn.ocop.service.procedure.council;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.store.Versioned;

/** One member's sheet of one pass for one dossier in one round; id = round|dossier|pass|member. */
public class Sheet extends Versioned {
    public String roundId;
    public String dossierId;
    public int pass;
    public String member;
    public String memberName;
    public String role;
    public List<CaseFile.Pick> selections = new ArrayList<>();
    public String note;
    public String status;
    public Instant submittedAt;
    public List<Event> history = new ArrayList<>();

    public record Event(String action, String by, Instant at, String reason) {}

    public static String idOf(String roundId, String dossierId, int pass, String member) {
        return roundId + "|" + dossierId + "|" + pass + "|" + member;
    }

    public boolean submitted() {
        return "SUBMITTED".equals(status);
    }

    public Map<String, Integer> selectionMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        selections.forEach(p -> m.put(p.code(), p.option()));
        return m;
    }
}
