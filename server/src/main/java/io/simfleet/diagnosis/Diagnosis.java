package io.simfleet.diagnosis;

import io.simfleet.catalog.CatalogModel.Network;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointEvent;
import io.simfleet.endpoint.EndpointJournal;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.network.NetworkEvents;
import io.simfleet.network.NetworkFault;
import io.simfleet.network.NetworkQueryPort;
import io.simfleet.network.NetworkStateRepository;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.PrivateNetworkService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The four network calls of an endpoint, over the network's ports and the platform's record of what it reported. */
@Service
public class Diagnosis {
    private final DiagnosisRepository repo;
    private final CatalogService catalog;
    private final PrivateNetworkService privateNetwork;
    private final NetworkEvents network;
    private final NetworkQueryPort hss;
    private final EndpointJournal journal;
    private final Clock clock;
    private final Duration hssTimeout;
    private final Duration recent;
    /** Asks of the HSS run here, so that one that hangs holds a thread of this pool, never the request. */
    private final ExecutorService asks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hss-ask");
        t.setDaemon(true);
        return t;
    });

    Diagnosis(DiagnosisRepository repo, CatalogService catalog, PrivateNetworkService privateNetwork, NetworkEvents network, NetworkQueryPort hss, EndpointJournal journal,
              Clock clock, @Value("${simfleet.network.hss-timeout:3s}") Duration hssTimeout,
              @Value("${simfleet.network.recent:24h}") Duration recent) {
        this.repo = repo;
        this.catalog = catalog;
        this.privateNetwork = privateNetwork;
        this.network = network;
        this.hss = hss;
        this.journal = journal;
        this.clock = clock;
        this.hssTimeout = hssTimeout;
        this.recent = recent;
    }

    /** The category group id the coverage shows for a sponsor category (IR1 → SP14073 …), and the reverse. */
    public static String groupId(String irCategory) {
        return "SP1407" + (2 + Integer.parseInt(irCategory.substring(2)));
    }

    static String category(String given) {
        if (given.matches("IR[1-4]")) return given;
        if (given.matches("SP1407[3-6]")) return "IR" + (given.charAt(6) - '2');
        return null;
    }

    private static boolean served(String status) {
        return status.equals(EndpointStatus.ACTIVE.name()) || status.equals(EndpointStatus.ACTIVE_TEST.name());
    }

    // --- fetchNetworkStatus

    /**
     * {@code staticIp}: the endpoint's static address in its endpoint group's VSlice, null when it
     * is in none. A session of an endpoint in a group has that address (the PGW's framed IP from
     * the slice; docs/network.md "Static addresses"), so it is what the status shows while connected.
     */
    public record Status(String imsi, NetworkStateRepository.State state, String staticIp) {

        /** The data session's address: the static one when the endpoint has one, else what the network reported; null when not in session. */
        public String sessionAddress() {
            if (!state.attached() || !state.inSession()) return null;
            return staticIp != null ? staticIp : state.ipAddress();
        }
    }

    /** 2503 when the endpoint is not Active (or Active-Test); 11010 when the network reported nothing recent; 11009 unknown endpoint. */
    public Status status(Actor actor, EndpointRef ref) {
        DiagnosisRepository.Target t = repo.find(actor.accountId(), ref, false)
                .orElseThrow(() -> new DomainException(ResultCode.NETWORK_STATUS_FAILURE, ref + " not found"));
        if (!served(t.status())) throw new DomainException(ResultCode.SUBSCRIBER_NOT_ACTIVE);
        if (t.iccid() == null) throw new DomainException(ResultCode.NO_RECENT_NETWORK_INFO);
        NetworkStateRepository.State s = network.state(t.accountId(), t.iccid())
                .filter(x -> x.tadigCode() != null && x.reportedAt().isAfter(clock.instant().minus(recent)))
                .orElseThrow(() -> new DomainException(ResultCode.NO_RECENT_NETWORK_INFO));
        return new Status(t.imsi(), s, privateNetwork.membership(t.accountId(), t.endpointId()).map(Membership::ipAddress).orElse(null));
    }

    // --- locationInfo

    public record Located(String imsi, NetworkQueryPort.Location location) {}

    /**
     * Where the HSS says the endpoint's SIM is, asked with a bounded wait: 10089 detached (or not
     * served), 10087 HSS unreachable, 10088 no answer in time, 10094 no location from the visited
     * network, 10085 unknown endpoint or no SIM.
     */
    public Located location(Actor actor, EndpointRef ref) {
        DiagnosisRepository.Target t = repo.find(actor.accountId(), ref, false)
                .orElseThrow(() -> new DomainException(ResultCode.LOCATION_FAILURE, ref + " not found"));
        if (t.imsi() == null) throw new DomainException(ResultCode.LOCATION_FAILURE, "no SIM");
        if (!served(t.status())) throw new DomainException(ResultCode.ENDPOINT_DETACHED);
        Future<NetworkQueryPort.Location> ask = asks.submit(() -> hss.locate(t.imsi()));
        try {
            return new Located(t.imsi(), ask.get(hssTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            ask.cancel(true);
            throw new DomainException(ResultCode.HSS_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ResultCode.HSS_TIMEOUT);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof NetworkFault) {
                switch (((NetworkFault) e.getCause()).kind()) {
                    case DETACHED: throw new DomainException(ResultCode.ENDPOINT_DETACHED);
                    case HSS_TIMEOUT: throw new DomainException(ResultCode.HSS_TIMEOUT);
                    case NO_LOCATION: throw new DomainException(ResultCode.NO_GEOLOCATION);
                    default: throw new DomainException(ResultCode.HSS_CONNECTION_FAILED);
                }
            }
            throw new DomainException(ResultCode.HSS_CONNECTION_FAILED);
        }
    }

    // --- endpointCoverage

    /** A network of one of the endpoint's roaming profiles, blacklisted for the endpoint or not. */
    public record CoverageRow(Network network, RoamingProfile profile, boolean blacklisted) {}

    /** The networks of the endpoint's roaming profiles; {@code blacklisted} true/false keeps only those blacklisted / not. 10133 unknown endpoint. */
    public List<CoverageRow> coverage(Actor actor, EndpointRef ref, Boolean blacklisted) {
        DiagnosisRepository.Target t = repo.find(actor.accountId(), ref, false)
                .orElseThrow(() -> new DomainException(ResultCode.COVERAGE_FAILURE, ref + " not found"));
        Set<String> black = new LinkedHashSet<>(repo.blacklist(t.accountId(), t.endpointId()));
        List<CoverageRow> rows = new ArrayList<>();
        for (RoamingProfile p : catalog.view(t.accountId()).roamingProfiles(t.roamingProfileIds())) {
            for (Network n : p.networks()) {
                boolean b = black.contains(n.tadigCode() + "/" + n.categoryGroupId());
                if (blacklisted == null || blacklisted == b) rows.add(new CoverageRow(n, p, b));
            }
        }
        return rows;
    }

    // --- endPointBlacklisting

    /** A network of a blacklist change: its TADIG code and sponsor category group (IR1..IR4 or SP14073..SP14076). */
    public record Entry(String tadigCode, String categoryGroupId) {}

    /**
     * Adds networks to and removes them from the endpoint's blacklist, all or nothing: 10134 when
     * a network is both added and removed, a removed one is not blacklisted, an added one already
     * is, or an added one is not in the endpoint's coverage; 10136 unknown endpoint. The network
     * side is told after commit (an endpoint on a network it now blacklists is moved off it).
     */
    @Transactional
    public void blacklist(Actor actor, EndpointRef ref, List<Entry> add, List<Entry> remove) {
        DiagnosisRepository.Target t = repo.find(actor.accountId(), ref, true)
                .orElseThrow(() -> new DomainException(ResultCode.BLACKLIST_FAILURE, ref + " not found"));
        List<String> adds = keys(add), removes = keys(remove);
        for (String a : adds) if (removes.contains(a)) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "Cannot add and remove the same network");
        Set<String> black = new LinkedHashSet<>(repo.blacklist(t.accountId(), t.endpointId()));
        for (String r : removes) if (!black.contains(r)) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "No network available to remove");
        for (String a : adds) if (black.contains(a)) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "already blacklisted networks are present in add list");
        Set<String> covered = new LinkedHashSet<>();
        for (RoamingProfile p : catalog.view(t.accountId()).roamingProfiles(t.roamingProfileIds())) {
            for (Network n : p.networks()) covered.add(n.tadigCode() + "/" + n.categoryGroupId());
        }
        for (String a : adds) if (!covered.contains(a)) throw new DomainException(ResultCode.BULK_MODIFY_FAILURE, "network " + a + " is not in the endpoint's coverage");
        for (String r : removes) {
            String[] k = r.split("/");
            repo.remove(t.accountId(), t.endpointId(), k[0], k[1]);
        }
        for (String a : adds) {
            String[] k = a.split("/");
            repo.add(t.accountId(), t.endpointId(), k[0], k[1], clock.instant());
        }
        black.removeAll(removes);
        black.addAll(adds);
        journal.record(actor, t.endpointId(), new EndpointEvent.BlacklistChanged(EndpointStatus.valueOf(t.status()), t.iccid(),
                adds, removes, List.copyOf(black)));
    }

    private static List<String> keys(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.tadigCode() == null || !e.tadigCode().matches("[A-Z0-9]{5}")) throw DomainException.wrong("tadigCode");
            String c = e.categoryGroupId() == null ? null : category(e.categoryGroupId());
            if (c == null) throw DomainException.wrong("categoryGroupId");
            String k = e.tadigCode() + "/" + c;
            if (!out.contains(k)) out.add(k);
        }
        return out;
    }

    /** Whether the endpoint has blacklisted networks (GetEndPointProfile's {@code blacklistedNetworks}). */
    public boolean hasBlacklist(long account, long endpoint) {
        return !repo.blacklist(account, endpoint).isEmpty();
    }
}
