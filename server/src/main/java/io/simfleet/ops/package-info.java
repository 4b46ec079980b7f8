/**
 * What an operator watches besides the requests: gauges of the platform's queues (jobs, de-links,
 * the event outbox) for the Prometheus endpoint, read from the features' own services, cached for
 * a few seconds. The request metrics and the access log belong to the wire layer ({@code sftapi});
 * the database pool and the JVM are Spring Boot's. See docs/operations.md.
 */
package io.simfleet.ops;
