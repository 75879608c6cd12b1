package vn.ocop.service.console;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * What waits on the signed-in user, for the home page. The console has none of its own: the home page lists the items of
 * every bean of this type (none until the procedure feature — councils, rounds, deadlines — provides one), by due date.
 */
public interface ToDoList {
    List<Item> forUser(Authentication user);

    /** One task: what, by when (may be null), and the console page where it is done. */
    record Item(String title, LocalDate due, String link) {}
}
