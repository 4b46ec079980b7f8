package io.simfleet.sim;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.catalog.CatalogModel.SimProduct;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.Page;
import io.simfleet.common.ResultCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The SIM inventory of each enterprise. */
@Service
public class SimService {
    public static final int MAX_IMPORT = 100_000;

    private final SimRepository repo;
    private final ClaimCodeRepository claimCodes;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final Clock clock;

    SimService(SimRepository repo, ClaimCodeRepository claimCodes, CatalogService catalog, AccountService accounts, Clock clock) {
        this.claimCodes = claimCodes;
        this.repo = repo;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record NewSim(String iccid, String masterImsi, List<Sim.SupplierImsi> supplierImsis, String msisdn,
                         String eid, String ean, String activationCode, String product) {}

    /**
     * Imports a batch of SIMs into an enterprise, all Ready To Activate. All or nothing: one
     * malformed or already known ICCID/IMSI/MSISDN/EID refuses the whole batch with 1000/1001
     * naming the field and the value. These numbers are ASCII digits only: an ICCID in other
     * digits could never be linked (every call that names an ICCID takes ASCII digits). Each SIM
     * gets its printed activation code ({@link ClaimCode}), generated here.
     */
    @Transactional
    public List<Sim> importSims(long account, List<NewSim> batch) {
        if (batch == null || batch.isEmpty()) throw DomainException.missing("sims");
        if (batch.size() > MAX_IMPORT) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "sims");
        List<SimProduct> products = catalog.simProducts();
        Set<String> iccids = new HashSet<>(), imsis = new HashSet<>(), msisdns = new HashSet<>(), eids = new HashSet<>();
        List<Sim> sims = new ArrayList<>(batch.size());
        Instant now = clock.instant();
        for (NewSim n : batch) {
            String iccid = digits(n.iccid(), "iccid", 18, 22);
            String imsi = digits(n.masterImsi(), "masterImsi", 6, 15);
            String msisdn = digits(n.msisdn(), "msisdn", 5, 15);
            String eid = n.eid() == null || n.eid().isBlank() ? null : digits(n.eid(), "eid", 32, 32);
            if (n.product() == null || n.product().isBlank()) throw DomainException.missing("simProduct");
            SimProduct product = products.stream()
                    .filter(p -> p.name().equals(n.product()) || Long.toString(p.id()).equals(n.product()))
                    .findFirst().orElseThrow(() -> DomainException.wrong("simProduct (" + n.product() + ")"));
            List<Sim.SupplierImsi> suppliers = n.supplierImsis() == null ? List.of() : n.supplierImsis();
            for (Sim.SupplierImsi s : suppliers) {
                if (s.sponsorName() == null || s.sponsorName().isBlank()) throw DomainException.missing("sponsorName");
                digits(s.supplierIMSI(), "supplierIMSI", 6, 15);
            }
            if (!iccids.add(iccid)) throw DomainException.wrong("iccid (" + iccid + " twice in the batch)");
            if (!imsis.add(imsi)) throw DomainException.wrong("masterImsi (" + imsi + " twice in the batch)");
            if (!msisdns.add(msisdn)) throw DomainException.wrong("msisdn (" + msisdn + " twice in the batch)");
            if (eid != null && !eids.add(eid)) throw DomainException.wrong("eid (" + eid + " twice in the batch)");
            sims.add(new Sim(0, account, iccid, imsi, suppliers, msisdn, eid, blankToNull(n.ean()),
                    blankToNull(n.activationCode()), product.id(), SimStatus.READY_TO_ACTIVATE, null, now));
        }
        List<String> taken = repo.existingKeys(iccids, imsis, msisdns, eids);
        if (!taken.isEmpty()) {
            String first = taken.get(0);
            throw DomainException.wrong(first.substring(0, first.indexOf(' ')) + " (" + first.substring(first.indexOf(' ') + 1) + " already exists)");
        }
        List<Long> ids = repo.nextIds(sims.size());
        List<Sim> saved = new ArrayList<>(sims.size());
        for (int i = 0; i < sims.size(); i++) {
            Sim s = sims.get(i);
            saved.add(new Sim(ids.get(i), s.accountId(), s.iccid(), s.masterImsi(), s.supplierImsis(), s.msisdn(),
                    s.eid(), s.ean(), s.activationCode(), s.productId(), s.status(), null, now));
        }
        repo.insertAll(saved, now);
        claimCodes.insertAll(account, ids, saved.stream().map(x -> ClaimCode.generate()).toList());
        return saved;
    }

