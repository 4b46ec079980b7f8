package io.simfleet.usage;

import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Counter;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.BalanceSource;
import io.simfleet.endpoint.Balances;
import io.simfleet.endpoint.Endpoint;
import io.simfleet.endpoint.EndpointEvent;
import io.simfleet.endpoint.EndpointJournal;
import io.simfleet.endpoint.EndpointStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read and write side of balances beside ingestion: the balances a profile shows, an
 * endpoint's statistics from the daily aggregates, its own counter thresholds (UpdateThreshold),
 * and the operator's credit of a prepaid main account.
 */
@Service
public class UsageService implements BalanceSource {
    /** GetStatistics answers at most this many days at once. */
    public static final int MAX_STATISTICS_DAYS = 366;

    private final UsageRepository repo;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final EndpointJournal journal;
    private final Clock clock;
    private final ZoneId platformZone;

    UsageService(UsageRepository repo, CatalogService catalog, AccountService accounts, EndpointJournal journal, Clock clock,
                 io.simfleet.config.SimfleetProperties props) {
        this.repo = repo;
        this.catalog = catalog;
        this.accounts = accounts;
        this.journal = journal;
        this.clock = clock;
        this.platformZone = props.zone();
    }

    ZoneId zone(long account) {
        return accounts.timeZone(account).orElse(platformZone);
    }

    // --- balances of a profile

    @Override
    public Balances balances(Endpoint e, Plan plan, CatalogService.View cat) {
        Instant now = clock.instant();
        ZoneId zone = zone(e.accountId());
        Optional<Ledger> wallet = repo.wallet(e.accountId(), e.id());
        Ledger l = wallet.orElseGet(() -> new Ledger(e.accountId(), e.id(),
                Ledger.initialBalance(e.subscriberType(), plan),
                BigDecimal.ZERO, false, null, null));
        List<Holdings.Subscription> subs = subscriptions(cat, e.accountId(), e.id(), now);
        int longest = subs.stream().mapToInt(s -> s.plan().validityDays()).max().orElse(0);
        repo.loadState(e.accountId(), Map.of(e.id(), l), now.minus(Duration.ofDays(longest + 32L)));

        boolean postpaid = e.subscriberType() == 1;
        Periods.Period month = Periods.month(now, zone);
        BigDecimal initial = l.initial;
        Balances.MainAccount main = new Balances.MainAccount(postpaid, postpaid ? null : l.balance, postpaid ? null : initial,
                e.planEffectiveAt(), postpaid ? month.end() : null);

        List<Balances.Units> units = new ArrayList<>();
        List<Balances.CounterState> counters = new ArrayList<>();
        if (plan != null) {
            for (String type : benefitTypes(plan)) {
                long actual = Rater.units(plan, type);
                Ledger.BenefitRow row = l.benefits.get(new Ledger.BenefitKey(0, type, month.start()));
                units.add(new Balances.Units(type, type.equals("SMS") ? Balances.Unit.COUNT : Balances.Unit.BYTES,
                        row == null ? actual : row.left(), actual, plan, month.start(), month.end(), null));
            }
            counters(l, plan, plan, 0, month, now, zone, counters);
        }
        for (Holdings.Subscription s : subs) {
            Periods.Period p = Periods.validity(s.start(), s.plan().validityDays(), now);
            Map<String, Long> adjusted = p.start().equals(s.start()) ? s.adjusted() : null;
            for (String type : benefitTypes(s.plan())) {
                long actual = adjusted != null && adjusted.containsKey(type) ? adjusted.get(type) : Rater.units(s.plan(), type);
                Ledger.BenefitRow row = l.benefits.get(new Ledger.BenefitKey(s.uniqueId(), type, p.start()));
                units.add(new Balances.Units(type, type.equals("SMS") ? Balances.Unit.COUNT : Balances.Unit.BYTES,
                        row == null ? actual : row.left(), row == null ? actual : row.actual, s.plan(), p.start(),
                        p.end().isAfter(s.end()) ? s.end() : p.end(), s.uniqueId()));
            }
            counters(l, s.plan(), plan, s.uniqueId(), p, now, zone, counters);
        }
        List<Balances.DynamicUnits> dynamic = new ArrayList<>();
        Holdings.Dynamic d = UsageIngestion.dynamic(cat, e.dynamicBenefitId());
        if (d != null && !d.pooled()) {
            Instant start = Rater.dynamicPeriod(d, now, zone);
            Ledger.BenefitRow row = l.benefits.get(new Ledger.BenefitKey(-d.id(), "DATA", start));
            io.simfleet.catalog.CatalogModel.DynamicBenefit b = cat.dynamicBenefit(d.id()).orElseThrow();
            dynamic.add(new Balances.DynamicUnits(d.id(), b.name(), d.renews(), b.priority(), d.dataMb(),
                    row == null ? d.dataMb() * Rater.MB : row.left(), d.renews() ? start : e.createdAt(), d.renews() ? month.end() : null));
        }
        return new Balances(main, List.copyOf(units), List.copyOf(counters), l.dataBarredAt(now), List.copyOf(dynamic));
    }

