package io.simfleet.admin;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.usage.UsageIngestion;
import io.simfleet.usage.UsageService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of usage (docs/usage.md): the mediation input that takes usage records of
 * the network side in batches, as JSON or as a CSV file of any size (read as a stream), and the
 * credit of a prepaid endpoint's main account.
 */
@RestController
@RequestMapping(path = "/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class UsageAdminController {
    private final UsageIngestion ingestion;
    private final UsageService usage;
    private final AccountService accounts;

    UsageAdminController(UsageIngestion ingestion, UsageService usage, AccountService accounts) {
        this.ingestion = ingestion;
        this.usage = usage;
        this.accounts = accounts;
    }

    /** JSON: an array of records, or {@code {"records": [...]}}. */
    @PostMapping(path = "/usage", consumes = MediaType.APPLICATION_JSON_VALUE)
    UsageIngestion.Result ingestJson(Actor actor, HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            return ingestion.ingestJson(actor, in);
        }
    }

    /** CSV with a header line naming the fields. */
    @PostMapping(path = "/usage", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    UsageIngestion.Result ingestCsv(Actor actor, HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            return ingestion.ingestCsv(actor, in);
        }
    }

    record Credit(BigDecimal amount) {}

    record Credited(long accountId, long endpointId, BigDecimal balance) {}

    /** Credits a prepaid endpoint's main account ({@code amount} in the account's currency); lifts a bar for an exhausted balance. */
    @PostMapping("/accounts/{id}/endpoints/{endpointId}/credit")
    Credited credit(Actor actor, @PathVariable long id, @PathVariable long endpointId, @RequestBody Credit c) {
        Account a = accounts.find(id).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "account " + id));
        if (!a.isEnterprise()) throw DomainException.wrong("accountId (not an enterprise)");
        Actor in = new Actor(actor.username(), actor.userAccountId(), id, actor.accountType(), actor.requestId());
        return new Credited(id, endpointId, usage.credit(in, endpointId, c == null ? null : c.amount()));
    }
}
