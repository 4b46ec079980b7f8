package io.simfleet.job;

import io.simfleet.job.Job.Item;
import io.simfleet.job.Job.State;
import io.simfleet.job.Job.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Jobs and their units of work ({@code job_item}); every statement on one job names its account first. */
@Repository
class JobRepository {
    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job and one of its units of work. */
    record UnitRef(long accountId, long jobId) {}

    /** A claimed unit: locked until the end of the claiming transaction. */
    record Unit(long accountId, long jobId, int seq, String value, int attempts) {}

    long nextId() {
        return jdbc.sql("SELECT nextval('job_id_seq')").query(Long.class).single();
    }

    void insert(Job j) {
        jdbc.sql("""
                INSERT INTO job (id, account_id, kind, status, payload, payload_version, actor_username, actor_account_id,
                                 request_id, total, iccid_range, endpoint_status, created_at)
                VALUES (:id, :a, :k, 'PROCESSING', CAST(:p AS jsonb), :pv, :u, :ua, :rid, :total, :range, :es, :at)""")
                .param("id", j.id()).param("a", j.accountId()).param("k", j.kind()).param("p", j.payload())
                .param("pv", j.payloadVersion()).param("u", j.actorUsername()).param("ua", j.actorAccountId())
                .param("rid", j.requestId()).param("total", j.total()).param("range", j.iccidRange())
                .param("es", j.endpointStatus()).param("at", Timestamp.from(j.createdAt()))
                .update();
    }

    /** The units of a job, numbered from 1 in order; a null value is the one unit of a job worked whole. */
    void insertUnits(long account, long jobId, List<String> values) {
        jdbc.sql("""
                INSERT INTO job_item (account_id, job_id, seq, value)
                SELECT :a, :j, t.seq, t.v FROM unnest(CAST(:v AS text[])) WITH ORDINALITY AS t(v, seq)""")
                .param("a", account).param("j", jobId).param("v", values.toArray(new String[0])).update();
    }

    Optional<Job> find(long account, long id) {
        return jdbc.sql("SELECT * FROM job WHERE account_id = :a AND id = :id").param("a", account).param("id", id)
                .query(JobRepository::map).optional();
    }

    List<Job> list(long account, String kind, String endpointStatus) {
        return jdbc.sql("SELECT * FROM job WHERE account_id = :a AND kind = :k"
                        + (endpointStatus == null ? "" : " AND endpoint_status = :es") + " ORDER BY id")
                .param("a", account).param("k", kind).param("es", endpointStatus)
                .query(JobRepository::map).list();
    }

