package io.simfleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simfleet.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V6 repairs what the operator API stored before it refused null list elements: a schema at V5
 * gets the broken rows, then is migrated. On the test PostgreSQL, without a server.
 */
@Tag("database")
class NullElementRepairMigrationTest {

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").target(target).load();
    }

    private static String query(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void v6RemovesNullElementsFromStoredLists() throws SQLException {
        String url = TestDatabase.newSchemaUrl();
        flyway(url, "5").migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO account (id, type, name, created_at) VALUES (1, 'ENTERPRISE', 'A', now())");
            st.execute("INSERT INTO apn_group (account_id, id, name, default_apn, apns) VALUES (1, 'PDP_1', 'DEFAULT', 'a', ARRAY['a', NULL, 'b'])");
            st.execute("""
                    INSERT INTO service_profile (account_id, id, name, services, access_variant_id, rat_type, features) VALUES
                      (1, 'SP_1', 'BROKEN', '9|2', '3|2|4', '10', '[null, {"featureName": "DATA", "value": null}, null]'),
                      (1, 'SP_2', 'ONLY NULL', '9|2', '3|2|4', '10', '[null]'),
                      (1, 'SP_3', 'FINE', '9|2', '3|2|4', '10', '[{"featureName": "SMS_MO"}]')""");
            st.execute("""
                    INSERT INTO plan (account_id, id, name, description, category, plan_type, validity_days, service_ids,
                                      service_names, effective_at, expires_at, roaming_profile_ids, service_profile_id, benefits, counters)
                    VALUES (1, 'P1', 'P', 'P', 'ADDON', 1, 30, '9|2', 'SMS|DATA', now(), now(), '{1}', 'SP_1',
                            '[{"type": "DATA", "amount": 5}, null]', '[null, {"name": "C"}]')""");
            st.execute("INSERT INTO sim_product (id, name, card_class) VALUES (1, 'X', 'MFF2')");
            st.execute("""
                    INSERT INTO sim (account_id, id, iccid, master_imsi, supplier_imsis, msisdn, product_id, status, status_changed_at, created_at)
                    VALUES (1, 1, '8932042000000000001', '206280000000001', '[null, {"sponsorName": "IR1", "supplierIMSI": "206010000000001"}]',
                            '32770000000001', 1, 'READY_TO_ACTIVATE', now(), now())""");
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            assertEquals("{a,b}", query(st, "SELECT apns FROM apn_group WHERE id = 'PDP_1'"));
            assertEquals("[{\"value\": null, \"featureName\": \"DATA\"}]", query(st, "SELECT features FROM service_profile WHERE id = 'SP_1'"));
            assertEquals("[]", query(st, "SELECT features FROM service_profile WHERE id = 'SP_2'"));
            assertEquals("[{\"featureName\": \"SMS_MO\"}]", query(st, "SELECT features FROM service_profile WHERE id = 'SP_3'"));
            assertEquals("[{\"type\": \"DATA\", \"amount\": 5}]", query(st, "SELECT benefits FROM plan WHERE id = 'P1'"));
            // (V18 then gives the counter the id the API shows)
            assertEquals("[{\"name\": \"C\", \"counterId\": \"C_Monthly_1_CE_USAGE_VOLUME_4_5_1\"}]",
                    query(st, "SELECT counters FROM plan WHERE id = 'P1'"));
            assertEquals("[{\"sponsorName\": \"IR1\", \"supplierIMSI\": \"206010000000001\"}]",
                    query(st, "SELECT supplier_imsis FROM sim WHERE id = 1"));
        }
    }
}
