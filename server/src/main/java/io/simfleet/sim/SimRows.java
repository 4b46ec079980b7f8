package io.simfleet.sim;

import io.simfleet.common.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * The one row mapper of the {@code sim} table, with the column prefix a joining statement gives
 * it. Another feature that reads a SIM in its own statement (the endpoint profile's read, see
 * docs/architecture.md) selects {@link #columns} and maps with {@link #map}, so the table's
 * columns are spelled here only.
 */
public final class SimRows {
    private static final TypeReference<List<Sim.SupplierImsi>> SUPPLIERS = new TypeReference<>() {};
    private static final List<String> COLUMNS = List.of("id", "account_id", "iccid", "master_imsi", "supplier_imsis", "msisdn",
            "eid", "ean", "activation_code", "product_id", "status", "endpoint_id", "status_changed_at");

    private SimRows() {}

    /** The select list of a SIM aliased {@code alias}, every column named {@code prefix + column}. */
    public static String columns(String alias, String prefix) {
        return String.join(", ", COLUMNS.stream().map(c -> alias + "." + c + " AS " + prefix + c).toList());
    }

    /** The SIM of a row selected with {@link #columns} (or {@code SELECT *} and prefix ""); null when its id is null (no SIM). */
    public static Sim map(ResultSet rs, String prefix) throws SQLException {
        long id = rs.getLong(prefix + "id");
        if (rs.wasNull()) return null;
        long ep = rs.getLong(prefix + "endpoint_id");
        Long endpointId = rs.wasNull() ? null : ep;
        return new Sim(id, rs.getLong(prefix + "account_id"), rs.getString(prefix + "iccid"), rs.getString(prefix + "master_imsi"),
                Json.MAPPER.readValue(rs.getString(prefix + "supplier_imsis"), SUPPLIERS), rs.getString(prefix + "msisdn"),
                rs.getString(prefix + "eid"), rs.getString(prefix + "ean"), rs.getString(prefix + "activation_code"),
                rs.getLong(prefix + "product_id"), SimStatus.valueOf(rs.getString(prefix + "status")), endpointId,
                rs.getTimestamp(prefix + "status_changed_at").toInstant());
    }
}
