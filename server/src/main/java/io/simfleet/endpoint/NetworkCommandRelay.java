package io.simfleet.endpoint;

import io.simfleet.endpoint.EndpointEvent.CounterThresholdReached;
import io.simfleet.endpoint.EndpointEvent.DataBarred;
import io.simfleet.endpoint.EndpointEvent.DataUnbarred;
import io.simfleet.endpoint.EndpointEvent.EndpointActivated;
import io.simfleet.endpoint.EndpointEvent.EndpointModified;
import io.simfleet.endpoint.EndpointEvent.EndpointProvisioned;
import io.simfleet.endpoint.EndpointEvent.LifecycleChanged;
import io.simfleet.endpoint.EndpointEvent.SimDelinked;
import io.simfleet.endpoint.EndpointEvent.SimLinked;
import io.simfleet.network.NetworkCommand;
import io.simfleet.network.NetworkCommandPort;
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
 */
@Component
class NetworkCommandRelay implements EventConsumer {
    private final NetworkCommandPort network;
    private final SimService sims;

    NetworkCommandRelay(NetworkCommandPort network, SimService sims) {
        this.network = network;
        this.sims = sims;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public void accept(long accountId, List<EndpointHistoryEntry> events) {
        Set<String> iccids = events.stream().map(e -> e.event() == null ? null : e.event().iccid())
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> imsis = sims.byIccids(accountId, iccids).stream().collect(Collectors.toMap(Sim::iccid, Sim::masterImsi));
        for (EndpointHistoryEntry entry : events) {
            String iccid = entry.event() == null ? null : entry.event().iccid();
            String imsi = iccid == null ? null : imsis.get(iccid);
            if (imsi == null) continue;
            for (NetworkCommand c : commands(accountId, entry.endpointId(), iccid, imsi, entry.event())) {
                network.send(c);
            }
        }
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
