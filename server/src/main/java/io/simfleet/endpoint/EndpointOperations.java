package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointStatus.*;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointLifecycle.Operation;
import io.simfleet.network.NetworkGateway;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single-endpoint lifecycle calls: Link SIM, De-Link SIM, Activation, Lifecycle Change,
 * Delete, Roaming Profile and Plan Change. Each runs in one transaction holding the endpoint's
 * row lock, asks {@link EndpointLifecycle} for the transition, moves the SIM along
 * {@code SimLifecycle}, and appends an event. A refusal raises the call's documented code and
 * changes nothing.
 */
@Service
public class EndpointOperations {
    private static final Logger log = LoggerFactory.getLogger(EndpointOperations.class);

    private final EndpointRepository repo;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final SimService sims;
    private final EndpointRules rules;
    private final NetworkGateway network;
    private final Clock clock;
    private final TransactionTemplate tx;

    EndpointOperations(EndpointRepository repo, AccountService accounts, CatalogService catalog, SimService sims,
                       EndpointRules rules, NetworkGateway network, Clock clock, PlatformTransactionManager txManager) {
        this.tx = new TransactionTemplate(txManager);
        this.repo = repo;
        this.accounts = accounts;
        this.catalog = catalog;
        this.sims = sims;
        this.rules = rules;
        this.network = network;
        this.clock = clock;
    }

    public record StatusChange(EndpointStatus previous, EndpointStatus current) {}

    public enum DelinkOutcome { DONE, QUEUED }

