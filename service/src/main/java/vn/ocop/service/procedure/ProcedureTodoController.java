package vn.ocop.service.procedure;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.TodoList;
import vn.ocop.api.server.ProcedureTodoApi;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.procedure.todo.Todos;

@RestController
class ProcedureTodoController implements ProcedureTodoApi {
    private final Todos todos;
    private final Callers callers;
    private final ProcedureClock clock;

    ProcedureTodoController(Todos todos, Callers callers, ProcedureClock clock) {
        this.todos = todos;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<TodoList> getTodo() {
        Caller c = callers.current();
        return ResponseEntity.ok(new TodoList()
                .user(c.name())
                .today(clock.today())
                .items(todos.of(c).stream().map(ProcedureViews::of).toList()));
    }
}
