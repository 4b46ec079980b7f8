package io.simfleet.common;

/**
 * Who is calling: the user, the account the user belongs to, and the account the call acts
 * in. They differ when a reseller uses support access ({@code targetAccountId}) to act inside a
 * descendant enterprise. {@code requestId} ties events to the response that answered them.
 */
public record Actor(String username, long userAccountId, long accountId, AccountType accountType, String requestId) {

    public boolean supportAccess() {
        return userAccountId != accountId;
    }

    public Actor withRequestId(String id) {
        return new Actor(username, userAccountId, accountId, accountType, id);
    }

    /** The platform itself, e.g. when loading demo data. */
    public static Actor system(long accountId) {
        return new Actor("system", accountId, accountId, AccountType.ENTERPRISE, "system");
    }
}
