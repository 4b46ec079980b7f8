package io.simfleet.portal;

import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import java.util.Arrays;
import java.util.List;

/**
 * The portal's menu, as the walkthrough's last screen shows it, plus the operator's pages. An
 * item whose page is not built yet has no {@code path}: it is rendered disabled ("coming"), never
 * as a link to a stub. To add a page: give its item the page's path here and guard the path in
 * {@link PortalSecurityConfig} (docs/portal.md).
 */
enum PortalMenu {
    DASHBOARD("Dashboard", "/portal/dashboard", AccountType.ENTERPRISE),
    ENDPOINTS("Endpoints", "/portal/endpoints", AccountType.ENTERPRISE),
    SIMS("SIMs", "/portal/sims", AccountType.ENTERPRISE),
    SERVICES("Services", "/portal/services", AccountType.ENTERPRISE), // portal-catalog
    COVERAGE("Coverage", "/portal/coverage", AccountType.ENTERPRISE), // portal-catalog
    TARIFF("Tariff", "/portal/tariff", AccountType.ENTERPRISE), // portal-catalog
    APN("APN", "/portal/apn", AccountType.ENTERPRISE), // portal-catalog
    PLAN("Plan", "/portal/plans", AccountType.ENTERPRISE), // portal-catalog
    BILLING("Billing", "/portal/billing", AccountType.ENTERPRISE), // portal-catalog
    STATISTICS("Statistics", "/portal/statistics", AccountType.ENTERPRISE), // portal-catalog
    OPEN_ENTERPRISE("Open an enterprise", "/portal/support", null),
    ACCOUNTS("Accounts", "/portal/operator/accounts", AccountType.OPERATOR),
    USERS("Users", "/portal/operator/users", AccountType.OPERATOR),
    CATALOG("Catalog", "/portal/operator/catalog", AccountType.OPERATOR),
    SIM_IMPORT("SIM import", "/portal/operator/sims", AccountType.OPERATOR);

    private final String label;
    private final String path;
    /** The acting account type that sees the item; null: resellers and operators acting in their own account. */
    private final AccountType audience;

    PortalMenu(String label, String path, AccountType audience) {
        this.label = label;
        this.path = path;
        this.audience = audience;
    }

    public String label() {
        return label;
    }

    /** The page's path; null while the page is not built. */
    public String path() {
        return path;
    }

    public boolean built() {
        return path != null;
    }

    /** Whether {@code path} (a request's) is this item's page or below it. */
    public boolean holds(String requestPath) {
        return path != null && requestPath != null
                && (requestPath.equalsIgnoreCase(path) || requestPath.toLowerCase().startsWith(path.toLowerCase() + "/"));
    }

    static List<PortalMenu> of(Actor actor) {
        return Arrays.stream(values()).filter(m -> m.audience == null
                ? actor.accountType() != AccountType.ENTERPRISE && !actor.supportAccess()
                : m.audience == actor.accountType()).toList();
    }
}
