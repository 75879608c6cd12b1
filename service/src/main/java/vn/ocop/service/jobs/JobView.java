package vn.ocop.service.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import vn.ocop.api.model.Job;

/** A job as stored: for other features (e.g. tests and the audit replay) and the jobs endpoint. */
public record JobView(
        String id,
        String kind,
        JobState state,
        String requestedBy,
        long total,
        long done,
        Double percent,
        Map<String, Long> counts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Long estimatedSecondsLeft,
        Map<String, Object> result,
        String error,
        boolean cancelRequested) {

    /** The API model (GET /api/v1/jobs/{id}), also for features that answer 202 with a job. */
    public Job toApi() {
        return new Job()
                .id(id)
                .kind(kind)
                .state(Job.StateEnum.fromValue(state.name()))
                .requestedBy(requestedBy)
                .total(total)
                .done(done)
                .percent(percent)
                .counts(counts)
                .createdAt(time(createdAt))
                .startedAt(time(startedAt))
                .finishedAt(time(finishedAt))
                .estimatedSecondsLeft(estimatedSecondsLeft)
                .cancelRequested(cancelRequested)
                .result(result)
                .error(error);
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
