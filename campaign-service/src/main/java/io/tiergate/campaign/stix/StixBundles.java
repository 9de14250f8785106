package io.tiergate.campaign.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiergate.campaign.campaign.CampaignView;
import io.tiergate.campaign.config.CampaignConfig;
import io.tiergate.campaign.detection.PromptFamilies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A campaign as a STIX 2.1 bundle for other providers: the campaign, one indicator per shared network, AS number,
 * user agent and prompt family (SimHash band), observed data with pseudonymised accounts (HMAC-SHA256 under a key
 * of this deployment: stable for one provider, meaningless to another), and the relationships between them. Ids are
 * name-based UUIDs derived from the campaign and the indicator, so the same campaign shares the same objects.
 */
@ApplicationScoped
public class StixBundles {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final String PRODUCER =
            "identity--" + UUID.nameUUIDFromBytes("tiergate".getBytes(StandardCharsets.UTF_8));
    /** The producer is one object in every bundle: one id, so one created and modified time (STIX versioning). */
    private static final String PRODUCER_CREATED = "2026-01-01T00:00:00.000Z";

    @Inject
    ObjectMapper json;

    @Inject
    CampaignConfig config;

    public ObjectNode bundle(CampaignView c) {
        String created = ts(c.detectedAt());
        String campaignId = "campaign--" + c.id();
        ObjectNode bundle = json.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");

        ObjectNode producer = sdo("identity", PRODUCER, PRODUCER_CREATED);
        producer.put("name", "Tiergate campaign-service");
        producer.put("identity_class", "system");
        objects.add(producer);

        ObjectNode campaign = sdo("campaign", campaignId, created);
        campaign.put("name", "Coordinated extraction campaign " + c.id());
        campaign.put(
                "description",
                "Accounts that together extract model capabilities (distillation): " + c.accounts()
                        + " accounts, score " + c.score() + ", status " + c.status() + ".");
        campaign.put("first_seen", ts(c.firstSeen()));
        campaign.put("last_seen", ts(c.lastSeen()));
        campaign.put("objective", "model capability extraction");
        objects.add(campaign);

        Set<String> patterns = new LinkedHashSet<>();
        JsonNode evidence = c.evidence();
        evidence.path("prefixes").forEach(p -> patterns.add(prefixPattern(p.asText())));
        evidence.path("asns").forEach(a -> patterns.add("[autonomous-system:number = " + a.asLong() + "]"));
        evidence.path("userAgents")
                .forEach(u -> patterns.add("[network-traffic:extensions.'http-request-ext'"
                        + ".request_header.'User-Agent' = '" + quote(u.asText()) + "']"));
        c.families().stream()
                .limit(50)
                .forEach(f -> patterns.add("[x-tiergate-prompt:simhash_band = '"
                        + PromptFamilies.describe(PromptFamilies.parse(f)) + "']"));
        for (String pattern : patterns) {
            String indicatorId = "indicator--" + derived(c.id() + "|" + pattern);
            ObjectNode indicator = sdo("indicator", indicatorId, created);
            indicator.put("name", "Campaign " + c.id() + " indicator");
            indicator.putArray("indicator_types").add("malicious-activity");
            indicator.put("pattern", pattern);
            indicator.put("pattern_type", "stix");
            indicator.put("valid_from", ts(c.firstSeen()));
            objects.add(indicator);
            objects.add(relationship(indicatorId, "indicates", campaignId, created));
        }

        ArrayNode refs = json.createArrayNode();
        for (CampaignView.Member m : c.members()) {
            String accountRef = "user-account--" + derived("account|" + pseudonym(m.accountId()));
            ObjectNode account = json.createObjectNode();
            account.put("type", "user-account");
            account.put("spec_version", "2.1");
            account.put("id", accountRef);
            account.put("user_id", pseudonym(m.accountId()));
            account.put("account_type", "api-account");
            objects.add(account);
            refs.add(accountRef);
        }
        if (!refs.isEmpty()) {
            String observedId = "observed-data--" + derived("observed|" + c.id());
            ObjectNode observed = sdo("observed-data", observedId, created);
            observed.put("first_observed", ts(c.firstSeen()));
            observed.put("last_observed", ts(c.lastSeen()));
            observed.put("number_observed", Math.max(1, c.accounts()));
            observed.set("object_refs", refs);
            objects.add(observed);
            objects.add(relationship(observedId, "related-to", campaignId, created));
        }
        return bundle;
    }

    private ObjectNode sdo(String type, String id, String created) {
        ObjectNode o = json.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", created);
        o.put("modified", created);
        if (!"identity".equals(type)) {
            o.put("created_by_ref", PRODUCER);
        }
        return o;
    }

    private ObjectNode relationship(String source, String type, String target, String created) {
        ObjectNode r = sdo("relationship", "relationship--" + derived(source + "|" + type + "|" + target), created);
        r.put("relationship_type", type);
        r.put("source_ref", source);
        r.put("target_ref", target);
        return r;
    }

    private static String prefixPattern(String prefix) {
        String type = prefix.contains(":") ? "ipv6-addr" : "ipv4-addr";
        return "[" + type + ":value ISSUBSET '" + prefix + "']";
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** An account's pseudonym: HMAC-SHA256 under this deployment's key, hex. */
    String pseudonym(String accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accountId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String ts(OffsetDateTime t) {
        return TS.format((t == null ? OffsetDateTime.now(ZoneOffset.UTC) : t).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
