package io.simfleet.portal;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.auth.AuthService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reseller or operator opens one of its enterprises: the API's support access
 * ({@link AuthService#openAccount}, written to the enterprise's activity log). The session then
 * acts in that enterprise (its pages, its data) until logout.
 */
@Controller
class SupportAccessController {
    /** Enterprises listed to open; more are opened by typing the id. */
    static final int LISTED = 500;

    private final AuthService auth;
    private final AccountService accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SupportAccessController(AuthService auth, AccountService accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    @GetMapping("/portal/support")
    String form(Actor actor, Model model) {
        // the enterprises this user may open (its account's descendants), when it acts in its own account
        List<Account> mine = actor.supportAccess() ? List.of() : accounts.enterprisesUnder(actor.userAccountId());
        model.addAttribute("enterprises", mine.size() > LISTED ? mine.subList(0, LISTED) : mine);
        model.addAttribute("enterpriseCount", mine.size());
        return "portal/support";
    }

    /** Ends support access: the session acts in the user's own account again (the session id changes, as at login). */
    @PostMapping("/portal/support/leave")
    String leave(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        if (actor.supportAccess()) {
            Account own = accounts.get(actor.userAccountId());
            request.changeSessionId();
            SecurityContext ctx = SecurityContextHolder.createEmptyContext();
            ctx.setAuthentication(new PortalAuthentication(new Actor(actor.username(), own.id(), own.id(), own.type(), null)));
            SecurityContextHolder.setContext(ctx);
            sessions.saveContext(ctx, request, response);
        }
        return "redirect:/portal";
    }

    @PostMapping("/portal/support/open")
    String open(Actor actor, @RequestParam(required = false) String accountId, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes flash) {
        if (accountId == null || !accountId.trim().matches("\\d{1,18}")) {
            flash.addFlashAttribute("refused", "Enter the id of one of your enterprises.");
            return "redirect:/portal/support";
        }
        Actor acting;
        try {
            acting = auth.openAccount(actor, Long.parseLong(accountId.trim()));
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", e.code().code() + " " + e.getMessage());
            return "redirect:/portal/support";
        }
        request.changeSessionId();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new PortalAuthentication(acting.withRequestId(null)));
        SecurityContextHolder.setContext(ctx);
        sessions.saveContext(ctx, request, response);
        return "redirect:/portal";
    }
}
