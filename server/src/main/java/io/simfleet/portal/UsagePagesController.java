package io.simfleet.portal;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointBrowser;
import io.simfleet.endpoint.EndpointQuery;
import io.simfleet.endpoint.EndpointViews.ListItem;
import io.simfleet.endpoint.TagFilter;
import io.simfleet.usage.AccountUsage;
import io.simfleet.usage.UsageService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Statistics (the account's usage per day over a date range, from its daily aggregate; one
 * endpoint's through GetStatistics' own service) and Billing (the month's cost of the account
 * from the aggregate, and a keyset page of its endpoints with their month's cost: one page is
 * bounded work whatever the number of endpoints). Each also as CSV. docs/portal.md.
 */
@Controller
class UsagePagesController {
    static final int PAGE = 50;
    static final int EXPORT_CHUNK = 1000;

    private final AccountUsage usage;
    private final UsageService statistics;
    private final EndpointBrowser browser;
    private final CatalogService catalog;

    UsagePagesController(AccountUsage usage, UsageService statistics, EndpointBrowser browser, CatalogService catalog) {
        this.usage = usage;
        this.statistics = statistics;
        this.browser = browser;
        this.catalog = catalog;
    }

    /** One endpoint's day and service, as GetStatistics answers it, shown in MB / messages. */
    record EndpointRow(String day, String service, String uplinkMb, String downlinkMb, long count, String cost) {}

    @GetMapping("/portal/statistics")
    String statistics(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String endpointId, Model model) {
        LocalDate today = usage.today(actor);
        LocalDate f = date(from, today.minusDays(29)), t = date(to, today);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("endpointId", endpointId);
        try {
            List<AccountUsage.Day> days = usage.days(actor, f, t);
            long data = days.stream().mapToLong(AccountUsage.Day::dataBytes).sum();
            long sms = days.stream().mapToLong(AccountUsage.Day::sms).sum();
            BigDecimal cost = days.stream().map(AccountUsage.Day::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            model.addAttribute("usage", UsageView.of(f + " – " + t, data, sms, cost, days));
        } catch (DomainException e) {
            model.addAttribute("refused", "Date range refused: " + e.code().code() + " " + e.getMessage()
                    + " (the end must not be before the start, at most " + UsageService.MAX_STATISTICS_DAYS + " days)");
        }
        if (endpointId != null && !endpointId.isBlank()) {
            if (!endpointId.strip().matches("\\d{1,18}")) {
                model.addAttribute("endpointRefused", "Endpoint id: digits only.");
            } else {
                try {
                    List<EndpointRow> rows = new ArrayList<>();
                    for (UsageService.Daily d : statistics.statistics(actor, Long.parseLong(endpointId.strip()), f, t)) {
                        rows.add(new EndpointRow(d.day().toString(), d.service(), UsageView.mb(d.uplink()), UsageView.mb(d.downlink()),
                                d.count(), UsageView.money(d.cost())));
                    }
                    model.addAttribute("endpointRows", rows);
                } catch (DomainException e) {
                    model.addAttribute("endpointRefused", e.code() == ResultCode.NO_RECORD_EXISTS
                            ? "No usage of this endpoint in the range."
                            : e.code().code() + " " + e.getMessage() + (e.getMessage().contains("endPointId") ? " (not an endpoint of this account)" : ""));
                }
            }
        }
        return "portal/statistics";
    }

    @GetMapping("/portal/statistics/export")
    void statisticsExport(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          HttpServletResponse response) throws IOException {
        LocalDate today = usage.today(actor);
        List<String[]> rows = new ArrayList<>();
        for (UsageView.Row r : UsageView.rows(usage.days(actor, date(from, today.minusDays(29)), date(to, today)))) {
            rows.add(new String[] {r.day(), r.dataMb(), Long.toString(r.sms()), r.cost()});
        }
        CatalogPagesController.csv(response, "statistics.csv", new String[] {"day", "dataMb", "sms", "cost"}, rows);
    }

    /** An endpoint of the billing list with its plan and the month's cost. */
    record BillRow(long endpointId, String name, String planId, String planName, String cost) {}

    @GetMapping("/portal/billing")
    String billing(Actor actor, @RequestParam(required = false) String month, @RequestParam(required = false) Long after, Model model) {
        YearMonth m = month(actor, month);
        EndpointBrowser.Slice slice = browser.browse(actor, new EndpointQuery(null, null, new TagFilter.Any(), false, after, PAGE));
        model.addAttribute("month", m);
        model.addAttribute("previous", m.minusMonths(1));
        model.addAttribute("next", m.isBefore(YearMonth.from(usage.today(actor))) ? m.plusMonths(1) : null);
        model.addAttribute("total", UsageView.money(usage.monthCost(actor, m)));
        model.addAttribute("rows", bill(actor, m, slice.rows()));
        model.addAttribute("after", after);
        model.addAttribute("nextPage", slice.next());
        return "portal/billing";
    }

    /** Every endpoint with its month's cost, a keyset chunk at a time (never the whole list in memory). */
    @GetMapping("/portal/billing/export")
    void billingExport(Actor actor, @RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        YearMonth m = month(actor, month);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"billing-" + m + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(Csv.row("month", "endpointId", "name", "planId", "planName", "cost"));
        Long after = null;
        do {
            EndpointBrowser.Slice slice = browser.browse(actor, new EndpointQuery(null, null, new TagFilter.Any(), false, after, EXPORT_CHUNK));
            for (BillRow r : bill(actor, m, slice.rows())) {
                out.write(Csv.row(m.toString(), Long.toString(r.endpointId()), r.name(), r.planId(), r.planName(), r.cost()));
            }
            out.flush();
            after = slice.next();
        } while (after != null);
    }

    private List<BillRow> bill(Actor actor, YearMonth m, List<ListItem> items) {
        Map<Long, BigDecimal> costs = usage.monthCost(actor, m, items.stream().map(i -> i.endpoint().id()).toList());
        Map<String, Plan> plans = catalog.view(actor.accountId()).plansById(items.stream().map(i -> i.endpoint().planId()).toList());
        List<BillRow> rows = new ArrayList<>();
        for (ListItem i : items) {
            Plan p = plans.get(i.endpoint().planId());
            rows.add(new BillRow(i.endpoint().id(), i.endpoint().name(), i.endpoint().planId(), p == null ? "" : p.name(),
                    UsageView.money(costs.getOrDefault(i.endpoint().id(), BigDecimal.ZERO))));
        }
        return rows;
    }

    private YearMonth month(Actor actor, String value) {
        YearMonth current = YearMonth.from(usage.today(actor));
        if (value == null || value.isBlank()) return current;
        try {
            YearMonth m = YearMonth.parse(value.strip());
            return m.isAfter(current) ? current : m;
        } catch (DateTimeParseException e) {
            return current;
        }
    }

    private static LocalDate date(String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) return otherwise;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