    List<Item> items(long account, long jobId) {
        return jdbc.sql("""
                SELECT seq, value, state, attempts, result_code, result_description, last_error FROM job_item
                WHERE account_id = :a AND job_id = :j ORDER BY seq""")
                .param("a", account).param("j", jobId)
                .query((rs, n) -> new Item(rs.getInt(1), rs.getString(2), State.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    // --- claiming, fairly between accounts
    //
    // A claim is two index-backed steps instead of one statement over every pending unit:
    // 1. candidates(): the unfinished jobs (the partial index job_processing_idx, a few rows
    //    however many items they hold), each with its account's job_lane.last_served_at (primary
    //    key look-up), sorted least recently served account first, then by job id. Cost: the
    //    number of unfinished jobs, not of items.
    // 2. claim(): for each candidate in that order, the job's first ready pending unit, read from
    //    job_item_pending_idx (account_id, job_id, seq) in seq order and locked FOR UPDATE SKIP
    //    LOCKED: an index range scan that stops at the first unit no other worker holds (LIMIT 1).
    //    The first candidate with such a unit wins; usually the first one.
    // A unit's transaction sets its account's last_served_at just before it commits, so the next
    // claims go to the other accounts first: round-robin between accounts, FIFO inside one.
    // (EXPLAIN ANALYZE with 20 000 finished jobs and 50 unfinished ones of 4000 items: step 1 is an
    // index scan of job_processing_idx hash-joined to job_lane and a sort of 50 rows, 0.1 ms;
    // step 2 is Limit -> LockRows -> Index Scan on job_item_pending_idx reading one row, 0.05 ms.)
    // One statement with a LATERAL join would save a round trip but would lock a unit of every
    // candidate unless the planner kept the sorted candidates as the outer side of its nested loop.

    List<UnitRef> candidates(String[] kinds) {
        return jdbc.sql("""
                SELECT j.account_id, j.id FROM job j LEFT JOIN job_lane l ON l.account_id = j.account_id
                WHERE j.status = 'PROCESSING' AND j.kind = ANY(:kinds)
                ORDER BY l.last_served_at NULLS FIRST, j.account_id, j.id""")
                .param("kinds", kinds).query((rs, n) -> new UnitRef(rs.getLong(1), rs.getLong(2))).list();
    }

    Optional<Unit> claim(UnitRef job, Instant now) {
        return jdbc.sql("""
                SELECT seq, value, attempts FROM job_item
                WHERE account_id = :a AND job_id = :j AND state = 'PENDING' AND ready_at <= :now
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("a", job.accountId()).param("j", job.jobId()).param("now", Timestamp.from(now))
                .query((rs, n) -> new Unit(job.accountId(), job.jobId(), rs.getInt(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    /** The account's work was served now: it goes behind the others in the next claims. */
    void served(long account, Instant at) {
        jdbc.sql("""
                INSERT INTO job_lane (account_id, last_served_at) VALUES (:a, :at)
                ON CONFLICT (account_id) DO UPDATE SET last_served_at = EXCLUDED.last_served_at""")
                .param("a", account).param("at", Timestamp.from(at)).update();
    }

    // --- a unit's outcome

    void done(Unit u, String code, String description, String worker, Instant at) {
        jdbc.sql("""
                UPDATE job_item SET state = 'DONE', attempts = attempts + 1, result_code = :c, result_description = :d,
                                    processed_by = :w, done_at = :at
                WHERE account_id = :a AND job_id = :j AND seq = :s AND state = 'PENDING'""")
                .param("c", code).param("d", description).param("w", worker).param("at", Timestamp.from(at))
                .param("a", u.accountId()).param("j", u.jobId()).param("s", u.seq()).update();
    }

    void retry(Unit u, Instant readyAt, String error, String worker) {
        jdbc.sql("""
                UPDATE job_item SET attempts = attempts + 1, ready_at = :r, last_error = :e, processed_by = :w
                WHERE account_id = :a AND job_id = :j AND seq = :s AND state = 'PENDING'""")
                .param("r", Timestamp.from(readyAt)).param("e", error).param("w", worker)
                .param("a", u.accountId()).param("j", u.jobId()).param("s", u.seq()).update();
    }

    void dead(Unit u, String code, String description, String error, String worker, Instant at) {
        jdbc.sql("""
                UPDATE job_item SET state = 'DEAD', attempts = attempts + 1, result_code = :c, result_description = :d,
                                    last_error = :e, processed_by = :w, done_at = :at
                WHERE account_id = :a AND job_id = :j AND seq = :s AND state = 'PENDING'""")
                .param("c", code).param("d", description).param("e", error).param("w", worker).param("at", Timestamp.from(at))
                .param("a", u.accountId()).param("j", u.jobId()).param("s", u.seq()).update();
    }

    // --- a job's end

    void finish(long account, long jobId, Status status, int succeeded, int failed, String reason, String worker, Instant at) {
        jdbc.sql("""
                UPDATE job SET status = :st, succeeded = :ok, failed = :ko, reason = :r, processed_by = :w, finished_at = :at
                WHERE account_id = :a AND id = :id""")
                .param("st", status.name()).param("ok", succeeded).param("ko", failed).param("r", reason)
                .param("w", worker).param("at", Timestamp.from(at)).param("a", account).param("id", jobId).update();
    }

    boolean hasPending(long account, long jobId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM job_item WHERE account_id = :a AND job_id = :j AND state = 'PENDING')")
                .param("a", account).param("j", jobId).query(Boolean.class).single();
    }

    /** Closes a per-item job whose units all have their result: SUCCESS, PARTIAL or FAIL by their codes. */
    int closeIfDone(long account, long jobId, String successCode, Instant at) {
        return jdbc.sql("""
                UPDATE job SET
                    succeeded = c.ok, failed = c.total - c.ok, finished_at = :at,
                    status = CASE WHEN c.ok = c.total THEN 'SUCCESS' WHEN c.ok = 0 THEN 'FAIL' ELSE 'PARTIAL' END
                FROM (SELECT count(*) AS total, count(*) FILTER (WHERE result_code = :ok) AS ok,
                             count(*) FILTER (WHERE state = 'PENDING') AS open
                      FROM job_item WHERE account_id = :a AND job_id = :j) c
                WHERE job.account_id = :a AND job.id = :j AND job.status = 'PROCESSING' AND c.open = 0""")
                .param("ok", successCode).param("at", Timestamp.from(at)).param("a", account).param("j", jobId).update();
    }

    /** Unfinished jobs of these kinds with no pending unit left (their last unit committed just before a crash). */
    List<Job> finishedButOpen(String[] kinds) {
        return jdbc.sql("""
                SELECT * FROM job j WHERE j.status = 'PROCESSING' AND j.kind = ANY(:kinds)
                AND NOT EXISTS (SELECT 1 FROM job_item i WHERE i.account_id = j.account_id AND i.job_id = j.id AND i.state = 'PENDING')""")
                .param("kinds", kinds).query(JobRepository::map).list();
    }

    // --- the queue as a whole, for the metrics: every statement reads a partial index of the rows
    // it counts, and counts of units stop at a cap, so a scrape costs the same with a million queued

    /** Unfinished jobs per kind and the oldest one's submission (job_processing_idx: the unfinished jobs only). */
    Map<String, JobQueue.Kind> processingByKind() {
        Map<String, JobQueue.Kind> byKind = new TreeMap<>();
        jdbc.sql("SELECT kind, count(*), min(created_at) FROM job WHERE status = 'PROCESSING' GROUP BY kind")
                .query(rs -> {
                    byKind.put(rs.getString(1), new JobQueue.Kind(rs.getLong(2), rs.getTimestamp(3).toInstant()));
                });
        return byKind;
    }

    /** Units of work in a state, counted up to {@code cap} (job_item_pending_idx, job_item_dead_idx). */
    long unitsIn(State state, int cap) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM job_item WHERE state = :s LIMIT :cap) u")
                .param("s", state.name()).param("cap", cap).query(Long.class).single();
    }

    // --- the dead letters

    List<DeadWork> dead(Long account, int limit) {
        String sql = "SELECT i.account_id, i.job_id, j.kind, i.seq, i.value, i.attempts, i.last_error, i.done_at"
                + " FROM job_item i JOIN job j ON j.account_id = i.account_id AND j.id = i.job_id"
                + " WHERE i.state = 'DEAD'" + (account == null ? "" : " AND i.account_id = :a")
                + " ORDER BY i.done_at DESC, i.account_id, i.job_id, i.seq LIMIT :limit";
        return jdbc.sql(sql).param("a", account).param("limit", limit)
                .query((rs, n) -> new DeadWork(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
    }

    private static Job map(ResultSet rs, int n) throws SQLException {
        Timestamp fin = rs.getTimestamp("finished_at");
        return new Job(rs.getLong("id"), rs.getLong("account_id"), rs.getString("kind"), Status.valueOf(rs.getString("status")),
                rs.getString("payload"), rs.getInt("payload_version"), rs.getString("actor_username"),
                rs.getLong("actor_account_id"), rs.getString("request_id"), rs.getInt("total"), rs.getInt("succeeded"),
                rs.getInt("failed"), rs.getString("reason"), rs.getString("iccid_range"), rs.getString("endpoint_status"),
                rs.getTimestamp("created_at").toInstant(), fin == null ? null : fin.toInstant());
    }
}
