package io.simfleet.usage;

import io.simfleet.account.AccountService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The acting account's usage as a whole, from its daily aggregate ({@code usage_account_daily},
 * V23, kept by ingestion): the month so far, the last days, a date range. Every read is one
 * statement over at most (days x 4 services) rows, whatever the number of endpoints. Also the
 * month's cost of a page of the account's endpoints (bounded by the page). docs/usage.md.
 */
@Service
public class AccountUsage {
    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final Clock clock;
    private final ZoneId platformZone;

    AccountUsage(JdbcClient jdbc, AccountService accounts, Clock clock, io.simfleet.config.SimfleetProperties props) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.platformZone = props.zone();
    }

    /** One day's usage of the account over all its services: data (DATA and NBIOT) in bytes, SMS (MO and MT) in messages, cost. */
    public record Day(LocalDate day, long dataBytes, long sms, BigDecimal cost) {
        static Day empty(LocalDate day) {
            return new Day(day, 0, 0, BigDecimal.ZERO);
        }

        Day plus(String service, long up, long down, long count, BigDecimal c) {
            boolean volume = service.equals("DATA") || service.equals("NBIOT");
            return new Day(day, dataBytes + (volume ? up + down : 0), sms + (volume ? 0 : count), cost.add(c));
        }
    }

    /** The month so far (in the account's zone) and the last {@code days} days, each day present (zero when no usage). */
    public record Summary(YearMonth month, long dataBytes, long sms, BigDecimal cost, List<Day> lastDays) {}

    /** The account's today (its time zone, else the platform's). */
    public LocalDate today(Actor actor) {
        return LocalDate.ofInstant(clock.instant(), accounts.timeZone(actor.accountId()).orElse(platformZone));
    }

    /** The month so far and the last {@code lastDays} days: one statement over at most 62 days. */
    public Summary summary(Actor actor, int lastDays) {
        LocalDate today = today(actor);
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate from = today.minusDays(lastDays - 1L);
        TreeMap<LocalDate, Day> days = read(actor.accountId(), from.isBefore(monthStart) ? from : monthStart, today);
        long data = 0, sms = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (Day d : days.values()) {
            if (!d.day().isBefore(monthStart)) {
                data += d.dataBytes();
                sms += d.sms();
                cost = cost.add(d.cost());
            }
        }
        return new Summary(YearMonth.from(today), data, sms, cost, List.copyOf(days.subMap(from, true, today, true).values()));
    }

    /**
     * The account's usage per day from {@code from} to {@code to} (inclusive), every day present.
     * 1001 naming {@code to_date} for a range that ends before it starts or is longer than
     * GetStatistics allows ({@link UsageService#MAX_STATISTICS_DAYS}), as GetStatistics answers.
     */
    public List<Day> days(Actor actor, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw DomainException.wrong("to_date");
        if (from.plusDays(UsageService.MAX_STATISTICS_DAYS).isBefore(to.plusDays(1))) throw DomainException.wrong("to_date");
        return List.copyOf(read(actor.accountId(), from, to).values());
    }

    /** The month's cost of each of {@code endpointIds} (at most a page of them) of the acting account; absent when none. */
    public Map<Long, BigDecimal> monthCost(Actor actor, YearMonth month, Collection<Long> endpointIds) {
        Map<Long, BigDecimal> out = new HashMap<>();
        if (endpointIds.isEmpty()) return out;
        if (endpointIds.size() > 1000) throw new IllegalArgumentException("a page of endpoints, at most 1000");
        jdbc.sql("""
                        SELECT endpoint_id, sum(cost) AS cost FROM usage_daily
                        WHERE account_id = :a AND endpoint_id = ANY(:e) AND day BETWEEN :f AND :t
                        GROUP BY endpoint_id""")
                .param("a", actor.accountId()).param("e", endpointIds.toArray(Long[]::new))
                .param("f", Date.valueOf(month.atDay(1))).param("t", Date.valueOf(month.atEndOfMonth()))
                .query(rs -> {
                    out.put(rs.getLong("endpoint_id"), rs.getBigDecimal("cost"));
                });
        return out;
    }

    /** The month's cost of the whole account, from the aggregate. */
    public BigDecimal monthCost(Actor actor, YearMonth month) {
        return read(actor.accountId(), month.atDay(1), month.atEndOfMonth()).values().stream()
                .map(Day::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private TreeMap<LocalDate, Day> read(long account, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.put(d, Day.empty(d));
        jdbc.sql("""
                        SELECT day, service, uplink, downlink, count, cost FROM usage_account_daily
                        WHERE account_id = :a AND day BETWEEN :f AND :t""")
                .param("a", account).param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(rs -> {
                    LocalDate day = rs.getDate("day").toLocalDate();
                    days.put(day, days.get(day).plus(rs.getString("service"), rs.getLong("uplink"), rs.getLong("downlink"),
                            rs.getLong("count"), rs.getBigDecimal("cost")));
                });
        return days;
    }
}
