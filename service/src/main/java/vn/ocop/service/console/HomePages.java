package vn.ocop.service.console;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Sign-in, the home page with the user's to-do list, and the page a refused role lands on. */
@Controller
class HomePages {
    private final List<ToDoList> toDoLists;

    HomePages(List<ToDoList> toDoLists) {
        this.toDoLists = toDoLists;
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String home(Model model) {
        var user = SecurityContextHolder.getContext().getAuthentication();
        List<ToDoList.Item> items = toDoLists.stream()
                .flatMap(l -> l.forUser(user).stream())
                .sorted(Comparator.comparing(ToDoList.Item::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        model.addAttribute("todo", items);
        return "console/home";
    }

    @RequestMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute(
                "refusal", new ConsoleErrors.Refusal("FORBIDDEN", ConsoleErrors.message("FORBIDDEN"), List.of()));
        model.addAttribute("status", 403);
        return "console/error";
    }
}
