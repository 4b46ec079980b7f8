package io.simfleet.account;

import io.simfleet.common.AccountType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {
    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('account_id_seq')").query(Long.class).single();
    }

    void insert(Account a) {
        jdbc.sql("""
                INSERT INTO account (id, parent_id, type, name, subscriber_type, oem_enabled, dynamic_benefit_only,
                                     low_balance, active, currency_id, currency, created_at)
                VALUES (:id, :parent, :type, :name, :st, :oem, :dbo, :low, :active, :cid, :cur, :at)""")
                .param("id", a.id()).param("parent", a.parentId()).param("type", a.type().name())
                .param("name", a.name()).param("st", a.subscriberType()).param("oem", a.oemEnabled())
                .param("dbo", a.dynamicBenefitOnly()).param("low", a.lowBalance()).param("active", a.active())
                .param("cid", a.currencyId()).param("cur", a.currency()).param("at", Timestamp.from(a.createdAt()))
                .update();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM account WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    Optional<Account> find(long id) {
        return jdbc.sql("SELECT * FROM account WHERE id = :id").param("id", id).query(AccountRepository::map).optional();
    }

    List<Account> children(long parentId) {
        return jdbc.sql("SELECT * FROM account WHERE parent_id = :p ORDER BY id").param("p", parentId)
                .query(AccountRepository::map).list();
    }

    /** The enterprises below an account, at any depth (through its resellers), in id order. */
    List<Account> enterprisesUnder(long ancestor) {
        return jdbc.sql("""
                WITH RECURSIVE down(id, depth) AS (
                    SELECT id, 0 FROM account WHERE parent_id = :p
                    UNION ALL
                    SELECT a.id, down.depth + 1 FROM account a JOIN down ON a.parent_id = down.id WHERE down.depth < 32)
                SELECT a.* FROM account a JOIN down ON a.id = down.id WHERE a.type = 'ENTERPRISE' ORDER BY a.id""")
                .param("p", ancestor).query(AccountRepository::map).list();
    }

    List<Account> all() {
        return jdbc.sql("SELECT * FROM account ORDER BY id").query(AccountRepository::map).list();
    }

    /** True when {@code descendant} sits below {@code ancestor} at any depth. */
    boolean isDescendant(long ancestor, long descendant) {
        return jdbc.sql("""
                WITH RECURSIVE up(id, parent_id, depth) AS (
                    SELECT id, parent_id, 0 FROM account WHERE id = :d
                    UNION ALL
                    SELECT a.id, a.parent_id, up.depth + 1 FROM account a JOIN up ON a.id = up.parent_id WHERE up.depth < 32)
                SELECT count(*) FROM up WHERE id = :a AND depth > 0""")
                .param("d", descendant).param("a", ancestor).query(Long.class).single() > 0;
    }

    void updateFlags(long id, Boolean oem, Boolean dbo, Boolean lowBalance, Boolean active, String timeZone,
                     Boolean endpointGroupRequired) {
        jdbc.sql("""
                UPDATE account SET oem_enabled = coalesce(:oem, oem_enabled),
                    endpoint_group_required = coalesce(:egr, endpoint_group_required),
                    dynamic_benefit_only = coalesce(:dbo, dynamic_benefit_only),
                    low_balance = coalesce(:low, low_balance), active = coalesce(:active, active),
                    time_zone = CASE WHEN CAST(:tz AS text) IS NULL THEN time_zone WHEN :tz = '' THEN NULL ELSE :tz END
                WHERE id = :id""")
                .param("oem", oem).param("dbo", dbo).param("low", lowBalance).param("active", active).param("tz", timeZone)
                .param("egr", endpointGroupRequired).param("id", id)
                .update();
    }

    void log(long accountId, Instant at, String actor, long actorAccountId, String action, String detail) {
        jdbc.sql("""
                INSERT INTO activity_log (account_id, at, actor_username, actor_account_id, action, detail)
                VALUES (:acc, :at, :actor, :actorAcc, :action, :detail)""")
                .param("acc", accountId).param("at", Timestamp.from(at)).param("actor", actor)
                .param("actorAcc", actorAccountId).param("action", action).param("detail", detail)
                .update();
    }

    List<ActivityEntry> activity(long accountId, int limit) {
        return jdbc.sql("""
                SELECT at, actor_username, actor_account_id, action, detail FROM activity_log
                WHERE account_id = :acc ORDER BY id DESC LIMIT :limit""")
                .param("acc", accountId).param("limit", limit)
                .query((rs, n) -> new ActivityEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private static Account map(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new Account(rs.getLong("id"), rs.wasNull() ? null : parent, AccountType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getInt("subscriber_type"), rs.getBoolean("oem_enabled"),
                rs.getBoolean("dynamic_benefit_only"), rs.getBoolean("low_balance"), rs.getBoolean("active"),
                rs.getString("currency_id"), rs.getString("currency"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("time_zone"), rs.getBoolean("endpoint_group_required"));
    }
}
