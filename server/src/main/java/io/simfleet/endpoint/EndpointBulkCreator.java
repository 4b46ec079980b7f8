package io.simfleet.endpoint;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointEvent.EndpointProvisioned;
import io.simfleet.endpoint.EndpointLifecycle.Operation;
import io.simfleet.sim.SimService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk provisioning: the rules of Create checked once for the whole batch, then every row
 * written with a handful of set-based statements, in the caller's transaction. Any failure
 * raises a {@link DomainException} whose message is the job's reason, and the caller rolls
 * the whole batch back.
 */
@Service
public class EndpointBulkCreator {
    public static final String ICCID_NOT_VALID =
            "ICCID is not valid, either ICCID does not exist on System or it is not in Ready-To-Active";
    public static final String ADDON_NEEDS_ACTIVE = "Addon can only be assigned to Active endpoints";

    private final EndpointRepository repo;
    private final AccountService accounts;
    private final SimService sims;
    private final EndpointRules rules;
    private final EndpointWrites writes;
    private final Clock clock;

    EndpointBulkCreator(EndpointRepository repo, AccountService accounts, SimService sims,
                        EndpointRules rules, EndpointWrites writes, Clock clock) {
        this.writes = writes;
        this.repo = repo;
        this.accounts = accounts;
        this.sims = sims;
        this.rules = rules;
        this.clock = clock;
    }

    /** Creates the whole batch or raises; answers the state the endpoints were created in. */
    @Transactional
    public EndpointStatus createAll(Actor actor, BulkCreate cmd, long jobId) {
        long acc = actor.accountId();
        Account account = accounts.get(acc);
        if (account.lowBalance()) throw new DomainException(ResultCode.LOW_BALANCE);
        cmd.checkNames(); // checked at submission already; a job stored before that check is refused here
        if (!cmd.addonPlanIds().isEmpty() && !cmd.activate()) throw new DomainException(ResultCode.CREATE_ENDPOINT_FAILURE, ADDON_NEEDS_ACTIVE);
        EndpointRules.Checked checked = rules.create(account, cmd.planId(), cmd.apnGroupId(), cmd.roamingProfileIds(), cmd.tagIds(),
                cmd.addonPlanIds(), cmd.valueAddedFeatureIds(), cmd.dynamicBenefitId(), cmd.activate());
        Plan plan = checked.plan();
        List<Long> roaming = checked.roaming();

        EndpointStatus status = EndpointStatus.PRE_ACTIVE;
        if (cmd.activate()) {
            status = EndpointRules.transition(status, account.oemEnabled() ? Operation.ACTIVATE_OEM : Operation.ACTIVATE,
                    ResultCode.SIM_PROVISIONING_FAILURE);
        }
        int n = cmd.iccids().size();
        Instant now = clock.instant();
        List<Long> ids = repo.nextIds(n);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add(cmd.nameOf(i));
        Endpoint template = new Endpoint(acc, 0, null, status, plan.planType(), plan.id(), cmd.apnGroupId(), roaming,
                cmd.creditLimit(), null, Boolean.TRUE.equals(cmd.imeiLock()), cmd.dynamicBenefitId(), now, now,
                cmd.activate() ? now : null, now, 0, List.of(), null);
        repo.insertAll(template, ids, names);
        if (!sims.linkAll(acc, cmd.iccids(), ids, status.simStatus().orElseThrow())) {
            throw new DomainException(ResultCode.ICCID_NOT_AVAILABLE, ICCID_NOT_VALID);
        }
        repo.insertTagsAll(acc, ids, checked.tagIds());
        repo.insertValueAddedFeaturesAll(acc, ids, new LinkedHashSet<>(cmd.valueAddedFeatureIds()));
        for (Plan addon : checked.addons()) {
            repo.insertAddonsAll(acc, ids, addon.id(), now, now.plus(addon.validityDays(), ChronoUnit.DAYS));
        }
        List<EventStore.Recorded> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new EventStore.Recorded(ids.get(i),
                    new EndpointProvisioned(jobId, names.get(i), cmd.iccids().get(i), plan.id(), status)));
        }
        writes.append(actor, events);
        return status;
    }
}
