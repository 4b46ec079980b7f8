package io.simfleet.portal;

/** CSV rows (RFC 4180) of the portal's exports; a cell a spreadsheet would run as a formula is quoted with a leading '. */
final class Csv {
    private Csv() {}

    static String row(String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells[i]));
        }
        return b.append("\r\n").toString();
    }

    static String cell(String v) {
        if (v == null || v.isEmpty()) return "";
        String s = "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
