package io.simfleet.cli;

import static io.simfleet.cli.Output.col;

import io.simfleet.client.CallOptions;
import io.simfleet.client.model.EndpointCredit;
import io.simfleet.client.model.IngestionRefusal;
import io.simfleet.client.model.IngestionResult;
import io.simfleet.client.model.SmsUsage;
import io.simfleet.client.model.Statistics;
import io.simfleet.client.model.UsageFormat;
import io.simfleet.client.model.VolumeUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "usage", description = {
        "Shows an endpoint's usage per day and service from --from to --to, both included (GetStatistics; at most 366 days). "
                + "Volumes in MB and costs in the account's currency, with 3 decimals as the server writes them.",
        "table: a row per day and service, then the totals (date 'total'); csv: the day rows only; json: the answer's "
                + "responseParam (dataUsage, smsUsage, nbiotUsage and the totals). A range without usage prints no rows.",
        "The operator's sub-commands send usage records (ingest) and credit a prepaid endpoint (credit)."},
        synopsisSubcommandLabel = "[COMMAND]",
        subcommands = {UsageCommand.Ingest.class, UsageCommand.Credit.class},
        footerHeading = "%nExamples:%n",
        footer = {"  simfleet usage 51368592 --from 20260101 --to 20260131",
                "  simfleet usage 51368592 --from 20260101 --output csv > january.csv",
                "  simfleet usage ingest records.csv                      # operator"})
class UsageCommand extends BaseCommand implements Callable<Integer> {
    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter WIRE_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> SERVICE_ORDER = List.of("DATA", "NBIOT", "SMS_MO", "SMS_MT");

    @Parameters(paramLabel = "ENDPOINT_ID", arity = "0..1", description = "The endpoint.")
    String id;

    @Option(names = "--from", paramLabel = "YYYYMMDD", converter = DayConverter.class, description = "The first day (required with ENDPOINT_ID).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYYMMDD", converter = DayConverter.class, description = "The last day (default: today).")
    LocalDate to;

