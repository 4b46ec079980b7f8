package io.simfleet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.IntegrationTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * CREATE ENDPOINT as the walkthrough does it, in a real headless Chromium, with its own ids (the
 * demo enterprise 41078552: APN group PDP_1108, plan DEFAULTPOST41078552, roaming profile 358, SIM
 * 8932042000000015191): find it in the list, de-link and link its SIM, the USAGE tab's chart, the
 * DIAGNOSIS tab; then de-link and delete it (the demo data is as it was). Screenshots at 1280×800
 * under target/portal-screenshots/.
 */
@IntegrationTest
@Tag("browser")
class PortalEndpointBrowserIT {
    static final String WALKTHROUGH_ICCID = "8932042000000015191";

    // not an ApiTestBase: that is the Surefire layer OpenApiConformanceTest counts (this runs in Failsafe)
    @Autowired
    Environment env;
    @Autowired
    Clock clock;

    private int port() {
        return Integer.parseInt(env.getRequiredProperty("local.server.port"));
    }

    @Test
    void createAnEndpointAsTheWalkthroughDoesThenDelinkAndLinkItsSimAndSeeItsUsage() {
        try (Browser b = Browser.open(port())) {
            b.login("customer", "customer");
            b.click("nav.menu a[href='/portal/endpoints']");
            b.click("#create-endpoint");
            assertEquals("Create endpoint", b.text("main h1"));
            new Select(b.find("#apnGroupId")).selectByValue("PDP_1108");
            new Select(b.find("#planId")).selectByValue("DEFAULTPOST41078552");
            b.click("#rp-358");
            Select sims = new Select(b.find("#iccid"));
            // the walkthrough's SIM when it is still Ready To Activate, else the first that is
            String iccid = sims.getOptions().stream().map(o -> o.getAttribute("value")).anyMatch(WALKTHROUGH_ICCID::equals)
                    ? WALKTHROUGH_ICCID : sims.getOptions().get(1).getAttribute("value");
            sims.selectByValue(iccid);
            // first without a name: the service's refusal next to the field it names
            b.click("#create");
            assertTrue(b.text("#name-error").startsWith("1000"), b.text("#name-error"));
            b.find("#name").sendKeys("Endpoint");
            b.screenshot("endpoint-create");
            b.click("#create");

            b.waitForText(".alert.ok", "created");
            assertEquals("Active", b.text("#ep-status"));
            assertTrue(b.text(".endpoint-header").contains(iccid));
            String id = b.driver.getCurrentUrl().replaceFirst(".*/", "");
            b.screenshot("endpoint-created");

            // found in the list by its ICCID
            b.click("nav.menu a[href='/portal/endpoints']");
            b.find("#q").sendKeys(iccid, Keys.ENTER);
            b.waitForCount("#results tbody tr", 1);
            assertTrue(b.text("#results tbody").contains(id));
            b.click("#results tbody a");

            // usage of the last days, ingested as the network reports it
            ingest(b.text("#ep-imsi"));
            b.click("nav.tabs a[href$='/usage']");
            b.find("#usage-chart");
            assertTrue(b.driver.findElements(By.cssSelector("#usage-table tbody tr")).size() >= 2, b.text("#usage-table"));
            assertTrue(!b.text("#ep-month-data").startsWith("0.00") || !b.text("#ep-month-sms").equals("0"), "the month's usage in the header");
            b.screenshot("endpoint-usage");

            b.click("nav.tabs a[href$='/benefits']");
            b.find("section[aria-label='Benefits'] h2");
            b.screenshot("endpoint-benefits");
            b.click("nav.tabs a[href$='/counter']");
            b.find("section[aria-label='Counter']");
            b.click("nav.tabs a[href$='/addons']");
            b.find("#planId");

            b.click("nav.tabs a[href$='/diagnosis']");
            b.find("#coverage");
            b.screenshot("endpoint-diagnosis");

            b.click("#action-change");
            b.find("#modify");
            b.screenshot("endpoint-change");
            b.go("/portal/endpoints/" + id);

            // DE-LINK SIM (confirmed on its own page), then LINK SIM again
            b.click("#action-delink");
            assertEquals("De-link the SIM of this endpoint?", b.text("main h1"));
            b.click("#confirm");
            b.waitForText(".alert.ok", "De-link SIM");
            assertEquals("Hold", b.text("#ep-status"));
            b.click("#action-link");
            b.find("#iccid").sendKeys("8999999999999999999");
            b.click("#confirm");
            assertTrue(b.text("#iccid-error").contains("ICCID not available"), b.text("#iccid-error"));
            b.find("#iccid").clear();
            b.find("#iccid").sendKeys(iccid);
            b.click("#confirm");
            b.waitForText(".alert.ok", "Link SIM");
            assertEquals("Pre-Active", b.text("#ep-status"));
            assertTrue(b.text(".endpoint-header").contains(iccid));

            // back as it was: de-link, then DELETE ENDPOINT
            b.click("#action-delink");
            b.click("#confirm");
            b.waitForText(".alert.ok", "De-link SIM");
            b.click("#action-delete");
            b.click("#confirm");
            b.waitForText(".alert.ok", "deleted");
        }
    }

    /** Two days of data and SMS for the SIM, through the operator's usage intake. */
    private void ingest(String imsi) {
        Api admin = new Fixtures(new Api(port())).admin();
        Instant now = clock.instant();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            Instant at = now.minus(Duration.ofDays(d)).minus(Duration.ofMinutes(5));
            records.add(record("pe-" + imsi + "-" + now.toEpochMilli() + "-d" + d, "DATA", imsi, at, "uplinkBytes", 300_000L * (d + 1),
                    "downlinkBytes", 900_000L * (d + 1)));
            records.add(record("pe-" + imsi + "-" + now.toEpochMilli() + "-s" + d, "SMS_MO", imsi, at.plusSeconds(30)));
        }
        var r = admin.post("/admin/usage", records);
        assertTrue(r.status() == 200 && r.json().path("refused").asInt() == 0, r.raw());
    }

    private static Map<String, Object> record(String id, String type, String imsi, Instant at, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", id);
        m.put("type", type);
        m.put("imsi", imsi);
        m.put("startTime", at.toString());
        for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
        return m;
    }
}
