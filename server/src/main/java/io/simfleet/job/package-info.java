/**
 * Background work of every kind as durable jobs: a registry of handlers by kind
 * ({@link io.simfleet.job.JobHandler}, {@link io.simfleet.job.JobHandlers}), versioned JSON
 * payloads, units of work claimed fairly between accounts with {@code FOR UPDATE SKIP LOCKED} by
 * the workers of every instance, retries with backoff and a dead-letter state. Bulk create and
 * bulk modify are its first two kinds ({@link io.simfleet.job.BulkJobService}). See docs/bulk-jobs.md.
 */
package io.simfleet.job;
