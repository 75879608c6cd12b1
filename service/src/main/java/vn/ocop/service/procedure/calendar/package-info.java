/** Working days (ngày làm việc) in Vietnam: weekends and the public holidays of {@code procedure/holidays-vn.yaml}. */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.calendar;
