package io.simfleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V12 re-keys a populated database: a schema at V9 gets two accounts with catalog, endpoints,
 * SIMs, tags, add-ons, features, events and an activity log, then is migrated to the latest
 * version. Nothing is lost, roaming networks get their profile's account, the SIM numbers land in
 * sim_identity, and the new keys hold. On the test PostgreSQL, without a server.
 */
@Tag("database")
class TenantKeyMigrationTest {

    private static final List<String> TABLES = List.of("account", "apn_group", "service_profile", "roaming_profile", "roaming_network",
            "plan", "dynamic_benefit", "value_added_feature", "sim_product", "endpoint", "sim", "tag", "endpoint_tag", "endpoint_addon",
            "endpoint_value_added_feature", "endpoint_event", "activity_log");

    @Test
    void v12KeysAPopulatedDatabaseByAccount() throws SQLException {
        String url = TestDatabase.newSchemaUrl();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").target("9").load().migrate();
        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            seed(st);
            before = counts(st);
        }

        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            assertEquals(before, counts(st));
            assertEquals(List.of("1 358 0", "1 358 1", "2 359 0"),
                    strings(st, "SELECT account_id || ' ' || roaming_profile_id || ' ' || position FROM roaming_network ORDER BY 1"));
            assertEquals(List.of("1 1 eid 89049032000001000000000000000002", "1 1 iccid 8932042000000015190",
                            "1 1 imsi 206281000015190", "1 1 msisdn 32770004015190", "1 2 iccid 8932042000000015191",
                            "1 2 imsi 206281000015191", "1 2 msisdn 32770004015191", "2 3 iccid 8932042000000018190",
                            "2 3 imsi 206281000018190", "2 3 msisdn 32770004018190"),
                    strings(st, "SELECT account_id || ' ' || sim_id || ' ' || kind || ' ' || value FROM sim_identity ORDER BY 1"));
            assertEquals(List.of("PRIMARY KEY (account_id, endpoint_id, tag_id)"),
                    strings(st, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'endpoint_tag'::regclass AND contype = 'p'"));

            // an endpoint of one account can no longer carry another account's tag, plan or SIM
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO endpoint_tag VALUES (2, 51368592, 2845002)"));
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO endpoint_tag VALUES (1, 51368592, 2845002)"));
            assertThrows(SQLException.class, () -> st.execute("UPDATE endpoint SET plan_id = 'P2' WHERE id = 51368592"));
            assertThrows(SQLException.class, () -> st.execute("UPDATE sim SET endpoint_id = 51368594, status = 'ACTIVE' WHERE id = 2"));
            // a SIM number stays unique platform-wide, through sim_identity
            assertThrows(SQLException.class,
                    () -> st.execute("INSERT INTO sim_identity (value, kind, account_id, sim_id) VALUES ('8932042000000015190', 'iccid', 2, 9)"));
            // the endpoint counter's update trigger still pairs the rows (by account and id)
            st.execute("UPDATE endpoint SET deleted_at = now(), status = 'DELETED' WHERE id = 51368592");
            assertEquals(List.of("1 0", "2 1"),
                    strings(st, "SELECT account_id || ' ' || sum(n) FROM endpoint_bucket_count GROUP BY account_id ORDER BY 1"));
        }
    }

