package io.simfleet.portal;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.admin.OnboardingService;
import io.simfleet.admin.OnboardingService.NewEnterprise;
import io.simfleet.admin.SimCsv;
import io.simfleet.auth.AuthService;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's pages ({@code /portal/operator/**}, ROLE_OPERATOR): accounts (list, create an
 * enterprise), the users of an account, the catalog's SIM products and an account's catalog, SIM
 * import by CSV. The operator API's services, called as {@code AdminController} calls them
 * (same checks: a parent is required, a username needs a password, SIMs go to enterprises only).
 */
@Controller
class OperatorPagesController {
    private final AccountService accounts;
    private final AuthService auth;
    private final OnboardingService onboarding;
    private final CatalogService catalog;
    private final SimService sims;

    OperatorPagesController(AccountService accounts, AuthService auth, OnboardingService onboarding, CatalogService catalog,
                            SimService sims) {
        this.accounts = accounts;
        this.auth = auth;
        this.onboarding = onboarding;
        this.catalog = catalog;
        this.sims = sims;
    }

    /** A SIM import's CSV has one SIM a line: line breaks are its separators, any other control character is refused. */
    @InitBinder
    void csv(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, "csv", new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String v = text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
                if (v != null && Input.hasControlCharacter(v.replace("\n", ""))) throw new IllegalArgumentException("control character");
                setValue(v);
            }
        });
    }

    // --- accounts

    record EnterpriseForm(String accountId, String parentAccountId, String name, String subscriberType, String oemEnabled,
                          String username, String password) {}

    @GetMapping("/portal/operator/accounts")
    String accounts(Actor actor, Model model) {
        return accountsPage(new EnterpriseForm("", "", "", "1", null, "", ""), null, model);
    }

    @PostMapping("/portal/operator/accounts")
    String createEnterprise(Actor actor, EnterpriseForm f, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            if (blank(f.parentAccountId())) throw DomainException.missing("parentAccountId");
            String username = blank(f.username()) ? null : f.username().trim();
            String password = blank(f.password()) ? null : f.password();
            if (username != null && password == null) throw DomainException.missing("password");
            Account a = onboarding.createEnterprise(new NewEnterprise(blank(f.accountId()) ? null : number(f.accountId(), "accountId"),
                    number(f.parentAccountId(), "parentAccountId"), f.name(),
                    "0".equals(f.subscriberType()) ? 0 : 1, f.oemEnabled() != null, false, false, username, password, null));
            flash.addFlashAttribute("done", "Enterprise " + a.id() + " " + a.name() + " created.");
            return "redirect:/portal/operator/accounts";
        } catch (DomainException e) {
            response.setStatus(422);
            return accountsPage(f, e.code().code() + " " + e.getMessage(), model);
        }
    }

    private String accountsPage(EnterpriseForm form, String refused, Model model) {
        List<Account> all = accounts.all();
        model.addAttribute("accounts", all);
        model.addAttribute("parents", all.stream().filter(a -> !a.isEnterprise()).toList());
        model.addAttribute("form", form);
        model.addAttribute("refused", refused);
        return "portal/operator-accounts";
    }

    // --- users

    @GetMapping("/portal/operator/users")
    String users(Actor actor, @RequestParam(required = false) String accountId, Model model) {
        model.addAttribute("accountId", accountId);
        model.addAttribute("accounts", accounts.all());
        if (!blank(accountId)) {
            Account a = existing(accountId);
            model.addAttribute("account", a);
            model.addAttribute("users", auth.users(a.id()));
        }
        return "portal/operator-users";
    }

    @PostMapping("/portal/operator/users")
    String createUser(Actor actor, @RequestParam(required = false) String accountId, @RequestParam(required = false) String username,
                      @RequestParam(required = false) String password, RedirectAttributes flash) {
        Account a = existing(accountId);
        try {
            auth.createUser(username, password, a.id());
            flash.addFlashAttribute("done", "User " + username + " created.");
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", e.code().code() + " " + e.getMessage());
        }
        return "redirect:/portal/operator/users?accountId=" + a.id();
    }

    // --- catalog

    @GetMapping("/portal/operator/catalog")
    String catalog(Actor actor, @RequestParam(required = false) String accountId, Model model) {
        model.addAttribute("simProducts", catalog.simProducts());
        model.addAttribute("accountId", accountId);
        model.addAttribute("enterprises", accounts.all().stream().filter(Account::isEnterprise).toList());
        if (!blank(accountId)) {
            Account a = existing(accountId);
            model.addAttribute("account", a);
            model.addAttribute("view", catalog.view(a.id()));
        }
        return "portal/operator-catalog";
    }

    // --- SIM import

    @GetMapping("/portal/operator/sims")
    String importForm(Actor actor, Model model) {
        model.addAttribute("enterprises", accounts.all().stream().filter(Account::isEnterprise).toList());
        return "portal/operator-sims";
    }

    /** The admin API's CSV import ({@link SimCsv}, {@link SimService#importSims}), from a pasted or read file. */
    record ImportForm(String accountId, String csv) {}

    @PostMapping("/portal/operator/sims")
    String importSims(Actor actor, ImportForm form, RedirectAttributes flash) {
        String accountId = form.accountId();
        String csv = form.csv();
        try {
            if (blank(accountId)) throw DomainException.missing("accountId");
            Account a = accounts.find(number(accountId, "accountId"))
                    .orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "account " + accountId));
            if (!a.isEnterprise()) throw DomainException.wrong("accountId (not an enterprise)");
            List<Sim> imported = sims.importSims(a.id(), SimCsv.parse(csv));
            flash.addFlashAttribute("done", "Imported " + imported.size() + " SIMs into " + a.id() + " " + a.name() + ": ICCID "
                    + imported.get(0).iccid() + " to " + imported.get(imported.size() - 1).iccid() + ".");
        } catch (DomainException e) {
            flash.addFlashAttribute("refused", e.code().code() + " " + e.getMessage());
        }
        return "redirect:/portal/operator/sims";
    }

    private Account existing(String id) {
        if (blank(id) || !id.trim().matches("\\d{1,18}")) throw new PortalAdvice.PortalNotFound();
        return accounts.find(Long.parseLong(id.trim())).orElseThrow(PortalAdvice.PortalNotFound::new);
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static long number(String v, String field) {
        if (!v.trim().matches("\\d{1,18}")) throw DomainException.wrong(field);
        return Long.parseLong(v.trim());
    }
}
