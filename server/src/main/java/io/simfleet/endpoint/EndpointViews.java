package io.simfleet.endpoint;

import io.simfleet.account.Account;
import io.simfleet.catalog.CatalogModel.ApnGroup;
import io.simfleet.catalog.CatalogModel.DynamicBenefit;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.RoamingProfile;
import io.simfleet.catalog.CatalogModel.ServiceProfile;
import io.simfleet.catalog.CatalogModel.Tag;
import io.simfleet.network.NetworkState;
import io.simfleet.privatenet.Membership;
import io.simfleet.sim.Sim;
import java.time.Instant;
import java.util.List;

/** Read models of endpoints, assembled by {@link EndpointService}. */
public final class EndpointViews {
    private EndpointViews() {}

    /**
     * The endpoint in the private-network model (docs/network.md): its endpoint group and static
     * address ({@code membership}, null when in none) and its numbered provisioning and network states.
     */
    public record PrivateNetwork(Membership membership, ProvisioningState provisioningState, NetworkState networkState) {}

    /** An endpoint as listed: with its SIM (null when none), its tags and its private-network view. */
    public record ListItem(Endpoint endpoint, Sim sim, List<Tag> tags, PrivateNetwork network) {}

    public record AddonSubscription(long uniqueId, Plan plan, Instant start, Instant expires) {}

    /** Everything GetEndPointProfile shows. Optional parts are null. */
    public record Profile(Endpoint endpoint, Account account, Sim sim, Plan plan, ApnGroup apnGroup,
                          List<RoamingProfile> roamingProfiles, ServiceProfile serviceProfile, DynamicBenefit dynamicBenefit,
                          List<AddonSubscription> addons, List<String> valueAddedFeatureIds, List<Tag> tags,
                          Plan testPlan, Plan inventoryPlan, RoamingProfile testRoamingProfile, Balances balances,
                          boolean blacklistedNetworks, PrivateNetwork network) {}

    /** The outcome of a create: which of create / link / activate happened. */
    public enum CreateOutcome { CREATED, LINKED, ACTIVATED }

    public record Created(long endpointId, CreateOutcome outcome, EndpointStatus status) {}
}
