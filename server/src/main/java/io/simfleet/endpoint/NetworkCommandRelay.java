package io.simfleet.endpoint;

import io.simfleet.account.AccountService;
import io.simfleet.endpoint.EndpointEvent.CounterThresholdReached;
import io.simfleet.endpoint.EndpointEvent.DataBarred;
import io.simfleet.endpoint.EndpointEvent.DataUnbarred;
import io.simfleet.endpoint.EndpointEvent.EndpointActivated;
import io.simfleet.endpoint.EndpointEvent.EndpointGroupJoined;
import io.simfleet.endpoint.EndpointEvent.EndpointGroupLeft;
import io.simfleet.endpoint.EndpointEvent.EndpointModified;
import io.simfleet.endpoint.EndpointEvent.EndpointProvisioned;
import io.simfleet.endpoint.EndpointEvent.LifecycleChanged;
import io.simfleet.endpoint.EndpointEvent.SimDelinked;
import io.simfleet.endpoint.EndpointEvent.SimLinked;
import io.simfleet.endpoint.EndpointEvent.SimSwapped;
import io.simfleet.network.NetworkCommand;
import io.simfleet.network.NetworkCommandPort;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The outbox consumer that tells the network what the endpoints' changes mean for their SIMs:
 * a linked SIM is provisioned, activation and resume activate, suspension suspends, a change of
 * barring bars, a de-link detaches. Changes the network does not care about (names, tags, plans)
 * send nothing.
 *
 * <p>In an account that requires endpoint groups (docs/network.md, "Private network") an endpoint
 * in no group is not usable: what would activate it suspends it instead, joining a group activates
 * an endpoint in service and leaving one suspends it. Whether it is in a group is read when the
 * events are relayed, so the last command sent for an endpoint is the state it is in now.
 */
@Component
class NetworkCommandRelay implements EventConsumer {
    private final NetworkCommandPort network;
    private final SimService sims;
    private final AccountService accounts;
    private final PrivateNetworkService privateNetwork;

