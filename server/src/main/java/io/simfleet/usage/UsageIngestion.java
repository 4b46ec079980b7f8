package io.simfleet.usage;

import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.endpoint.EndpointJournal;
import io.simfleet.endpoint.EndpointStatus;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one entry point of usage records (operator feeds, the network simulator): reads them from
 * a stream in batches; each batch is one transaction that rates the new records against what
 * their endpoints held at the records' time ({@link Rater}), moves the balances and counters,
 * applies threshold actions, adds to the daily aggregates and stores the records. A record
 * already stored (same network record id, same day) is counted once however often it is sent;
 * one that cannot be rated (malformed, unknown IMSI, no endpoint) is refused on its own.
 */
@Service
public class UsageIngestion {
    /** At most this many refusals are listed in an answer (all are counted). */
    static final int LISTED_REFUSALS = 1000;

    private final UsageRepository repo;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final EndpointJournal journal;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId platformZone;
    private final int batchSize;
    private final Duration maxAge;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    UsageIngestion(UsageRepository repo, CatalogService catalog, AccountService accounts, EndpointJournal journal,
                   TransactionTemplate tx, Clock clock, io.simfleet.config.SimfleetProperties props,
                   @Value("${simfleet.usage.batch-size:10000}") int batchSize,
                   @Value("${simfleet.usage.max-age:400d}") Duration maxAge) {
        this.repo = repo;
        this.catalog = catalog;
        this.accounts = accounts;
        this.journal = journal;
        this.tx = tx;
        this.clock = clock;
        this.platformZone = props.zone();
        this.batchSize = Math.max(1, batchSize);
        this.maxAge = maxAge;
    }

    public record Refusal(int index, String recordId, String reason) {}

    /** What an ingestion did: every record received is accepted, a duplicate, or refused. */
    public record Result(long received, long accepted, long duplicates, long refused, List<Refusal> refusals) {
        Result plus(Result o) {
            List<Refusal> listed = new ArrayList<>(refusals);
            for (Refusal r : o.refusals) if (listed.size() < LISTED_REFUSALS) listed.add(r);
            return new Result(received + o.received, accepted + o.accepted, duplicates + o.duplicates, refused + o.refused, listed);
        }
    }

    private static final Result NONE = new Result(0, 0, 0, 0, List.of());

    /** Ingests a JSON stream (an array of records, or {"records": [...]}). */
    public Result ingestJson(Actor actor, InputStream in) {
        return ingest(actor, input(() -> UsageInput.json(in)));
    }

    /** Ingests a CSV stream with a header line. */
    public Result ingestCsv(Actor actor, InputStream in) {
        return ingest(actor, input(() -> UsageInput.csv(in)));
    }

