package io.simfleet.endpoint;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.auth.RateLimiter;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import io.simfleet.config.SimfleetProperties;
import io.simfleet.endpoint.EndpointViews.Created;
import io.simfleet.privatenet.Membership;
import io.simfleet.privatenet.Subnet;
import io.simfleet.sim.ClaimCode;
import io.simfleet.sim.SimService;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming a SIM by the activation code printed on it (docs/network.md, "Activation by the printed
 * code"): the enterprise names a SIM of its inventory by ICCID and code, and gets an endpoint
 * holding it, activated unless asked otherwise, and in an endpoint group when one is named — the
 * way a travel-SIM buyer or a field technician activates the card in hand. Wrong codes are limited
 * like logins: per SIM, a block after the same number of wrong codes in a row as a user's
 * ({@code SIMFLEET_MAX_FAILED_LOGINS}, for {@code SIMFLEET_LOGIN_BLOCK_DURATION}); per account, at
 * most {@code SIMFLEET_RATE_LIMIT_CLAIM_FAILURES_PER_ACCOUNT} wrong codes a minute when rate limits
 * are on.
 */
@Service
public class EndpointClaims {
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final EndpointService endpoints;
    private final EndpointGroupOperations groups;
    private final SimService sims;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final RateLimiter limiter;
    private final SimfleetProperties props;
    private final TransactionTemplate tx;

    EndpointClaims(EndpointService endpoints, EndpointGroupOperations groups, SimService sims, AccountService accounts,
                   CatalogService catalog, RateLimiter limiter, SimfleetProperties props, PlatformTransactionManager txManager) {
        this.endpoints = endpoints;
        this.groups = groups;
        this.sims = sims;
        this.accounts = accounts;
        this.catalog = catalog;
        this.limiter = limiter;
        this.props = props;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Claim a SIM: {@code iccid} and {@code activationCode} are required; {@code name} defaults
     * to the ICCID, {@code planId} to the account's default base plan of its billing type,
     * {@code activate} to true; {@code endpointGroupId} (and {@code ipAddress}, which needs it)
     * put the new endpoint into a group in the same step.
     */
    public record ClaimSim(String iccid, String activationCode, String name, String planId, Boolean activate,
                           Long endpointGroupId, String ipAddress) {}

    /** The endpoint made, and its group membership (null when none was asked for). */
    public record Claimed(Created created, Membership membership) {}

    /**
     * Checks the code, then creates the endpoint, links and (by default) activates the SIM and
     * puts it into the group, all or nothing. Refusals: 1000/1001 {@code iccid},
     * {@code activationCode} (malformed: not counted as an attempt), {@code ipAddress}; 429 over
     * the account's wrong codes a minute; 10964 for an ICCID the account does not have or a wrong
     * code (the same answer, so that no SIM can be probed); 10965 while the SIM is blocked, and for
     * the wrong code that blocks it; then Create's codes (10140 when the SIM is not Ready To
     * Activate, 7022, 1001 planId …) and the group's (1001 endpointGroupId, 10960, 10961).
     */
    public Claimed claim(Actor actor, ClaimSim cmd) {
        long acc = actor.accountId();
        if (cmd.iccid() == null || cmd.iccid().isBlank()) throw DomainException.missing("iccid");
        String iccid = cmd.iccid().trim();
        Input.iccid(iccid);
        String code = ClaimCode.normalise(cmd.activationCode(), "activationCode");
        Long address = cmd.ipAddress() == null || cmd.ipAddress().isBlank() ? null : Subnet.address(cmd.ipAddress(), "ipAddress");
        if (address != null && cmd.endpointGroupId() == null) throw DomainException.wrong("ipAddress (only with endpointGroupId)");
        String name = cmd.name() == null || cmd.name().isBlank() ? iccid : cmd.name();
        EndpointRules.name(name, "name");

        boolean limited = props.rateLimitsEnabled();
        String key = "claim-failures:" + acc;
        int limit = props.rateLimit().claimFailuresPerAccountPerMinute();
        if (limited) limiter.check(key, limit, FAILURE_WINDOW, "wrong activation codes of this account");
        ClaimCode.Verdict verdict = sims.checkClaimCode(acc, iccid, code, props.auth().maxFailedLogins(), props.auth().blockDuration());
        if (verdict != ClaimCode.Verdict.ACCEPTED) {
            if (limited) limiter.acquire(key, limit, FAILURE_WINDOW, "wrong activation codes of this account");
            throw verdict == ClaimCode.Verdict.BLOCKED ? new DomainException(ResultCode.CLAIM_SIM_BLOCKED) : new DomainException(ResultCode.CLAIM_SIM_FAILURE);
        }

        Account account = accounts.get(acc);
        String planId = cmd.planId() == null || cmd.planId().isBlank() ? defaultPlan(account) : cmd.planId().trim();
        boolean activate = cmd.activate() == null || cmd.activate();
        CreateEndpoint create = new CreateEndpoint(name, true, null, null, planId, iccid, activate, null, null, null,
                List.of(), List.of(), List.of(), null);
        return tx.execute(s -> {
            Created created = endpoints.create(actor, create);
            Membership m = cmd.endpointGroupId() == null ? null
                    : groups.assign(actor, EndpointRef.id(created.endpointId()), cmd.endpointGroupId(), address);
            return new Claimed(created, m);
        });
    }

    /** The account's default base plan of its billing type (DEFAULTPOST/DEFAULTPRE&lt;account&gt;), else its first; 1000 planId when it has none. */
    private String defaultPlan(Account account) {
        List<Plan> plans = catalog.plans(account.id(), PlanCategory.NORMAL, account.subscriberType()).stream().filter(Plan::active).toList();
        String preferred = (account.subscriberType() == 0 ? "DEFAULTPRE" : "DEFAULTPOST") + account.id();
        return plans.stream().filter(p -> p.id().equals(preferred)).findFirst().or(() -> plans.stream().findFirst())
                .map(Plan::id).orElseThrow(() -> DomainException.missing("planId"));
    }
}
