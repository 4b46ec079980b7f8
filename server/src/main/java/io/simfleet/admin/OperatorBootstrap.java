package io.simfleet.admin;

import io.simfleet.account.AccountService;
import io.simfleet.account.AccountService.NewAccount;
import io.simfleet.auth.AuthService;
import io.simfleet.common.AccountType;
import io.simfleet.config.SimfleetProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the root of the account tree, the operator account 10000001 with its user
 * {@code admin}, the first time the server starts on a database. The password is
 * {@code SIMFLEET_ADMIN_PASSWORD}; without it, {@code admin} when the demo data is on, otherwise
 * a random one printed once in the log.
 */
@Component
class OperatorBootstrap {
    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);
    static final long OPERATOR = 10000001L;

    private final SimfleetProperties props;
    private final AccountService accounts;
    private final AuthService auth;
    private final TransactionTemplate tx;

    OperatorBootstrap(SimfleetProperties props, AccountService accounts, AuthService auth, TransactionTemplate tx) {
        this.props = props;
        this.accounts = accounts;
        this.auth = auth;
        this.tx = tx;
    }

    /** Runs once per start, before the server accepts a request ({@link StartupData}). */
    void run() {
        if (accounts.find(OPERATOR).isPresent()) return;
        String configured = props.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = !generated ? configured : props.demoDataEnabled() ? "admin" : randomPassword();
        tx.executeWithoutResult(s -> {
            accounts.create(new NewAccount(OPERATOR, null, AccountType.OPERATOR, "simfleet Operator", 1, false, false, false));
            auth.createUser("admin", password, OPERATOR);
        });
        if (!generated) {
            log.info("Operator account {} created with user 'admin' and the password of SIMFLEET_ADMIN_PASSWORD", OPERATOR);
        } else if (props.demoDataEnabled()) {
            log.info("Operator account {} created with user 'admin' and the demo password 'admin', which is public", OPERATOR);
        } else {
            log.warn("""
                    Operator account {} created with user 'admin' and a GENERATED password: {}
                      This log line is the only place it is shown (only its hash is stored): note it now.
                      To choose the password instead, set SIMFLEET_ADMIN_PASSWORD before the first start on a new database.""",
                    OPERATOR, password);
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
