package io.simfleet.portal;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Usage and the catalog in a real headless Chromium (one server start, one browser): usage
 * ingested through POST /admin/usage shows on the dashboard's chart and on the Statistics page;
 * the Plan and Coverage pages as the walkthrough shows them. Screenshots under
 * target/portal-screenshots/ (usage-*, plan, coverage).
 */
@IntegrationTest
@Tag("browser")
class PortalUsageBrowserIT {
    static final long MB = 1024 * 1024;

    @Autowired
    Environment env;

    private int port() {
        return Integer.parseInt(env.getRequiredProperty("local.server.port"));
    }

    /** A PNG of one element (below the fold too) into target/portal-screenshots/{name}.png. */
    private static Path shoot(Browser b, String css, String name) {
        try {
            Path dir = Path.of("target", "portal-screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            org.openqa.selenium.WebElement e = b.find(css);
            // whole in the viewport first (Chromium crops an element's screenshot to what is visible)
            b.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
            Files.write(file, e.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void ingestedUsageShowsOnTheDashboardAndStatisticsAndTheCatalogAsTheWalkthrough() {
        Fixtures fx = new Fixtures(new Api(port()));
        Tenant t = fx.enterprise(1);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true, "name", "usage meter");
        String imsi = Fixtures.imsi(t.iccids().get(0));
        Instant now = Instant.now();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            Instant at = now.minus(Duration.ofDays(d)).minusSeconds(120);
            records.add(map("recordId", "bu-d-" + ep + "-" + d, "type", "DATA", "imsi", imsi, "startTime", at.toString(),
                    "uplinkBytes", (d + 1) * MB, "downlinkBytes", 2 * (d + 1) * MB));
            records.add(map("recordId", "bu-s-" + ep + "-" + d, "type", "SMS", "direction", "MO", "imsi", imsi, "time", at.toString()));
        }
        String ingested = fx.admin().post("/admin/usage", records).raw();
        assertTrue(ingested.contains("\"accepted\":12"), ingested);

        try (Browser b = Browser.open(port())) {
            b.login(t.username(), "secret");
            assertEquals("Dashboard", b.text("main h1"));
            b.find("#usage-chart");
            assertTrue(Double.parseDouble(b.text("#usage-data")) > 0, b.text("#usage-data"));
            Path dashboard = shoot(b, "#usage", "usage-dashboard");

            b.click("nav.menu a[href='/portal/statistics']");
            assertEquals("Statistics", b.text("main h1"));
            // 6 days of 3, 6, ... 18 MB: 63 MB and 6 SMS over the last 30 days
            assertEquals("63.000", b.text("#stat-data"));
            assertEquals("6", b.text("#stat-sms"));
            b.find("#endpointId").sendKeys(Long.toString(ep));
            b.find("#endpointId").submit();
            b.find("#endpoint-statistics");
            assertTrue(b.text("#endpoint-statistics").contains("SMS_MO"));
            Path statistics = shoot(b, "#account-usage", "usage-statistics");

            b.click("nav.menu a[href='/portal/plans']");
            assertTrue(b.text("#plans").contains("Plan Ref : DEFAULTPOST" + t.accountId()), b.text("#plans"));
            assertTrue(b.text("#basic-info").contains("Service Profile"));
            Path plan = b.screenshot("plan");
            b.click("#switch-prepaid");
            assertTrue(b.text("#plans").contains("DEFAULTPRE" + t.accountId()));

            b.click("nav.menu a[href='/portal/coverage']");
            assertTrue(b.text("#net-h").startsWith("List of Networks From"));
            assertTrue(b.text("#networks thead").contains("MCC/MNC"));
            Path coverage = b.screenshot("coverage");

            for (Path p : new Path[] {dashboard, statistics, plan, coverage}) assertTrue(p.toFile().length() > 5_000, p + " has content");
        }
        // on a phone: nothing wider than the screen but the tables' own scroll boxes
        try (Browser b = Browser.open(port(), 390, 844)) {
            b.login(t.username(), "secret");
            for (String page : List.of("/portal/dashboard", "/portal/statistics", "/portal/plans", "/portal/coverage", "/portal/tariff",
                    "/portal/billing")) {
                b.go(page);
                b.find("main h1");
                Number width = (Number) b.driver.executeScript("return document.documentElement.scrollWidth");
                assertTrue(width.intValue() <= 390, page + ": page width " + width);
            }
            b.go("/portal/plans");
            b.screenshot("plan-phone");
        }
    }
}
