package io.simfleet.job;

import io.simfleet.job.Job.Item;
import io.simfleet.job.Job.Kind;
import io.simfleet.job.Job.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JobRepository {
    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('job_id_seq')").query(Long.class).single();
    }

    /** Stores a job. (job.idempotency_key and request_hash are no longer used: see V8__idempotency.sql.) */
    void insert(Job j) {
        jdbc.sql("""
                INSERT INTO job (id, account_id, kind, status, command, actor_username, actor_account_id, request_id,
                                 total, iccid_range, endpoint_status, created_at)
                VALUES (:id, :a, :k, 'PROCESSING', CAST(:c AS jsonb), :u, :ua, :rid, :total, :range, :es, :at)""")
                .param("id", j.id()).param("a", j.accountId()).param("k", j.kind().name()).param("c", j.command())
                .param("u", j.actorUsername()).param("ua", j.actorAccountId()).param("rid", j.requestId())
                .param("total", j.total()).param("range", j.iccidRange()).param("es", j.endpointStatus())
                .param("at", Timestamp.from(j.createdAt()))
                .update();
    }

    void insertItems(long jobId, List<String> values) {
        jdbc.sql("INSERT INTO job_item (job_id, seq, value) SELECT :j, t.seq, t.v FROM unnest(:v) WITH ORDINALITY AS t(v, seq)")
                .param("j", jobId).param("v", values.toArray(new String[0])).update();
    }

    Job findById(long id) {
        return jdbc.sql("SELECT * FROM job WHERE id = :id").param("id", id).query(JobRepository::map).single();
    }

    Optional<Job> find(long account, long id) {
        return jdbc.sql("SELECT * FROM job WHERE account_id = :a AND id = :id").param("a", account).param("id", id)
                .query(JobRepository::map).optional();
    }

    List<Job> list(long account, Kind kind, String endpointStatus) {
        return jdbc.sql("SELECT * FROM job WHERE account_id = :a AND kind = :k"
                        + (endpointStatus == null ? "" : " AND endpoint_status = :es") + " ORDER BY id")
                .param("a", account).param("k", kind.name()).param("es", endpointStatus)
                .query(JobRepository::map).list();
    }

    List<Item> items(long jobId) {
        return jdbc.sql("SELECT seq, value, result_code, result_description FROM job_item WHERE job_id = :j ORDER BY seq")
                .param("j", jobId)
                .query((rs, n) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** The oldest unfinished job of this kind nobody else works on, locked until the end of the transaction. */
    Optional<Job> claimJob(Kind kind) {
        return jdbc.sql("SELECT * FROM job WHERE status = 'PROCESSING' AND kind = :k ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("k", kind.name()).query(JobRepository::map).optional();
    }

    /** The next unprocessed item of any unfinished bulk modify nobody else works on, locked. */
    Optional<long[]> claimItem() {
        return jdbc.sql("""
                SELECT i.job_id, i.seq FROM job_item i JOIN job j ON j.id = i.job_id
                WHERE j.status = 'PROCESSING' AND j.kind = 'BULK_MODIFY' AND i.result_code IS NULL
                ORDER BY i.job_id, i.seq LIMIT 1 FOR UPDATE OF i SKIP LOCKED""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    String itemValue(long jobId, long seq) {
        return jdbc.sql("SELECT value FROM job_item WHERE job_id = :j AND seq = :s").param("j", jobId).param("s", seq)
                .query(String.class).single();
    }

    void finishItem(long jobId, long seq, String code, String description, String worker, Instant at) {
        jdbc.sql("""
                UPDATE job_item SET result_code = :c, result_description = :d, processed_by = :w, done_at = :at
                WHERE job_id = :j AND seq = :s AND result_code IS NULL""")
                .param("c", code).param("d", description).param("w", worker).param("at", Timestamp.from(at))
                .param("j", jobId).param("s", seq).update();
    }

    /** Closes a bulk modify whose items are all processed: Success, Partial or Fail by their codes. */
    int closeIfDone(long jobId, String successCode, Instant at) {
        return jdbc.sql("""
                UPDATE job SET
                    succeeded = c.ok, failed = c.total - c.ok, finished_at = :at,
                    status = CASE WHEN c.ok = c.total THEN 'SUCCESS' WHEN c.ok = 0 THEN 'FAIL' ELSE 'PARTIAL' END
                FROM (SELECT count(*) AS total, count(*) FILTER (WHERE result_code = :ok) AS ok,
                             count(*) FILTER (WHERE result_code IS NULL) AS open
                      FROM job_item WHERE job_id = :j) c
                WHERE job.id = :j AND job.status = 'PROCESSING' AND c.open = 0""")
                .param("ok", successCode).param("at", Timestamp.from(at)).param("j", jobId).update();
    }

    /** Closes every bulk modify with no item left, like {@link #closeIfDone}. */
    void closeFinishedModifyJobs(String successCode, Instant at) {
        List<Long> done = jdbc.sql("""
                SELECT j.id FROM job j WHERE j.status = 'PROCESSING' AND j.kind = 'BULK_MODIFY'
                AND NOT EXISTS (SELECT 1 FROM job_item i WHERE i.job_id = j.id AND i.result_code IS NULL)""")
                .query(Long.class).list();
        for (long id : done) closeIfDone(id, successCode, at);
    }

    void finish(long jobId, Status status, int succeeded, int failed, String reason, String worker, Instant at) {
        jdbc.sql("""
                UPDATE job SET status = :st, succeeded = :ok, failed = :ko, reason = :r, processed_by = :w, finished_at = :at
                WHERE id = :id""")
                .param("st", status.name()).param("ok", succeeded).param("ko", failed).param("r", reason)
                .param("w", worker).param("at", Timestamp.from(at)).param("id", jobId).update();
    }

    private static Job map(ResultSet rs, int n) throws SQLException {
        Timestamp fin = rs.getTimestamp("finished_at");
        return new Job(rs.getLong("id"), rs.getLong("account_id"), Kind.valueOf(rs.getString("kind")),
                Status.valueOf(rs.getString("status")), rs.getString("command"), rs.getString("actor_username"),
                rs.getLong("actor_account_id"), rs.getString("request_id"), rs.getInt("total"), rs.getInt("succeeded"),
                rs.getInt("failed"), rs.getString("reason"), rs.getString("iccid_range"), rs.getString("endpoint_status"),
                rs.getTimestamp("created_at").toInstant(), fin == null ? null : fin.toInstant());
    }
}
