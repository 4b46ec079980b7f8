package io.simfleet.client.model;

import java.util.List;

/** {@code getJobStatus} (simfleet's design): a bulk job's {@code status} (Processing, Success, Partial, Fail), its counts, and for a bulk modify each value with its result. A bulk provisioning runs whole in one transaction, so its {@code processedCount} goes from 0 to {@code totalCount} at once. */
public record JobStatus(
        String jobId,
        String jobType,
        String status,
        long totalCount,
        long processedCount,
        long successCount,
        long failureCount,
        String reason,
        String createdDate,
        String completedDate,
        List<JobItem> items) {

    /** {@code status} as a typed value. */
    public JobState state() {
        return JobState.of(status);
    }

    /** True once the job has ended (Success, Partial or Fail). */
    public boolean finished() {
        return state() != JobState.PROCESSING;
    }
}
