/** Each user's to-do list: what waits on them in the procedure and by when. */
package vn.ocop.service.procedure.todo;
