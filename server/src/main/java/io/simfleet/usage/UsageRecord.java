package io.simfleet.usage;

import java.time.Instant;

/**
 * One usage record of the network side: a data or NB-IoT session ({@code uplink} and
 * {@code downlink} in bytes over {@code durationSeconds} from {@code startedAt}) or one SMS
 * ({@code service} SMS_MO or SMS_MT at {@code startedAt}), identified by the network side's
 * own {@code recordId}; {@code visitedMccMnc} is the network it was made on.
 */
public record UsageRecord(String recordId, String imsi, Service service, Instant startedAt, int durationSeconds,
                          long uplink, long downlink, String visitedMccMnc, String rat, String apn) {

    public enum Service {
        DATA, NBIOT, SMS_MO, SMS_MT;

        /** The benefit type whose free units the service uses (DATA, NBIOT, SMS). */
        String benefit() {
            return this == DATA ? "DATA" : this == NBIOT ? "NBIOT" : "SMS";
        }

        boolean volume() {
            return this == DATA || this == NBIOT;
        }
    }

    /** What the record uses: bytes of a session, one SMS. */
    long amount() {
        return service.volume() ? uplink + downlink : 1;
    }
}
