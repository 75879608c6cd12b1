package vn.ocop.service.procedure.todo;

import java.time.LocalDate;

/** One thing that waits on a user; {@code dueOn} null when the procedure sets no deadline for it. */
public record TodoItem(String kind, String title, String dossierId, String roundId, LocalDate dueOn, boolean overdue) {}