    /** The records of a stream; 1001 naming the body when it is not of the format at all. */
    private static Iterator<UsageInput.Parsed> input(java.util.function.Supplier<Iterator<UsageInput.Parsed>> open) {
        try {
            return open.get();
        } catch (UsageInput.Refused r) {
            throw io.simfleet.common.DomainException.wrong(r.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw io.simfleet.common.DomainException.wrong("body: not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Ingests records given as values (the network simulator's path into the same rating). */
    public Result ingest(Actor actor, List<UsageRecord> records) {
        List<UsageInput.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) parsed.add(new UsageInput.Parsed(i, records.get(i).recordId(), records.get(i), null));
        return ingest(actor, parsed.iterator());
    }

    private Result ingest(Actor actor, Iterator<UsageInput.Parsed> input) {
        Result total = NONE;
        List<UsageInput.Parsed> batch = new ArrayList<>(Math.min(batchSize, 10000));
        while (input.hasNext()) {
            batch.add(input.next());
            if (batch.size() == batchSize) {
                total = total.plus(batch(actor, batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) total = total.plus(batch(actor, batch));
        return total;
    }

    /** A record with where it goes. */
    private record Routed(UsageRecord record, UsageRepository.Target target, LocalDate day) {}

    private Result batch(Actor actor, List<UsageInput.Parsed> batch) {
        List<Refusal> refusals = new ArrayList<>();
        Instant now = clock.instant();
        Map<String, UsageRepository.Target> targets = repo.targets(batch.stream().filter(p -> p.record() != null)
                        .map(p -> p.record().imsi()).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(UsageRepository.Target::imsi, t -> t, (a, b) -> a));
        Map<Long, ZoneId> zones = new HashMap<>();
        List<Routed> routed = new ArrayList<>();
        for (UsageInput.Parsed p : batch) {
            String reason = p.refusal();
            UsageRecord r = p.record();
            UsageRepository.Target t = r == null ? null : targets.get(r.imsi());
            if (reason == null && t == null) reason = "imsi: unknown";
            if (reason == null && t.endpointId() == null) reason = "imsi: the SIM is not linked to an endpoint";
            if (reason == null && r.startedAt().isAfter(now.plus(Duration.ofHours(1)))) reason = "startTime: in the future";
            if (reason == null && r.startedAt().isBefore(now.minus(maxAge))) reason = "startTime: older than " + maxAge.toDays() + " days";
            if (reason != null) {
                refusals.add(new Refusal(p.index(), p.recordId(), reason));
                continue;
            }
            ZoneId zone = zones.computeIfAbsent(t.accountId(), a -> accounts.timeZone(a).orElse(platformZone));
            routed.add(new Routed(r, t, LocalDate.ofInstant(r.startedAt(), zone)));
        }
        for (LocalDate month : routed.stream().map(r -> r.day().withDayOfMonth(1)).collect(Collectors.toSet())) {
            if (!partitions.contains(month)) {
                tx.executeWithoutResult(s -> repo.ensurePartition(month));
                partitions.add(month);
            }
        }
        // Two passes, a transaction each: the first takes the endpoints no other ingestion holds
        // (SKIP LOCKED) and never waits; the second takes the rest, waiting for them in endpoint
        // order (so two ingestions sharing some endpoints overlap instead of queueing whole batches).
        long[] counts = new long[2];
        List<Routed> left = routed;
        for (boolean skipLocked : new boolean[] {true, false}) {
            if (left.isEmpty()) break;
            List<Routed> pass = left;
            List<Routed> skipped = new ArrayList<>();
            long[] n = null;
            for (int attempt = 1; n == null; attempt++) {
                skipped.clear();
                try {
                    n = tx.execute(s -> {
                        long accepted = 0, duplicates = 0;
                        Map<Long, List<Routed>> byAccount = new TreeMap<>(pass.stream().collect(Collectors.groupingBy(r -> r.target().accountId())));
                        for (Map.Entry<Long, List<Routed>> e : byAccount.entrySet()) {
                            long[] done = account(actor, e.getKey(), zones.get(e.getKey()), e.getValue(), now, skipLocked, skipped);
                            accepted += done[0];
                            duplicates += done[1];
                        }
                        return new long[] {accepted, duplicates};
                    });
                } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                    // a deadlock with another writer (a pool or wallet taken in the other order): the pass rolled back whole; again
                    if (attempt == 3) throw e;
                }
            }
            counts[0] += n[0];
            counts[1] += n[1];
            left = skipped;
        }
        List<Refusal> listed = refusals.size() > LISTED_REFUSALS ? refusals.subList(0, LISTED_REFUSALS) : refusals;
        return new Result(batch.size(), counts[0], counts[1], refusals.size(), List.copyOf(listed));
    }

    /**
     * One account's records of a batch, in the pass's transaction; answers {accepted,
     * duplicates}. With {@code skipLocked}, the records of endpoints another transaction holds are
     * left to {@code skipped}.
     */
    private long[] account(Actor actor, long account, ZoneId zone, List<Routed> all, Instant now, boolean skipLocked,
                           List<Routed> skipped) {
        CatalogService.View cat = catalog.view(account);
        Map<Long, UsageRepository.Target> endpoints = new TreeMap<>();
        all.forEach(r -> endpoints.putIfAbsent(r.target().endpointId(), r.target()));

        // the endpoints' balances, held in endpoint order (a prepaid wallet starts at its plan's credit)
        List<Long> ids = new ArrayList<>(endpoints.keySet());
        Map<String, Plan> currentPlans = cat.plansById(endpoints.values().stream().map(UsageRepository.Target::planId).collect(Collectors.toSet()));
        List<BigDecimal> initials = ids.stream()
                .map(id -> Ledger.initialBalance(endpoints.get(id).subscriberType(), currentPlans.get(endpoints.get(id).planId()))).toList();
        Map<Long, Ledger> ledgers = new LinkedHashMap<>();
        for (Ledger l : repo.lockWallets(account, ids, initials, skipLocked)) ledgers.put(l.endpointId, l);
        List<Routed> records = new ArrayList<>(all.size());
        for (Routed r : all) {
            if (ledgers.containsKey(r.target().endpointId())) records.add(r);
            else skipped.add(r);
        }
        if (records.isEmpty()) return new long[] {0, 0};
        endpoints.keySet().retainAll(ledgers.keySet());

        // what is new: not stored yet, nor earlier in this batch
        Set<String> seen = new HashSet<>(repo.existing(account, records.stream().map(r -> r.record().recordId()).toList(),
                records.stream().map(Routed::day).toList()));
        List<Routed> fresh = new ArrayList<>();
        for (Routed r : records) {
            if (seen.add(r.record().recordId() + "|" + r.day())) fresh.add(r);
        }
        long duplicates = records.size() - fresh.size();
        if (fresh.isEmpty()) return new long[] {0, duplicates};

        // what the endpoints held, and their balances of the periods the records can touch
        Map<Long, Holdings> holdings = holdings(account, cat, endpoints);
        int longestValidity = holdings.values().stream().flatMap(h -> h.addons().stream())
                .mapToInt(s -> s.plan().validityDays()).max().orElse(0);
        Instant earliest = fresh.stream().map(r -> r.record().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        repo.loadState(account, ledgers, earliest.minus(Duration.ofDays(longestValidity + 32L)));

        // the pooled dynamic benefits' periods the records can take from, locked after the wallets
        Map<Ledger.PoolKey, Long> poolKeys = new java.util.TreeMap<>(Comparator.comparingLong(Ledger.PoolKey::benefitId)
                .thenComparing(Ledger.PoolKey::periodStart));
        for (Routed r : fresh) {
            Holdings.Dynamic d = holdings.get(r.target().endpointId()).dynamic();
            if (d != null && d.pooled() && r.record().service() == UsageRecord.Service.DATA) {
                poolKeys.put(new Ledger.PoolKey(d.id(), Rater.dynamicPeriod(d, r.record().startedAt(), zone)), d.dataMb() * Rater.MB);
            }
        }
        Map<Ledger.PoolKey, Ledger.BenefitRow> pools = repo.lockPools(account, poolKeys);

        // rate in time order
        fresh.sort(Comparator.comparing((Routed r) -> r.record().startedAt()).thenComparing(r -> r.record().recordId()));
        Map<Long, Rater> raters = new HashMap<>();
        // the zones of each roaming-profile list, once per list (a fleet's endpoints share a few lists of hundreds of networks)
        Map<List<Long>, Map<String, String>> zonesOf = new HashMap<>();
        List<Rater.Rated> rated = new ArrayList<>(fresh.size());
        Map<String, UsageRepository.Daily> daily = new LinkedHashMap<>();
        for (Routed r : fresh) {
            UsageRepository.Target t = r.target();
            long e = t.endpointId();
            Rater rater = raters.computeIfAbsent(e, x -> new Rater(zone, now, EndpointStatus.valueOf(t.status()), t.iccid(), pools));
            String roamingZone = r.record().visitedMccMnc() == null ? null
                    : zonesOf.computeIfAbsent(t.roamingProfileIds(), x -> roamingZones(cat, x)).get(r.record().visitedMccMnc());
            Rater.Rated x = rater.rate(holdings.get(e), ledgers.get(e), r.record(), roamingZone);
            rated.add(x);
            daily.merge(e + "|" + x.day() + "|" + r.record().service(),
                    new UsageRepository.Daily(e, x.day(), r.record().service().name(), r.record().uplink(), r.record().downlink(),
                            r.record().service().volume() ? 0 : 1, x.cost()),
                    (a, b) -> new UsageRepository.Daily(a.endpointId(), a.day(), a.service(), a.uplink() + b.uplink(),
                            a.downlink() + b.downlink(), a.count() + b.count(), a.cost().add(b.cost())));
        }
        repo.save(account, ledgers.values());
        repo.savePools(account, pools);
        repo.insertRecords(account, rated, now);
        // in key order: neighbouring rows of the aggregate's index are updated together
        repo.addDaily(account, daily.values().stream().sorted(Comparator.comparingLong(UsageRepository.Daily::endpointId)
                .thenComparing(UsageRepository.Daily::day).thenComparing(UsageRepository.Daily::service)).toList());
        List<EndpointJournal.Entry> events = new ArrayList<>();
        raters.forEach((e, rater) -> rater.events.forEach(ev -> events.add(new EndpointJournal.Entry(e, ev))));
        if (!events.isEmpty()) {
            journal.record(new Actor(actor.username(), actor.userAccountId(), account, actor.accountType(), actor.requestId()), events);
        }
        // last: two ingestions of one account wait for each other on these rows only until the commit
        repo.addAccountDaily(account, daily.values());
        return new long[] {fresh.size(), duplicates};
    }

    private Map<Long, Holdings> holdings(long account, CatalogService.View cat, Map<Long, UsageRepository.Target> endpoints) {
        Map<Long, List<Object[]>> history = repo.planHistory(account, endpoints.keySet());
        Map<Long, List<UsageRepository.AddonRow>> addons = repo.addons(account, endpoints.keySet()).stream()
                .collect(Collectors.groupingBy(UsageRepository.AddonRow::endpointId));
        Set<String> planIds = new HashSet<>();
        history.values().forEach(l -> l.forEach(h -> planIds.add((String) h[1])));
        addons.values().forEach(l -> l.forEach(a -> planIds.add(a.planId())));
        endpoints.values().forEach(t -> planIds.add(t.planId()));
        Map<String, Plan> plans = cat.plansById(planIds);
        Map<Long, Holdings> out = new HashMap<>();
        Map<Long, java.util.Optional<Holdings.Dynamic>> dynamics = new HashMap<>();
        for (Map.Entry<Long, UsageRepository.Target> e : endpoints.entrySet()) {
            List<Holdings.PlanFrom> ps = new ArrayList<>();
            for (Object[] h : history.getOrDefault(e.getKey(), List.of())) {
                Plan p = plans.get((String) h[1]);
                if (p != null) ps.add(new Holdings.PlanFrom((Instant) h[0], p));
            }
            if (ps.isEmpty() && plans.get(e.getValue().planId()) != null) ps.add(new Holdings.PlanFrom(Instant.EPOCH, plans.get(e.getValue().planId())));
            List<Holdings.Subscription> subs = addons.getOrDefault(e.getKey(), List.of()).stream().filter(a -> plans.get(a.planId()) != null)
                    .map(a -> new Holdings.Subscription(a.uniqueId(), plans.get(a.planId()), a.start(), a.until(), bytes(a.adjusted())))
                    .toList();
            out.put(e.getKey(), new Holdings(account, e.getKey(), e.getValue().subscriberType(), ps, subs,
                    e.getValue().dynamicBenefitId() == null ? null : dynamics.computeIfAbsent(e.getValue().dynamicBenefitId(),
                            id -> java.util.Optional.ofNullable(dynamic(cat, id))).orElse(null)));
        }
        return out;
    }

    /** The endpoint's dynamic benefit for rating, with the MCC-MNCs of its coverage; null when none. */
    static Holdings.Dynamic dynamic(CatalogService.View cat, Long id) {
        if (id == null) return null;
        io.simfleet.catalog.CatalogModel.DynamicBenefit b = cat.dynamicBenefit(id).orElse(null);
        if (b == null) return null;
        Set<String> coverage = new HashSet<>();
        for (RoamingProfile p : cat.roamingProfiles(b.roamingProfileIds())) {
            p.networks().forEach(n -> {
                coverage.addAll(n.mccMncs());
            });
        }
        return new Holdings.Dynamic(b.id(), b.pooled(), b.autoRenewal(), b.dataMb(), Set.copyOf(coverage));
    }

    /** Adjusted balances are stored as given (DATA, NBIOT in MB; SMS a count); rating counts bytes. */
    static Map<String, Long> bytes(Map<String, Long> adjusted) {
        if (adjusted == null) return null;
        Map<String, Long> out = new HashMap<>();
        adjusted.forEach((type, v) -> out.put(type, type.equals("SMS") ? v : v * Rater.MB));
        return out;
    }

    /** The roaming zone (IR1..IR4) of each MCC-MNC of the endpoint's roaming profiles. */
    private static Map<String, String> roamingZones(CatalogService.View cat, List<Long> roamingProfileIds) {
        Map<String, String> out = new HashMap<>();
        for (RoamingProfile p : cat.roamingProfiles(roamingProfileIds)) {
            p.networks().forEach(n -> {
                for (String code : n.mccMncs()) out.putIfAbsent(code, n.categoryGroupId());
            });
        }
        return out;
    }
}
