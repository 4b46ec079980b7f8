package io.simfleet.sftapi;

import static io.simfleet.sftapi.Sft.obj;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.usage.UsageService;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GetStatistics and UpdateThreshold, as the reference writes them. */
@RestController
class UsageController {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    /** An UpdateThreshold's largest threshold: 100 TB in MB. */
    private static final long MAX_THRESHOLD_MB = 100L * 1024 * 1024;

    private final UsageService usage;

    UsageController(UsageService usage) {
        this.usage = usage;
    }

    @GetMapping("/api/GetStatistics")
    ResponseEntity<Map<String, Object>> statistics(Actor actor, @RequestParam(required = false) String endPointId,
                                                   @RequestParam(name = "from_date", required = false) String fromDate,
                                                   @RequestParam(name = "to_date", required = false) String toDate) {
        long id = EndpointController.endpointId(endPointId);
        LocalDate from = date(fromDate, "from_date"), to = date(toDate, "to_date");
        List<UsageService.Daily> days = usage.statistics(actor, id, from, to);
        return Sft.success(ResultCode.STATISTICS_SUCCESS, obj("responseParam", statistics(days)));
    }

    private static LocalDate date(String v, String field) {
        if (v == null || v.isBlank()) throw DomainException.missing(field);
        String s = v.trim();
        if (s.length() != 8) throw DomainException.wrong(field);
        try {
            return LocalDate.parse(s, YYYYMMDD);
        } catch (DateTimeException e) {
            throw DomainException.wrong(field);
        }
    }

    /** The reference's lists per day, then the totals; only the services that had usage. */
    static Map<String, Object> statistics(List<UsageService.Daily> days) {
        List<Map<String, Object>> sms = new ArrayList<>(), data = new ArrayList<>(), nbiot = new ArrayList<>();
        long[] dataTotal = new long[2], nbiotTotal = new long[2];
        BigDecimal dataCost = BigDecimal.ZERO, nbiotCost = BigDecimal.ZERO;
        Map<String, Object[]> smsTotals = new LinkedHashMap<>();
        for (UsageService.Daily d : days) {
            String date = DAY.format(d.day());
            switch (d.service()) {
                case "DATA":
                    data.add(volume(d, date));
                    dataTotal[0] += d.uplink();
                    dataTotal[1] += d.downlink();
                    dataCost = dataCost.add(d.cost());
                    break;
                case "NBIOT":
                    nbiot.add(volume(d, date));
                    nbiotTotal[0] += d.uplink();
                    nbiotTotal[1] += d.downlink();
                    nbiotCost = nbiotCost.add(d.cost());
                    break;
                default:
                    sms.add(obj("totalCost", UsageWire.money3(d.cost()), "serviceName", d.service(), "date", date,
                            "totalCount", Long.toString(d.count())));
                    Object[] t = smsTotals.computeIfAbsent(d.service(), k -> new Object[] {0L, BigDecimal.ZERO});
                    t[0] = (Long) t[0] + d.count();
                    t[1] = ((BigDecimal) t[1]).add(d.cost());
            }
        }
        List<Map<String, Object>> smsTotal = new ArrayList<>();
        smsTotals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> smsTotal.add(obj(
                "totalCost", UsageWire.money3((BigDecimal) e.getValue()[1]), "serviceName", e.getKey(),
                "totalCount", Long.toString((Long) e.getValue()[0]))));
        return obj(
                "smsUsage", sms.isEmpty() ? null : sms,
                "dataUsage", data.isEmpty() ? null : data,
                "nbiotUsage", nbiot.isEmpty() ? null : nbiot,
                "smsTotalUsage", smsTotal.isEmpty() ? null : smsTotal,
                "dataTotalUsage", data.isEmpty() ? null : total(dataTotal, dataCost),
                "nbiotTotalUsage", nbiot.isEmpty() ? null : total(nbiotTotal, nbiotCost));
    }

    private static Map<String, Object> volume(UsageService.Daily d, String date) {
        return obj("totalCost", UsageWire.money3(d.cost()), "date", date, "uplink", UsageWire.mb(d.uplink()),
                "downlink", UsageWire.mb(d.downlink()), "totalVolume", UsageWire.mb(d.uplink() + d.downlink()));
    }

    private static Map<String, Object> total(long[] bytes, BigDecimal cost) {
        return obj("totalCost", UsageWire.money3(cost), "uplink", UsageWire.mb(bytes[0]), "downlink", UsageWire.mb(bytes[1]),
                "totalVolume", UsageWire.mb(bytes[0] + bytes[1]));
    }

    /**
     * UpdateThreshold: {@code Request.endPointId} and {@code requestParam} with {@code counterId},
     * {@code uniqueId} (the add-on subscription; 0 or absent for the base plan's counter),
     * {@code threshold} in MB and optionally {@code planId}.
     */
    @PostMapping("/api/UpdateThreshold")
    ResponseEntity<Map<String, Object>> updateThreshold(Actor actor, @RequestBody(required = false) String body) {
        Params req = Params.requestLevel(body, null, Map.of());
        if (!req.has("endPointId")) throw DomainException.missing("endPointId");
        long id = Params.parseLong(req.requiredText("endPointId"), "endPointId");
        Params p = req.requestParam(true);
        String counterId = p.requiredText("counterId");
        if (counterId.isEmpty() || counterId.length() > 100) throw DomainException.wrong("counterId");
        Long uniqueId = p.longValue("uniqueId");
        if (!p.has("threshold")) throw DomainException.missing("threshold");
        long threshold = Params.parseLong(p.requiredText("threshold"), "threshold");
        if (threshold < 1 || threshold > MAX_THRESHOLD_MB) throw DomainException.wrong("threshold");
        String planId = p.has("planId") ? p.requiredText("planId") : null;
        usage.updateThreshold(actor, id, planId, counterId, uniqueId == null ? 0 : uniqueId, threshold);
        return Sft.success(ResultCode.UPDATE_THRESHOLD_SUCCESS, Map.of());
    }
}
