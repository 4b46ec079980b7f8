package io.simfleet.simulator;

import io.simfleet.catalog.CatalogModel.Network;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.network.NetworkCommand;
import io.simfleet.network.NetworkCommandPort;
import io.simfleet.network.NetworkEventPort;
import io.simfleet.network.NetworkFault;
import io.simfleet.network.NetworkQueryPort;
import io.simfleet.network.NetworkReport;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.usage.UsageIngestion;
import io.simfleet.usage.UsageRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated network. State per SIM is kept in memory (a restart forgets it: SIMs register
 * again when they are next activated or moved); what it reports goes to the platform through
 * {@link NetworkEventPort} and {@link UsageIngestion}, exactly as a real network's reports would.
 * Deterministic: cells, IP addresses and traffic come from a seeded random per SIM, and time from
 * the injected clock.
 */
@Component
@ConditionalOnProperty(name = "simfleet.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class NetworkSimulator implements NetworkCommandPort, NetworkQueryPort {
    /** The home country: a SIM registers here first when its roaming profiles allow it. */
    static final String HOME = "Belgium";

    private final ObjectProvider<NetworkEventPort> platform;
    private final ObjectProvider<UsageIngestion> usage;
    private final CatalogService catalog;
    private final ObjectProvider<PrivateNetworkService> privateNetwork;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long seed;
    private final boolean traffic;
    private final double speed;
    /** Simulated seconds of a session's traffic summed into one usage record (the PGW's interim accounting interval). */
    private final long usageIntervalSeconds;
    private final Map<String, SimState> sims = new ConcurrentHashMap<>();
    private final Set<String> downNetworks = ConcurrentHashMap.newKeySet();
    /** Faults injected: for one IMSI, or for every SIM under the key "*". */
    private final Map<String, NetworkFault.Kind> faults = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hangs = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private volatile Instant lastTick;

    NetworkSimulator(ObjectProvider<NetworkEventPort> platform, ObjectProvider<UsageIngestion> usage, CatalogService catalog,
                     ObjectProvider<PrivateNetworkService> privateNetwork, JdbcClient jdbc, Clock clock, @Value("${simfleet.simulator.seed:42}") long seed,
                     @Value("${simfleet.simulator.traffic:true}") boolean traffic,
                     @Value("${simfleet.simulator.speed:1}") double speed,
                     @Value("${simfleet.simulator.usage-interval:5m}") Duration usageInterval) {
        this.platform = platform;
        this.usage = usage;
        this.catalog = catalog;
        this.privateNetwork = privateNetwork;
        this.jdbc = jdbc;
        this.clock = clock;
        this.seed = seed;
        this.traffic = traffic;
        this.speed = speed;
        this.usageIntervalSeconds = Math.max(1, usageInterval.toSeconds());
    }

    /** One SIM as the network sees it. */
    static final class SimState {
        final long accountId;
        final long endpointId;
        final String iccid;
        final String imsi;
        final Random random;
        boolean served;
        boolean dataBarred;
        boolean ratingBarred;
        String policy = "DEFAULT";
        Set<String> blacklist = Set.of();
        Network network;
        String country = HOME;
        String rat;
        int area;
        long cell;
        boolean session;
        String ip;
        Instant sessionSince;
        /** Traffic of the open session not reported yet: simulated seconds and bytes. */
        long unreportedSeconds;
        long unreportedBytes;
        /**
         * Where the SIM is, as the HSS answers it; null when detached. Replaced whole at each
         * (re)registration and read without the simulator's lock, so a location question never
         * waits for a traffic tick over every SIM.
         */
        volatile NetworkQueryPort.Location location;

        SimState(long accountId, long endpointId, String iccid, String imsi, long seed) {
            this.accountId = accountId;
            this.endpointId = endpointId;
            this.iccid = iccid;
            this.imsi = imsi;
            this.random = new Random(seed ^ imsi.hashCode());
        }

        boolean attached() {
            return network != null;
        }
    }

    // --- commands from the platform (after commit, in each account's event order)

    @Override
    public synchronized void send(NetworkCommand command) {
        SimState s = sims.computeIfAbsent(command.imsi(),
                k -> new SimState(command.accountId(), command.endpointId(), command.iccid(), command.imsi(), seed));
        if (command instanceof NetworkCommand.Provision) {
            return;
        } else if (command instanceof NetworkCommand.Activate) {
            s.served = true;
            if (!s.attached()) register(s, null);
        } else if (command instanceof NetworkCommand.Suspend) {
            s.served = false;
            detach(s);
        } else if (command instanceof NetworkCommand.Detach) {
            s.served = false;
            detach(s);
            sims.remove(command.imsi());
        } else if (command instanceof NetworkCommand.Bar) {
            s.dataBarred = ((NetworkCommand.Bar) command).barredServices().contains("DATA");
            if (s.dataBarred) endSession(s);
        } else if (command instanceof NetworkCommand.RatingBar) {
            s.ratingBarred = ((NetworkCommand.RatingBar) command).barred();
            s.policy = s.ratingBarred ? "BLOCKED" : "DEFAULT";
            if (s.ratingBarred) endSession(s);
            else if (s.attached()) report(s);
        } else if (command instanceof NetworkCommand.Throttle) {
            s.policy = ((NetworkCommand.Throttle) command).action();
            if (s.attached()) report(s);
        } else if (command instanceof NetworkCommand.Blacklist) {
            s.blacklist = Set.copyOf(((NetworkCommand.Blacklist) command).tadigs());
            if (s.attached() && s.blacklist.contains(s.network.tadigCode())) register(s, s.country);
        }
    }

    /** The networks the SIM may use: its endpoint's roaming profiles', not barred there, not blacklisted, not down. */
    private List<Network> allowed(SimState s) {
        List<Long> profiles = jdbc.sql("SELECT roaming_profile_ids FROM endpoint WHERE account_id = :a AND id = :e")
                .param("a", s.accountId).param("e", s.endpointId)
                .query((rs, n) -> List.of((Long[]) rs.getArray(1).getArray())).optional().orElse(List.of());
        return profileNetworks(s.accountId, profiles).stream()
                .filter(n -> !s.blacklist.contains(n.tadigCode()) && !downNetworks.contains(n.tadigCode())).toList();
    }

    /** The networks of the roaming profiles not barred there, each once, by supplier priority then profile order. */
    private List<Network> profileNetworks(long account, List<Long> profiles) {
        List<Network> out = new ArrayList<>();
        for (RoamingProfile p : catalog.view(account).roamingProfiles(profiles)) {
            for (Network n : p.networks()) {
                if (n.barred()) continue;
                if (out.stream().noneMatch(x -> x.tadigCode().equals(n.tadigCode()))) out.add(n);
            }
        }
        out.sort(Comparator.comparing((Network n) -> n.supplierPriority() == null ? "2" : n.supplierPriority()));
        return out;
    }

    /**
     * Registers the SIM on an allowed network: in {@code country} when one is there (else home,
     * else anywhere), never on the one it leaves when it is moved off it. Detached when none is allowed.
     */
    private void register(SimState s, String country) {
        if (!s.served) return;
        List<Network> allowed = allowed(s);
        Network leaving = s.network;
        Optional<Network> pick = allowed.stream().filter(n -> country != null && n.countryName().equals(country)).findFirst();
        if (pick.isEmpty() && country == null) pick = allowed.stream().filter(n -> n.countryName().equals(HOME)).findFirst();
        if (pick.isEmpty() && country == null) pick = allowed.stream().findFirst();
        if (pick.isEmpty()) {
            detach(s);
            return;
        }
        Network n = pick.get();
        if (leaving != null && !leaving.tadigCode().equals(n.tadigCode())) endSession(s);
        place(s, n);
        report(s);
    }

    /** On network {@code n}: its country, the RAT it offers, a cell drawn from the SIM's random. */
    private static void place(SimState s, Network n) {
        s.network = n;
        s.country = n.countryName();
        List<String> types = List.of(n.networkTypes().split("\\|"));
        s.rat = types.contains("4G") ? "4G" : types.contains("5G") ? "5G" : "2G/3G";
        s.area = 1000 + s.random.nextInt(9000);
        s.cell = 10_000_000L + s.random.nextInt(90_000_000);
        String mccMnc = n.mccMncs().get(0);
        boolean lte = !s.rat.equals("2G/3G");
        s.location = new NetworkQueryPort.Location(mccMnc.substring(0, 3), mccMnc.substring(3), n.operatorName(), n.countryName(),
                n.tadigCode(), s.rat, lte ? null : s.area, lte ? s.area : null, s.cell, 0);
    }

    private void detach(SimState s) {
        boolean was = s.attached();
        s.network = null;
        s.location = null;
        s.session = false;
        s.ip = null;
        if (was) platform.getObject().registration(s.imsi, new NetworkReport(false, null, null, null, null, null, null, null, clock.instant()));
    }

    private void report(SimState s) {
        platform.getObject().registration(s.imsi, report(s, clock.instant()));
    }

    private static NetworkReport report(SimState s, Instant at) {
        Network n = s.network;
        return new NetworkReport(true, n.tadigCode(), n.mccMncs().get(0), n.operatorName(), n.countryName(), s.rat, s.ip, s.policy, at);
    }

    private void startSession(SimState s) {
        if (!s.attached() || s.session || s.dataBarred || s.ratingBarred) return;
        s.session = true;
        s.ip = sessionAddress(s);
        s.sessionSince = clock.instant();
        report(s);
        platform.getObject().dataSessionStarted(s.imsi, clock.instant());
    }

    /**
     * The address the PGW gives a session: the endpoint's static address when it is in an endpoint
     * group (framed-IP from its VSlice's subnet, docs/network.md "Static addresses"), read when the
     * session opens, so a change of group applies from the next session; else one drawn from the
     * carrier-grade NAT range 100.64.0.0/10 (the random is drawn either way, so the SIM's later
     * cells and traffic do not depend on its group).
     */
    private String sessionAddress(SimState s) {
        String dynamic = "100.64." + s.random.nextInt(256) + "." + (1 + s.random.nextInt(254));
        return privateNetwork.getObject().membership(s.accountId, s.endpointId).map(Membership::ipAddress).orElse(dynamic);
    }

    private void endSession(SimState s) {
        if (!s.session) return;
        s.session = false;
        s.unreportedBytes = 0;
        s.unreportedSeconds = 0;
        s.ip = null;
        platform.getObject().dataSessionEnded(s.imsi, clock.instant());
    }

    // --- questions of the platform (the HSS)

    @Override
    public NetworkQueryPort.Location locate(String imsi) {
        if (Boolean.TRUE.equals(hangs.get(imsi)) || Boolean.TRUE.equals(hangs.get("*"))) {
            try {
                Thread.sleep(Duration.ofMinutes(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new NetworkFault(NetworkFault.Kind.HSS_TIMEOUT);
        }
        NetworkFault.Kind fault = faults.getOrDefault(imsi, faults.get("*"));
        if (fault != null) throw new NetworkFault(fault);
        SimState s = sims.get(imsi);
        NetworkQueryPort.Location at = s == null ? null : s.location;
        if (at == null) {
            // not heard of yet, being registered, or detached: asked under the lock, which waits for a
            // registration in progress (only an attached SIM's answer is read without it)
            s = known(imsi);
            at = s == null ? null : s.location;
        }
        if (at == null) throw new NetworkFault(NetworkFault.Kind.DETACHED);
        return at;
    }

    // --- the operator's scenarios

    private SimState sim(String imsi) {
        SimState s = known(imsi);
        if (s == null) throw new SimulatorException("the network does not know IMSI " + imsi + " (not linked to an endpoint)");
        return s;
    }

    /**
     * The SIM's state; one the simulator has not heard of since it started (its state is in
     * memory) is learnt from the platform's provisioning: linked to an endpoint, and registered
     * when that endpoint is served (Active, Active-Test).
     */
    private synchronized SimState known(String imsi) {
        SimState s = sims.get(imsi);
        if (s != null) return s;
        Optional<Object[]> row = jdbc.sql("""
                        SELECT s.account_id, s.endpoint_id, s.iccid, e.status FROM sim s
                        JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id AND e.deleted_at IS NULL
                        WHERE s.master_imsi = :i""")
                .param("i", imsi).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                .optional();
        if (row.isEmpty()) return null;
        Object[] r = row.get();
        s = new SimState((Long) r[0], (Long) r[1], (String) r[2], imsi, seed);
        s.blacklist = Set.copyOf(jdbc.sql("SELECT DISTINCT tadig_code FROM endpoint_blacklist WHERE account_id = :a AND endpoint_id = :e")
                .param("a", r[0]).param("e", r[1]).query(String.class).list());
        sims.put(imsi, s);
        if (r[3].equals("ACTIVE") || r[3].equals("ACTIVE_TEST")) {
            s.served = true;
            register(s, null);
        }
        return s;
    }

    /**
     * Learns, in one pass, every served SIM (its endpoint Active or Active-Test) the simulator has
     * not heard of since it started, and registers each as {@link #register} would (home first),
     * reporting the registrations to the platform in batches of 500: after a restart, so that the
     * traffic of all of them resumes at once rather than SIM by SIM as each is first asked about
     * (the benchmark uses it to put its active endpoints on the network). Answers how many it learnt.
     */
    public int learnServed() {
        record Served(String imsi, long account, long endpoint, String iccid, List<Long> profiles) {}
        List<Served> served = jdbc.sql("""
                        SELECT s.master_imsi, s.account_id, s.endpoint_id, s.iccid, e.roaming_profile_ids FROM sim s
                        JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id AND e.deleted_at IS NULL
                        WHERE e.status IN ('ACTIVE', 'ACTIVE_TEST') ORDER BY s.account_id, s.endpoint_id""")
                .query((rs, n) -> new Served(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        List.of((Long[]) rs.getArray(5).getArray()))).list();
        Map<String, Set<String>> blacklists = new java.util.HashMap<>();
        jdbc.sql("SELECT account_id, endpoint_id, tadig_code FROM endpoint_blacklist")
                .query((rs, n) -> blacklists.computeIfAbsent(rs.getLong(1) + "/" + rs.getLong(2), k -> new java.util.HashSet<>()).add(rs.getString(3)))
                .list();
        Map<String, List<Network>> byProfiles = new java.util.HashMap<>();
        List<Map.Entry<String, NetworkReport>> reports = new ArrayList<>();
        int learnt = 0;
        for (Served r : served) {
            synchronized (this) {
                if (sims.containsKey(r.imsi())) continue;
                SimState s = new SimState(r.account(), r.endpoint(), r.iccid(), r.imsi(), seed);
                s.blacklist = Set.copyOf(blacklists.getOrDefault(r.account() + "/" + r.endpoint(), Set.of()));
                s.served = true;
                sims.put(r.imsi(), s);
                learnt++;
                List<Network> allowed = byProfiles.computeIfAbsent(r.account() + "/" + r.profiles(), k -> profileNetworks(r.account(), r.profiles()))
                        .stream().filter(n -> !s.blacklist.contains(n.tadigCode()) && !downNetworks.contains(n.tadigCode())).toList();
                Optional<Network> pick = allowed.stream().filter(n -> n.countryName().equals(HOME)).findFirst().or(() -> allowed.stream().findFirst());
                if (pick.isEmpty()) continue;
                place(s, pick.get());
                reports.add(Map.entry(s.imsi, report(s, clock.instant())));
            }
            if (reports.size() == 500) {
                platform.getObject().registrations(List.copyOf(reports));
                reports.clear();
            }
        }
        if (!reports.isEmpty()) platform.getObject().registrations(reports);
        return learnt;
    }

    /** Moves the SIM to {@code country} (re-registers there, or detaches when no network of it is allowed). */
    public synchronized void move(String imsi, String country) {
        SimState s = sim(imsi);
        s.country = country;
        register(s, country);
        if (!s.attached()) s.country = country;
    }

    public synchronized void forceDetach(String imsi) {
        detach(sim(imsi));
    }

    /** Registers a detached (served) SIM again. */
    public synchronized void reattach(String imsi) {
        register(sim(imsi), sim(imsi).country);
    }

    public synchronized void openSession(String imsi) {
        SimState s = sim(imsi);
        if (!s.attached()) throw new SimulatorException("IMSI " + imsi + " is not attached");
        if (s.dataBarred || s.ratingBarred) throw new SimulatorException("IMSI " + imsi + " has data barred");
        startSession(s);
    }

    /** Ends the SIM's session, reporting {@code bytes} of usage for it (0: none). */
    public synchronized void closeSession(String imsi, long bytes) {
        SimState s = sim(imsi);
        if (s.session && bytes > 0) usage(s, UsageRecord.Service.DATA, bytes);
        endSession(s);
    }

    /** An SMS sent (MO) or received (MT) by the SIM: a usage record. */
    public synchronized void sms(String imsi, boolean mobileOriginated) {
        SimState s = sim(imsi);
        if (!s.attached()) throw new SimulatorException("IMSI " + imsi + " is not attached");
        usage(s, mobileOriginated ? UsageRecord.Service.SMS_MO : UsageRecord.Service.SMS_MT, 0);
    }

    /** Takes a network down (its SIMs re-register elsewhere in their country, or detach) or brings it up. */
    public synchronized void network(String tadig, boolean up) {
        if (up) {
            downNetworks.remove(tadig);
            return;
        }
        downNetworks.add(tadig);
        for (SimState s : sims.values()) {
            if (s.attached() && s.network.tadigCode().equals(tadig)) register(s, s.country);
        }
    }

    /** Injects a fault for one IMSI ({@code imsi} null: all): HSS_UNREACHABLE, HSS_TIMEOUT, NO_LOCATION, HANG; null kind clears. */
    public void fault(String imsi, String kind) {
        String key = imsi == null ? "*" : imsi;
        faults.remove(key);
        hangs.remove(key);
        if (kind == null) return;
        if (kind.equals("HANG")) hangs.put(key, true);
        else faults.put(key, NetworkFault.Kind.valueOf(kind));
    }

    /** What the simulator holds of a SIM, for the operator and tests. */
    public synchronized Optional<Map<String, Object>> describe(String imsi) {
        SimState s = sims.get(imsi);
        if (s == null) return Optional.empty();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("imsi", s.imsi);
        m.put("served", s.served);
        m.put("attached", s.attached());
        m.put("tadigCode", s.attached() ? s.network.tadigCode() : null);
        m.put("country", s.country);
        m.put("rat", s.rat);
        m.put("session", s.session);
        m.put("ipAddress", s.ip);
        m.put("policy", s.policy);
        m.put("blacklist", s.blacklist);
        return Optional.of(m);
    }

    // --- traffic

    private void usage(SimState s, UsageRecord.Service service, long bytes) {
        Instant now = clock.instant();
        UsageRecord r = new UsageRecord("sim-" + seed + "-" + s.imsi + "-" + now.toEpochMilli() + "-" + records.incrementAndGet(),
                s.imsi, service, now, service.name().startsWith("SMS") ? 0 : 300, bytes / 4, bytes - bytes / 4,
                s.network == null ? null : s.network.mccMncs().get(0), s.rat, "simfleet");
        usage.getObject().ingest(Actor.system(s.accountId), List.of(r));
    }

    /**
     * Real-time traffic, {@code simfleet.simulator.speed} times faster than the clock: at each
     * tick, an attached SIM opens a session with some chance (one an hour on average), a session
     * closes with some chance (after half an hour on average); a session's traffic is reported as
     * one usage record every {@code simfleet.simulator.usage-interval} of simulated time (5 min,
     * the PGW's interim accounting) and when it closes. Usage goes in one batch per tick.
     */
    @Scheduled(fixedDelayString = "${simfleet.simulator.tick:60s}", initialDelayString = "${simfleet.simulator.tick:60s}")
    public void tick() {
        if (!traffic) return;
        Instant now = clock.instant();
        Instant last = lastTick == null ? now : lastTick;
        lastTick = now;
        double minutes = Math.max(0, Duration.between(last, now).toMillis() / 60_000.0 * speed);
        if (minutes == 0) return;
        List<UsageRecord> batch = new ArrayList<>();
        synchronized (this) {
            for (SimState s : sims.values()) {
                if (!s.served || !s.attached()) continue;
                if (!s.session && s.random.nextDouble() < Math.min(1, minutes / 60)) startSession(s);
                if (s.session) {
                    s.unreportedBytes += (long) (minutes * (20_000 + s.random.nextInt(200_000)));
                    s.unreportedSeconds += Math.round(minutes * 60);
                    boolean ends = s.random.nextDouble() < Math.min(1, minutes / 30);
                    if (ends || s.unreportedSeconds >= usageIntervalSeconds) {
                        long bytes = s.unreportedBytes;
                        batch.add(new UsageRecord("sim-" + seed + "-" + s.imsi + "-" + now.toEpochMilli(), s.imsi, UsageRecord.Service.DATA,
                                now, (int) s.unreportedSeconds, bytes / 4, bytes - bytes / 4, s.network.mccMncs().get(0), s.rat, "simfleet"));
                        s.unreportedBytes = 0;
                        s.unreportedSeconds = 0;
                    }
                    if (ends) endSession(s);
                }
            }
        }
        if (!batch.isEmpty()) usage.getObject().ingest(Actor.system(0), batch);
    }
}
