package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointStatus.*;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.Endpoint.Change;
import io.simfleet.network.DataSessionEnded;
import io.simfleet.network.NetworkEvents;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import io.simfleet.sim.SimStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single-endpoint lifecycle calls: Link SIM, De-Link SIM, Activation, Lifecycle Change,
 * Delete, Roaming Profile and Plan Change. Each is one transaction: lock the endpoint's row, ask
 * the aggregate ({@link Endpoint}) for the change, save it (the SIM follows) and append its
 * events. A refusal raises the call's documented code and changes nothing. The network hears of
 * the change from the outbox after commit, never from here.
 */
@Service
public class EndpointOperations {
    private static final Logger log = LoggerFactory.getLogger(EndpointOperations.class);

    private final EndpointRepository repo;
    private final EndpointWrites writes;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final SimService sims;
    private final EndpointRules rules;
    private final NetworkEvents network;
    private final PrivateNetworkService privateNetwork;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** For work after another transaction's commit: a transaction of its own, never the finished one's. */
    private final TransactionTemplate newTx;

    EndpointOperations(EndpointRepository repo, EndpointWrites writes, AccountService accounts, CatalogService catalog,
                       SimService sims, EndpointRules rules, NetworkEvents network, PrivateNetworkService privateNetwork,
                       Clock clock, PlatformTransactionManager txManager) {
        this.privateNetwork = privateNetwork;
        this.tx = new TransactionTemplate(txManager);
        this.newTx = new TransactionTemplate(txManager);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.repo = repo;
        this.writes = writes;
        this.accounts = accounts;
        this.catalog = catalog;
        this.sims = sims;
        this.rules = rules;
        this.network = network;
        this.clock = clock;
    }

    public record StatusChange(EndpointStatus previous, EndpointStatus current) {}

    public enum DelinkOutcome { DONE, QUEUED }

