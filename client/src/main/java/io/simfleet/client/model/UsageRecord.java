package io.simfleet.client.model;

import java.time.Instant;

/**
 * A usage record of the network side, as the operator API's mediation input
 * ({@code POST /admin/usage}) takes it (docs/usage.md): {@code recordId} (the network's own id, 1–64
 * printable characters; the server stores a record once per id and day), {@code type} {@code DATA},
 * {@code NBIOT} or {@code SMS} (with {@code direction} {@code MO}/{@code MT}), the SIM's master
 * {@code imsi}, {@code startTime} (sessions) or {@code time} (SMS) in ISO-8601 with an offset,
 * {@code duration} in seconds, {@code uplinkBytes}/{@code downlinkBytes} (sessions), and optionally
 * {@code visitedMccMnc} (gives the roaming zone), {@code rat} and {@code apn}. Null fields are not sent.
 */
public record UsageRecord(
        String recordId,
        String type,
        String direction,
        String imsi,
        String startTime,
        String time,
        Long duration,
        Long uplinkBytes,
        Long downlinkBytes,
        String visitedMccMnc,
        String rat,
        String apn) {

    /** A data session that started at {@code start}. */
    public static UsageRecord data(String recordId, String imsi, Instant start, long uplinkBytes, long downlinkBytes) {
        return new UsageRecord(recordId, "DATA", null, imsi, start.toString(), null, null, uplinkBytes, downlinkBytes, null, null, null);
    }

    /** An NB-IoT session that started at {@code start}. */
    public static UsageRecord nbiot(String recordId, String imsi, Instant start, long uplinkBytes, long downlinkBytes) {
        return new UsageRecord(recordId, "NBIOT", null, imsi, start.toString(), null, null, uplinkBytes, downlinkBytes, null, null, null);
    }

    /** An SMS sent ({@code MO}) or received ({@code MT}) at {@code time}. */
    public static UsageRecord sms(String recordId, String imsi, Instant time, String direction) {
        return new UsageRecord(recordId, "SMS", direction, imsi, null, time.toString(), null, null, null, null, null, null);
    }

    public UsageRecord withDuration(long seconds) {
        return new UsageRecord(recordId, type, direction, imsi, startTime, time, seconds, uplinkBytes, downlinkBytes, visitedMccMnc, rat, apn);
    }

    /** The network the record was made on (5–6 digits, e.g. {@code 20601}). */
    public UsageRecord withVisitedMccMnc(String mccMnc) {
        return new UsageRecord(recordId, type, direction, imsi, startTime, time, duration, uplinkBytes, downlinkBytes, mccMnc, rat, apn);
    }

    public UsageRecord withRat(String rat) {
        return new UsageRecord(recordId, type, direction, imsi, startTime, time, duration, uplinkBytes, downlinkBytes, visitedMccMnc, rat, apn);
    }

    public UsageRecord withApn(String apn) {
        return new UsageRecord(recordId, type, direction, imsi, startTime, time, duration, uplinkBytes, downlinkBytes, visitedMccMnc, rat, apn);
    }
}