    private static List<String> benefitTypes(Plan plan) {
        Set<String> types = new java.util.LinkedHashSet<>();
        plan.benefits().forEach(b -> types.add(b.type()));
        return List.copyOf(types);
    }

    private static void counters(Ledger l, Plan plan, Plan base, long uniqueId, Periods.Period validity, Instant now, ZoneId zone,
                                 List<Balances.CounterState> out) {
        for (Counter c : plan.counters()) {
            Periods.Period p = Periods.counter(c.frequency(), now, zone, validity);
            Ledger.CounterRow row = l.counters.get(new Ledger.CounterKey(uniqueId, c.counterId(), p.start()));
            out.add(new Balances.CounterState(c, base, uniqueId == 0 ? null : plan, uniqueId == 0 ? null : uniqueId,
                    row == null ? 0 : row.usage, Rater.threshold(l, plan, uniqueId, c), p.end(),
                    l.thresholdsMb.containsKey(new Ledger.ThresholdKey(uniqueId, c.counterId()))));
        }
    }

    /** The endpoint's add-on subscriptions holding at {@code now}. */
    private List<Holdings.Subscription> subscriptions(CatalogService.View cat, long account, long endpoint, Instant now) {
        List<UsageRepository.AddonRow> rows = repo.addons(account, List.of(endpoint));
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.planId()));
        Map<String, Plan> plans = cat.plansById(ids);
        List<Holdings.Subscription> out = new ArrayList<>();
        for (UsageRepository.AddonRow r : rows) {
            Holdings.Subscription s = new Holdings.Subscription(r.uniqueId(), plans.get(r.planId()), r.start(), r.until(),
                    UsageIngestion.bytes(r.adjusted()));
            if (s.holdsAt(now)) out.add(s);
        }
        return out;
    }

    // --- GetStatistics

    /**
     * An endpoint's usage per day and service from {@code from} to {@code to} (inclusive), from
     * the daily aggregates. Raises 1001 naming the field for a range that ends before it starts or is longer than
     * {@link #MAX_STATISTICS_DAYS}, or an endpoint the account never had; 1340 when the range has
     * no usage. One statement, no transaction.
     */
    public List<Daily> statistics(Actor actor, long endpointId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw DomainException.wrong("to_date");
        if (from.plusDays(MAX_STATISTICS_DAYS).isBefore(to.plusDays(1))) throw DomainException.wrong("to_date");
        List<UsageRepository.Daily> rows = repo.daily(actor.accountId(), endpointId, from, to)
                .orElseThrow(() -> DomainException.wrong("endPointId"));
        if (rows.isEmpty()) throw new DomainException(ResultCode.NO_RECORD_EXISTS);
        return rows.stream().map(d -> new Daily(d.day(), d.service(), d.uplink(), d.downlink(), d.count(), d.cost())).toList();
    }

    /** A day's usage of one service (DATA, NBIOT: bytes; SMS_MO, SMS_MT: messages), with its cost in the account's currency. */
    public record Daily(LocalDate day, String service, long uplink, long downlink, long count, BigDecimal cost) {}

    // --- UpdateThreshold

    /**
     * Sets the endpoint's threshold (MB) of a data counter of its base plan ({@code uniqueId} 0)
     * or of the add-on subscription {@code uniqueId}; {@code planId}, when given, must be that
     * plan. Raises 3006 for an endpoint the account does not have or in Active-Test /
     * Active-Inventory, 6721 when no such data counter exists. The threshold applies from the
     * next usage record on.
     */
    @Transactional
    public void updateThreshold(Actor actor, long endpointId, String planId, String counterId, long uniqueId, long thresholdMb) {
        long acc = actor.accountId();
        UsageRepository.Target t = repo.endpoint(acc, endpointId, false)
                .orElseThrow(() -> new DomainException(ResultCode.UPDATE_THRESHOLD_FAILURE, "endpoint " + endpointId + " not found"));
        EndpointStatus status = EndpointStatus.valueOf(t.status());
        if (status.oem()) {
            throw new DomainException(ResultCode.UPDATE_THRESHOLD_FAILURE, "not supported in " + status.displayName());
        }
        CatalogService.View cat = catalog.view(acc);
        Plan plan;
        if (uniqueId == 0) {
            plan = cat.plansById(List.of(t.planId())).get(t.planId());
        } else {
            UsageRepository.AddonRow sub = repo.addons(acc, List.of(endpointId)).stream()
                    .filter(a -> a.uniqueId() == uniqueId && a.until().isAfter(clock.instant())).findFirst()
                    .orElseThrow(() -> new DomainException(ResultCode.NO_COUNTER_EXISTS));
            plan = cat.plansById(List.of(sub.planId())).get(sub.planId());
        }
        if (plan == null || (planId != null && !planId.equals(plan.id()))) throw new DomainException(ResultCode.NO_COUNTER_EXISTS);
        Counter counter = plan.counters().stream().filter(c -> c.counterId().equals(counterId) && !c.counts()).findFirst()
                .orElseThrow(() -> new DomainException(ResultCode.NO_COUNTER_EXISTS));
        Ledger l = lock(acc, t, cat);
        long before = Rater.threshold(l, plan, uniqueId, counter);
        repo.setThreshold(acc, endpointId, uniqueId, counterId, thresholdMb);
        journal.record(actor, endpointId, new EndpointEvent.ThresholdUpdated(status, plan.id(), counterId, uniqueId,
                before / Rater.MB, thresholdMb));
    }

    /** The endpoint's wallet, created if needed, locked until the end of the transaction, with its thresholds. */
    Ledger lock(long acc, UsageRepository.Target t, CatalogService.View cat) {
        Plan plan = cat.plansById(List.of(t.planId())).get(t.planId());
        BigDecimal initial = Ledger.initialBalance(t.subscriberType(), plan);
        Ledger l = repo.lockWallets(acc, List.of(t.endpointId()), List.of(initial), false).get(0);
        repo.loadThresholds(acc, l);
        return l;
    }

    // --- the operator's credit

    /**
     * Credits a prepaid endpoint's main account with {@code amount} (the account's currency);
     * lifts a bar of data for an exhausted balance. Answers the balance after. Raises 1001
     * endPointId for an endpoint the account does not have or a postpaid one, 1001 amount for an
     * amount that is not positive.
     */
    @Transactional
    public BigDecimal credit(Actor actor, long endpointId, BigDecimal amount) {
        long acc = actor.accountId();
        if (amount == null) throw DomainException.missing("amount");
        if (amount.signum() <= 0 || amount.scale() > 3 || amount.precision() - amount.scale() > 12) throw DomainException.wrong("amount");
        UsageRepository.Target t = repo.endpoint(acc, endpointId, false).orElseThrow(() -> DomainException.wrong("endPointId"));
        if (t.subscriberType() != 0) throw DomainException.wrong("endPointId");
        Ledger l = lock(acc, t, catalog.view(acc));
        l.balance = l.balance.add(amount);
        l.initial = l.initial.add(amount);
        EndpointStatus status = EndpointStatus.valueOf(t.status());
        List<EndpointEvent> events = new ArrayList<>();
        events.add(new EndpointEvent.BalanceCredited(status, amount, l.balance));
        if (l.balanceBarred) {
            l.balanceBarred = false;
            if (!l.counterBarredAt(clock.instant())) events.add(new EndpointEvent.DataUnbarred(status, t.iccid(), "BALANCE_CREDITED"));
        }
        repo.save(acc, List.of(l));
        List<EndpointJournal.Entry> entries = new ArrayList<>();
        events.forEach(ev -> entries.add(new EndpointJournal.Entry(endpointId, ev)));
        journal.record(actor, entries);
        return l.balance;
    }
}