    /** A strict {@code YYYYMMDD}. */
    static final class DayConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim(), YYYYMMDD);
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a day as YYYYMMDD (e.g. 20260131)");
            }
        }
    }

    /** A row of the table and the CSV: one day (or the range: date "total") and one service. */
    record Row(String date, String serviceName, String uplink, String downlink, String totalVolume, String totalCount, String totalCost) {}

    static final List<Output.Column<Row>> COLUMNS = List.of(col("date", Row::date), col("serviceName", Row::serviceName),
            col("uplink", Row::uplink), col("downlink", Row::downlink), col("totalVolume", Row::totalVolume),
            col("totalCount", Row::totalCount), col("totalCost", Row::totalCost));

    @Override
    public Integer call() {
        if (id == null) {
            if (from != null || to != null) throw new CliException(ExitCodes.USAGE, "which endpoint? simfleet usage ENDPOINT_ID --from YYYYMMDD");
            spec.commandLine().usage(out());
            return ExitCodes.OK;
        }
        if (from == null) throw new CliException(ExitCodes.USAGE, "give the first day: --from YYYYMMDD");
        LocalDate last = to != null ? to : LocalDate.now();
        if (last.isBefore(from)) throw new CliException(ExitCodes.USAGE, "--to " + YYYYMMDD.format(last) + " is before --from " + YYYYMMDD.format(from));
        Statistics s = client().getStatistics(id, from, last);
        if (!s.hasUsage()) err().println("no usage of endpoint " + id + " from " + YYYYMMDD.format(from) + " to " + YYYYMMDD.format(last));
        if (format() == Output.Format.json) {
            Output.object(out(), format(), s, Map.of());
            return ExitCodes.OK;
        }
        List<Row> rows = dayRows(s);
        if (format() == Output.Format.table && s.hasUsage()) rows.addAll(totalRows(s));
        if (format() == Output.Format.table && rows.isEmpty()) return ExitCodes.OK;
        Output.list(out(), format(), COLUMNS, rows.stream());
        return ExitCodes.OK;
    }

    /** Per day, then DATA, NBIOT, SMS_MO, SMS_MT. */
    static List<Row> dayRows(Statistics s) {
        List<Row> rows = new ArrayList<>();
        for (VolumeUsage v : s.dataUsage()) rows.add(volume(v.date(), "DATA", v));
        for (VolumeUsage v : s.nbiotUsage()) rows.add(volume(v.date(), "NBIOT", v));
        for (SmsUsage m : s.smsUsage()) rows.add(sms(m.date(), m));
        rows.sort(Comparator.comparing((Row r) -> day(r.date())).thenComparing(r -> service(r.serviceName())));
        return rows;
    }

    static List<Row> totalRows(Statistics s) {
        List<Row> rows = new ArrayList<>();
        if (s.dataTotalUsage() != null) rows.add(volume("total", "DATA", s.dataTotalUsage()));
        if (s.nbiotTotalUsage() != null) rows.add(volume("total", "NBIOT", s.nbiotTotalUsage()));
        List<SmsUsage> sms = new ArrayList<>(s.smsTotalUsage());
        sms.sort(Comparator.comparing(m -> service(m.serviceName())));
        for (SmsUsage m : sms) rows.add(sms("total", m));
        return rows;
    }

    private static Row volume(String date, String service, VolumeUsage v) {
        return new Row(date, service, v.uplink(), v.downlink(), v.totalVolume(), "", v.totalCost());
    }

    private static Row sms(String date, SmsUsage m) {
        return new Row(date, m.serviceName(), "", "", "", Long.toString(m.totalCount()), m.totalCost());
    }

    private static LocalDate day(String wire) {
        try {
            return LocalDate.parse(wire, WIRE_DAY);
        } catch (DateTimeException | NullPointerException e) {
            return LocalDate.MAX;
        }
    }

    private static int service(String name) {
        int i = SERVICE_ORDER.indexOf(name);
        return i < 0 ? SERVICE_ORDER.size() : i;
    }

    @Command(name = "ingest", description = {
            "Operator: sends the usage records of a CSV or JSON file to the server's mediation input (POST /admin/usage), "
                    + "streamed: a file of any size is never read whole into memory. The server rates each new record and "
                    + "stores it once per record id and day, so sending a file again (after a failure, or by mistake) counts "
                    + "what it already has as duplicates; a network failure is retried the same way.",
            "CSV: a header line naming the fields (recordId, type, direction, imsi, startTime, duration, uplinkBytes, "
                    + "downlinkBytes, visitedMccMnc, rat, apn), then one record a line. JSON: an array of records, or "
                    + "{\"records\": [...]}. Fields and refusals: docs/usage.md.",
            "Prints the counts (received, accepted, duplicates, refused) and the refused records (table; csv: one row per "
                    + "refused record; json: the server's answer). Exit code 8 when some records were refused."},
            footerHeading = "%nExamples:%n",
            footer = {"  simfleet usage ingest cdr-20260131.csv",
                    "  zcat cdr.csv.gz | simfleet usage ingest - --format csv --output json"})
    static class Ingest extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "A .csv or .json file, or - for standard input (with --format).")
        String file;

        @Option(names = "--format", paramLabel = "csv|json", description = "The file's format (default: from its name).")
        UsageFormat format;

        @Override
        public Integer call() {
            boolean stdin = file.equals("-");
            Path path = stdin ? null : Path.of(file);
            UsageFormat f = format != null ? format : stdin ? null : UsageFormat.of(path).orElse(null);
            if (f == null) throw new CliException(ExitCodes.USAGE, "which format is " + file + "? give --format csv or --format json");
            if (!stdin && (!Files.isRegularFile(path) || !Files.isReadable(path))) {
                throw new CliException(ExitCodes.USAGE, "cannot read " + file);
            }
            long started = System.nanoTime();
            IngestionResult r = stdin ? client().operator().ingestUsage(env.in(), f) : client().operator().ingestUsage(path, f);
            err().println(r.received() + " received: " + r.accepted() + " accepted, " + r.duplicates() + " duplicates, " + r.refused()
                    + " refused, in " + BulkCommand.seconds(System.nanoTime() - started) + " s");
            List<Output.Column<IngestionRefusal>> refusals = List.of(col("index", x -> Long.toString(x.index())),
                    col("recordId", IngestionRefusal::recordId), col("reason", IngestionRefusal::reason));
            switch (format()) {
                case json:
                    Output.object(out(), format(), r, Map.of());
                    break;
                case csv:
                    Output.list(out(), format(), refusals, r.refusals().stream());
                    break;
                default: {
                    Map<String, String> counts = new LinkedHashMap<>();
                    counts.put("received", Long.toString(r.received()));
                    counts.put("accepted", Long.toString(r.accepted()));
                    counts.put("duplicates", Long.toString(r.duplicates()));
                    counts.put("refused", Long.toString(r.refused()));
                    Output.object(out(), format(), r, counts);
                    if (!r.refusals().isEmpty()) {
                        out().println();
                        Output.list(out(), format(), refusals, r.refusals().stream());
                        if (r.refused() > r.refusals().size()) out().println("(the first " + r.refusals().size() + " of " + r.refused() + " refusals)");
                    }
                }
            }
            return r.refused() > 0 ? ExitCodes.JOB_FAILED : ExitCodes.OK;
        }
    }

    @Command(name = "credit", description = "Operator: credits a prepaid endpoint's main account (POST /admin/accounts/{id}/endpoints/{endpointId}/credit), "
            + "in the account's currency, and lifts a data bar of an exhausted balance. Sent with an Idempotency-Key (a new one, or "
            + "--idempotency-key), so a lost answer is retried without crediting twice; give the same key to run the command again safely.",
            footerHeading = "%nExample:%n", footer = "  simfleet usage credit --account 41078554 --endpoint 51368601 --amount 5.00")
    static class Credit extends BaseCommand implements Callable<Integer> {
        @Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID", description = "The endpoint's enterprise.")
        String account;

        @Option(names = "--endpoint", required = true, paramLabel = "ENDPOINT_ID", description = "A prepaid endpoint.")
        String endpoint;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "More than 0, at most 3 decimals, e.g. 5.00.")
        BigDecimal amount;

        @Option(names = "--idempotency-key", paramLabel = "KEY", description = "The request's Idempotency-Key (default: a new one).")
        String key;

        @Override
        public Integer call() {
            EndpointCredit c = client().operator().creditEndpoint(account, endpoint, amount,
                    key == null ? CallOptions.NONE : CallOptions.idempotencyKey(key));
            if (format() == Output.Format.table) {
                out().println("Credited " + amount.toPlainString() + " to endpoint " + c.endpointId() + " (account " + c.accountId()
                        + "): balance " + c.balance().toPlainString());
                out().flush();
                return ExitCodes.OK;
            }
            Map<String, String> f = new LinkedHashMap<>();
            f.put("accountId", Long.toString(c.accountId()));
            f.put("endpointId", Long.toString(c.endpointId()));
            f.put("balance", c.balance().toPlainString());
            Output.object(out(), format(), c, f);
            return ExitCodes.OK;
        }
    }
}
