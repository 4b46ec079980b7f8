package io.simfleet.job;

/** Published when a job is stored; the worker wakes up once the transaction has committed. */
record JobSubmitted(long jobId) {}
