package io.simfleet.client.model;

import java.util.List;

/**
 * {@code responseParam} of {@code GetStatistics}: an endpoint's usage per day and service in a
 * range of days, and its totals. Only the services that had usage have rows (the lists of the
 * others are empty, their totals null); a range without usage (the wire's {@code 1340 No record
 * exists}) answers all of them empty.
 */
public record Statistics(
        List<SmsUsage> smsUsage,
        List<VolumeUsage> dataUsage,
        List<VolumeUsage> nbiotUsage,
        List<SmsUsage> smsTotalUsage,
        VolumeUsage dataTotalUsage,
        VolumeUsage nbiotTotalUsage) {

    public static final Statistics NONE = new Statistics(null, null, null, null, null, null);

    public Statistics {
        smsUsage = smsUsage == null ? List.of() : List.copyOf(smsUsage);
        dataUsage = dataUsage == null ? List.of() : List.copyOf(dataUsage);
        nbiotUsage = nbiotUsage == null ? List.of() : List.copyOf(nbiotUsage);
        smsTotalUsage = smsTotalUsage == null ? List.of() : List.copyOf(smsTotalUsage);
    }

    /** Whether the range had any usage. */
    public boolean hasUsage() {
        return !smsUsage.isEmpty() || !dataUsage.isEmpty() || !nbiotUsage.isEmpty();
    }
}
