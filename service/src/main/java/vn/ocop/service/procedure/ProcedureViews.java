package vn.ocop.service.procedure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.ocop.api.model.CouncilResult;
import vn.ocop.api.model.CouncilSheet;
import vn.ocop.api.model.ProcedureCase;
import vn.ocop.api.model.Round;
import vn.ocop.api.model.TodoItem;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.council.Sheet;
import vn.ocop.service.procedure.store.ProcedureJson;

/** The procedure's aggregates as the API's models. */
final class ProcedureViews {
    private ProcedureViews() {}

    @SuppressWarnings("unchecked")
    static ProcedureCase of(CaseFile f, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>(ProcedureJson.MAPPER.convertValue(f, Map.class));
        m.put("dossierId", m.remove("id"));
        m.remove("selfAssessment");
        m.remove("selfAssessmentNote");
        m.remove("forwardedTo");
        if (f.selfAssessment != null) {
            Map<String, Object> selections = new LinkedHashMap<>();
            f.selfAssessment.forEach(p -> selections.put(p.code(), p.option()));
            Map<String, Object> self = new LinkedHashMap<>();
            self.put("selections", selections);
            self.put("note", f.selfAssessmentNote);
            m.put("selfAssessment", self);
        }
        m.put("communeCheckOverdue", f.communeCheckOverdue(today));
        return ProcedureJson.convert(m, ProcedureCase.class);
    }

    static Round of(vn.ocop.service.procedure.rounds.Round r) {
        return ProcedureJson.convert(r, Round.class);
    }

    @SuppressWarnings("unchecked")
    static CouncilSheet of(Sheet s) {
        Map<String, Object> m = new LinkedHashMap<>(ProcedureJson.MAPPER.convertValue(s, Map.class));
        m.put("selections", s.selectionMap());
        return ProcedureJson.convert(m, CouncilSheet.class);
    }

    static CouncilResult of(CaseFile.Result r) {
        return ProcedureJson.convert(r, CouncilResult.class);
    }

    @SuppressWarnings("unchecked")
    static vn.ocop.api.model.CouncilOverview of(vn.ocop.service.procedure.council.CouncilOverview o) {
        Map<String, Object> m = new LinkedHashMap<>(ProcedureJson.MAPPER.convertValue(o, Map.class));
        if (o.quorum() != null) {
            Map<String, Object> q = new LinkedHashMap<>((Map<String, Object>) m.get("quorum"));
            q.put("met", o.quorum().met());
            m.put("quorum", q);
        }
        return ProcedureJson.convert(m, vn.ocop.api.model.CouncilOverview.class);
    }

    static TodoItem of(vn.ocop.service.procedure.todo.TodoItem t) {
        return ProcedureJson.convert(t, TodoItem.class);
    }
}