    private static void seed(Statement st) throws SQLException {
        st.execute("""
                INSERT INTO account (id, type, name, created_at) VALUES (1, 'ENTERPRISE', 'A', now()), (2, 'ENTERPRISE', 'B', now());
                INSERT INTO apn_group VALUES (1, 'PDP_1', 'DEFAULT', 'a', ARRAY['a']), (2, 'PDP_2', 'DEFAULT', 'b', ARRAY['b']);
                INSERT INTO service_profile (account_id, id, name, services, access_variant_id, rat_type, features)
                VALUES (1, 'SP_1', 'DEFAULT', '9|2', '3|2|4', '10', '[]'), (2, 'SP_2', 'DEFAULT', '9|2', '3|2|4', '10', '[]');
                INSERT INTO roaming_profile VALUES (1, 358, 'DEFAULT', false), (2, 359, 'DEFAULT', false);
                INSERT INTO roaming_network VALUES (358, 0, '20601', 'Proximus', 'IR1', 'BELTB', 'Belgium', '20601'),
                    (358, 1, '20610', 'Orange Belgium', 'IR2', 'BELMO', 'Belgium', '20610'),
                    (359, 0, '20601', 'Proximus', 'IR1', 'BELTB', 'Belgium', '20601');
                INSERT INTO plan (account_id, id, name, description, category, plan_type, validity_days, service_ids, service_names,
                                  effective_at, expires_at, roaming_profile_ids, service_profile_id)
                VALUES (1, 'P1', 'P', 'P', 'NORMAL', 1, 30, '9|2', 'SMS|DATA', now(), now(), '{358}', 'SP_1'),
                       (1, 'A1', 'A', 'A', 'ADDON', 1, 30, '9', 'DATA', now(), now(), '{358}', 'SP_1'),
                       (2, 'P2', 'P', 'P', 'NORMAL', 1, 30, '9|2', 'SMS|DATA', now(), now(), '{359}', 'SP_2');
                INSERT INTO dynamic_benefit VALUES (1, 6261, 'Pooled 10GB', true, 1, '{358}', 10240, true);
                INSERT INTO value_added_feature VALUES (1, 'VAF_STATIC_IP', 'Static IP');
                INSERT INTO sim_product VALUES (1, 'IR1-1EU28-Multi', 'MFF2');
                INSERT INTO endpoint (account_id, id, name, status, subscriber_type, plan_id, apn_group_id, roaming_profile_ids,
                                      dynamic_benefit_id, created_at, plan_effective_at)
                VALUES (1, 51368592, 'E1', 'ACTIVE', 1, 'P1', 'PDP_1', '{358}', 6261, now(), now()),
                       (2, 51368594, 'E3', 'ACTIVE', 1, 'P2', 'PDP_2', '{359}', NULL, now(), now());
                INSERT INTO sim (account_id, id, iccid, master_imsi, msisdn, eid, product_id, status, endpoint_id, status_changed_at, created_at)
                VALUES (1, 1, '8932042000000015190', '206281000015190', '32770004015190', '89049032000001000000000000000002', 1,
                        'ACTIVE', 51368592, now(), now()),
                       (1, 2, '8932042000000015191', '206281000015191', '32770004015191', NULL, 1, 'READY_TO_ACTIVATE', NULL, now(), now()),
                       (2, 3, '8932042000000018190', '206281000018190', '32770004018190', NULL, 1, 'ACTIVE', 51368594, now(), now());
                INSERT INTO tag VALUES (1, 2845001, 'T1', ''), (2, 2845002, 'T2', '');
                INSERT INTO endpoint_tag VALUES (1, 51368592, 2845001), (2, 51368594, 2845002);
                INSERT INTO endpoint_addon (account_id, endpoint_id, plan_id, start_at, expires_at) VALUES (1, 51368592, 'A1', now(), now());
                INSERT INTO endpoint_value_added_feature VALUES (1, 51368592, 'VAF_STATIC_IP');
                INSERT INTO endpoint_event (account_id, endpoint_id, at, actor_username, actor_account_id, call, request_id)
                VALUES (1, 51368592, now(), 'customer', 1, 'CreateEndPoint', 'r1'), (2, 51368594, now(), 'other', 2, 'CreateEndPoint', 'r2');
                INSERT INTO activity_log (account_id, at, actor_username, actor_account_id, action) VALUES (1, now(), 'admin', 10000001, 'created')
                """);
    }

    private static Map<String, Long> counts(Statement st) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : TABLES) out.put(t, Long.parseLong(strings(st, "SELECT count(*) FROM " + t).get(0)));
        return out;
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