    NetworkCommandRelay(NetworkCommandPort network, SimService sims, AccountService accounts, PrivateNetworkService privateNetwork) {
        this.network = network;
        this.sims = sims;
        this.accounts = accounts;
        this.privateNetwork = privateNetwork;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public void accept(long accountId, List<EndpointHistoryEntry> events) {
        Set<String> iccids = events.stream().map(e -> e.event() == null ? null : e.event().iccid())
                .filter(Objects::nonNull).collect(Collectors.toCollection(java.util.HashSet::new));
        // a swap's replaced SIM is detached: its IMSI too
        events.stream().filter(e -> e.event() instanceof SimSwapped).forEach(e -> iccids.add(((SimSwapped) e.event()).previousIccid()));
        Map<String, String> imsis = sims.byIccids(accountId, iccids).stream().collect(Collectors.toMap(Sim::iccid, Sim::masterImsi));
        Set<Long> grouped = accounts.cached(accountId).endpointGroupRequired()
                ? privateNetwork.memberships(accountId, events.stream().map(EndpointHistoryEntry::endpointId).collect(Collectors.toSet())).keySet()
                : null;
        for (EndpointHistoryEntry entry : events) {
            String iccid = entry.event() == null ? null : entry.event().iccid();
            String imsi = iccid == null ? null : imsis.get(iccid);
            if (imsi == null) continue;
            List<NetworkCommand> commands = entry.event() instanceof SimSwapped s
                    ? swapped(accountId, entry.endpointId(), s, imsis.get(s.previousIccid()), imsi)
                    : commands(accountId, entry.endpointId(), iccid, imsi, entry.event());
            if (grouped != null) {
                commands = groupRequired(accountId, entry.endpointId(), iccid, imsi, commands, grouped.contains(entry.endpointId()), entry.event());
            }
            for (NetworkCommand c : commands) {
                network.send(c);
            }
        }
    }

    /**
     * The commands of an event in an account that requires endpoint groups: an endpoint in no
     * group ({@code grouped} false, now) is suspended where it would be activated; joining a group
     * activates, leaving one suspends, an endpoint the network serves.
     */
    static List<NetworkCommand> groupRequired(long acc, long ep, String iccid, String imsi, List<NetworkCommand> commands,
                                              boolean grouped, EndpointEvent event) {
        if (event instanceof EndpointGroupJoined || event instanceof EndpointGroupLeft) {
            if (!event.to().inService()) return List.of();
            return List.of(grouped ? new NetworkCommand.Activate(acc, ep, iccid, imsi) : new NetworkCommand.Suspend(acc, ep, iccid, imsi));
        }
        if (grouped) return commands;
        return commands.stream().map(c -> c instanceof NetworkCommand.Activate
                ? (NetworkCommand) new NetworkCommand.Suspend(acc, ep, iccid, imsi) : c).toList();
    }

    /**
     * A SIM swap: the replaced SIM detached, the new one provisioned and put in the endpoint's
     * state (activated when the network serves the endpoint, suspended when it is Suspended).
     */
    static List<NetworkCommand> swapped(long acc, long ep, SimSwapped s, String previousImsi, String imsi) {
        List<NetworkCommand> out = new ArrayList<>(3);
        if (previousImsi != null) out.add(new NetworkCommand.Detach(acc, ep, s.previousIccid(), previousImsi));
        out.add(new NetworkCommand.Provision(acc, ep, s.iccid(), imsi));
        if (s.status().inService()) {
            out.add(new NetworkCommand.Activate(acc, ep, s.iccid(), imsi));
        } else if (s.status() == EndpointStatus.SUSPENDED) {
            out.add(new NetworkCommand.Suspend(acc, ep, s.iccid(), imsi));
        }
        return out;
    }

    /** The commands one event calls for. */
    static List<NetworkCommand> commands(long acc, long ep, String iccid, String imsi, EndpointEvent event) {
        List<NetworkCommand> out = new ArrayList<>(2);
        if (event instanceof SimLinked) {
            out.add(new NetworkCommand.Provision(acc, ep, iccid, imsi));
        } else if (event instanceof EndpointProvisioned e) {
            out.add(new NetworkCommand.Provision(acc, ep, iccid, imsi));
            if (e.to() != EndpointStatus.PRE_ACTIVE) out.add(new NetworkCommand.Activate(acc, ep, iccid, imsi));
        } else if (event instanceof EndpointActivated) {
            out.add(new NetworkCommand.Activate(acc, ep, iccid, imsi));
        } else if (event instanceof LifecycleChanged e) {
            out.add(e.to() == EndpointStatus.SUSPENDED
                    ? new NetworkCommand.Suspend(acc, ep, iccid, imsi) : new NetworkCommand.Activate(acc, ep, iccid, imsi));
        } else if (event instanceof SimDelinked) {
            out.add(new NetworkCommand.Detach(acc, ep, iccid, imsi));
        } else if (event instanceof EndpointModified e && e.barringChanged()) {
            out.add(new NetworkCommand.Bar(acc, ep, iccid, imsi, e.barredAfter()));
        } else if (event instanceof EndpointEvent.BlacklistChanged e) {
            out.add(new NetworkCommand.Blacklist(acc, ep, iccid, imsi, e.tadigsAfter()));
        } else if (event instanceof DataBarred e) {
            out.add(new NetworkCommand.RatingBar(acc, ep, iccid, imsi, true, e.reason()));
        } else if (event instanceof DataUnbarred e) {
            out.add(new NetworkCommand.RatingBar(acc, ep, iccid, imsi, false, e.reason()));
        } else if (event instanceof CounterThresholdReached e && e.action().startsWith("THROTTLE_")) {
            out.add(new NetworkCommand.Throttle(acc, ep, iccid, imsi, e.action(), e.periodEnd()));
        }
        return out;
    }
}
