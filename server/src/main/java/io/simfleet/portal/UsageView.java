package io.simfleet.portal;

import io.simfleet.usage.AccountUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Usage as the portal shows it: data in MB (3 decimals), SMS as a count, cost with 3 decimals
 * (docs/usage.md), and a series for a Chart.js chart as '|'-separated data-* attributes.
 */
record UsageView(String month, String dataMb, long sms, String cost, List<Row> days, String labels, String data, String smsSeries) {
    static final BigDecimal MB = BigDecimal.valueOf(1024L * 1024L);

    record Row(String day, String dataMb, long sms, String cost) {}

    static String mb(long bytes) {
        return BigDecimal.valueOf(bytes).divide(MB, 3, RoundingMode.HALF_UP).toPlainString();
    }

    static String money(BigDecimal v) {
        return v.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    static List<Row> rows(List<AccountUsage.Day> days) {
        return days.stream().map(d -> new Row(d.day().toString(), mb(d.dataBytes()), d.sms(), money(d.cost()))).toList();
    }

    static UsageView of(AccountUsage.Summary s) {
        return of(s.month().toString(), s.dataBytes(), s.sms(), s.cost(), s.lastDays());
    }

    static UsageView of(String month, long dataBytes, long sms, BigDecimal cost, List<AccountUsage.Day> days) {
        List<Row> rows = rows(days);
        return new UsageView(month, mb(dataBytes), sms, money(cost), rows,
                rows.stream().map(Row::day).collect(Collectors.joining("|")),
                rows.stream().map(Row::dataMb).collect(Collectors.joining("|")),
                rows.stream().map(r -> Long.toString(r.sms())).collect(Collectors.joining("|")));
    }
}
