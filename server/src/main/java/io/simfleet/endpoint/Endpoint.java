package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointStatus.*;

import io.simfleet.account.Account;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointEvent.EndpointActivated;
import io.simfleet.endpoint.EndpointEvent.EndpointDeleted;
import io.simfleet.endpoint.EndpointEvent.LifecycleChanged;
import io.simfleet.endpoint.EndpointEvent.PlanChanged;
import io.simfleet.endpoint.EndpointEvent.RoamingProfilesChanged;
import io.simfleet.endpoint.EndpointEvent.SimDelinkQueued;
import io.simfleet.endpoint.EndpointEvent.SimDelinked;
import io.simfleet.endpoint.EndpointEvent.SimLinked;
import io.simfleet.endpoint.EndpointLifecycle.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The endpoint aggregate. Its operations check the transition table and the endpoint's own rules
 * and answer a {@link Change}: the new state and the events it makes. They write nothing: a service
 * locks the row, calls one of them, saves {@link Change#after()} and appends
 * {@link Change#events()}. A refusal is a {@link DomainException} with the call's documented code.
 */
public record Endpoint(long accountId, long id, String name, EndpointStatus status, int subscriberType, String planId,
                       String apnGroupId, List<Long> roamingProfileIds, BigDecimal monthlyLimit, String imei,
                       boolean imeiLocked, Long dynamicBenefitId, Instant createdAt, Instant planEffectiveAt,
                       Instant activatedAt, Instant lastSimStateChangeAt, int version, List<String> barredServices,
                       Instant delinkPendingSince) {

    /** The state an operation leads to, and what happened on the way. */
    public record Change(Endpoint before, Endpoint after, List<EndpointEvent> events) {
        Change(Endpoint before, Endpoint after, EndpointEvent event) {
            this(before, after, List.of(event));
        }
    }

    /**
     * A new endpoint in Pre-Active; with {@code cmd.linkSim()} holding the SIM {@code cmd.iccid()},
     * with {@code cmd.activate()} activated at once (Active, or Active-Test for OEM accounts). The
     * events: EndpointCreated, then SimLinked and EndpointActivated as they apply. The caller has
     * checked the command against the catalog ({@code plan}, APN group, roaming profiles).
     */
    static Change create(Account account, long id, CreateEndpoint cmd, Plan plan, String apnGroupId, List<Long> roaming,
                         Instant now) {
        EndpointStatus status = cmd.activate()
                ? EndpointRules.transition(PRE_ACTIVE, account.oemEnabled() ? Operation.ACTIVATE_OEM : Operation.ACTIVATE,
                        ResultCode.SIM_PROVISIONING_FAILURE)
                : PRE_ACTIVE;
        String imei = cmd.imei() == null || cmd.imei().isEmpty() ? null : cmd.imei();
        Endpoint e = new Endpoint(account.id(), id, cmd.name(), status, plan.planType(), plan.id(), apnGroupId, roaming,
                cmd.monthlyLimit(), imei, Boolean.TRUE.equals(cmd.imeiLock()), cmd.dynamicBenefitId(),
                now, now, cmd.activate() ? now : null, cmd.linkSim() ? now : null, 0, List.of(), null);
        List<EndpointEvent> events = new java.util.ArrayList<>(3);
        events.add(new EndpointEvent.EndpointCreated(e.name(), e.planId(), e.apnGroupId(), e.roamingProfileIds()));
        if (cmd.linkSim()) events.add(new SimLinked(cmd.iccid(), PRE_ACTIVE, PRE_ACTIVE));
        if (cmd.activate()) events.add(new EndpointActivated(cmd.iccid(), PRE_ACTIVE, status));
        return new Change(null, e, events);
    }

    /** Whether the endpoint holds a SIM: always in A, S, AT, AI; maybe in PA; never in H. */
    public boolean mayHoldSim() {
        return status.simStatus().isPresent();
    }

    /** In Active, Active-Test or Active-Inventory: the network serves it. */
    public boolean inService() {
        return status.inService();
    }

    /** Activated once and not deleted nor back in Hold / Pre-Active. */
    public boolean activated() {
        return inService() || status == SUSPENDED;
    }

    // --- the SIM

    /**
     * Links the SIM {@code iccid} to an endpoint in Pre-Active without SIM or in Hold; the endpoint
     * ends Pre-Active. 5016 when it holds a SIM (or one is being de-linked), 6410 from other states.
     */
    Change linkSim(String iccid, boolean holdsSim, Instant now) {
        if (holdsSim || delinkPendingSince != null) {
            throw new DomainException(ResultCode.SIM_ALREADY_PROVISIONED, "endpoint " + id + " already holds a SIM");
        }
        EndpointStatus next = EndpointRules.transition(status, Operation.LINK_SIM, ResultCode.LINK_SIM_FAILURE);
        Endpoint after = with(b -> {
            b.status = next;
            b.lastSimStateChangeAt = now;
        });
        return new Change(this, after, new SimLinked(iccid, status, next));
    }

    /** Whether a de-link is allowed from this state (6414 otherwise). */
    void checkDelink() {
        EndpointRules.transition(status, Operation.DELINK_SIM, ResultCode.DELINK_FAILURE);
    }

    /** The SIM stays linked until its data session ends; the de-link is completed then. */
    Change queueDelink(String iccid, Instant now) {
        checkDelink();
        return new Change(this, with(b -> b.delinkPendingSince = now), new SimDelinkQueued(iccid, status));
    }

    /** Endpoint → Hold; the SIM goes back to Ready To Activate. Plan, add-ons and tags stay. */
    Change delinkSim(String iccid, Instant now) {
        EndpointStatus next = EndpointRules.transition(status, Operation.DELINK_SIM, ResultCode.DELINK_FAILURE);
        Endpoint after = with(b -> {
            b.status = next;
            b.lastSimStateChangeAt = now;
            b.delinkPendingSince = null;
        });
        return new Change(this, after, new SimDelinked(iccid, status));
    }

    /**
     * Replaces the SIM {@code previousIccid} the endpoint holds by {@code iccid} (a SIM swap): the
     * endpoint keeps its state, plan, add-ons, balances, tags and static address; only the SIM
     * changes. 6420 without SIM; 10967 while a de-link is queued or for the SIM it holds already.
     */
    Change swapSim(String previousIccid, String iccid, Instant now) {
        if (previousIccid == null) throw new DomainException(ResultCode.SIM_NOT_ATTACHED);
        if (delinkPendingSince != null) {
            throw new DomainException(ResultCode.SIM_SWAP_FAILURE, "a de-link of the endpoint's SIM is queued");
        }
        if (previousIccid.equals(iccid)) throw new DomainException(ResultCode.SIM_SWAP_FAILURE, "the endpoint holds ICCID " + iccid + " already");
        return new Change(this, with(b -> b.lastSimStateChangeAt = now), new EndpointEvent.SimSwapped(previousIccid, iccid, status));
    }

    /** A queued de-link whose SIM is gone, or checked again later: only the check time moves. */
    Endpoint delinkCheckedAt(Instant at) {
        return with(b -> b.delinkPendingSince = at);
    }

    // --- lifecycle

    /**
     * Pre-Active with a SIM → Active (OEM accounts: Active-Test). 2507 when active already, 6420
     * without SIM, 7022 on low balance, 10201 without the dynamic benefit the account requires,
     * 5015 from other states.
     */
    Change activate(Account account, String iccid, Instant now) {
        if (inService()) throw new DomainException(ResultCode.SIM_ALREADY_ACTIVE);
        if (iccid == null) throw new DomainException(ResultCode.SIM_NOT_ATTACHED);
        if (account.lowBalance()) throw new DomainException(ResultCode.LOW_BALANCE);
        if (account.dynamicBenefitOnly() && dynamicBenefitId == null) throw new DomainException(ResultCode.DYNAMIC_BENEFIT_REQUIRED);
        EndpointStatus next = EndpointRules.transition(status,
                account.oemEnabled() ? Operation.ACTIVATE_OEM : Operation.ACTIVATE, ResultCode.SIM_PROVISIONING_FAILURE);
        Endpoint after = with(b -> {
            b.status = next;
            b.activatedAt = activatedAt == null ? now : activatedAt;
            b.lastSimStateChangeAt = now;
        });
        return new Change(this, after, new EndpointActivated(iccid, status, next));
    }

    /** A ↔ S, and for OEM endpoints AT → AI, AT → A, AI → A (the codes of {@link #lifecycleChange}). */
    Change changeLifecycle(EndpointStatus target, String reason, String iccid, Instant now) {
        EndpointStatus next = lifecycleChange(status, target);
        Endpoint after = with(b -> {
            b.status = next;
            b.lastSimStateChangeAt = now;
        });
        return new Change(this, after, new LifecycleChanged(iccid, status, next, reason));
    }

    /** The lifecycle call's target state: {@code A}, {@code S} or {@code AI} in any case, else 1008. */
    static EndpointStatus lifecycleTarget(String lifeCycle) {
        return switch (lifeCycle.trim().toUpperCase(Locale.ROOT)) {
            case "A" -> ACTIVE;
            case "S" -> SUSPENDED;
            case "AI" -> ACTIVE_INVENTORY;
            default -> throw new DomainException(ResultCode.INVALID_LIFECYCLE, lifeCycle);
        };
    }

    /**
     * The state a lifecycle change moves an endpoint in {@code from} to: 1009 when it is
     * deleted, 1254 when it is in {@code target} already, 8104 from Pre-Active or Hold, 5018 when
     * the transition table has no such move.
     */
    static EndpointStatus lifecycleChange(EndpointStatus from, EndpointStatus target) {
        if (from == DELETED) throw new DomainException(ResultCode.ENDPOINT_DEACTIVATED);
        if (from == target) throw new DomainException(ResultCode.SAME_LIFECYCLE);
        if (from == PRE_ACTIVE || from == HOLD) throw new DomainException(ResultCode.PRE_ACTIVE_OR_HOLD);
        Operation op = switch (target) {
            case SUSPENDED -> Operation.SUSPEND;
            case ACTIVE_INVENTORY -> Operation.TO_INVENTORY;
            default -> from == SUSPENDED ? Operation.RESUME : Operation.TO_COMMERCIAL;
        };
        EndpointStatus next = EndpointRules.transition(from, op, ResultCode.LIFECYCLE_FAILURE);
        if (next != target) throw new DomainException(ResultCode.LIFECYCLE_FAILURE, "endpoint is " + from.displayName());
        return next;
    }

    /** Pre-Active or Hold without SIM → Deleted; 10158 while it holds a SIM or from other states. */
    Change delete(boolean holdsSim, Instant now) {
        if (holdsSim) throw new DomainException(ResultCode.DELETE_NOT_ALLOWED);
        EndpointStatus next = EndpointRules.transition(status, Operation.DELETE, ResultCode.DELETE_NOT_ALLOWED);
        return new Change(this, with(b -> b.status = next), new EndpointDeleted(status));
    }

    // --- plan and roaming

    /**
     * Replaces the roaming profiles, in A, AT or AI only (2503); {@code check} validates the
     * requested ids against the plan and answers them as kept.
     */
    Change changeRoamingProfiles(List<Long> requested, UnaryOperator<List<Long>> check) {
        if (!inService()) throw new DomainException(ResultCode.SUBSCRIBER_NOT_ACTIVE);
        List<Long> ids = check.apply(requested);
        return new Change(this, with(b -> b.roamingProfileIds = ids), new RoamingProfilesChanged(status, roamingProfileIds, ids));
    }

    /**
     * Moves the endpoint to another active base plan of the same billing type: 7002 when deleted,
     * 10173 in the OEM states, 1001 planId for a plan that is not a usable base plan, 5020 when it
     * is the current one, 7000 for another billing type. The roaming profiles the new plan does
     * not offer ({@code offered} of a plan) are replaced by its own.
     */
    Change changePlan(Plan plan, String requestedId, Function<Plan, List<Long>> offered, Instant now) {
        if (status == DELETED) throw new DomainException(ResultCode.PLAN_CHANGE_FAILURE, "endpoint is deactivated");
        if (status.oem()) throw new DomainException(ResultCode.OEM_PLAN_CHANGE_NOT_ALLOWED);
        if (plan == null || plan.category() != PlanCategory.NORMAL || !plan.active()) throw DomainException.wrong("planId");
        if (plan.id().equals(planId)) throw new DomainException(ResultCode.PLAN_ALREADY_EXISTS);
        if (plan.planType() != subscriberType) throw new DomainException(ResultCode.PLAN_TYPE_MISMATCH);
        List<Long> offeredIds = offered.apply(plan);
        List<Long> kept = roamingProfileIds.stream().filter(offeredIds::contains).toList();
        List<Long> roaming = kept.isEmpty() ? offeredIds : kept;
        Endpoint after = with(b -> {
            b.planId = plan.id();
            b.planEffectiveAt = now;
            b.roamingProfileIds = roaming;
        });
        return new Change(this, after, new PlanChanged(status, planId, plan.id(), roamingProfileIds, roaming));
    }

    // --- Modify's own fields (see EndpointModifier)

    /**
     * Modify's {@code endPointName}: the reference's rule (5–30 letters, digits, spaces, colons,
     * underscores) for a new name; the name the endpoint has, whatever its characters (Create
     * accepts more), is accepted as it is.
     */
    Endpoint renamed(String newName) {
        if (newName.equals(name)) return this;
        EndpointRules.modifyName(newName, "endPointName");
        return with(b -> b.name = newName);
    }

    Endpoint withApnGroup(String apnGroup) {
        return with(b -> b.apnGroupId = apnGroup);
    }

    /**
     * LOCK / UNLOCK with an optional IMEI ("" clears it, null keeps it); locking to another IMEI
     * needs an UNLOCK first (10069).
     */
    Endpoint withImei(Boolean lock, String newImei) {
        EndpointRules.imei(newImei);
        String imeiAfter = newImei == null ? imei : newImei.isEmpty() ? null : newImei;
        boolean lockAfter = lock != null ? lock : imeiLocked;
        boolean otherImei = imei != null && imeiAfter != null && !imeiAfter.equals(imei);
        if (imeiLocked && lockAfter && otherImei) {
            throw new DomainException(ResultCode.MODIFY_ENDPOINT_FAILURE, "Endpoint already locked to an IMEI, Please UNLOCK the Endpoint first");
        }
        return with(b -> {
            b.imei = imeiAfter;
            b.imeiLocked = lockAfter;
        });
    }

    Endpoint withBarredServices(List<String> barred) {
        return with(b -> b.barredServices = List.copyOf(barred));
    }

    Endpoint withDynamicBenefit(Long benefit) {
        return with(b -> b.dynamicBenefitId = benefit);
    }

    /** The same endpoint as saved with another version. */
    Endpoint withVersion(int v) {
        return new Endpoint(accountId, id, name, status, subscriberType, planId, apnGroupId, roamingProfileIds, monthlyLimit, imei,
                imeiLocked, dynamicBenefitId, createdAt, planEffectiveAt, activatedAt, lastSimStateChangeAt, v, barredServices,
                delinkPendingSince);
    }

    private Endpoint with(java.util.function.Consumer<Fields> change) {
        Fields b = new Fields(this);
        change.accept(b);
        return b.build();
    }

    /** The mutable fields of an endpoint, for {@link #with}; identity, creation time and version stay. */
    private static final class Fields {
        private final Endpoint from;
        String name;
        EndpointStatus status;
        String planId;
        String apnGroupId;
        List<Long> roamingProfileIds;
        String imei;
        boolean imeiLocked;
        Long dynamicBenefitId;
        Instant planEffectiveAt;
        Instant activatedAt;
        Instant lastSimStateChangeAt;
        List<String> barredServices;
        Instant delinkPendingSince;

        private Fields(Endpoint e) {
            from = e;
            name = e.name;
            status = e.status;
            planId = e.planId;
            apnGroupId = e.apnGroupId;
            roamingProfileIds = e.roamingProfileIds;
            imei = e.imei;
            imeiLocked = e.imeiLocked;
            dynamicBenefitId = e.dynamicBenefitId;
            planEffectiveAt = e.planEffectiveAt;
            activatedAt = e.activatedAt;
            lastSimStateChangeAt = e.lastSimStateChangeAt;
            barredServices = e.barredServices;
            delinkPendingSince = e.delinkPendingSince;
        }

        Endpoint build() {
            return new Endpoint(from.accountId, from.id, name, status, from.subscriberType, planId, apnGroupId, roamingProfileIds,
                    from.monthlyLimit, imei, imeiLocked, dynamicBenefitId, from.createdAt, planEffectiveAt, activatedAt,
                    lastSimStateChangeAt, from.version, barredServices, delinkPendingSince);
        }
    }
}
