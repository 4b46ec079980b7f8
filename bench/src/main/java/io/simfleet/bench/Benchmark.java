package io.simfleet.bench;

import io.simfleet.SimfleetApplication;
import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: for each size N, a server on a fresh embedded PostgreSQL pre-filled with N
 * Active endpoints of one enterprise (bulk SQL, not timed), measured over real HTTP by a fixed
 * pool of clients, warm-up excluded, the median of several runs reported. Prints one table.
 */
public final class Benchmark {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long FREE_SIMS = 700_000;
    /**
     * Free SIMs each wrk thread takes for one CreateEndPoint script (a run at ~1000/s over 13 s
     * uses ~13 000 in all): small enough that the warm-up pass, three runs and the bulks stay
     * inside {@link #FREE_SIMS}.
     */
    static final long SIMS_PER_WRK_THREAD = 20_000;

    int clients = 16;
    int runs = 3;
    int seconds = 10;
    int warmupSeconds = 3;
    List<Integer> sizes = List.of(100_000, 1_000_000);
    /** The sections measured ({@code --only api,usage,network}): all by default. */
    java.util.Set<String> sections = java.util.Set.of("api", "usage", "network");
    /** Active endpoints of the network section (the rest suspended), at most the size. */
    Integer active;

    String base;
    String token;
    long account;
    List<Long> endpointIds;
    final AtomicLong nextFreeSim = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Benchmark b = new Benchmark();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> b.sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                case "--runs" -> b.runs = Integer.parseInt(args[i + 1]);
                case "--seconds" -> b.seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> b.clients = Integer.parseInt(args[i + 1]);
                case "--db-url" -> b.dbUrl = args[i + 1];
                case "--only" -> b.sections = java.util.Set.of(args[i + 1].split(","));
                case "--active" -> b.active = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean sizesGiven = Arrays.asList(args).contains("--sizes");
        if (!java.util.Set.of("api", "usage", "network").containsAll(b.sections)) {
            throw new IllegalArgumentException("--only takes api, usage, network (comma-separated)");
        }
        boolean networkOnly = b.sections.equals(java.util.Set.of("network"));
        if (networkOnly && !sizesGiven) b.sizes = List.of(100_000);
        if (networkOnly && b.active == null) b.active = 20_000;
        if (networkOnly && !Arrays.asList(args).contains("--seconds")) b.seconds = 5;
        List<String[]> table = new ArrayList<>();
        for (int n : b.sizes) {
            if (b.sections.contains("api") || b.sections.contains("usage")) table.addAll(b.measure(n));
            if (b.sections.contains("network")) table.addAll(b.measureNetwork(n, Math.min(n, b.active == null ? 100_000 : b.active)));
        }
        System.out.println();
        System.out.printf("simfleet benchmark — %d clients, %d s per run after %d s warm-up, median of %d runs, %d cores%n",
                b.clients, b.seconds, b.warmupSeconds, b.runs, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-11s | %-44s | %12s | %9s | %9s | %s%n", "endpoints", "measurement", "throughput/s", "p50 ms", "p99 ms", "note");
        System.out.println("-".repeat(120));
        for (String[] row : table) {
            System.out.printf("%-11s | %-44s | %12s | %9s | %9s | %s%n", (Object[]) row);
        }
    }

