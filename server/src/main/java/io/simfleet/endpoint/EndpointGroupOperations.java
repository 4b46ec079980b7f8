package io.simfleet.endpoint;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointEvent.EndpointGroupJoined;
import io.simfleet.endpoint.EndpointEvent.EndpointGroupLeft;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An endpoint into and out of an endpoint group (docs/network.md, "Private network"): under the
 * endpoint's lock, the private network moves its membership and static address, and the endpoint's
 * history gets the event. The endpoint's state does not change; in an account that requires
 * groups its provisioning state does (pending 30 ↔ active 50), and the network hears of it from
 * the outbox ({@link NetworkCommandRelay}).
 */
@Service
public class EndpointGroupOperations {
    private final EndpointRepository repo;
    private final EndpointWrites writes;
    private final SimService sims;
    private final PrivateNetworkService privateNetwork;

    EndpointGroupOperations(EndpointRepository repo, EndpointWrites writes, SimService sims, PrivateNetworkService privateNetwork) {
        this.repo = repo;
        this.writes = writes;
        this.sims = sims;
        this.privateNetwork = privateNetwork;
    }

    /**
     * Puts the endpoint (in any state but deleted) into the group with {@code address}, or one
     * chosen from the group's slice when null ({@link PrivateNetworkService#join}). Answers the
     * membership after; assigning an endpoint where it already is, with its address, changes
     * nothing and writes no event. 10958 when the endpoint is not the account's; 1001
     * {@code endpointGroupId}, 1001 {@code ipAddress}, 10960, 10961.
     */
    @Transactional
    public Membership assign(Actor actor, EndpointRef ref, long groupId, Long address) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, ref, ResultCode.ENDPOINT_GROUP_ASSIGN_FAILURE);
        Membership.Change change = privateNetwork.join(acc, e.id(), groupId, address);
        if (change.changed()) {
            Membership before = change.before(), after = change.after();
            writes.append(actor, List.of(new EventStore.Recorded(e.id(), new EndpointGroupJoined(e.status(), iccid(acc, e.id()),
                    after.groupId(), after.vSliceId(), after.ipAddress(),
                    before == null ? null : before.groupId(), before == null ? null : before.ipAddress()))));
        }
        return change.after();
    }

    /** Takes the endpoint out of its group, releasing its address: 10958 when it is not the account's, 10962 when it is in no group. */
    @Transactional
    public Membership unassign(Actor actor, EndpointRef ref) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, ref, ResultCode.ENDPOINT_GROUP_ASSIGN_FAILURE);
        Membership left = privateNetwork.leave(acc, e.id()).orElseThrow(() -> new DomainException(ResultCode.NOT_IN_ENDPOINT_GROUP));
        writes.append(actor, List.of(new EventStore.Recorded(e.id(), left(e, iccid(acc, e.id()), left, "UnassignEndpointGroup"))));
        return left;
    }

    static EndpointGroupLeft left(Endpoint e, String iccid, Membership m, String call) {
        return new EndpointGroupLeft(e.status(), iccid, m.groupId(), m.vSliceId(), m.ipAddress(), call);
    }

    private String iccid(long acc, long endpointId) {
        return sims.byEndpoints(acc, List.of(endpointId)).stream().findFirst().map(Sim::iccid).orElse(null);
    }

    private Endpoint lockLive(long acc, EndpointRef ref, ResultCode failure) {
        return repo.lock(acc, ref).filter(x -> x.status() != EndpointStatus.DELETED)
                .orElseThrow(() -> new DomainException(failure, ref + " not found"));
    }
}
