package io.simfleet.client.model;

/** The result of one value of a bulk modify ({@code getJobStatus} {@code items}); {@code resultCode} is null while the value waits. */
public record JobItem(
        String value,
        String resultCode,
        String resultDescription) {
}
