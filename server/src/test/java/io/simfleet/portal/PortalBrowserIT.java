package io.simfleet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.IntegrationTest;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.openqa.selenium.Keys;

/**
 * The portal in a real headless Chromium against the running server: log in, the dashboard, find
 * an endpoint by ICCID, open it, suspend and resume it, log out; another tenant cannot open it
 * by its URL; a name with markup shows as text. Screenshots under target/portal-screenshots/.
 */
@IntegrationTest
@Tag("browser")
class PortalBrowserIT {
    static final String HOSTILE = "<script>alert(1)</script>";

    // not an ApiTestBase: that is the Surefire layer OpenApiConformanceTest counts (this runs in Failsafe)
    @Autowired
    Environment env;

    private int port() {
        return Integer.parseInt(env.getRequiredProperty("local.server.port"));
    }

    private Api anon() {
        return new Api(port());
    }

    @Test
    void anEnterpriseUserFindsAnEndpointSuspendsAndResumesItAndLogsOut() {
        Fixtures fixtures = new Fixtures(anon());
        Tenant tenant = fixtures.enterprise(2);
        String iccid = tenant.iccids().get(0);
        long id = Fixtures.endpoint(tenant, iccid, true, "name", "meter " + HOSTILE);
        Fixtures.endpoint(tenant, null, false, "name", "other meter");
        try (Browser b = Browser.open(port())) {
            b.login(tenant.username(), "secret");
            assertEquals("Dashboard", b.text("main h1"));
            assertTrue(b.text("#ep-h").contains("2"), b.text("#ep-h"));
            b.find("#endpoint-chart");
            Path dashboard = b.screenshot("dashboard");

            b.click("nav.menu a[href='/portal/endpoints']");
            assertEquals("2", b.text("#endpoint-total"));
            b.find("#q").sendKeys(iccid, Keys.ENTER);
            // one endpoint has that ICCID: the list shrinks to it (htmx swaps the results in)
            b.waitForCount("#results tbody tr", 1);
            assertTrue(b.text("#results tbody").contains(iccid));
            // markup in a name is text, never a script (an alert would fail every later call)
            assertTrue(b.text("#results tbody").contains("meter " + HOSTILE));
            Path list = b.screenshot("endpoints");

            b.click("#results tbody a");
            assertEquals("meter " + HOSTILE, b.text("#ep-name"));
            assertEquals("Active", b.text("#ep-status"));
            assertTrue(b.text(".endpoint-header").contains(iccid));
            Path page = b.screenshot("endpoint");

            b.click("#action-suspend");
            b.click("#confirm");
            b.waitForText("#ep-status", "Suspend");
            assertTrue(b.text(".alert.ok").contains("Suspend"));
            b.click("#action-resume");
            b.click("#confirm");
            b.waitForText("#ep-status", "Active");

            b.click("nav.tabs a[href$='/events']");
            String events = b.text("main table");
            assertTrue(events.indexOf("Active") < events.lastIndexOf("Suspend"), "newest first: " + events);

            b.logout();
            assertTrue(b.text(".alert.info").contains("signed out"));
            b.go("/portal/endpoints/" + id);
            assertEquals("Log in", b.text("main h1"), "signed out: back to the login page");
            for (Path p : new Path[] {dashboard, list, page}) assertTrue(p.toFile().length() > 10_000, p + " has content");
        }
    }

    @Test
    void anotherTenantCannotOpenTheEndpointByItsUrl() {
        Fixtures fixtures = new Fixtures(anon());
        Tenant owner = fixtures.enterprise(1);
        long id = Fixtures.endpoint(owner, owner.iccids().get(0), true);
        Tenant other = fixtures.enterprise(0);
        try (Browser b = Browser.open(port())) {
            b.login(other.username(), "secret");
            assertEquals("Dashboard", b.text("main h1"));
            b.go("/portal/endpoints/" + id);
            assertEquals("Not found", b.text("main h1"));
            b.go("/portal/endpoints/" + id + "/events");
            assertEquals("Not found", b.text("main h1"));
            b.go("/portal/endpoints?q=" + owner.iccids().get(0));
            assertTrue(b.text("#results tbody").contains("No endpoint matches"));
        }
    }

    @Test
    void aBlockedUserIsToldWhyAndThePhoneLayoutWorks() throws Exception {
        Tenant tenant = new Fixtures(anon()).enterprise(0);
        try (Browser b = Browser.open(port(), 390, 844)) {
            for (int i = 0; i < 5; i++) b.login(tenant.username(), "wrong");
            b.login(tenant.username(), "secret");
            assertTrue(b.text(".alert.error").contains("blocked"), b.text(".alert.error"));
            b.screenshot("login-blocked-phone");
        }
        Tenant phone = new Fixtures(anon()).enterprise(1);
        Fixtures.endpoint(phone, phone.iccids().get(0), true, "name", "phone meter");
        try (Browser b = Browser.open(port(), 390, 844)) {
            b.login(phone.username(), "secret");
            b.click("nav.menu a[href='/portal/endpoints']");
            b.click("#results tbody a");
            assertEquals("phone meter", b.text("#ep-name"));
            // nothing wider than the screen but the tables' own scroll boxes
            Number width = (Number) b.driver.executeScript("return document.documentElement.scrollWidth");
            assertEquals(390L, ((Number) b.driver.executeScript("return window.innerWidth")).longValue(), "a phone's width");
            Object wide = b.driver.executeScript("return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
            assertTrue(width.intValue() <= 390, "page width " + width + ": " + wide);
            b.screenshot("endpoint-phone");
        }
        assertFalse(Files.notExists(Path.of("target", "portal-screenshots", "endpoint-phone.png")));
    }
}