    /** Links a Ready To Activate SIM to an endpoint in Pre-Active (without SIM) or Hold; the endpoint ends Pre-Active. */
    @Transactional
    public void linkSim(Actor actor, long endpointId, String iccid) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.LINK_SIM_FAILURE);
        if (sims.linkedTo(acc, e.id()).isPresent() || e.delinkPendingSince() != null) {
            throw new DomainException(ResultCode.SIM_ALREADY_PROVISIONED, "endpoint " + e.id() + " already holds a SIM");
        }
        EndpointStatus next = EndpointRules.transition(e.status(), Operation.LINK_SIM, ResultCode.LINK_SIM_FAILURE);
        Optional<Sim> claimed = sims.tryLink(acc, iccid, e.id(), SimStatus.PRE_ACTIVE);
        if (claimed.isEmpty()) {
            // say why with the SIM's state: another endpoint won it, or it is not the account's
            Sim sim = sims.byIccid(acc, iccid)
                    .orElseThrow(() -> new DomainException(ResultCode.LINK_SIM_FAILURE, "ICCID not available"));
            throw switch (sim.status()) {
                case PRE_ACTIVE -> new DomainException(ResultCode.SIM_ALREADY_PRE_ACTIVE);
                case SUSPENDED -> new DomainException(ResultCode.SIM_ALREADY_SUSPENDED);
                case ACTIVE, ACTIVE_TEST, ACTIVE_INVENTORY -> new DomainException(ResultCode.SIM_ALREADY_ACTIVE);
                case READY_TO_ACTIVATE -> new DomainException(ResultCode.LINK_SIM_FAILURE, "ICCID not available");
            };
        }
        Instant now = clock.instant();
        Endpoint.Builder b = e.toBuilder();
        b.status = next;
        b.lastSimStateChangeAt = now;
        save(actor, e, b.build(), "LinkSim", null, "iccid=" + iccid);
    }

    /**
     * De-links the endpoint's SIM: endpoint → Hold, SIM → Ready To Activate; plan, add-ons and
     * tags stay. While the network reports a data session the de-link is queued (7021) and
     * completed by {@link #completePendingDelinks()} once the session has ended.
     */
    @Transactional
    public DelinkOutcome delinkSim(Actor actor, long endpointId) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.DELINK_FAILURE);
        Sim sim = sims.linkedTo(acc, e.id()).orElseThrow(() -> new DomainException(ResultCode.SIM_NOT_ATTACHED));
        EndpointRules.transition(e.status(), Operation.DELINK_SIM, ResultCode.DELINK_FAILURE);
        if (e.delinkPendingSince() != null) {
            return DelinkOutcome.QUEUED;
        }
        if (network.hasActiveDataSession(sim.masterImsi())) {
            Endpoint.Builder b = e.toBuilder();
            b.delinkPendingSince = clock.instant();
            save(actor, e, b.build(), "DeLinkSim", null, "queued: data session ongoing for iccid=" + sim.iccid());
            return DelinkOutcome.QUEUED;
        }
        delink(actor, e, sim);
        return DelinkOutcome.DONE;
    }

    private void delink(Actor actor, Endpoint e, Sim sim) {
        EndpointStatus next = EndpointRules.transition(e.status(), Operation.DELINK_SIM, ResultCode.DELINK_FAILURE);
        sims.follow(e.accountId(), e.id(), SimStatus.READY_TO_ACTIVATE);
        Endpoint.Builder b = e.toBuilder();
        b.status = next;
        b.lastSimStateChangeAt = clock.instant();
        b.delinkPendingSince = null;
        save(actor, e, b.build(), "DeLinkSim", null, "iccid=" + sim.iccid());
    }

    /**
     * Completes the queued de-links whose data session has ended; answers how many. Each endpoint
     * in its own short transaction, claimed with SKIP LOCKED: safe with several instances, and a
     * slow network answer holds one endpoint only.
     */
    public int completePendingDelinks() {
        int done = 0;
        Instant round = clock.instant();
        for (int i = 0; i < 100; i++) {
            Boolean outcome = tx.execute(s -> completeOnePendingDelink(round));
            if (outcome == null) break;
            if (outcome) done++;
        }
        if (done > 0) log.info("Completed {} queued de-links", done);
        return done;
    }

    /** True when a de-link was completed, false when its session is still open, null when none is queued. */
    private Boolean completeOnePendingDelink(Instant round) {
        List<long[]> rows = repo.pendingDelinks(1, round);
        if (rows.isEmpty()) return null;
        long acc = rows.get(0)[0];
        Endpoint e = repo.lock(acc, EndpointRef.id(rows.get(0)[1])).orElseThrow();
        Optional<Sim> sim = sims.linkedTo(acc, e.id());
        if (sim.isEmpty()) {
            Endpoint.Builder b = e.toBuilder();
            b.delinkPendingSince = null;
            repo.update(b.build());
            return false;
        }
        if (network.hasActiveDataSession(sim.get().masterImsi())) {
            // still in session: checked again at the next round (the column now says when it was last checked)
            Endpoint.Builder b = e.toBuilder();
            b.delinkPendingSince = clock.instant();
            repo.update(b.build());
            return false;
        }
        delink(Actor.system(acc), e, sim.get());
        return true;
    }

    /** Pre-Active with a SIM → Active (OEM accounts: Active-Test). */
    @Transactional
    public EndpointStatus activate(Actor actor, long endpointId) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.SIM_PROVISIONING_FAILURE);
        if (e.status() == ACTIVE || e.status() == ACTIVE_TEST || e.status() == ACTIVE_INVENTORY) {
            throw new DomainException(ResultCode.SIM_ALREADY_ACTIVE);
        }
        if (sims.linkedTo(acc, e.id()).isEmpty()) throw new DomainException(ResultCode.SIM_NOT_ATTACHED);
        Account account = accounts.get(acc);
        if (account.lowBalance()) throw new DomainException(ResultCode.LOW_BALANCE);
        if (account.dynamicBenefitOnly() && e.dynamicBenefitId() == null) throw new DomainException(ResultCode.DYNAMIC_BENEFIT_REQUIRED);
        EndpointStatus next = EndpointRules.transition(e.status(),
                account.oemEnabled() ? Operation.ACTIVATE_OEM : Operation.ACTIVATE, ResultCode.SIM_PROVISIONING_FAILURE);
        sims.follow(acc, e.id(), next.simStatus().orElseThrow());
        Instant now = clock.instant();
        Endpoint.Builder b = e.toBuilder();
        b.status = next;
        b.activatedAt = e.activatedAt() == null ? now : e.activatedAt();
        b.lastSimStateChangeAt = now;
        save(actor, e, b.build(), "EndPointActivation", null, null);
        return next;
    }

    /**
     * A ↔ S, and for OEM endpoints AT → AI, AT → A, AI → A. {@code lifeCycle} is the target
     * code (A, S or AI); {@code reason} 1 (system), 2 (dunning) or 3 (CSR) is kept in the event.
     */
    @Transactional
    public StatusChange changeLifecycle(Actor actor, EndpointRef ref, String lifeCycle, String reason) {
        long acc = actor.accountId();
        Account account = accounts.get(acc);
        Account parent = account.parentId() == null ? null : accounts.get(account.parentId());
        if (!account.active() || (parent != null && !parent.active())) throw new DomainException(ResultCode.PARENT_NOT_ACTIVE);
        EndpointStatus target = lifecycleTarget(lifeCycle);
        if (reason != null && !List.of("1", "2", "3").contains(reason)) throw DomainException.wrong("reason");
        Endpoint e = repo.lock(acc, ref).orElseThrow(() -> new DomainException(ResultCode.LIFECYCLE_FAILURE, ref + " not found"));
        EndpointStatus next = lifecycleChange(e.status(), target);
        sims.follow(acc, e.id(), next.simStatus().orElseThrow());
        Endpoint.Builder b = e.toBuilder();
        b.status = next;
        b.lastSimStateChangeAt = clock.instant();
        save(actor, e, b.build(), "EndPointLifeCycleChange", reason, null);
        return new StatusChange(e.status(), next);
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

    /** Deletes an endpoint holding no SIM (Pre-Active or Hold); its history stays. */
    @Transactional
    public void delete(Actor actor, long endpointId) {
        long acc = actor.accountId();
        Endpoint e = repo.lock(acc, EndpointRef.id(endpointId)).filter(x -> x.status() != DELETED)
                .orElseThrow(() -> DomainException.wrong("endPointId"));
        if (sims.linkedTo(acc, e.id()).isPresent()) throw new DomainException(ResultCode.DELETE_NOT_ALLOWED);
        EndpointRules.transition(e.status(), Operation.DELETE, ResultCode.DELETE_NOT_ALLOWED);
        Instant now = clock.instant();
        repo.markDeleted(acc, e.id(), now);
        repo.appendEvent(actor, e.id(), now, "DeleteEndPoint", e.status(), DELETED, null, null);
    }

    /** Replaces the roaming profiles: profiles of the base plan, never the TEST one; A, AT or AI only. */
    @Transactional
    public void changeRoamingProfiles(Actor actor, EndpointRef ref, List<Long> roamingProfileIds) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, ref, ResultCode.ROAMING_PROFILE_FAILURE);
        if (e.status() != ACTIVE && e.status() != ACTIVE_TEST && e.status() != ACTIVE_INVENTORY) {
            throw new DomainException(ResultCode.SUBSCRIBER_NOT_ACTIVE);
        }
        Plan plan = catalog.plansById(acc, List.of(e.planId())).get(e.planId());
        List<Long> ids = rules.roamingProfiles(acc, plan, roamingProfileIds, "roamingProfileIds");
        Endpoint.Builder b = e.toBuilder();
        b.roamingProfileIds = ids;
        save(actor, e, b.build(), "ChangeEndpointRoamingProfile", null, "roamingProfileIds=" + ids);
    }

    /**
     * Moves the endpoint to another base plan of the same billing type. Not for OEM states
     * (10173) nor deleted endpoints; the roaming profiles the new plan does not offer are
     * replaced by its own.
     */
    @Transactional
    public void changePlan(Actor actor, EndpointRef ref, String planId) {
        long acc = actor.accountId();
        Endpoint e = repo.lock(acc, ref).orElseThrow(() -> new DomainException(ResultCode.PLAN_CHANGE_FAILURE, ref + " not found"));
        applyPlanChange(actor, e, planId);
    }

    /** The plan change rules on a locked endpoint; also used by Modify's {@code planId}. */
    Endpoint applyPlanChange(Actor actor, Endpoint e, String planId) {
        if (e.status() == DELETED) throw new DomainException(ResultCode.PLAN_CHANGE_FAILURE, "endpoint is deactivated");
        if (e.status() == ACTIVE_TEST || e.status() == ACTIVE_INVENTORY) throw new DomainException(ResultCode.OEM_PLAN_CHANGE_NOT_ALLOWED);
        Plan plan = catalog.plansById(e.accountId(), List.of(planId)).get(planId);
        if (plan == null || plan.category() != PlanCategory.NORMAL || !plan.active()) throw DomainException.wrong("planId");
        if (plan.id().equals(e.planId())) throw new DomainException(ResultCode.PLAN_ALREADY_EXISTS);
        if (plan.planType() != e.subscriberType()) throw new DomainException(ResultCode.PLAN_TYPE_MISMATCH);
        List<Long> offered = rules.defaultRoamingProfiles(e.accountId(), plan);
        List<Long> kept = e.roamingProfileIds().stream().filter(offered::contains).toList();
        Endpoint.Builder b = e.toBuilder();
        b.planId = plan.id();
        b.planEffectiveAt = clock.instant();
        b.roamingProfileIds = kept.isEmpty() ? offered : kept;
        return save(actor, e, b.build(), "ChangePlan", null, "planId " + e.planId() + " -> " + plan.id());
    }

    /** A live (not deleted) endpoint of the account, locked; else {@code failure}. */
    private Endpoint lockLive(long acc, EndpointRef ref, ResultCode failure) {
        return repo.lock(acc, ref).filter(e -> e.status() != DELETED)
                .orElseThrow(() -> new DomainException(failure, ref + " not found"));
    }

    private Endpoint save(Actor actor, Endpoint before, Endpoint after, String call, String reason, String detail) {
        Endpoint saved = repo.update(after);
        repo.appendEvent(actor, after.id(), clock.instant(), call, before.status(), after.status(), reason, detail);
        return saved;
    }
}
