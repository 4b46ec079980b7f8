package io.simfleet.cli;

import io.simfleet.client.Json;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.SequenceWriter;

/**
 * Writes what a command answers: an aligned table for people (the default), or JSON (the SDK's
 * records, in the SFT field names) and CSV (RFC 4180, a header of the same field names) for
 * scripts. Lists are streamed in JSON and CSV; a table waits for its last row to align the columns.
 */
final class Output {
    enum Format { table, json, csv }

    /** A column: its name (the SFT field name where there is one) and how to read it from a row. */
    record Column<T>(String name, Function<T, String> value) {}

    static <T> Column<T> col(String name, Function<T, String> value) {
        return new Column<>(name, value);
    }

    private Output() {}

    /** Rows of a list; answers how many were written. */
    static <T> long list(PrintStream out, Format format, List<Column<T>> columns, Stream<T> rows) {
        switch (format) {
            case json:
                return json(out, rows);
            case csv: {
                out.println(csvLine(columns.stream().map(Column::name).toList()));
                long[] n = {0};
                rows.forEach(r -> {
                    out.println(csvLine(values(columns, r)));
                    n[0]++;
                });
                out.flush();
                return n[0];
            }
            default: {
                List<List<String>> table = new ArrayList<>();
                table.add(columns.stream().map(c -> c.name()).toList());
                rows.forEach(r -> table.add(values(columns, r)));
                printTable(out, table);
                return table.size() - 1L;
            }
        }
    }

    /** One object: JSON as the record is, a table and CSV as its fields. */
    static void object(PrintStream out, Format format, Object value, Map<String, String> fields) {
        switch (format) {
            case json:
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
                break;
            case csv:
                out.println(csvLine(new ArrayList<>(fields.keySet())));
                out.println(csvLine(new ArrayList<>(fields.values())));
                break;
            default: {
                List<List<String>> table = new ArrayList<>();
                fields.forEach((k, v) -> table.add(List.of(k, v == null ? "" : v)));
                printTable(out, table);
            }
        }
        out.flush();
    }

    private static <T> List<String> values(List<Column<T>> columns, T row) {
        List<String> v = new ArrayList<>(columns.size());
        for (Column<T> c : columns) {
            String s = c.value().apply(row);
            v.add(s == null ? "" : s);
        }
        return v;
    }

    private static <T> long json(PrintStream out, Stream<T> rows) {
        long n = 0;
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (SequenceWriter w = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValues(keepOpen).init(true)) {
            for (Iterator<T> it = rows.iterator(); it.hasNext(); n++) w.write(it.next());
        }
        out.println();
        out.flush();
        return n;
    }

    static void printTable(PrintStream out, List<List<String>> rows) {
        if (rows.isEmpty()) return;
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], r.get(i).codePointCount(0, r.get(i).length()));
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            sb.setLength(0);
            for (int i = 0; i < cols; i++) {
                String cell = r.get(i).replace('\n', ' ').replace('\r', ' ');
                sb.append(cell);
                if (i < cols - 1) sb.append(" ".repeat(width[i] - cell.codePointCount(0, cell.length()) + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    /** One CSV record: fields with a comma, quote or line break are quoted, quotes doubled. */
    static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    /** Splits one CSV line (quotes as {@link #csvLine} writes them). */
    static List<String> parseCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString().trim());
        return cells;
    }

    static UncheckedIOException io(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
}