    List<String[]> measure(int n) throws Exception {
        Path dir = Files.createTempDirectory("simfleet-bench");
        dataDir = dir;
        System.out.printf("== %,d endpoints: starting the server in %s%n", n, dir);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SimfleetApplication.class).run(
                "--server.port=0", "--simfleet.data-dir=" + dir, "--simfleet.db.url=" + dbUrl, "--simfleet.db.user=postgres",
                "--simfleet.jwt-secret=" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID(), "--simfleet.demo-data=true",
                "--simfleet.db.pool-size=20", "--logging.level.root=WARN", "--logging.level.io.simfleet=WARN",
                // the API and usage figures are of the platform: the in-process network simulator (measured on
                // its own in the network section) would otherwise register every SIM the runs create and add
                // their traffic and reports to the very runs that measure the API
                "--simfleet.simulator.enabled=false")) {
            base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
            fill(ctx.getBean(DataSource.class), n);
            List<String[]> rows = new ArrayList<>();
            String label = String.format(Locale.ROOT, "%,d", n);

            long lo = endpointIds.get(0), hi = endpointIds.get(endpointIds.size() - 1);
            Run ping = i -> WRK ? wrk(luaGet("\"/api/Ping\"")) : load("GET", i2 -> "/api/Ping", null);
            Run create = i -> WRK ? wrk(this::luaCreate) : load("POST", k -> "/api/CreateEndPoint", k -> createBody());
            Run profile = i -> WRK
                    ? wrk(luaGet("\"/api/GetEndPointProfile?endPointId=\" .. math.random(" + lo + ", " + hi + ")"))
                    : load("GET", k -> "/api/GetEndPointProfile?endPointId=" + randomEndpoint(), null);
            // one pass over every measured call first, discarded: the ceiling is then measured with the
            // JVM as warm as for the calls it is compared with (measured cold it is lower, and every
            // ratio to it looks better than it is)
            if (sections.contains("api")) {
                for (Run warm : List.of(ping, create, profile)) warm.run(-1);

                Stats ceiling = median(ping);
                rows.add(row(label, "ceiling: GET /api/Ping (token check, no DB)", ceiling, ""));

                Stats created = median(create);
                rows.add(row(label, "CreateEndPoint with link + activation", created,
                        String.format(Locale.ROOT, "%.0f%% of ceiling; target ≥ 1000/s, p99 ≤ 50 ms", 100 * created.throughput / ceiling.throughput)));

                Stats profiled = median(profile);
                rows.add(row(label, "GetEndPointProfile", profiled,
                        String.format(Locale.ROOT, "%.0f%% of ceiling; target ≥ 30%% of it", 100 * profiled.throughput / ceiling.throughput)));

                long pages = (n + 1999) / 2000;
                Stats first = median(i -> sequential("/api/GetEndpoints?perPage=2000&page=1", 20));
                rows.add(row(label, "GetEndpoints perPage=2000, first page (1 client)", first, "target ≤ 100 ms"));
                Stats last = median(i -> sequential("/api/GetEndpoints?perPage=2000&page=" + pages, 20));
                rows.add(row(label, "GetEndpoints perPage=2000, last page (1 client)", last, "page " + pages + "; target ≤ 100 ms"));
                Stats firstLoaded = median(i -> WRK ? wrk(luaGet("\"/api/GetEndpoints?perPage=2000&page=1\""))
                        : load("GET", k -> "/api/GetEndpoints?perPage=2000&page=1", null));
                rows.add(row(label, "GetEndpoints perPage=2000, first page", firstLoaded, clients + " clients"));

                Stats bulk = median(i -> bulk4000());
                rows.add(row(label, "bulkProvisioning of 4000: submit → Success", bulk, "target ≤ 1000 ms"));
            }
            if (!sections.contains("usage")) return rows;

            // usage: 90 days of history for 100 000 endpoints and 3 months of raw records, then ingestion and GetStatistics
            fillUsage(ctx.getBean(DataSource.class));
            database = ctx.getBean(DataSource.class);
            Stats ingested = median(i -> ingest(i));
            double[] work = dbWork.stream().reduce(new double[5], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]});
            int measuredRuns = Math.max(1, dbWork.size());
            Stats copied = median(i -> copy(ctx.getBean(DataSource.class), i));
            rows.add(row(label, "usage ingestion, batches of 10 000 (2 senders)", ingested,
                    String.format(Locale.ROOT, "records/s; %.0f%% of the database's COPY alone; target ≥ 20 000/s; per record: "
                                    + "%.0f B of WAL, %.2f blocks read, %.2f written by backends; CPU %.0f µs in the JVM + %.0f µs in PostgreSQL",
                            100 * ingested.throughput / copied.throughput, work[0] / measuredRuns, work[1] / measuredRuns,
                            work[2] / measuredRuns, work[3] / measuredRuns, work[4] / measuredRuns)));
            rows.add(row(label, "  the same rows by COPY into an unindexed table", copied, "records/s, the database alone"));
            long withHistory = Math.min(USAGE_HISTORY_ENDPOINTS, endpointIds.size());
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            Run statistics = i -> WRK
                    ? wrk(luaGet("\"/api/GetStatistics?from_date=" + from + "&to_date=" + today + "&endPointId=\" .. math.random("
                            + lo + ", " + endpointIds.get((int) withHistory - 1) + ")"))
                    : load("GET", k -> "/api/GetStatistics?from_date=" + from + "&to_date=" + today + "&endPointId="
                            + endpointIds.get(ThreadLocalRandom.current().nextInt((int) withHistory)), null);
            statistics.run(-1);
            // the calls' cost in CPU and blocks read, over the measured runs (each run's calls ≈ its throughput × its
            // seconds with its warm-up's, at about the same rate)
            double[] calls = {0};
            long[] before = databaseCounters();
            Stats stats = median(i -> {
                Stats s = statistics.run(i);
                calls[0] += s.throughput * (seconds + warmupSeconds);
                return s;
            });
            long[] after = databaseCounters();
            rows.add(row(label, "GetStatistics over 31 days", stats, String.format(Locale.ROOT,
                    "%d clients; target ≥ 2000/s, p99 ≤ 20 ms; per call: %.2f blocks read, CPU %.0f µs in the JVM + %.0f µs in PostgreSQL",
                    clients, (after[1] - before[1]) / calls[0], (after[3] - before[3]) / calls[0] / 1000, (after[4] - before[4]) / calls[0] / 1000)));
            return rows;
        } finally {
            deleteTree(dir);
        }
    }

    // --- the network section

    /**
     * The network simulator's cost, in one run on one database: first the server with the
     * simulator off (the database filled with {@code n} endpoints, {@code active} of them Active,
     * the rest suspended; GetEndPointProfile measured; the idle server's CPU), then the same
     * database served with the simulator on: it learns every active SIM (each registers, as after
     * an activation), its traffic runs in real time (a data session per endpoint per hour, half an
     * hour long, usage reported every 5 minutes; a tick every 10 s so that every measured run
     * has several), and the idle server's CPU, fetchNetworkStatus, locationInfo and
     * GetEndPointProfile are measured.
     */
    List<String[]> measureNetwork(int n, int active) throws Exception {
        Path dir = Files.createTempDirectory("simfleet-bench-net");
        List<String[]> rows = new ArrayList<>();
        String label = String.format(Locale.ROOT, "%,d", n);
        long lo;
        long hiActive;
        long hi;
        Stats profileOff;
        Stats profileOn;
        double idleOff;
        try {
            System.out.printf("== network: %,d endpoints, %,d active; the server with the simulator off, in %s%n", n, active, dir);
            try (ConfigurableApplicationContext ctx = start(dir, false)) {
                fill(ctx.getBean(DataSource.class), n, 0); // the network section creates no endpoint
                try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    long lastActive = endpointIds.get(active - 1);
                    st.execute("UPDATE endpoint SET status = 'SUSPENDED' WHERE account_id = " + account + " AND id > " + lastActive);
                    st.execute("UPDATE sim SET status = 'SUSPENDED' WHERE account_id = " + account + " AND endpoint_id > " + lastActive);
                    st.execute("VACUUM ANALYZE endpoint");
                    st.execute("VACUUM ANALYZE sim");
                }
                lo = endpointIds.get(0);
                hiActive = endpointIds.get(active - 1);
                hi = endpointIds.get(endpointIds.size() - 1);
                Thread.sleep(10_000); // let the fill's writes settle (checkpoint, autovacuum)
                idleOff = idleCpu(dir, IDLE_SECONDS);
                Run profile = profileRun(lo, hi);
                profile.run(-1);
                profileOff = median(profile);
            }
            rows.add(row(label, "GetEndPointProfile, simulator off", profileOff, clients + " clients"));
            rows.add(new String[] {label, "idle server's CPU, simulator off", "-", "-", "-",
                    String.format(Locale.ROOT, "%.1f%% of %d cores (JVM + PostgreSQL, %d s)", idleOff, cores(), IDLE_SECONDS)});

            System.out.printf("== network: the same database, the simulator on%n");
            try (ConfigurableApplicationContext ctx = start(dir, true)) {
                token = login("bench");
                io.simfleet.simulator.NetworkSimulator simulator = ctx.getBean(io.simfleet.simulator.NetworkSimulator.class);
                long t0 = System.nanoTime();
                int learnt = simulator.learnServed();
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("   the simulator learnt %,d active SIMs in %.1f s%n", learnt, secs);
                rows.add(new String[] {label, "simulator learns the active SIMs (registers)", String.format(Locale.ROOT, "%,.0f", learnt / secs),
                        "-", "-", String.format(Locale.ROOT, "SIMs/s; %,d SIMs in %.0f s (not part of the figures below)", learnt, secs)});
                Thread.sleep(10_000); // the registrations' writes settle
                double idleOn = idleCpu(dir, IDLE_SECONDS);
                rows.add(new String[] {label, "idle server's CPU, simulator on", "-", "-", "-",
                        String.format(Locale.ROOT, "%.1f%% of %d cores; the simulator's own share: %.1f%%", idleOn, cores(), idleOn - idleOff)});
                Run status = i -> WRK
                        ? wrk(luaGet("\"/api/fetchNetworkStatus?endPointId=\" .. math.random(" + lo + ", " + hiActive + ")"))
                        : load("GET", k -> "/api/fetchNetworkStatus?endPointId=" + randomActive(active), null);
                Run location = i -> WRK
                        ? wrk(luaGet("\"/api/locationInfo?endPointId=\" .. math.random(" + lo + ", " + hiActive + ")"))
                        : load("GET", k -> "/api/locationInfo?endPointId=" + randomActive(active), null);
                Run profile = profileRun(lo, hi);
                for (Run warm : List.of(status, location, profile)) warm.run(-1);
                rows.add(row(label, "fetchNetworkStatus", median(status), clients + " clients, active endpoints"));
                rows.add(row(label, "locationInfo", median(location), clients + " clients, active endpoints"));
                profileOn = median(profile);
            }
            System.out.printf("== network: the same database, the simulator off again%n");
            Stats profileOffAfter;
            try (ConfigurableApplicationContext ctx = start(dir, false)) {
                token = login("bench");
                Run profile = profileRun(lo, hi);
                profile.run(-1);
                profileOffAfter = median(profile);
            }
            double offP99 = Math.min(profileOff.p99, profileOffAfter.p99);
            rows.add(row(label, "GetEndPointProfile, simulator on", profileOn, String.format(Locale.ROOT,
                    "%s clients; p99 %.2f× of off (the better of the two off runs; target ≤ 1.5×)", clients, profileOn.p99 / offP99)));
            rows.add(row(label, "GetEndPointProfile, simulator off again", profileOffAfter, clients + " clients; the same JVM, after the runs on"));
            return rows;
        } finally {
            deleteTree(dir);
        }
    }

    static final int IDLE_SECONDS = 30;

    ConfigurableApplicationContext start(Path dir, boolean simulator) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SimfleetApplication.class).run(
                "--server.port=0", "--simfleet.data-dir=" + dir, "--simfleet.db.url=", "--simfleet.demo-data=true",
                "--simfleet.db.pool-size=20", "--logging.level.root=WARN", "--logging.level.io.simfleet=WARN",
                "--simfleet.simulator.enabled=" + simulator, "--simfleet.simulator.tick=10s", "--simfleet.simulator.speed=1",
                "--simfleet.simulator.usage-interval=5m");
        base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
        return ctx;
    }

    Run profileRun(long lo, long hi) {
        return i -> WRK
                ? wrk(luaGet("\"/api/GetEndPointProfile?endPointId=\" .. math.random(" + lo + ", " + hi + ")"))
                : load("GET", k -> "/api/GetEndPointProfile?endPointId=" + randomEndpoint(), null);
    }

    long randomActive(int active) {
        return endpointIds.get(ThreadLocalRandom.current().nextInt(active));
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The CPU the server used (its JVM and its PostgreSQL) over {@code seconds} with no request, in percent of all cores. */
    static double idleCpu(Path dataDir, int seconds) throws Exception {
        long before = serverCpuNanos(dataDir);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long used = serverCpuNanos(dataDir) - before;
        return 100.0 * used / ((System.nanoTime() - t0) * (double) cores());
    }

    /** CPU time so far of this JVM and of the PostgreSQL of {@code dataDir} (its postmaster and the postmaster's children). */
    static long serverCpuNanos(Path dataDir) throws IOException {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return jvm;
        String postmaster = Files.readAllLines(pidFile).get(0).trim();
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after the command: state(0) ppid(1) … utime(11) stime(12)
                    if (name.equals(postmaster) || f[1].equals(postmaster)) ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        return jvm + ticks * 10_000_000L; // USER_HZ = 100 on Linux
    }

    // --- the fill (not timed)

    void fill(DataSource ds, int n) throws Exception {
        fill(ds, n, FREE_SIMS);
    }

    /** {@code n} Active endpoints with their SIMs and {@code freeSims} SIMs Ready To Activate. */
    void fill(DataSource ds, int n, long freeSims) throws Exception {
        long t0 = System.nanoTime();
        token = login("admin");
        JsonNode created = JSON.readTree(send("POST", "/admin/enterprises",
                "{\"parentAccountId\":31077026,\"name\":\"Bench\",\"username\":\"bench\",\"password\":\"bench\"}").body());
        account = created.path("id").asLong();
        token = login("bench");
        JsonNode plan = JSON.readTree(send("GET", "/api/QueryRatePlan?planCategory=BASE&planType=1", null).body())
                .path("Response").path("responseParam").path("plan").get(0).path("basicInfo");
        String planId = plan.path("planId").asString();
        long rp = Long.parseLong(plan.path("destGroupId").asString());
        String apn = JSON.readTree(send("GET", "/api/fetchApnGroup", null).body()).path("Response").path("responseParam")
                .path("rows").get(0).path("apnGroupId").asString();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO endpoint (account_id, id, name, status, subscriber_type, plan_id, apn_group_id, roaming_profile_ids,
                        imei_locked, created_at, plan_effective_at, activated_at, last_sim_state_change_at, version)
                    SELECT ?, nextval('endpoint_id_seq'), 'bench_' || g, 'ACTIVE', 1, ?, ?, ARRAY[?]::bigint[], false,
                        now(), now(), now(), now(), 0
                    FROM generate_series(1, ?) g""")) {
                ps.setLong(1, account);
                ps.setString(2, planId);
                ps.setString(3, apn);
                ps.setLong(4, rp);
                ps.setInt(5, n);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sim (account_id, id, iccid, master_imsi, supplier_imsis, msisdn, ean, product_id, status, endpoint_id,
                                     status_changed_at, created_at)
                    SELECT ?, nextval('sim_id_seq'), (8932047000000000000 + e.rn)::text, (206287000000000 + e.rn)::text, '[]',
                           (327707000000000 + e.rn)::text, '5400847999997', 1, 'ACTIVE', e.id, now(), now()
                    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM endpoint WHERE account_id = ?) e""")) {
                ps.setLong(1, account);
                ps.setLong(2, account);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sim (account_id, id, iccid, master_imsi, supplier_imsis, msisdn, ean, product_id, status, endpoint_id,
                                     status_changed_at, created_at)
                    SELECT ?, nextval('sim_id_seq'), (8932048000000000000 + g)::text, (206288000000000 + g)::text, '[]',
                           (327708000000000 + g)::text, '5400847999997', 1, 'READY_TO_ACTIVATE', NULL, now(), now()
                    FROM generate_series(0, ? - 1) g""")) {
                ps.setLong(1, account);
                ps.setLong(2, freeSims);
                ps.executeUpdate();
            }
            // the SIMs' platform-wide numbers, as an import writes them (V12)
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sim_identity (value, kind, account_id, sim_id)
                    SELECT x.value, x.kind, s.account_id, s.id
                    FROM sim s CROSS JOIN LATERAL (VALUES (s.iccid, 'iccid'), (s.master_imsi, 'imsi'), (s.msisdn, 'msisdn')) AS x(value, kind)
                    WHERE s.account_id = ?""")) {
                ps.setLong(1, account);
                ps.executeUpdate();
            }
            st.execute("VACUUM ANALYZE");
            try (var rs = st.executeQuery("SELECT id FROM endpoint WHERE account_id = " + account + " ORDER BY id")) {
                endpointIds = new ArrayList<>(n);
                while (rs.next()) endpointIds.add(rs.getLong(1));
            }
        }
        nextFreeSim.set(0);
        this.planId = planId;
        this.apnGroupId = apn;
        this.roamingProfileId = rp;
        System.out.printf("   filled %,d endpoints and %,d free SIMs in %.1f s%n", n, freeSims, (System.nanoTime() - t0) / 1e9);
    }

    String planId;
    String apnGroupId;
    long roamingProfileId;

    // --- usage

    static final int USAGE_HISTORY_ENDPOINTS = 100_000;
    static final int USAGE_BATCH = 10_000;
    static final int USAGE_BATCHES_PER_RUN = 20;
    final AtomicLong nextRecord = new AtomicLong();
    final List<String> lastRun = new ArrayList<>();
    /** The database's own work per ingested record over the last ingestion run: WAL bytes, blocks read (not in its buffers), blocks written by backends. */
    final List<double[]> dbWork = java.util.Collections.synchronizedList(new ArrayList<>());
    DataSource database;
    /** An external PostgreSQL (an empty database, user postgres) instead of the embedded one ({@code --db-url}); it is left as filled. */
    String dbUrl = "";
    /** The server's data directory (the embedded PostgreSQL's postmaster.pid is in pg/). */
    Path dataDir;

    /**
     * Not timed: 90 days of daily aggregates (DATA every day, SMS_MO every third day) for the first
     * 100 000 endpoints, and three earlier months of raw records (1 000 000 a month) in their
     * partitions, so that ingestion and GetStatistics are measured with months of history behind them.
     */
    void fillUsage(DataSource ds) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            long last = endpointIds.get(Math.min(USAGE_HISTORY_ENDPOINTS, endpointIds.size()) - 1);
            st.execute("""
                    INSERT INTO usage_daily (account_id, endpoint_id, day, service, uplink, downlink, count, cost)
                    SELECT %d, e.id, d::date, s.service, CASE WHEN s.service = 'DATA' THEN 1000000 + e.id %% 1000 * 1000 ELSE 0 END,
                           CASE WHEN s.service = 'DATA' THEN 5000000 ELSE 0 END, CASE WHEN s.service = 'DATA' THEN 0 ELSE 2 END, 0.05
                    FROM endpoint e CROSS JOIN generate_series(current_date - 89, current_date, interval '1 day') d
                    CROSS JOIN (VALUES ('DATA'), ('SMS_MO')) s(service)
                    WHERE e.account_id = %d AND e.id <= %d AND (s.service = 'DATA' OR extract(day FROM d)::int %% 3 = 0)
                    ON CONFLICT DO NOTHING""".formatted(account, account, last));
            java.time.LocalDate month = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1);
            for (int m = 3; m >= 1; m--) {
                java.time.LocalDate first = month.minusMonths(m);
                String part = "usage_record_p" + first.getYear() + String.format("%02d", first.getMonthValue());
                st.execute("CREATE TABLE IF NOT EXISTS " + part + " PARTITION OF usage_record FOR VALUES FROM ('" + first + "') TO ('"
                        + first.plusMonths(1) + "')");
                st.execute("""
                        INSERT INTO %s (account_id, record_id, day, endpoint_id, imsi, service, started_at, duration_s, uplink, downlink,
                                        count, mcc_mnc, zone, free_units, cost, ingested_at)
                        SELECT %d, 'hist-' || g, DATE '%s' + (g %% 28), %d + g %% %d, '206287000000001', 'DATA',
                               TIMESTAMPTZ '%s' + (g %% 28) * interval '1 day', 60, 1000, 2000, 0, '20601', NULL, 0, 0.001, now()
                        FROM generate_series(1, 1000000) g""".formatted(part, account, first, endpointIds.get(0),
                        Math.min(USAGE_HISTORY_ENDPOINTS, endpointIds.size()), first + " 00:00:00+00"));
            }
            st.execute("ANALYZE usage_daily");
            st.execute("ANALYZE usage_record");
        }
        System.out.printf("   usage history filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** One batch of new records as CSV: random endpoints of all, within the last day. */
    String usageBatch() {
        StringBuilder b = new StringBuilder(USAGE_BATCH * 90).append("recordId,type,imsi,startTime,duration,uplinkBytes,downlinkBytes,visitedMccMnc\n");
        java.time.Instant now = java.time.Instant.now();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < USAGE_BATCH; i++) {
            int k = r.nextInt(endpointIds.size());
            b.append("bench-").append(nextRecord.incrementAndGet()).append(",DATA,").append(206287000000000L + k + 1).append(',')
                    .append(now.minusSeconds(r.nextInt(86_400))).append(",60,").append(r.nextInt(1_000_000)).append(',')
                    .append(r.nextInt(5_000_000)).append(",20601\n");
        }
        return b.toString();
    }

    /** {@link #USAGE_BATCHES_PER_RUN} batches of 10 000 new records by 2 senders: records/s, and each batch's latency. */
    Stats ingest(int run) throws Exception {
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < USAGE_BATCHES_PER_RUN; i++) batches.add(usageBatch());
        synchronized (lastRun) {
            lastRun.clear();
            lastRun.addAll(batches);
        }
        String saved = token;
        token = login("admin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            long[] before = databaseCounters();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < batches.size()) {
                        long s = System.nanoTime();
                        Reply r = send("POST", "/admin/usage", batches.get(i), "text/csv");
                        latencies.add(System.nanoTime() - s);
                        if (r.statusCode() != 200 || !r.body().contains("\"accepted\":" + USAGE_BATCH + ",")) {
                            errors.incrementAndGet();
                            System.out.println("   ingestion: " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            long[] after = databaseCounters();
            double records = (double) USAGE_BATCH * USAGE_BATCHES_PER_RUN;
            if (run >= 0) {
                dbWork.add(new double[] {(after[0] - before[0]) / records, (after[1] - before[1]) / records, (after[2] - before[2]) / records,
                        (after[3] - before[3]) / records / 1000, (after[4] - before[4]) / records / 1000});
            }
            Stats lat = stats(latencies, secs, errors.get());
            return new Stats(records / secs, lat.p50, lat.p99, errors.get());
        } finally {
            pool.shutdownNow();
            token = saved;
        }
    }

    /** WAL position (bytes), blocks read from outside the buffers, blocks written by backends (evicting dirty buffers). */
    long[] databaseCounters() throws Exception {
        try (Connection c = database.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("""
                     SELECT pg_current_wal_lsn() - '0/0'::pg_lsn,
                            (SELECT sum(blks_read) FROM pg_stat_database),
                            (xpath('/row/w/text()', query_to_xml(CASE WHEN to_regclass('pg_stat_io') IS NULL THEN 'SELECT 0 AS w'
                                ELSE 'SELECT coalesce(sum(writes), 0) AS w FROM pg_stat_io WHERE backend_type = ''client backend''' END,
                                false, false, '')))[1]::text::bigint""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), jvmCpuNanos(), postgresCpuNanos()};
        }
    }

    /** CPU time of this JVM (server and harness), in ns. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the embedded PostgreSQL, in ns: its postmaster, its live processes, and the
     * processes that ended (Linux /proc; 0 elsewhere). With the JVM's, the cost of a record in
     * CPU, which — unlike records/s — does not depend on what else the machine is doing.
     */
    long postgresCpuNanos() {
        try {
            long pm = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
            long ticks = procTicks(pm, true);
            for (String child : Files.readString(Path.of("/proc/" + pm + "/task/" + pm + "/children")).trim().split(" ")) {
                if (!child.isBlank()) ticks += procTicks(Long.parseLong(child), false);
            }
            return ticks * 10_000_000L; // USER_HZ = 100
        } catch (Exception e) {
            return 0;
        }
    }

    private static long procTicks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 after the command
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withEndedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (Exception e) {
            return 0;
        }
    }

    /** The last ingestion run's rows, by COPY into an unindexed table of usage_record's columns: the database alone. */
    Stats copy(DataSource ds, int run) throws Exception {
        List<String> batches;
        synchronized (lastRun) {
            batches = new ArrayList<>(lastRun);
        }
        StringBuilder rows = new StringBuilder();
        java.time.Instant now = java.time.Instant.now();
        for (String batch : batches) {
            String[] lines = batch.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                rows.append(account).append(',').append(f[0]).append(",2026-11-27,").append(endpointIds.get(0)).append(',').append(f[2])
                        .append(",DATA,").append(f[3]).append(',').append(f[4]).append(',').append(f[5]).append(',').append(f[6])
                        .append(",0,20601,,,,0,0.00100,").append(now).append('\n');
            }
        }
        byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("DROP TABLE IF EXISTS bench_copy");
            st.execute("CREATE TABLE bench_copy (LIKE usage_record INCLUDING DEFAULTS)");
            long t0 = System.nanoTime();
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn("COPY bench_copy FROM STDIN WITH (FORMAT csv)", new java.io.ByteArrayInputStream(data));
            double secs = (System.nanoTime() - t0) / 1e9;
            st.execute("DROP TABLE bench_copy");
            long n = (long) USAGE_BATCH * batches.size();
            return new Stats(n / secs, secs * 1000, secs * 1000, 0);
        }
    }

    String freeIccid() {
        return Long.toString(8932048000000000000L + nextFreeSim.getAndIncrement());
    }

    String createBody() {
        return "{\"Request\":{\"requestParam\":{\"name\":\"Bench EP\",\"apnGroupId\":\"" + apnGroupId + "\",\"roamingProfileId\":\""
                + roamingProfileId + "\",\"isLinkSIM\":\"true\",\"iccid\":\"" + freeIccid()
                + "\",\"isDefaultActivation\":\"true\",\"planId\":\"" + planId + "\"}}}";
    }

    /**
     * CreateEndPoint bodies with ICCIDs no other request uses: each wrk thread takes its own
     * block of the free SIMs (ICCIDs built as strings: they exceed Lua's exact integers).
     */
    String luaCreate() {
        long start = nextFreeSim.getAndAdd(2 * SIMS_PER_WRK_THREAD);
        return """
                function request()
                  counter = counter + 1
                  local n = %d + (tid - 1) * %d + counter
                  local iccid = "89320480" .. string.format("%%011d", n)
                  local body = '{"Request":{"requestParam":{"name":"Bench EP","apnGroupId":"%s","roamingProfileId":"%d","isLinkSIM":"true","iccid":"' .. iccid .. '","isDefaultActivation":"true","planId":"%s"}}}'
                  return wrk.format("POST", "/api/CreateEndPoint", {["X-Authorization"] = "Bearer ${TOKEN}", ["Content-Type"] = "application/json"}, body)
                end
                """.formatted(start, SIMS_PER_WRK_THREAD, apnGroupId, roamingProfileId, planId);
    }

    long randomEndpoint() {
        return endpointIds.get(ThreadLocalRandom.current().nextInt(endpointIds.size()));
    }

    // --- measurements

    record Stats(double throughput, double p50, double p99, long errors) {}

    static final boolean WRK = new java.io.File("/usr/bin/wrk").canExecute() && !"false".equals(System.getenv("BENCH_WRK"));

    /**
     * A wrk run (when wrk is installed; bench/run installs it): {@code clients} connections on 2
     * threads, the Lua {@code request} body given, a response counted as an error unless it is
     * HTTP 200 with resultCode "0". Warm-up run first, not counted.
     */
    Stats wrk(String requestLua) throws Exception {
        return wrk(() -> requestLua);
    }

    /** As above, with a fresh request script for the warm-up and for the measured run. */
    Stats wrk(java.util.function.Supplier<String> requestLua) throws Exception {
        runWrk(script(requestLua.get()), warmupSeconds);
        return runWrk(script(requestLua.get()), seconds);
    }

    private Path script(String requestLua) throws IOException {
        String script = """
                counter = 0
                errors = 0
                threads = {}
                nthreads = 0
                function setup(thread)
                  nthreads = nthreads + 1
                  thread:set("tid", nthreads)
                  table.insert(threads, thread)
                end
                function init(args)
                  errors = 0
                  counter = 0
                end
                """ + requestLua + """
                function response(status, headers, body)
                  if status ~= 200 or not string.find(body, '"resultCode":"0"', 1, true) then
    errors = errors + 1
    bad = status .. " " .. string.sub(body, 1, 200)
  end
                end
                function done(summary, latency, requests)
                  local e = 0
                  for _, t in ipairs(threads) do e = e + t:get("errors") end
                  io.write(string.format("RESULT %f %f %f %d %s\\n", summary.requests / (summary.duration / 1e6),
                    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e + summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout, tostring(threads[1]:get("bad"))))
                end
                """;
        Path file = Files.createTempFile("bench", ".lua");
        Files.writeString(file, script.replace("${TOKEN}", token).replace("${BASE}", base));
        file.toFile().deleteOnExit();
        return file;
    }

    private Stats runWrk(Path script, int duration) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + clients, "-d" + duration + "s", "--timeout", "30s", "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                if (Long.parseLong(f[4]) > 0) System.out.println("   wrk: " + f[4] + " errors, e.g. " + line.substring(line.indexOf(f[4]) + f[4].length()));
                return new Stats(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]));
            }
        }
        throw new IllegalStateException("wrk said: " + out + "\nscript:\n" + Files.readString(script));
    }

    static String luaGet(String pathExpression) {
        return """
                function request()
                  counter = counter + 1
                  return wrk.format("GET", %s, {["X-Authorization"] = "Bearer ${TOKEN}"})
                end
                """.formatted(pathExpression);
    }

    /** {@code clients} threads calling as fast as they can: warm-up, then {@code seconds} measured. */
    Stats load(String method, IntFunction<String> path, IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1 << 20];
                    int count = 0;
                    long errors = 0;
                    int k = 0;
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) break;
                        Reply r = send(method, path.apply(k), body == null ? null : body.apply(k));
                        long took = System.nanoTime() - start;
                        k++;
                        boolean ok = r.statusCode() == 200 && r.body().contains("\"resultCode\":\"0\"");
                        if (start >= warmupEnd) {
                            if (!ok) errors++;
                            if (count < lat.length) lat[count++] = took;
                        }
                    }
                    long[] out = Arrays.copyOf(lat, count + 1);
                    out[count] = errors;
                    return out;
                }));
            }
            List<Long> all = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                for (int i = 0; i < r.length - 1; i++) all.add(r[i]);
                errors += r[r.length - 1];
            }
            return stats(all, seconds, errors);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client, {@code times} requests one after the other (latency of a single call). */
    Stats sequential(String path, int times) throws Exception {
        for (int i = 0; i < 3; i++) send("GET", path, null);
        List<Long> all = new ArrayList<>();
        long errors = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            long s = System.nanoTime();
            Reply r = send("GET", path, null);
            all.add(System.nanoTime() - s);
            if (!r.body().contains("\"resultCode\":\"0\"")) errors++;
        }
        return stats(all, (System.nanoTime() - t0) / 1e9, errors);
    }

    Stats bulk4000() throws Exception {
        long first = 8932048000000000000L + nextFreeSim.getAndAdd(4000);
        String body = "{\"bulkProvisioningInfo\":{\"endPointName\":\"bulk\",\"endPointNameId\":\"1\",\"apnGroupId\":\"" + apnGroupId
                + "\",\"planId\":\"" + planId + "\",\"roamingProfileId\":[\"" + roamingProfileId + "\"],\"startICCID\":\"" + first
                + "\",\"quantity\":\"4000\"}}";
        long t0 = System.nanoTime();
        JsonNode r = JSON.readTree(send("POST", "/api/bulkProvisioning", body).body());
        String id = r.path("Response").path("simProvisionId").asString();
        while (true) {
            JsonNode row = JSON.readTree(send("GET", "/api/fetchSIMProvisioningDetails?simProvisionId=" + id, null).body())
                    .path("Response").path("responseParam").path("rows").get(0);
            String status = row.path("status").asString();
            if (!status.equals("Processing")) {
                long took = System.nanoTime() - t0;
                return new Stats(0, took / 1e6, took / 1e6, status.equals("Success") ? 0 : 1);
            }
            Thread.sleep(5);
        }
    }

    interface Run {
        Stats run(int i) throws Exception;
    }

    /** The median run (by throughput, or by p50 latency when there is no throughput). */
    Stats median(Run r) throws Exception {
        List<Stats> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) all.add(r.run(i));
        all.sort(Comparator.comparingDouble(s -> s.throughput > 0 ? s.throughput : s.p50));
        return all.get(all.size() / 2);
    }

    static Stats stats(List<Long> nanos, double seconds, long errors) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) return new Stats(0, 0, 0, errors);
        return new Stats(a.length / seconds, a[a.length / 2] / 1e6, a[Math.min(a.length - 1, (int) (a.length * 0.99))] / 1e6, errors);
    }

    static String[] row(String size, String what, Stats s, String note) {
        String errors = s.errors == 0 ? "" : " (" + s.errors + " errors)";
        return new String[] {size, what, s.throughput == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", s.throughput),
                String.format(Locale.ROOT, "%.1f", s.p50), String.format(Locale.ROOT, "%.1f", s.p99), note + errors};
    }

    // --- HTTP

    String login(String user) throws Exception {
        Reply r = send("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}");
        return JSON.readTree(r.body()).path("AccessToken").asString();
    }

    /** One exchange's outcome. */
    record Reply(int statusCode, String body) {}

    /**
     * A plain blocking HTTP/1.1 exchange over the JDK's keep-alive connection pool
     * (HttpURLConnection): far lighter per request than java.net.http, so that the client costs
     * the shared CPUs as little as possible. PATCH is not supported by it and not measured.
     */
    Reply send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    Reply send(String method, String path, String body, String contentType) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            c.setRequestProperty("Content-Type", contentType);
            if (token != null) c.setRequestProperty("X-Authorization", "Bearer " + token);
            if (body != null) {
                c.setDoOutput(true);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
