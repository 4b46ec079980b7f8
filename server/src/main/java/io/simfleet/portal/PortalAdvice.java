package io.simfleet.portal;

import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page has in its model — the signed-in {@code actor}, its {@code menu} and the
 * {@code path} being shown (for the menu's current item) — and how a refused use case is shown:
 * an object of another account, or none, is "not found" (HTTP 404), as the API answers it; any
 * other refusal shows the API's result code and description. Ahead of the API's JSON advice, for
 * the portal's controllers only.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {
    /** The codes the services raise for an id that is not in the acting account. */
    private static final Set<ResultCode> NOT_FOUND = Set.of(ResultCode.GET_ENDPOINT_PROFILE_FAILURE);

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            model.addAttribute("actor", actor);
            model.addAttribute("menu", PortalMenu.of(actor));
        } else {
            model.addAttribute("menu", List.of());
        }
        model.addAttribute("path", request.getRequestURI());
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        boolean notFound = NOT_FOUND.contains(e.code()) || (e.detail() != null && e.detail().endsWith("not found"));
        response.setStatus(notFound ? 404 : 422);
        model.addAttribute("heading", notFound ? "Not found" : "Refused");
        model.addAttribute("message", notFound ? "Not found: no such object in this account." : e.code().code() + " " + e.getMessage());
        return "portal/problem";
    }

    @ExceptionHandler(PortalNotFound.class)
    String notFound(Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        response.setStatus(404);
        model.addAttribute("heading", "Not found");
        model.addAttribute("message", "Not found: no such object in this account.");
        return "portal/problem";
    }

    /** A portal path naming an object that cannot exist (a malformed id): answered like another account's. */
    static final class PortalNotFound extends RuntimeException {
        PortalNotFound() {
            super(null, null, false, false);
        }
    }
}
