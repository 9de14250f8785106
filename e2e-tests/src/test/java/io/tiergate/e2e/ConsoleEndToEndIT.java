package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.e2e.PlatformProcesses.AUDIT;
import static io.tiergate.e2e.PlatformProcesses.url;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KeycloakTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser (Debian's Chromium), signed in through Keycloak's own pages, on the packaged
 * services. Each test registers the customers it needs, so no test depends on another's leftovers.
 */
class ConsoleEndToEndIT {

    static final int CONSOLE_PORT = Ports.test("console");
    static final int TAMPERED_CONSOLE_PORT = CONSOLE_PORT + 10;
    static final String CONSOLE = "http://127.0.0.1:" + CONSOLE_PORT;

    @BeforeAll
    static void start() {
        assertTrue(
                ConsoleBrowser.available(),
                "the browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver)");
        PlatformProcesses.ensureStarted();
        PlatformProcesses.startVariant("console", "console", CONSOLE_PORT, "none", consoleEnvironment(url(AUDIT)));
    }

    @AfterAll
    static void stop() {
        PlatformProcesses.stop("console");
    }

    static Map<String, String> consoleEnvironment(String auditUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("TIERGATE_CONSOLE_CLIENT_SECRET", "tiergate-console-dev-secret-0123456789abcdef");
        env.put("TIERGATE_CONSOLE_KEYCLOAK_ORIGIN", KeycloakTokens.keycloakUrl());
        env.put("QUARKUS_REST_CLIENT_IDENTITY_URL", url(PlatformProcesses.IDENTITY));
        env.put("QUARKUS_REST_CLIENT_TIER_URL", url(PlatformProcesses.TIER));
        env.put("QUARKUS_REST_CLIENT_ENTITLEMENT_URL", url(PlatformProcesses.ENTITLEMENT));
        env.put("QUARKUS_REST_CLIENT_AUDIT_URL", auditUrl);
        env.put("QUARKUS_REST_CLIENT_CAMPAIGN_URL", "http://127.0.0.1:" + Ports.test("campaign-service"));
        return env;
    }

    /** A name no earlier run used: duplicate-identity detection would otherwise send the case to review. */
    static String uniqueName() {
        StringBuilder name = new StringBuilder("Lindqvist");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void fillClaims(ConsoleBrowser b, String given, String family, String dateOfBirth, String country) {
        b.open("/me/onboarding");
        b.type("#givenName", given);
        b.type("#familyName", family);
        // a date input takes the digits in the browser's locale order (en-US: month, day, year)
        String[] ymd = dateOfBirth.split("-");
        b.find("#dateOfBirth").sendKeys(ymd[1] + ymd[2] + ymd[0]);
        b.type("#nationalities", country);
        b.type("#residenceCountry", country);
    }

    /** Registers a customer and verifies them with clean claims; returns their Keycloak subject. */
    static String onboardedCustomer(ConsoleBrowser b, String user) {
        b.register(user, "Pw-" + user + "-1");
        String subject = b.find("#my-subject").getText();
        fillClaims(b, "Marta", uniqueName(), "1990-04-17", "SE");
        b.clickAndLoad("#submit-claims");
        b.find("#status[data-status='VERIFIED']");
        return subject;
    }

    @Test
    void aNewCustomerRegistersOnboardsAndSeesVerified() {
        try (ConsoleBrowser b = new ConsoleBrowser(CONSOLE)) {
            b.register(uniqueUser("newcomer"), "Pw-newcomer-1");
            b.find("#start-onboarding");
            b.screenshot("customer-home");

            // Bad input first: the service's problem+json is shown next to the field it names.
            fillClaims(b, "Marta", uniqueName(), "1990-04-17", "XX");
            b.screenshot("onboarding");
            b.clickAndLoad("#submit-claims");
            WebElement error = b.find("#nationalities-error");
            assertTrue(b.find(".field.invalid #nationalities").isDisplayed());
            assertTrue(
                    b.find("#problem").getText().contains("VALIDATION_FAILED"),
                    b.find("#problem").getText());
            assertTrue(!error.getText().isBlank());

            fillClaims(b, "Marta", uniqueName(), "1990-04-17", "SE");
            b.clickAndLoad("#submit-claims");
            b.find("#status[data-status='VERIFIED']");
            b.screenshot("verification-status");

            b.open("/me");
            assertEquals("VERIFIED", b.find("#verification-heading + p .status").getText());

            // My usage: the PUBLIC tier's capabilities open once tier-service's grant reaches entitlement-service.
            await("fable-5:chat is open to the new customer")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        b.open("/me/usage");
                        b.find("#usage");
                        return b.present("#usage tr.usage-row[data-capability='fable-5:chat'] td.decision-ALLOW");
                    });
            b.screenshot("my-usage");
        }
    }

    @Test
    void aResearchRequestNeedsTwoOfficersInTwoBrowserSessions() {
        String requestPath;
        try (ConsoleBrowser customer = new ConsoleBrowser(CONSOLE)) {
            String subject = onboardedCustomer(customer, uniqueUser("researcher"));

            customer.open("/organizations/new");
            customer.type("#legalName", "Institute of " + uniqueName());
            customer.type(
                    "#registrationNumber", "R-" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
            customer.type("#countryOfIncorporation", "SE");
            new org.openqa.selenium.support.ui.Select(customer.find("#kind")).selectByValue("RESEARCH_INSTITUTION");
            customer.type("#representatives", "Marta Lindqvist, SE");
            customer.clickAndLoad("#register-organization");
            String organization = customer.find("#organization-id").getText();
            assertEquals(
                    "VERIFIED", customer.find("#organization-status .status").getText());
            assertTrue(customer.present("tr.member-row[data-subject='" + subject + "']"), "the registrant is a member");
            customer.screenshot("organization");

            // The representative manages the members: one added, then removed again.
            String colleague = UUID.randomUUID().toString();
            String colleagueRow = "tr.member-row[data-subject='" + colleague + "']";
            customer.type("#member-subject", colleague);
            customer.clickAndLoad("#add-member-button");
            assertEquals(
                    "MEMBER", customer.find(colleagueRow + " td:nth-child(2)").getText());
            customer.clickAndLoad(colleagueRow + " button.remove-member");
            customer.find("#members");
            assertTrue(!customer.present(colleagueRow), "the colleague is no longer a member");

            // tier-service learns of the verification and the organization from Kafka: file until it knows.
            await("tier-service accepts the RESEARCH request")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        customer.open("/me/tiers");
                        new org.openqa.selenium.support.ui.Select(customer.find("#tier")).selectByValue("RESEARCH");
                        customer.type("#organizationId", organization);
                        customer.type("#justification", "Evaluating model robustness for our alignment lab");
                        customer.type("#intendedUse", "Red-team evaluations under our IRB protocol");
                        customer.clickAndLoad("#file-request");
                        customer.until(
                                d -> d.getCurrentUrl().contains("/me/tier-requests/") || customer.present("#problem")
                                        ? Boolean.TRUE
                                        : null,
                                "an answer");
                        return customer.driver.getCurrentUrl().contains("/me/tier-requests/");
                    });
            assertEquals("PENDING", customer.find("#request-status").getAttribute("data-status"));
            assertEquals("0 / 2", customer.find("#approval-count").getText());
            requestPath = "/tier-requests/" + customer.driver.getCurrentUrl().replaceAll(".*/me/tier-requests/", "");

            try (ConsoleBrowser olivia = new ConsoleBrowser(CONSOLE);
                    ConsoleBrowser oscar = new ConsoleBrowser(CONSOLE)) {
                olivia.signIn("olivia", requestPath);
                olivia.clickAndLoad("#approve");
                olivia.until(
                        d -> "1 / 2".equals(olivia.find("#approval-count").getText()) ? Boolean.TRUE : null,
                        "the first approval");
                olivia.screenshot("tier-request");

                // The same officer cannot approve twice: the service refuses, and the page says why.
                olivia.clickAndLoad("#approve");
                WebElement refused = olivia.find("#problem");
                assertEquals("FOUR_EYES_SAME_OFFICER", refused.getAttribute("data-code"));
                assertEquals("1 / 2", olivia.find("#approval-count").getText());

                oscar.signIn("oscar", requestPath);
                oscar.clickAndLoad("#approve");
                assertEquals("GRANTED", oscar.find("#request-status").getAttribute("data-status"));
                assertEquals("2 / 2", oscar.find("#approval-count").getText());

                // The grant it issued: suspended and reinstated with a reason, each change in its history.
                oscar.clickAndLoad("#grant-link");
                assertEquals("ACTIVE", oscar.find("#grant-status").getAttribute("data-status"));
                oscar.type("#reason", "E2E: the institute's ethics approval is under review");
                oscar.clickAndLoad("#suspend");
                assertEquals("SUSPENDED", oscar.find("#grant-status").getAttribute("data-status"));
                oscar.type("#reason", "E2E: ethics approval renewed");
                oscar.clickAndLoad("#reinstate");
                assertEquals("ACTIVE", oscar.find("#grant-status").getAttribute("data-status"));
                String history = oscar.find("#grant-history").getText();
                assertTrue(history.contains("ethics approval is under review") && history.contains("renewed"), history);
                oscar.screenshot("grant");
            }

            customer.open(requestPath.replace("/tier-requests/", "/me/tier-requests/"));
            assertEquals("GRANTED", customer.find("#request-status").getAttribute("data-status"));
            await("the RESEARCH tier shows among the customer's tiers")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        customer.open("/me/tiers");
                        return customer.driver.findElements(By.cssSelector(".tier-row .status")).stream()
                                .anyMatch(e -> e.getText().equals("RESEARCH"));
                    });
            customer.screenshot("my-tiers");

            // The customer asks to renew it: a RENEWAL request under the same four-eyes rule.
            customer.type(
                    "form.renewal[data-tier='RESEARCH'] input[name=justification]",
                    "The evaluation programme continues for another term");
            customer.clickAndLoad("form.renewal[data-tier='RESEARCH'] button.renew");
            assertEquals("PENDING", customer.find("#request-status").getAttribute("data-status"));
            assertTrue(
                    customer.find("dl.facts").getText().contains("RENEWAL"),
                    customer.find("dl.facts").getText());
        }
    }

    @Test
    void anOfficerDecidesAScreeningHitFromTheQueue() {
        try (ConsoleBrowser customer = new ConsoleBrowser(CONSOLE);
                ConsoleBrowser oscar = new ConsoleBrowser(CONSOLE)) {
            customer.register(uniqueUser("listed"), "Pw-listed-1");
            String subject = customer.find("#my-subject").getText();
            // the listed Leila Farzaneh KARIMPOUR, with her listed date of birth
            fillClaims(customer, "Leila Farzaneh", "Karimpour", "1986-02-09", "DE");
            customer.clickAndLoad("#submit-claims");
            customer.find("#status[data-status='IN_REVIEW']");
            String casePath = customer.driver.getCurrentUrl().replaceAll(".*/me/verifications/", "/reviews/");

            oscar.signIn("oscar", "/reviews");
            oscar.find("tr.review-row[data-subject='" + subject + "'] a");
            oscar.screenshot("review-queue");
            oscar.clickAndLoad("tr.review-row[data-subject='" + subject + "'] a");
            assertTrue(
                    oscar.find(".hit .entry-name").getText().toUpperCase().contains("KARIMPOUR"),
                    "the hit names its list entry");
            oscar.clickAndLoad("#claim");
            oscar.click("#outcome-rejected");
            oscar.type("#reason", "Confirmed match with the listed person: same name and date of birth");
            oscar.screenshot("review-case");
            oscar.clickAndLoad("#decide");
            assertEquals("REJECTED", oscar.find("h1 + p .status").getText());
            assertTrue(oscar.driver.getCurrentUrl().endsWith(casePath), oscar.driver.getCurrentUrl());

            // the customer's page, refreshing by itself with htmx, settles on the decision
            customer.until(
                    d -> customer.present("#status[data-status='REJECTED']") ? Boolean.TRUE : null,
                    "the customer's page to show the decision");
        }
    }

    @Test
    void anAuditorVerifiesAnEntryInTheBrowserAndATamperedProofFails() throws Exception {
        // Two events of this test's own, so that the entry's inclusion proof has at least one hash.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(KeycloakTokens.user(OLIVIA))
                    .contentType(ContentType.JSON)
                    .body(Map.of("version", "e2e-console-" + tag + "-" + i, "capabilities", Map.of()))
                    .when()
                    .post(url(PlatformProcesses.ENTITLEMENT) + "/v1/policies")
                    .then()
                    .statusCode(201);
        }
        int index = await("the drafts are in the log")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(ConsoleEndToEndIT::lastDraftIndex, n -> n >= 1);
        await("a signed checkpoint covers entry " + index)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> checkpointSize() > index);
        // The key the auditor pinned, obtained out of band (here: straight from audit-service, not the console).
        String pinned = given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get(url(AUDIT) + "/v1/log-key")
                .then()
                .statusCode(200)
                .extract()
                .path("verifierKey");

        try (ConsoleBrowser audrey = new ConsoleBrowser(CONSOLE)) {
            audrey.signIn("audrey", "/audit?type=tiergate.entitlement.policy.drafted");
            audrey.find("tr.trail-row");
            audrey.screenshot("audit-trail");
            audrey.open("/audit/entries/" + index);
            audrey.type("#pinned-key", pinned);
            audrey.click("#verify");
            audrey.find("#verify-result[data-outcome='passed']");
            audrey.screenshot("audit-entry-verified");

            // A wrong pinned key fails too: the signature is checked against the auditor's key, not the server's.
            audrey.type("#pinned-key", pinned.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+"));
            audrey.click("#verify");
            assertTrue(audrey.find("#verify-result[data-outcome='failed']")
                    .getText()
                    .contains("FAILED"));
        }

        try (TamperingProofDouble tampering = new TamperingProofDouble(url(AUDIT))) {
            PlatformProcesses.startVariant(
                    "console-tampered", "console", TAMPERED_CONSOLE_PORT, "none", consoleEnvironment(tampering.url()));
            try (ConsoleBrowser audrey = new ConsoleBrowser("http://127.0.0.1:" + TAMPERED_CONSOLE_PORT)) {
                audrey.signIn("audrey", "/audit/entries/" + index);
                audrey.type("#pinned-key", pinned);
                audrey.click("#verify");
                WebElement failed = audrey.find("#verify-result[data-outcome='failed']");
                assertTrue(failed.getText().contains("inclusion proof"), failed.getText());
                audrey.screenshot("audit-entry-tampered");
            } finally {
                PlatformProcesses.stop("console-tampered");
            }
        }
    }

    @Test
    void officersWorkDirectivesPoliciesAndGrantsFromTheConsole() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String capability = "e2e-" + tag + ":chat";
        String row = "tr.directive-row[data-capability='" + capability + "']";
        try (ConsoleBrowser olivia = new ConsoleBrowser(CONSOLE);
                ConsoleBrowser oscar = new ConsoleBrowser(CONSOLE)) {
            olivia.signIn("olivia", "/directives");
            olivia.type("#capability", capability);
            olivia.type("#deniedJurisdictions", "kp");
            olivia.type("#reason", "E2E: a directive issued from the console");
            olivia.clickAndLoad("#issue-directive");
            assertEquals("PENDING", olivia.find(row).getAttribute("data-status"));
            olivia.screenshot("directives");

            // Four eyes: the issuer's own confirmation is refused, with the service's reason on the page.
            olivia.clickAndLoad(row + " button.confirm-directive");
            assertEquals("CONFIRMER_IS_ISSUER", olivia.find("#problem").getAttribute("data-code"));
            assertEquals("PENDING", olivia.find(row).getAttribute("data-status"));

            oscar.signIn("oscar", "/directives");
            oscar.clickAndLoad(row + " button.confirm-directive");
            assertEquals("ACTIVE", oscar.find(row).getAttribute("data-status"));
            oscar.clickAndLoad(row + " button.revoke-directive");
            assertEquals("REVOKED", oscar.find(row).getAttribute("data-status"));

            // A draft policy (the one in force, under a new version): stored with its validation, shown against
            // the version in force, and decided what-if.
            String version = "e2e-console-" + tag;
            olivia.open("/policies");
            olivia.type("#document", draftOfPolicyInForce(version));
            olivia.clickAndLoad("#store-draft");
            olivia.until(
                    d -> d.getCurrentUrl().endsWith("/policies/" + version) ? Boolean.TRUE : null, "the draft's page");
            olivia.find("#validation");
            olivia.find("#diff-heading");
            olivia.type("#wi-subject", KeycloakTokens.ALICE_SUBJECT);
            olivia.type("#wi-capability", "fable-5:chat");
            olivia.clickAndLoad("#what-if-form button");
            assertTrue(List.of("ALLOW", "DENY")
                    .contains(olivia.find("#what-if-result strong").getText()));
            olivia.screenshot("policy");

            // Four eyes on publication too: Olivia asks, her own confirmation is refused, Oscar confirms; then
            // Oscar asks for the rollback and Olivia confirms it.
            String before = inForce();
            String request = "tr.publication-request[data-version='" + version + "']";
            olivia.clickAndLoad("#publish");
            assertEquals("PUBLISH", olivia.find(request).getAttribute("data-kind"));
            assertEquals(before, inForce(), "pending, not in force");
            olivia.clickAndLoad(request + " button.confirm-publication");
            assertEquals("CONFIRMER_IS_REQUESTER", olivia.find("#problem").getAttribute("data-code"));
            oscar.open("/policies");
            oscar.clickAndLoad(request + " button.confirm-publication");
            assertTrue(!oscar.present(request), "confirmed, no longer waiting");
            assertEquals(version, inForce());
            oscar.clickAndLoad("#rollback");
            String rollback = "tr.publication-request[data-version='" + before + "']";
            assertEquals("ROLLBACK", oscar.find(rollback).getAttribute("data-kind"));
            olivia.open("/policies");
            olivia.clickAndLoad(rollback + " button.confirm-publication");
            assertEquals(before, inForce());

            olivia.open("/grants?subject=" + KeycloakTokens.ALICE_SUBJECT);
            olivia.find("#grants");
            assertTrue(!olivia.present("#error-code"), "the grants page renders");

            // campaign-service is not part of this suite: its page says so, readably, without a trace.
            olivia.open("/campaigns");
            assertEquals("SERVICE_UNAVAILABLE", olivia.find("#error-code").getText());
            assertTrue(!olivia.driver.getPageSource().contains("Exception"), "no stack trace");
        }
    }

    static String inForce() {
        List<String> versions = given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get(url(PlatformProcesses.ENTITLEMENT) + "/v1/policies")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.inForce }.version");
        assertEquals(1, versions.size(), "one version in force");
        return versions.get(0);
    }

    static String draftOfPolicyInForce(String version) {
        String officer = KeycloakTokens.user(OLIVIA);
        List<Map<String, Object>> versions = given().auth()
                .oauth2(officer)
                .when()
                .get(url(PlatformProcesses.ENTITLEMENT) + "/v1/policies")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.inForce }");
        assertTrue(!versions.isEmpty(), "a policy is in force");
        Map<String, Object> document = new HashMap<>(given().auth()
                .oauth2(officer)
                .when()
                .get(url(PlatformProcesses.ENTITLEMENT) + "/v1/policies/"
                        + versions.get(0).get("version"))
                .then()
                .statusCode(200)
                .extract()
                .path("document"));
        document.put("version", version);
        document.put("description", "from the console");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int lastDraftIndex() {
        List<Integer> indexes = given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .queryParam("type", "tiergate.entitlement.policy.drafted")
                .queryParam("limit", 1000)
                .when()
                .get(url(AUDIT) + "/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("index");
        return indexes.isEmpty() ? -1 : indexes.get(indexes.size() - 1);
    }

    static int checkpointSize() {
        var latest =
                given().auth().oauth2(KeycloakTokens.user(AUDREY)).when().get(url(AUDIT) + "/v1/checkpoints/latest");
        return latest.statusCode() == 200 ? latest.path("treeSize") : 0;
    }

    @Test
    void eachRoleHasItsHomeOthersAreRefusedAndSignedOutUsersAreSentToLogin() {
        try (ConsoleBrowser anonymous = new ConsoleBrowser(CONSOLE)) {
            anonymous.open("/reviews");
            anonymous.until(d -> anonymous.onKeycloakLogin() ? Boolean.TRUE : null, "Keycloak's login page");
            anonymous.screenshot("login");
        }
        try (ConsoleBrowser customer = new ConsoleBrowser(CONSOLE)) {
            customer.register(uniqueUser("curious"), "Pw-curious-1");
            assertTrue(customer.driver.getCurrentUrl().endsWith("/me"), customer.driver.getCurrentUrl());
            for (String officerPage : List.of("/reviews", "/tier-requests", "/directives", "/audit", "/officer")) {
                customer.open(officerPage);
                assertEquals("FORBIDDEN", customer.find("#error-code").getText(), officerPage);
            }
            customer.screenshot("forbidden");

            // Sign-out ends the Keycloak session too: the next page asks for a login again.
            customer.open("/me");
            customer.clickAndLoad("#sign-out");
            customer.until(
                    d -> d.getCurrentUrl().startsWith(CONSOLE + "/signed-out") ? Boolean.TRUE : null,
                    "the signed-out page");
            customer.open("/me");
            customer.until(d -> customer.onKeycloakLogin() ? Boolean.TRUE : null, "a login page after sign-out");
        }
        for (String[] roleHome : List.of(
                new String[] {"olivia", "/officer"},
                new String[] {"audrey", "/audit"},
                new String[] {"paula", "/officer"},
                new String[] {"alice", "/me"})) {
            try (ConsoleBrowser b = new ConsoleBrowser(CONSOLE)) {
                b.signIn(roleHome[0], "/");
                b.until(
                        d -> d.getCurrentUrl().startsWith(CONSOLE + roleHome[1]) ? Boolean.TRUE : null,
                        roleHome[0] + "'s home " + roleHome[1]);
                assertEquals(roleHome[0], b.find("#who").getText());
                if (roleHome[0].equals("olivia")) {
                    b.screenshot("officer-home");
                    // A form post without the CSRF token (as another site would send it) is refused.
                    Object status = ((org.openqa.selenium.JavascriptExecutor) b.driver)
                            .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                    + "fetch('/directives', {method: 'POST', headers: {'Content-Type': "
                                    + "'application/x-www-form-urlencoded'}, body: 'capability=*&denyAll=on&reason=x'})"
                                    + ".then(r => done(r.status), e => done(String(e)));");
                    assertEquals(400L, status);
                }
            }
        }
    }
}
