package vn.ocop.service.console;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.procedure.todo.Todos;

/** The home page's to-do list from the procedure: checks due, sheets to submit, rounds closing, decisions due. */
@Component
class ProcedureToDoList implements ToDoList {
    private final Todos todos;
    private final Callers callers;

    ProcedureToDoList(Todos todos, Callers callers) {
        this.todos = todos;
        this.callers = callers;
    }

    @Override
    public List<Item> forUser(Authentication user) {
        return todos.of(callers.current()).stream()
                .map(t -> new Item(t.overdue() ? t.title() + " (quá hạn)" : t.title(), t.dueOn(), link(t)))
                .toList();
    }

    /** A sheet to submit opens the sheet, a result to record the chair's council view, anything else the dossier. */
    static String link(vn.ocop.service.procedure.todo.TodoItem t) {
        if (t.dossierId() == null) return "/";
        return "/dossiers/" + t.dossierId()
                + switch (t.kind()) {
                    case "SUBMIT_SHEET" -> "/sheet";
                    case "RECORD_RESULT" -> "/council";
                    default -> "";
                };
    }
}
