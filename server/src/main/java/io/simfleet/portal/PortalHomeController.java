package io.simfleet.portal;

import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's start and its login page (the login itself and logout are Spring Security's, PortalSecurityConfig). */
@Controller
class PortalHomeController {

    /** Where a signed-in user lands: an enterprise's dashboard, or the reseller's or operator's start. */
    @GetMapping("/portal")
    String start(Actor actor) {
        return actor.accountType() == AccountType.ENTERPRISE ? "redirect:/portal/dashboard" : "redirect:/portal/support";
    }

    /** The form; after a refusal, why (the API's description: wrong password, blocked user, disabled account, too many attempts). */
    @GetMapping(PortalSecurityConfig.LOGIN)
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (request.getParameter("error") != null
                    && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
                model.addAttribute("error", e.getMessage());
            }
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            Object ended = session.getAttribute(PortalSessionFilter.ENDED);
            if (ended != null) {
                model.addAttribute("error", ended.toString());
                session.removeAttribute(PortalSessionFilter.ENDED);
            }
        }
        if (request.getParameter("logout") != null) model.addAttribute("info", "You have been signed out.");
        return "portal/login";
    }
}
