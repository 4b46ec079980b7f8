package io.simfleet.job;

import io.simfleet.account.AccountService;
import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Json;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.BulkCreate;
import io.simfleet.endpoint.EndpointBulkCreator;
import io.simfleet.endpoint.EndpointModifier;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.job.Job.Item;
import io.simfleet.job.Job.Kind;
import io.simfleet.job.Job.Status;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable bulk jobs: submission (answered at once), status, and the work
 * itself. A bulk create runs in one transaction that also holds the job's row lock, so it
 * commits whole or not at all; a bulk modify runs one transaction per item, which claims the
 * item, applies the Modify and records its result together, so no item is ever applied twice.
 */
@Service
public class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final JsonMapper JSON = Json.MAPPER;
    static final String SUCCESS_REASON = "Sim provisioning successful";

    private final JobRepository repo;
    private final AccountService accounts;
    private final EndpointBulkCreator creator;
    private final EndpointModifier modifier;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    JobService(JobRepository repo, AccountService accounts, EndpointBulkCreator creator, EndpointModifier modifier,
               ApplicationEventPublisher events, PlatformTransactionManager txManager, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.creator = creator;
        this.modifier = modifier;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.nested = new TransactionTemplate(txManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    public String workerName() {
        return worker;
    }

    // --- submission

    /**
     * Stores a bulk create and answers its id (simProvisionId). Names the batch cannot make are
     * refused at once (1001 endPointName), not in the job.
     */
    @Transactional
    public long submitBulkCreate(Actor actor, BulkCreate cmd) {
        cmd.checkNames();
        boolean oem = accounts.get(actor.accountId()).oemEnabled();
        String endpointStatus = !cmd.activate() ? "Pre-Active" : oem ? "Active-Test" : "Active";
        String range = cmd.iccids().get(0) + "-" + cmd.iccids().get(cmd.iccids().size() - 1);
        return store(actor, Kind.BULK_CREATE, JSON.writeValueAsString(cmd), cmd.iccids().size(), range, endpointStatus, null);
    }

    /** Stores a bulk modify with one item per value and answers its JobId. */
    @Transactional
    public long submitBulkModify(Actor actor, BulkModify cmd, List<String> values) {
        return store(actor, Kind.BULK_MODIFY, JSON.writeValueAsString(cmd), values.size(), null, null, values);
    }

    private long store(Actor actor, Kind kind, String command, int total, String range, String endpointStatus,
                       List<String> items) {
        long id = repo.nextId();
        Job job = new Job(id, actor.accountId(), kind, Status.PROCESSING, command, actor.username(), actor.userAccountId(),
                actor.requestId() == null ? "-" : actor.requestId(), total, 0, 0, null, range, endpointStatus, clock.instant(), null);
        repo.insert(job);
        if (items != null) repo.insertItems(id, items);
        events.publishEvent(new JobSubmitted(id));
        return id;
    }

    // --- queries

    @Transactional(readOnly = true)
    public Job job(Actor actor, long jobId) {
        return repo.find(actor.accountId(), jobId).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "jobId " + jobId));
    }

    @Transactional(readOnly = true)
    public List<Item> items(Job job) {
        return job.kind() == Kind.BULK_MODIFY ? repo.items(job.id()) : List.of();
    }

    /** Bulk creates of the account: one by id (10051 when unknown), or all, optionally by endpoint state. */
    @Transactional(readOnly = true)
    public List<Job> provisioning(Actor actor, Long simProvisionId, String endpointStatus) {
        if (simProvisionId != null) {
            Job j = repo.find(actor.accountId(), simProvisionId).filter(x -> x.kind() == Kind.BULK_CREATE)
                    .orElseThrow(() -> new DomainException(ResultCode.FETCH_PROVISIONING_DETAILS_FAILURE, "simProvisionId " + simProvisionId));
            return List.of(j);
        }
        return repo.list(actor.accountId(), Kind.BULK_CREATE, endpointStatus);
    }

    // --- the work (called by the JobWorker threads of every instance)

    /** Runs the oldest waiting bulk create, if any. Answers whether there was one. */
    public boolean runNextBulkCreate() {
        Boolean ran = tx.execute(s -> {
            Optional<Job> claimed = repo.claimJob(Kind.BULK_CREATE);
            if (claimed.isEmpty()) return false;
            Job job = claimed.get();
            BulkCreate cmd = JSON.readValue(job.command(), BulkCreate.class);
            try {
                nested.executeWithoutResult(n -> {
                    requireActiveAccounts(job);
                    creator.createAll(actorOf(job), cmd, job.id());
                });
                repo.finish(job.id(), Status.SUCCESS, job.total(), 0, SUCCESS_REASON, worker, clock.instant());
            } catch (DomainException e) {
                repo.finish(job.id(), Status.FAIL, 0, job.total(), reasonOf(e), worker, clock.instant());
            } catch (TransientDataAccessException e) {
                throw e; // a lock timeout or a deadlock: the job stays queued and is tried again
            } catch (RuntimeException e) {
                // anything else would fail again on every try: end the job instead of jamming the queue
                log.error("Bulk create {} failed unexpectedly", job.id(), e);
                repo.finish(job.id(), Status.FAIL, 0, job.total(), ResultCode.INTERNAL_FAILURE.describe(null), worker, clock.instant());
            }
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /** Applies the next waiting bulk modify item, if any. Answers whether there was one. */
    public boolean runNextModifyItem() {
        Long jobId = tx.execute(s -> {
            Optional<long[]> claimed = repo.claimItem();
            if (claimed.isEmpty()) {
                // a job whose last item committed just before a crash is closed here
                repo.closeFinishedModifyJobs(Integer.toString(ResultCode.MODIFY_ENDPOINT_SUCCESS.code()), clock.instant());
                return null;
            }
            long id = claimed.get()[0];
            long seq = claimed.get()[1];
            Job job = repo.findById(id);
            BulkModify cmd = JSON.readValue(job.command(), BulkModify.class);
            String value = repo.itemValue(id, seq);
            String code;
            String description;
            try {
                nested.executeWithoutResult(n -> {
                    requireActiveAccounts(job);
                    modifier.modify(actorOf(job), new EndpointRef(cmd.resourceType(), value), cmd.modify());
                });
                code = Integer.toString(ResultCode.MODIFY_ENDPOINT_SUCCESS.code());
                description = ResultCode.MODIFY_ENDPOINT_SUCCESS.describe(null);
            } catch (DomainException e) {
                code = Integer.toString(e.code().code());
                description = e.getMessage();
            } catch (TransientDataAccessException e) {
                throw e; // a lock timeout or a deadlock: the item stays queued and is tried again
            } catch (RuntimeException e) {
                log.error("Bulk modify {} item {} failed unexpectedly", id, seq, e);
                code = Integer.toString(ResultCode.INTERNAL_FAILURE.code());
                description = ResultCode.INTERNAL_FAILURE.describe(null);
            }
            repo.finishItem(id, seq, code, description, worker, clock.instant());
            return id;
        });
        if (jobId == null) return false;
        tx.executeWithoutResult(s -> repo.closeIfDone(jobId, Integer.toString(ResultCode.MODIFY_ENDPOINT_SUCCESS.code()), clock.instant()));
        return true;
    }

    /** A job queued before its account (or its submitter's) was disabled writes nothing more: 10002. */
    private void requireActiveAccounts(Job job) {
        for (long id : new long[] {job.accountId(), job.actorAccountId()}) {
            if (!accounts.isActive(id)) throw new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE, "account " + id + " is disabled");
        }
    }

    private static Actor actorOf(Job job) {
        return new Actor(job.actorUsername(), job.actorAccountId(), job.accountId(), AccountType.ENTERPRISE, job.requestId());
    }

    /** Where the code's text names no field, the detail is the reason (the reference's reasons); else the full text. */
    static String reasonOf(DomainException e) {
        return e.detail() != null && !e.code().template().contains("%s") ? e.detail() : e.getMessage();
    }
}
