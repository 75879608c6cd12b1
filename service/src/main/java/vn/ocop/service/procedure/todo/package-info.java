/** Each user's to-do list: what waits on them in the procedure and by when (read by the API and the console's home page). */
@NamedInterface("todo")
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.todo;

import org.springframework.modulith.NamedInterface;
