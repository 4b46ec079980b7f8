package io.simfleet.account;

import io.simfleet.common.AccountType;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.config.SimfleetProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The account tree and its activity log. */
@Service
public class AccountService {
    private final AccountRepository accounts;
    private final Clock clock;
    private final Duration statusCache;
    /** Enabled flags recently read, per account id (bounded by the number of accounts). */
    private final Map<Long, CachedStatus> statuses = new ConcurrentHashMap<>();

    AccountService(AccountRepository accounts, Clock clock, SimfleetProperties props) {
        this.accounts = accounts;
        this.clock = clock;
        this.statusCache = props.auth().accountStatusCache();
    }

    /** An account as read at {@code readAt}, with its zone parsed once (it is asked on every request). */
    private record CachedStatus(Optional<Account> account, Optional<ZoneId> zone, Instant readAt) {
        CachedStatus(Optional<Account> account, Instant readAt) {
            this(account, account.map(Account::timeZone).map(ZoneId::of), readAt);
        }

        boolean active() {
            return account.map(Account::active).orElse(false);
        }
    }

    /** An IANA zone name as a zone; 1001 timeZone otherwise (offsets such as +02:00 are not zones of an account). */
    static ZoneId zone(String name) {
        try {
            if (!name.contains("/") && !name.equals("UTC")) throw new DateTimeException(name);
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw DomainException.wrong("timeZone");
        }
    }

    public record NewAccount(Long id, Long parentId, AccountType type, String name, int subscriberType,
                             boolean oemEnabled, boolean dynamicBenefitOnly, boolean lowBalance) {}

    /**
     * Creates an account under its parent. Resellers sit under the operator or another reseller,
     * enterprises under a reseller. Raises 1001 for a wrong parent or an id already taken.
     */
    @Transactional
    public Account create(NewAccount n) {
        if (n.type() != AccountType.OPERATOR) {
            Account parent = n.parentId() == null ? null : accounts.find(n.parentId()).orElse(null);
            if (parent == null || parent.type() == AccountType.ENTERPRISE) {
                throw DomainException.wrong("parentAccountId");
            }
        }
        if (n.name() == null || n.name().isBlank()) {
            throw DomainException.missing("name");
        }
        long id = n.id() != null ? n.id() : accounts.nextId();
        if (accounts.exists(id)) {
            throw new DomainException(ResultCode.WRONG_INPUT_PARAMETER, "accountId (" + id + " already exists)");
        }
        Account a = new Account(id, n.parentId(), n.type(), n.name().trim(), n.subscriberType(), n.oemEnabled(),
                n.dynamicBenefitOnly(), n.lowBalance(), true, "44", "EUR", clock.instant(), null, false);
        accounts.insert(a);
        return a;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Account> find(long id) {
        return accounts.find(id);
    }

    /** Raises 10002 when the account does not exist (callers only ever hold ids from their tokens). */
    @Transactional(readOnly = true)
    public Account get(long id) {
        return accounts.find(id).orElseThrow(() -> new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE));
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return accounts.all();
    }

    /** The enterprises a reseller (or the operator) may open with support access: its descendants of any depth. */
    @Transactional(readOnly = true)
    public List<Account> enterprisesUnder(long ancestor) {
        return accounts.enterprisesUnder(ancestor);
    }

    @Transactional(readOnly = true)
    public boolean isDescendant(long ancestor, long descendant) {
        return accounts.isDescendant(ancestor, descendant);
    }

    /**
     * Sets an account's flags and time zone (null: unchanged; "" the platform's). Raises 1001
     * {@code active} for disabling the operator account (no call could enable it again), 1001
     * {@code timeZone} for a name that is not an IANA zone. {@code endpointGroupRequired}: the
     * private-network opt-in (null: unchanged). A change is seen at once by this
     * instance — once it has committed, so a request in between cannot cache the old value.
     */
    @Transactional
    public Account updateFlags(long id, Boolean oem, Boolean dynamicBenefitOnly, Boolean lowBalance, Boolean active,
                               String timeZone, Boolean endpointGroupRequired) {
        Account current = get(id);
        if (Boolean.FALSE.equals(active) && current.type() == AccountType.OPERATOR) {
            throw new DomainException(ResultCode.WRONG_INPUT_PARAMETER, "active (the operator account cannot be disabled)");
        }
        if (timeZone != null && !timeZone.isEmpty()) zone(timeZone);
        accounts.updateFlags(id, oem, dynamicBenefitOnly, lowBalance, active, timeZone, endpointGroupRequired);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    statuses.remove(id);
                }
            });
        } else {
            statuses.remove(id);
        }
        return get(id);
    }

    /**
     * Whether the account exists and is enabled, as read at most the configured
     * {@code account-status-cache} ago: a change made through this instance is seen at once,
     * one made through another instance within that time. Checked on every authenticated
     * request, so it must not cost a query each time.
     */
    public boolean isActive(long id) {
        return status(id).active();
    }

    /**
     * The account as read at most {@code account-status-cache} ago (like {@link #isActive}), for
     * reads that show it; raises 10002 when it does not exist. Writes use {@link #get}.
     */
    public Account cached(long id) {
        return status(id).account().orElseThrow(() -> new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE));
    }

    /** The account's own time zone, if it has one; cached like {@link #isActive}. */
    public Optional<ZoneId> timeZone(long id) {
        return status(id).zone();
    }

    private CachedStatus status(long id) {
        Instant now = clock.instant();
        CachedStatus cached = statuses.get(id);
        if (cached == null || !cached.readAt().plus(statusCache).isAfter(now) || cached.readAt().isAfter(now)) {
            cached = new CachedStatus(accounts.find(id), now);
            statuses.put(id, cached);
        }
        return cached;
    }

    @Transactional
    public void recordActivity(long accountId, String actor, long actorAccountId, String action, String detail) {
        accounts.log(accountId, clock.instant(), actor, actorAccountId, action, detail);
    }

    @Transactional(readOnly = true)
    public List<ActivityEntry> activity(long accountId, int limit) {
        return accounts.activity(accountId, limit);
    }
}
