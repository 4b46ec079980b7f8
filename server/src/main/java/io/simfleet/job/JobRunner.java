package io.simfleet.job;

import io.simfleet.account.AccountService;
import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.job.Job.Status;
import io.simfleet.job.JobRepository.Unit;
import io.simfleet.job.JobRepository.UnitRef;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work itself, for every kind: claims the next unit of work (fairly between accounts, see
 * {@link JobRepository#candidates}), runs it through its kind's {@link JobHandler} and records the
 * outcome, in one transaction that holds the unit's row lock throughout, so a unit is done
 * exactly once or not at all, and a crashed instance's unit goes back to the queue.
 *
 * <p>Outcomes: success and {@link DomainException} (a refusal) are the unit's result. A
 * {@link TransientDataAccessException} rolls everything back and the unit is claimed again.
 * Anything else is a failed attempt: the unit waits {@code simfleet.jobs.retry-backoff} (doubling
 * each attempt, at most {@code retry-backoff-max}) and, after {@code simfleet.jobs.max-attempts},
 * goes DEAD with {@code 10160 Internal failure} as its result and the error kept for the operator.
 */
@Service
class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    private final JobRepository repo;
    private final JobHandlers handlers;
    private final AccountService accounts;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    JobRunner(JobRepository repo, JobHandlers handlers, AccountService accounts, PlatformTransactionManager txManager,
              Clock clock, @Value("${simfleet.jobs.max-attempts:5}") int maxAttempts,
              @Value("${simfleet.jobs.retry-backoff:10s}") Duration backoff,
              @Value("${simfleet.jobs.retry-backoff-max:1h}") Duration maxBackoff) {
        if (maxAttempts < 1) throw new IllegalArgumentException("simfleet.jobs.max-attempts must be at least 1");
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("simfleet.jobs.retry-backoff must be >= 0 and <= retry-backoff-max");
        }
        this.repo = repo;
        this.handlers = handlers;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(txManager);
        this.nested = new TransactionTemplate(txManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** A unit whose job may now be complete (a per-item job closes in its own transaction, after the unit's commit). */
    private record Worked(Job job, JobHandler.PerItem<?> perItem) {}

    /** Works the next unit of work, if any. Answers whether there was one. */
    boolean runNext() {
        Optional<Worked> worked = tx.execute(s -> {
            Optional<Unit> claimed = claim();
            if (claimed.isEmpty()) {
                closeFinishedJobs();
                return Optional.empty();
            }
            return Optional.of(work(claimed.get()));
        });
        if (worked == null || worked.isEmpty()) return false;
        Worked w = worked.get();
        if (w.perItem() != null) close(w.job(), w.perItem());
        return true;
    }

    private Optional<Unit> claim() {
        Instant now = clock.instant();
        for (UnitRef candidate : repo.candidates(handlers.kinds())) {
            Optional<Unit> unit = repo.claim(candidate, now);
            if (unit.isPresent()) return unit;
        }
        return Optional.empty();
    }

    private Worked work(Unit unit) {
        Job job = repo.find(unit.accountId(), unit.jobId()).orElseThrow();
        JobHandler<?> handler = handlers.get(job.kind());
        JobContext ctx = new JobContext(job.id(), job.accountId(), actorOf(job), job.total(), unit.seq(), unit.attempts() + 1);
        try {
            String reason = nested.execute(n -> {
                requireActiveAccounts(job);
                return run(handler, ctx, job, unit.value());
            });
            succeeded(handler, job, unit, reason);
        } catch (DomainException e) {
            refused(handler, job, unit, e);
        } catch (TransientDataAccessException e) {
            throw e; // a lock timeout or a deadlock: the unit stays queued as it was and is tried again
        } catch (RuntimeException e) {
            failed(handler, job, unit, e);
        }
        repo.served(job.accountId(), clock.instant());
        return new Worked(job, handler instanceof JobHandler.PerItem<?> p ? p : null);
    }

    private static <P> String run(JobHandler<P> handler, JobContext ctx, Job job, String value) {
        // read inside the savepoint's try: a payload that cannot be read is a failed attempt like any other
        P payload = JobHandlers.read(handler, job.payloadVersion(), job.payload());
        if (handler instanceof JobHandler.WholeJob<P> whole) return whole.run(ctx, payload);
        ((JobHandler.PerItem<P>) handler).run(ctx, payload, value);
        return null;
    }

    private void succeeded(JobHandler<?> handler, Job job, Unit unit, String reason) {
        Instant now = clock.instant();
        if (handler instanceof JobHandler.PerItem<?> p) {
            repo.done(unit, code(p.success()), p.success().describe(null), worker, now);
        } else {
            repo.done(unit, null, reason, worker, now);
            repo.finish(job.accountId(), job.id(), Status.SUCCESS, job.total(), 0, reason, worker, now);
        }
    }

    private void refused(JobHandler<?> handler, Job job, Unit unit, DomainException e) {
        Instant now = clock.instant();
        if (handler instanceof JobHandler.PerItem<?>) {
            repo.done(unit, code(e.code()), e.getMessage(), worker, now);
        } else {
            repo.done(unit, code(e.code()), reasonOf(e), worker, now);
            repo.finish(job.accountId(), job.id(), Status.FAIL, 0, job.total(), reasonOf(e), worker, now);
        }
    }

    private void failed(JobHandler<?> handler, Job job, Unit unit, RuntimeException e) {
        Instant now = clock.instant();
        int attempt = unit.attempts() + 1;
        String error = describe(e);
        if (attempt < maxAttempts) {
            Instant retryAt = now.plus(backoff(attempt));
            log.warn("Job {} ({}) unit {} failed on attempt {} of {}; retried from {}", job.id(), job.kind(), unit.seq(),
                    attempt, maxAttempts, retryAt, e);
            repo.retry(unit, retryAt, error, worker);
            return;
        }
        log.error("Job {} ({}) of account {} unit {} failed on its last attempt ({}): dead", job.id(), job.kind(),
                job.accountId(), unit.seq(), attempt, e);
        ResultCode dead = ResultCode.INTERNAL_FAILURE;
        repo.dead(unit, code(dead), dead.describe(null), error, worker, now);
        if (handler instanceof JobHandler.WholeJob<?>) {
            repo.finish(job.accountId(), job.id(), Status.FAIL, 0, job.total(), dead.describe(null), worker, now);
        }
    }

    /** The wait before attempt {@code attempt + 1}: the backoff doubled per attempt, capped. */
    Duration backoff(int attempt) {
        Duration d = backoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private void close(Job job, JobHandler.PerItem<?> handler) {
        tx.executeWithoutResult(s -> {
            if (!repo.hasPending(job.accountId(), job.id())) {
                repo.closeIfDone(job.accountId(), job.id(), code(handler.success()), clock.instant());
            }
        });
    }

    /** A per-item job whose last unit committed just before a crash is closed here. */
    private void closeFinishedJobs() {
        String[] perItem = handlers.all().stream().filter(h -> h instanceof JobHandler.PerItem<?>)
                .map(JobHandler::kind).toArray(String[]::new);
        for (Job job : repo.finishedButOpen(perItem)) {
            repo.closeIfDone(job.accountId(), job.id(), code(((JobHandler.PerItem<?>) handlers.get(job.kind())).success()),
                    clock.instant());
        }
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

    private static String code(ResultCode c) {
        return Integer.toString(c.code());
    }

    /** Where the code's text names no field, the detail is the reason (the reference's reasons); else the full text. */
    static String reasonOf(DomainException e) {
        return e.detail() != null && !e.code().template().contains("%s") ? e.detail() : e.getMessage();
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause() && s.length() < MAX_ERROR_LENGTH; c = c.getCause()) {
            s.append(" <- ").append(c);
        }
        return s.length() > MAX_ERROR_LENGTH ? s.substring(0, MAX_ERROR_LENGTH) : s.toString();
    }
}
