package io.simfleet.client.model;

/**
 * A row of {@code smsUsage[]} of {@code GetStatistics} (one day and {@code serviceName}
 * {@code SMS_MO} or {@code SMS_MT}), or of {@code smsTotalUsage[]} (the range; {@code date} null).
 * {@code totalCost} as the wire writes it (3 decimals); {@code totalCount} messages.
 */
public record SmsUsage(
        String totalCost,
        String serviceName,
        String date,
        long totalCount) {
}
