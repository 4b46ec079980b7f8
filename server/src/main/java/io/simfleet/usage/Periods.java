package io.simfleet.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The periods balances and counters are kept in, in the account's time zone: a base plan's free
 * units and a postpaid main account renew each calendar month (the billing month); an add-on's
 * free units each validity period from its start; counters each day, month, or validity period.
 */
final class Periods {
    private Periods() {}

    /** A half-open period [start, end). */
    record Period(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    static Period day(Instant t, ZoneId zone) {
        LocalDate d = LocalDate.ofInstant(t, zone);
        return new Period(d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant());
    }

    static Period month(Instant t, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(t, zone).withDayOfMonth(1);
        return new Period(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The validity period of a subscription that started at {@code start}, with periods of
     * {@code validityDays}, that holds {@code t}; null when {@code t} is before the start.
     */
    static Period validity(Instant start, int validityDays, Instant t) {
        if (t.isBefore(start)) return null;
        Duration length = Duration.ofDays(Math.max(1, validityDays));
        long k = Duration.between(start, t).toMillis() / length.toMillis();
        Instant s = start.plus(length.multipliedBy(k));
        return new Period(s, s.plus(length));
    }

    /** The counter period of {@code frequency} (Daily, Monthly, Validity) holding {@code t}. */
    static Period counter(String frequency, Instant t, ZoneId zone, Period validity) {
        switch (frequency) {
            case "Daily":
                return day(t, zone);
            case "Validity":
                return validity != null ? validity : month(t, zone);
            default:
                return month(t, zone);
        }
    }
}