    @Transactional(readOnly = true)
    public Page<SimRow> page(long account, String iccid, SimStatus status, Boolean attached, int page, int perPage) {
        Page<SimRepository.Listed> listed = repo.page(account, iccid, status, attached, page, perPage);
        if (listed.rows().isEmpty()) return new Page<>(List.of(), listed.totalRecords(), listed.perPage());
        // the account's and the products' names through their features' services, not a join of their tables
        Account owner = accounts.get(account);
        Map<Long, SimProduct> products = catalog.simProducts().stream().collect(Collectors.toMap(SimProduct::id, Function.identity()));
        List<SimRow> rows = listed.rows().stream().map(l -> {
            SimProduct product = products.get(l.sim().productId());
            return new SimRow(l.sim(), product.name(), product.cardClass(), l.endpointName(), owner.name(), owner.parentId());
        }).toList();
        return new Page<>(rows, listed.totalRecords(), listed.perPage());
    }

    /** A keyset page of SIMs: its rows and the ICCID to continue after (null on the last page). */
    public record Slice(List<SimRow> rows, String next) {}

    /**
     * The account's SIMs in ICCID order, {@code limit} at a time after {@code afterIccid} (null: from
     * the start), optionally of one state and matching one ICCID, IMSI or MSISDN exactly.
     */
    @Transactional(readOnly = true)
    public Slice browse(long account, String q, SimStatus status, String afterIccid, int limit) {
        String term = q == null || q.isBlank() ? null : q.trim();
        List<SimRepository.Listed> listed = repo.browse(account, term, status, afterIccid, limit + 1);
        boolean more = listed.size() > limit;
        if (more) listed = listed.subList(0, limit);
        if (listed.isEmpty()) return new Slice(List.of(), null);
        Account owner = accounts.get(account);
        Map<Long, SimProduct> products = catalog.simProducts().stream().collect(Collectors.toMap(SimProduct::id, Function.identity()));
        List<SimRow> rows = listed.stream().map(l -> {
            SimProduct product = products.get(l.sim().productId());
            return new SimRow(l.sim(), product == null ? null : product.name(), product == null ? null : product.cardClass(),
                    l.endpointName(), owner.name(), owner.parentId());
        }).toList();
        return new Slice(rows, more ? rows.get(rows.size() - 1).sim().iccid() : null);
    }

    /** The account's SIMs per state (states without any are absent), from sim_account_status_idx. */
    @Transactional(readOnly = true)
    public Map<SimStatus, Long> countByStatus(long account) {
        return repo.countByStatus(account);
    }

    /** The activation codes of the account's SIMs with these ICCIDs (for the operator only), in ICCID order. */
    @Transactional(readOnly = true)
    public List<ClaimCode> claimCodes(long account, Collection<String> iccids) {
        return iccids.isEmpty() ? List.of() : claimCodes.findAll(account, iccids);
    }

