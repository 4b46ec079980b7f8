package io.simfleet.client.model;

/**
 * A row of {@code dataUsage[]} / {@code nbiotUsage[]} of {@code GetStatistics} (one day), or
 * {@code dataTotalUsage} / {@code nbiotTotalUsage} (the range; {@code date} null). Volumes in MB
 * and the cost in the account's currency, as the wire writes them: strings with 3 decimals
 * ({@code "4.820"}); {@code date} is {@code dd/MM/yyyy}.
 */
public record VolumeUsage(
        String totalCost,
        String date,
        String uplink,
        String downlink,
        String totalVolume) {
}
