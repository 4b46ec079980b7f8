package io.simfleet.client.model;

import io.simfleet.client.Outcome;

/**
 * An accepted bulk request: its job id ({@code Response.simProvisionId} of
 * {@code bulkProvisioning}, {@code Response.JobId} of {@code endpointbulk}), for
 * {@code getJobStatus}; and the {@code Idempotency-Key} it was sent with, to submit it again
 * safely. {@code outcome().replayed()} tells that the server had seen the key already and answered
 * the first submission's id.
 */
public record BulkSubmission(String jobId, String idempotencyKey, Outcome outcome) {}
