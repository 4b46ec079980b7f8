package io.simfleet.job;

import io.simfleet.account.AccountService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.BulkCreate;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.job.Job.Item;
import io.simfleet.privatenet.PrivateNetworkService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk create and bulk modify as jobs ({@link BulkCreateHandler}, {@link BulkModifyHandler}):
 * submission, answered with the job's id at once, and what the account sees of them.
 */
@Service
public class BulkJobService {
    public static final String CREATE = BulkCreateHandler.KIND;
    public static final String MODIFY = BulkModifyHandler.KIND;
    public static final String GROUP_ASSIGN = GroupAssignHandler.KIND;

    private final JobService jobs;
    private final AccountService accounts;
    private final PrivateNetworkService privateNetwork;

    private final BulkCreateHandler createHandler;

    BulkJobService(JobService jobs, AccountService accounts, PrivateNetworkService privateNetwork, BulkCreateHandler createHandler) {
        this.createHandler = createHandler;
        this.jobs = jobs;
        this.accounts = accounts;
        this.privateNetwork = privateNetwork;
    }

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
        return jobs.submit(actor, NewJob.whole(CREATE, BulkCreateHandler.Payload.of(cmd), cmd.iccids().size())
                .labelled(range, endpointStatus));
    }

    /** Stores a bulk modify with one item per value and answers its JobId. */
    @Transactional
    public long submitBulkModify(Actor actor, BulkModify cmd, List<String> values) {
        return jobs.submit(actor, NewJob.perItem(MODIFY, BulkModifyHandler.Payload.of(cmd), values));
    }

    /**
     * Stores a bulk endpoint-group assignment with one item per value (endpoints named by
     * {@code kind}) and answers its JobId. A group that is not the account's is refused at once
     * (1001 endpointGroupId), not item by item.
     */
    @Transactional
    public long submitGroupAssignment(Actor actor, EndpointRef.Kind kind, long groupId, List<String> values) {
        privateNetwork.group(actor.accountId(), groupId).orElseThrow(() -> DomainException.wrong("endpointGroupId"));
        return jobs.submit(actor, NewJob.perItem(GROUP_ASSIGN, GroupAssignHandler.Payload.of(kind, groupId), values));
    }

    /** A bulk job of the account; 1359 when there is none with this id. */
    @Transactional(readOnly = true)
    public Job job(Actor actor, long jobId) {
        return jobs.find(actor.accountId(), jobId).filter(j -> j.kind().equals(CREATE) || j.kind().equals(MODIFY) || j.kind().equals(GROUP_ASSIGN))
                .orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "jobId " + jobId));
    }

    /** A per-item job's values with their results (bulk modify, group assignment), in request order; nothing for a bulk create. */
    @Transactional(readOnly = true)
    public List<Item> items(Job job) {
        return !job.kind().equals(CREATE) ? jobs.items(job.accountId(), job.id()) : List.of();
    }

    /** A bulk create's ICCIDs in request order (its payload, read as its handler reads it); nothing for a bulk modify. */
    public List<String> iccids(Job job) {
        if (!job.kind().equals(CREATE)) return List.of();
        BulkCreateHandler.Payload p = JobHandlers.read(createHandler, job.payloadVersion(), job.payload());
        return p.iccids() == null ? List.of() : p.iccids();
    }

    /** The account's bulk jobs (creates and modifies), newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Job> recent(Actor actor, int limit) {
        List<Job> all = new java.util.ArrayList<>(jobs.list(actor.accountId(), CREATE, null));
        all.addAll(jobs.list(actor.accountId(), MODIFY, null));
        all.sort(java.util.Comparator.comparingLong(Job::id).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** Bulk creates of the account: one by id (10051 when unknown), or all, optionally by endpoint state. */
    @Transactional(readOnly = true)
    public List<Job> provisioning(Actor actor, Long simProvisionId, String endpointStatus) {
        if (simProvisionId != null) {
            Job j = jobs.find(actor.accountId(), simProvisionId).filter(x -> x.kind().equals(CREATE))
                    .orElseThrow(() -> new DomainException(ResultCode.FETCH_PROVISIONING_DETAILS_FAILURE, "simProvisionId " + simProvisionId));
            return List.of(j);
        }
        return jobs.list(actor.accountId(), CREATE, endpointStatus);
    }
}
