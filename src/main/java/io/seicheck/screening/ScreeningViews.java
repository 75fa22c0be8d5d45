package io.seicheck.screening;

import io.seicheck.api.ScreeningsApi;
import io.seicheck.api.model.ScreeningJob;
import io.seicheck.api.model.ScreeningProgress;
import io.seicheck.api.model.ScreeningStatus;
import io.seicheck.api.model.ScreeningSummary;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jobs and their counts as the API shows them. */
final class ScreeningViews {

    private ScreeningViews() {
    }

    static ScreeningJob job(ScreeningJobs.Job j, OffsetDateTime now) {
        ScreeningProgress progress = new ScreeningProgress(j.rowsTotal(), j.rowsRead(), j.rowsDone(), j.rowsFailed());
        if (j.runStartedAt() != null) {
            OffsetDateTime until = j.finishedAt() != null && !j.finishedAt().isBefore(j.runStartedAt()) ? j.finishedAt() : now;
            double seconds = Math.max(0.001, Duration.between(j.runStartedAt(), until).toNanos() / 1e9);
            double rate = (j.rowsRead() - j.runStartRows()) / seconds;
            progress.setRowsPerSecond(Math.round(rate * 10) / 10.0);
            if (!j.finished() && rate > 0) {
                progress.setEstimatedSecondsLeft((long) Math.ceil((j.rowsTotal() - j.rowsRead()) / rate));
            }
        }
        if (j.finished() && !j.status().equals("FAILED")) {
            progress.setEstimatedSecondsLeft(j.status().equals("DONE") ? 0L : null);
        }
        progress.setFailure(j.failure());
        ScreeningJob view = new ScreeningJob(j.id(), ScreeningStatus.fromValue(j.status()),
                ScreeningJob.FormatEnum.fromValue(j.format().name()), j.createdAt(), j.uploadSha256(), progress);
        view.setAsOf(j.asOf());
        view.setStartedAt(j.startedAt());
        view.setFinishedAt(j.finishedAt());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", path(ScreeningsApi.PATH_GET_SCREENING, j));
        links.put("results", path(ScreeningsApi.PATH_GET_SCREENING_RESULTS, j));
        links.put("summary", path(ScreeningsApi.PATH_GET_SCREENING_SUMMARY, j));
        view.setLinks(links);
        return view;
    }

    /** A path of the contract with the job's id filled in. */
    static String path(String template, ScreeningJobs.Job j) {
        return template.replace("{jobId}", j.id().toString());
    }

    static ScreeningSummary summary(ScreeningJobs.Job j) {
        ScreeningCounts c = ScreeningCounts.fromJson(j.counts());
        return new ScreeningSummary(j.rowsRead(), c.verdicts, c.channels, c.areas, c.flags, c.errors);
    }
}