    /** The activation code of the account's SIM (for the operator only); 1359 when the account has no such SIM. */
    @Transactional(readOnly = true)
    public ClaimCode claimCode(long account, String iccid) {
        return claimCodes.find(account, iccid).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "ICCID " + iccid));
    }

    /**
     * A new activation code for the account's SIM (one whose code got out, a card printed again),
     * its wrong attempts and block cleared; 1359 when the account has no such SIM.
     */
    @Transactional
    public ClaimCode regenerateClaimCode(long account, String iccid) {
        ClaimCode c = claimCodes.lock(account, iccid).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "ICCID " + iccid));
        String code = ClaimCode.generate();
        claimCodes.replace(account, c.simId(), code);
        return new ClaimCode(c.simId(), c.iccid(), code, 0, null, c.simStatus());
    }

    /**
     * Checks the activation code typed for the account's SIM {@code iccid}, in a transaction of its
     * own, so that a wrong code is counted even though the claim then fails (like a failed login):
     * UNKNOWN when the account has no such SIM (another account's alike), BLOCKED while the SIM is
     * blocked, and when this wrong code is the {@code maxFailures}-th in a row (the SIM is then
     * blocked for {@code blockFor} and its count starts again), WRONG for a wrong code, ACCEPTED
     * for the right one (the count starts again). {@code code} is normalised ({@link ClaimCode#normalise}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ClaimCode.Verdict checkClaimCode(long account, String iccid, String code, int maxFailures, Duration blockFor) {
        Optional<ClaimCode> found = claimCodes.lock(account, iccid);
        if (found.isEmpty()) return ClaimCode.Verdict.UNKNOWN;
        ClaimCode c = found.get();
        Instant now = clock.instant();
        if (c.blockedUntil() != null && c.blockedUntil().isAfter(now)) return ClaimCode.Verdict.BLOCKED;
        if (c.matches(code)) {
            if (c.failedAttempts() > 0 || c.blockedUntil() != null) claimCodes.recordAttempt(account, c.simId(), 0, null);
            return ClaimCode.Verdict.ACCEPTED;
        }
        int failures = c.failedAttempts() + 1;
        if (failures >= maxFailures) {
            claimCodes.recordAttempt(account, c.simId(), 0, now.plus(blockFor));
            return ClaimCode.Verdict.BLOCKED;
        }
        claimCodes.recordAttempt(account, c.simId(), failures, null);
        return ClaimCode.Verdict.WRONG;
    }

    @Transactional(readOnly = true)
    public List<IccidRange> readyRanges(long account) {
        return repo.readyRanges(account);
    }

    @Transactional(readOnly = true)
    public Optional<Sim> byIccid(long account, String iccid) {
        return repo.byIccid(account, iccid);
    }

    /** The account's SIMs with these ICCIDs (those that exist). */
    @Transactional(readOnly = true)
    public List<Sim> byIccids(long account, Collection<String> iccids) {
        return iccids.isEmpty() ? List.of() : repo.byIccids(account, iccids);
    }

    /**
     * The SIM with this master IMSI, whichever account holds it: the network side names SIMs by
     * IMSI only (the inbound network port). Never for a tenant's request.
     */
    @Transactional(readOnly = true)
    public Optional<Sim> byImsi(String imsi) {
        return repo.byImsi(imsi);
    }

    @Transactional(readOnly = true)
    public List<Sim> byEndpoints(long account, Collection<Long> endpointIds) {
        return endpointIds.isEmpty() ? List.of() : repo.byEndpoints(account, endpointIds);
    }

    /**
     * Links the account's Ready To Activate SIM to an endpoint and moves it to {@code to}; part
     * of the caller's transaction. Raises 10140 when the ICCID is unknown, another account's, or
     * not Ready To Activate (these answer alike, so no other tenant's SIM can be probed).
     */
    @Transactional
    public Sim link(long account, String iccid, long endpointId, SimStatus to) {
        if (!SimLifecycle.allowed(SimStatus.READY_TO_ACTIVATE, to)) throw new IllegalArgumentException("cannot link into " + to);
        return repo.claim(account, iccid, endpointId, to, clock.instant())
                .orElseThrow(() -> new DomainException(ResultCode.ICCID_NOT_AVAILABLE, "ICCID " + iccid));
    }

    /**
     * Like {@link #link} but answers empty instead of raising, so that the caller can say why
     * (the SIM's state) with its own call's codes.
     */
    @Transactional
    public Optional<Sim> tryLink(long account, String iccid, long endpointId, SimStatus to) {
        if (!SimLifecycle.allowed(SimStatus.READY_TO_ACTIVATE, to)) throw new IllegalArgumentException("cannot link into " + to);
        return repo.claim(account, iccid, endpointId, to, clock.instant());
    }

    /**
     * Links each ICCID to the endpoint at the same position, all or nothing: answers false (and
     * the caller rolls back) when any of them is unknown, another account's or not Ready To Activate.
     */
    @Transactional
    public boolean linkAll(long account, List<String> iccids, List<Long> endpointIds, SimStatus to) {
        if (!SimLifecycle.allowed(SimStatus.READY_TO_ACTIVATE, to)) throw new IllegalArgumentException("cannot link into " + to);
        return repo.claimAll(account, iccids, endpointIds, to, clock.instant()) == iccids.size();
    }

    /**
     * A SIM swap, in the caller's transaction (which holds the endpoint's lock): {@code previous},
     * the endpoint's SIM, goes back to Ready To Activate and the account's Ready To Activate SIM
     * {@code iccid} takes its place and its state. Answers empty (and the caller rolls back) when
     * {@code iccid} is unknown, another account's or not Ready To Activate.
     */
    @Transactional
    public Optional<Sim> swap(long account, Sim previous, String iccid, long endpointId) {
        if (!SimLifecycle.swappable(previous.status())) throw new IllegalArgumentException("cannot swap a SIM in " + previous.status());
        repo.move(account, previous.id(), SimStatus.READY_TO_ACTIVATE, null, clock.instant());
        return repo.claim(account, iccid, endpointId, previous.status(), clock.instant());
    }

    /** The SIM linked to the endpoint, locked for the caller's transaction. */
    @Transactional
    public Optional<Sim> linkedTo(long account, long endpointId) {
        return repo.byEndpointForUpdate(account, endpointId);
    }

    /**
     * Moves the endpoint's SIM to {@code to} along the SIM transition table; Ready To Activate
     * de-links it. The caller holds the endpoint's lock. Answers the SIM as it was.
     */
    @Transactional
    public Sim follow(long account, long endpointId, SimStatus to) {
        Sim sim = repo.byEndpointForUpdate(account, endpointId)
                .orElseThrow(() -> new IllegalStateException("endpoint " + endpointId + " holds no SIM"));
        if (sim.status() == to) return sim;
        if (!SimLifecycle.allowed(sim.status(), to)) {
            throw new IllegalStateException("SIM " + sim.iccid() + " cannot move from " + sim.status() + " to " + to);
        }
        repo.move(account, sim.id(), to, to == SimStatus.READY_TO_ACTIVATE ? null : endpointId, clock.instant());
        return sim;
    }

    private static String digits(String value, String field, int min, int max) {
        if (value == null || value.isBlank()) throw DomainException.missing(field);
        String v = value.trim();
        if (v.length() < min || v.length() > max || !Input.asciiDigits(v)) {
            throw DomainException.wrong(field + " (" + v + ")");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
