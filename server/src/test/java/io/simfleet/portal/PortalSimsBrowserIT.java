package io.simfleet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.IntegrationTest;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The SIMs and bulk pages and the operator's SIM import in a real headless Chromium: a tenant with
 * 1000 Ready To Activate SIMs sees them, provisions all 1000 from the Ready To Activate range and
 * watches the job's progress bar reach Success, finds the SIMs Active; the operator imports SIMs
 * from a CSV file. Screenshots under target/portal-screenshots/.
 */
@IntegrationTest
@Tag("browser")
class PortalSimsBrowserIT {
    @Autowired
    Environment env;

    private int port() {
        return Integer.parseInt(env.getRequiredProperty("local.server.port"));
    }

    @Test
    void aBulkProvisioningOf1000FromThePortalReachesSuccessAndTheOperatorImportsSimsByCsv() throws Exception {
        Fixtures fixtures = new Fixtures(new Api(port()));
        Tenant t = fixtures.enterprise(1000);
        try (Browser b = Browser.open(port())) {
            b.login(t.username(), "secret");
            b.click("nav.menu a[href='/portal/sims']");
            assertEquals("1000", b.text("#sim-total"));
            assertTrue(b.text("#sim-list tbody").contains(t.iccids().get(0)));
            b.screenshot("sims");

            b.go("/portal/sims/ready");
            assertTrue(b.text("#ready-ranges tbody").contains(t.iccids().get(999)), "one range of 1000");
            b.click("#ready-ranges tbody a");
            assertEquals(t.iccids().get(0), b.find("#startIccid").getAttribute("value"));
            assertEquals("1000", b.find("#quantity").getAttribute("value"));
            b.find("#name").sendKeys("fleet");
            new Select(b.find("#planId")).selectByValue(t.postPlan());
            new Select(b.find("#roamingProfileId")).selectByValue(Fixtures.roamingProfile(t));
            b.screenshot("bulk-provision");
            b.click("#provision");

            // the job's page: htmx polls the progress block every second until the job is done
            b.find("#job-progress");
            b.screenshot("job-running");
            b.waitForText("#job-status", "Success", Duration.ofSeconds(120));
            assertEquals("100%", b.text("#job-percent"));
            assertEquals("1000", b.text("#job-processed"));
            assertTrue(b.text("#result-list tbody").contains(t.iccids().get(0)), "per-item results");
            b.screenshot("job-done");

            b.go("/portal/jobs");
            assertTrue(b.text("#job-list tbody").contains("Success"));
            b.go("/portal/sims");
            new Select(b.find("#state")).selectByValue("ACTIVE");
            b.waitForText("#sim-list tbody", "fleet_1");
            b.screenshot("sims-active");
            b.logout();
        }

        // the operator imports three SIMs into the tenant from a CSV file
        String base = "89440" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L) + "00";
        StringBuilder csv = new StringBuilder("iccid,masterImsi,msisdn,product\n");
        for (int i = 0; i < 3; i++) {
            String iccid = new BigInteger(base).add(BigInteger.valueOf(i)).toString();
            csv.append(iccid).append(",20644").append(iccid, 9, 19).append(",4917").append(iccid, 8, 19).append(",IR1-1EU28-Multi\n");
        }
        Path file = Files.createTempFile("sims", ".csv");
        Files.writeString(file, csv);
        try (Browser b = Browser.open(port())) {
            b.login("admin", "admin");
            b.click("nav.menu a[href='/portal/operator/sims']");
            new Select(b.find("#accountId")).selectByValue(Long.toString(t.accountId()));
            b.find("#csvFile").sendKeys(file.toAbsolutePath().toString());
            b.waitForValue("#csv", base);
            b.click("#import");
            assertTrue(b.text("#done").contains("Imported 3 SIMs"), b.text("main"));
            b.screenshot("operator-sim-import");
            b.click("nav.menu a[href='/portal/operator/accounts']");
            assertTrue(b.text("#account-list").contains(Long.toString(t.accountId())));
            b.screenshot("operator-accounts");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