    /**
     * Links a Ready To Activate SIM to an endpoint in Pre-Active (without SIM) or Hold; the
     * endpoint ends Pre-Active. 6410 when the endpoint is not found or in another state, 5016
     * when it holds a SIM, 10109/2507/10108 when the SIM is Pre-Active/active/suspended elsewhere,
     * 6410 when the ICCID is not the account's.
     */
    @Transactional
    public void linkSim(Actor actor, long endpointId, String iccid) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.LINK_SIM_FAILURE);
        Change change = e.linkSim(iccid, sims.linkedTo(acc, e.id()).isPresent(), clock.instant());
        if (sims.tryLink(acc, iccid, e.id(), SimStatus.PRE_ACTIVE).isEmpty()) {
            throw simNotLinkable(acc, iccid, ResultCode.LINK_SIM_FAILURE);
        }
        writes.commit(actor, change);
    }

    /**
     * Why a SIM could not be claimed: another endpoint holds it (10109/10108/2507 by its state),
     * or it is not the account's ({@code failure}, as for an unknown ICCID).
     */
    private DomainException simNotLinkable(long acc, String iccid, ResultCode failure) {
        Sim sim = sims.byIccid(acc, iccid).orElse(null);
        if (sim == null) return new DomainException(failure, "ICCID not available");
        return switch (sim.status()) {
            case PRE_ACTIVE -> new DomainException(ResultCode.SIM_ALREADY_PRE_ACTIVE);
            case SUSPENDED -> new DomainException(ResultCode.SIM_ALREADY_SUSPENDED);
            case ACTIVE, ACTIVE_TEST, ACTIVE_INVENTORY -> new DomainException(ResultCode.SIM_ALREADY_ACTIVE);
            case READY_TO_ACTIVATE -> new DomainException(failure, "ICCID not available");
        };
    }

    /**
     * SIM swap (our SwapSim): the endpoint's SIM is replaced by the account's Ready To Activate
     * SIM {@code iccid} in one transaction. The endpoint keeps its state, plan, add-ons,
     * balances, tags and static address; the new SIM takes the state of the old one, which goes
     * back to Ready To Activate. A data session of the old SIM is not waited for: the network
     * detaches it and provisions the new one from the one event, SimSwapped. 10967 when the
     * endpoint is not found, a de-link is queued or the SIM is the one it holds; 6420 without
     * SIM; the ICCID's refusals as LinkSim's (10109/10108/2507, 10967 when not available).
     * Answers the ICCID of the SIM replaced.
     */
    @Transactional
    public String swapSim(Actor actor, long endpointId, String iccid) {
        Input.iccid(iccid);
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.SIM_SWAP_FAILURE);
        Sim previous = sims.linkedTo(acc, e.id()).orElse(null);
        Change change = e.swapSim(previous == null ? null : previous.iccid(), iccid, clock.instant());
        if (sims.swap(acc, previous, iccid, e.id()).isEmpty()) {
            throw simNotLinkable(acc, iccid, ResultCode.SIM_SWAP_FAILURE);
        }
        writes.commit(actor, change);
        return previous.iccid();
    }

    /**
     * De-links the endpoint's SIM: endpoint → Hold, SIM → Ready To Activate; plan, add-ons and
     * tags stay. While the network reports the SIM in a data session the de-link is queued (7021)
     * and completed when the session ends ({@link #sessionEnded}, and the poll of
     * {@link #completePendingDelinks()}). 6414 from other states, 6420 without SIM.
     */
    @Transactional
    public DelinkOutcome delinkSim(Actor actor, long endpointId) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.DELINK_FAILURE);
        Sim sim = sims.linkedTo(acc, e.id()).orElseThrow(() -> new DomainException(ResultCode.SIM_NOT_ATTACHED));
        e.checkDelink();
        if (e.delinkPendingSince() != null) return DelinkOutcome.QUEUED;
        if (network.inDataSession(acc, sim.iccid())) {
            writes.commit(actor, e.queueDelink(sim.iccid(), clock.instant()));
            return DelinkOutcome.QUEUED;
        }
        writes.commit(actor, e.delinkSim(sim.iccid(), clock.instant()));
        return DelinkOutcome.DONE;
    }

    /** The network reported the end of a SIM's data session: a de-link queued on it completes now. */
    @TransactionalEventListener(fallbackExecution = true)
    void sessionEnded(DataSessionEnded ended) {
        sims.byIccid(ended.accountId(), ended.iccid()).map(Sim::endpointId).ifPresent(endpointId ->
                newTx.executeWithoutResult(s -> repo.lockPendingDelink(ended.accountId(), endpointId)
                        .ifPresent(e -> completeDelink(e, clock.instant()))));
    }

    /**
     * Completes the queued de-links whose data session has ended (the backstop of
     * {@link #sessionEnded}); answers how many. Each endpoint in its own short transaction, claimed
     * with SKIP LOCKED: safe with several instances.
     */
    public int completePendingDelinks() {
        int done = 0;
        Instant round = clock.instant();
        for (int i = 0; i < 100; i++) {
            Boolean outcome = tx.execute(s -> {
                Optional<Endpoint> next = repo.nextPendingDelink(round);
                return next.map(e -> completeDelink(e, round)).orElse(null);
            });
            if (outcome == null) break;
            if (outcome) done++;
        }
        if (done > 0) log.info("Completed {} queued de-links", done);
        return done;
    }

    /** On a locked endpoint with a queued de-link: true when completed, false when its session is still open. */
    private boolean completeDelink(Endpoint e, Instant checkedAt) {
        Optional<Sim> sim = sims.linkedTo(e.accountId(), e.id());
        if (sim.isPresent() && !network.inDataSession(e.accountId(), sim.get().iccid())) {
            writes.commit(Actor.system(e.accountId()), e.delinkSim(sim.get().iccid(), clock.instant()));
            return true;
        }
        // still in session (looked at again at the next round), or nothing left to de-link
        Endpoint checked = sim.isPresent() ? e.delinkCheckedAt(checkedAt) : e.delinkCheckedAt(null);
        repo.update(checked, clock.instant());
        return false;
    }

    /**
     * Pre-Active with a SIM → Active (OEM accounts: Active-Test): 5015 when not found or from
     * other states, 2507 when active already, 6420 without SIM, 7022, 10201.
     */
    @Transactional
    public EndpointStatus activate(Actor actor, long endpointId) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, EndpointRef.id(endpointId), ResultCode.SIM_PROVISIONING_FAILURE);
        String iccid = e.inService() ? null : sims.linkedTo(acc, e.id()).map(Sim::iccid).orElse(null);
        Change change = e.activate(accounts.get(acc), iccid, clock.instant());
        writes.commit(actor, change);
        return change.after().status();
    }

    /**
     * A ↔ S, and for OEM endpoints AT → AI, AT → A, AI → A. {@code lifeCycle} is the target
     * code (A, S or AI; 1008 otherwise); {@code reason} 1 (system), 2 (dunning) or 3 (CSR) is kept
     * in the event. 1242 when the account or its parent is not active; 5018, 1009, 1254, 8104.
     */
    @Transactional
    public StatusChange changeLifecycle(Actor actor, EndpointRef ref, String lifeCycle, String reason) {
        long acc = actor.accountId();
        Account account = accounts.get(acc);
        Account parent = account.parentId() == null ? null : accounts.get(account.parentId());
        if (!account.active() || (parent != null && !parent.active())) throw new DomainException(ResultCode.PARENT_NOT_ACTIVE);
        EndpointStatus target = Endpoint.lifecycleTarget(lifeCycle);
        if (reason != null && !List.of("1", "2", "3").contains(reason)) throw DomainException.wrong("reason");
        Endpoint e = repo.lock(acc, ref).orElseThrow(() -> new DomainException(ResultCode.LIFECYCLE_FAILURE, ref + " not found"));
        String iccid = sims.linkedTo(acc, e.id()).map(Sim::iccid).orElse(null);
        Change change = e.changeLifecycle(target, reason, iccid, clock.instant());
        writes.commit(actor, change);
        return new StatusChange(e.status(), change.after().status());
    }

    /**
     * Deletes an endpoint holding no SIM (Pre-Active or Hold); its history stays. It leaves its
     * endpoint group, if any, and its static address is released (event EndpointGroupLeft, then
     * EndpointDeleted). 1001 endPointId, 10158.
     */
    @Transactional
    public void delete(Actor actor, long endpointId) {
        long acc = actor.accountId();
        Endpoint e = repo.lock(acc, EndpointRef.id(endpointId)).filter(x -> x.status() != DELETED)
                .orElseThrow(() -> DomainException.wrong("endPointId"));
        Change change = e.delete(sims.linkedTo(acc, e.id()).isPresent(), clock.instant());
        Optional<Membership> left = privateNetwork.leave(acc, e.id());
        writes.save(change);
        List<EndpointEvent> events = new java.util.ArrayList<>();
        left.ifPresent(m -> events.add(EndpointGroupOperations.left(e, null, m, "DeleteEndPoint")));
        events.addAll(change.events());
        writes.append(actor, EventStore.of(e.id(), events).toList());
    }

    /** Replaces the roaming profiles: profiles of the base plan, never the TEST one; A, AT or AI only (2503). */
    @Transactional
    public void changeRoamingProfiles(Actor actor, EndpointRef ref, List<Long> roamingProfileIds) {
        long acc = actor.accountId();
        Endpoint e = lockLive(acc, ref, ResultCode.ROAMING_PROFILE_FAILURE);
        writes.commit(actor, e.changeRoamingProfiles(roamingProfileIds, ids -> {
            Plan plan = catalog.plansById(acc, List.of(e.planId())).get(e.planId());
            return rules.roamingProfiles(acc, plan, ids, "roamingProfileIds");
        }));
    }

    /**
     * Moves the endpoint to another base plan of the same billing type (the rules of
     * {@link Endpoint#changePlan}); 7002 when not found.
     */
    @Transactional
    public void changePlan(Actor actor, EndpointRef ref, String planId) {
        long acc = actor.accountId();
        Endpoint e = repo.lock(acc, ref).orElseThrow(() -> new DomainException(ResultCode.PLAN_CHANGE_FAILURE, ref + " not found"));
        writes.commit(actor, planChange(e, planId));
    }

    /** The plan change of a locked endpoint, not saved; Modify's {@code planId} too. */
    Change planChange(Endpoint e, String planId) {
        Plan plan = catalog.plansById(e.accountId(), List.of(planId)).get(planId);
        return e.changePlan(plan, planId, p -> rules.defaultRoamingProfiles(e.accountId(), p), clock.instant());
    }

    /** A live (not deleted) endpoint of the account, locked; else {@code failure}. */
    private Endpoint lockLive(long acc, EndpointRef ref, ResultCode failure) {
        return repo.lock(acc, ref).filter(e -> e.status() != DELETED)
                .orElseThrow(() -> new DomainException(failure, ref + " not found"));
    }
}
