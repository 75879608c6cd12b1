/** Working days (ngày làm việc) in Vietnam: weekends and the public holidays of {@code procedure/holidays-vn.yaml}. */
package vn.ocop.service.procedure.calendar;
