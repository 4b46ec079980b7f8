package io.simfleet.admin;

import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.sim.Sim.SupplierImsi;
import io.simfleet.sim.SimService.NewSim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV form of a SIM import: a header line naming the columns (any order, case-insensitive)
 * {@code iccid, masterImsi, msisdn, eid, ean, product, activationCode} and one column per
 * sponsor {@code IR1..IR4} holding that sponsor's supplier IMSI. Values may not contain commas
 * (none of these fields can). Empty cells are absent values. A cell follows the operator API's
 * text rule ({@link Input#textProblem}): no control character, at most {@link Input#MAX_TEXT}
 * characters, else {@code 1001 <column> (CSV line <n>)}.
 */
public final class SimCsv {
    private static final Set<String> FIELDS = Set.of("iccid", "masterimsi", "msisdn", "eid", "ean", "product", "activationcode");

    private SimCsv() {}

    public static List<NewSim> parse(String csv) {
        if (csv == null || csv.isBlank()) throw DomainException.missing("sims");
        String[] lines = csv.replace("\r", "").split("\n");
        String[] header = lines[0].split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        List<String> sponsors = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim();
            String key = h.toLowerCase(Locale.ROOT);
            if (FIELDS.contains(key)) {
                col.put(key, i);
            } else if (h.matches("IR\\d+")) {
                sponsors.add(h);
                col.put(h, i);
            } else {
                throw DomainException.wrong("CSV header (unknown column '" + h + "')");
            }
        }
        if (!col.containsKey("iccid")) throw DomainException.missing("iccid (CSV column)");
        List<NewSim> out = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) continue;
            String[] cells = lines[n].split(",", -1);
            if (cells.length != header.length) {
                throw DomainException.wrong("CSV line " + (n + 1) + " (" + cells.length + " cells, header has " + header.length + ")");
            }
            for (int i = 0; i < cells.length; i++) {
                if (Input.textProblem(cells[i], Input.MAX_TEXT) != null) throw DomainException.wrong(header[i].trim() + " (CSV line " + (n + 1) + ")");
            }
            List<SupplierImsi> suppliers = new ArrayList<>();
            for (String s : sponsors) {
                String v = cells[col.get(s)].trim();
                if (!v.isEmpty()) suppliers.add(new SupplierImsi(s, v));
            }
            out.add(new NewSim(cell(cells, col, "iccid"), cell(cells, col, "masterimsi"), suppliers, cell(cells, col, "msisdn"),
                    cell(cells, col, "eid"), cell(cells, col, "ean"), cell(cells, col, "activationcode"), cell(cells, col, "product")));
        }
        return out;
    }

    private static String cell(String[] cells, Map<String, Integer> col, String key) {
        Integer i = col.get(key);
        if (i == null) return null;
        String v = cells[i].trim();
        return v.isEmpty() ? null : v;
    }
}
