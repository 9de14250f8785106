package io.tiergate.tier.keycloak;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import io.tiergate.tier.config.TierConfig;
import io.tiergate.tier.grant.Tier;
import io.tiergate.tier.grant.TierEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;

/**
 * Mirrors each person's effective tiers into Keycloak groups {@code tier-<tier>} (each carrying a {@code tier}
 * attribute that the realm maps into a {@code tier} claim), for UIs and coarse routing. It follows this service's
 * own {@code effective.changed} events, so a Keycloak outage only delays it. Decisions never read the claim: a
 * token issued before a revocation keeps it until it expires.
 */
@ApplicationScoped
public class KeycloakTierReflection {

    static final String GROUP_PREFIX = "tier-";

    @Inject
    EventConsumer consumer;

    @Inject
    Keycloak keycloak;

    @Inject
    TierConfig config;

    /** The admin client extension's own setting: no mapping of ours may own quarkus.*. */
    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    private final Map<Tier, String> groupIds = new ConcurrentHashMap<>();

    @Incoming("tier-reflection")
    @Blocking
    @ActivateRequestContext // the admin client bean is request-scoped
    public void onTierEvent(String payload) {
        if (config.keycloakReflection().enabled()) {
            consumer.consume("tier-service.keycloak", payload, this::apply);
        }
    }

    void apply(CloudEvent event) {
        if (!TierEvents.EFFECTIVE_CHANGED.equals(event.type())) {
            return;
        }
        Set<Tier> held = EnumSet.noneOf(Tier.class);
        event.data()
                .path("tiers")
                .forEach(t -> held.add(Tier.valueOf(t.path("tier").asText())));
        try {
            reflect(event.subject(), held);
        } catch (ProcessingException e) {
            throw new UncheckedIOException(new IOException("Keycloak unreachable", e)); // retried until it returns
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return; // not a Keycloak user (an API-only subject, or a deleted user): nothing to mirror
            }
            if (e.getResponse().getStatus() >= 500 || e.getResponse().getStatus() == 401) {
                throw new UncheckedIOException(
                        new IOException("Keycloak answered " + e.getResponse().getStatus(), e));
            }
            throw e;
        }
    }

    private void reflect(String subject, Set<Tier> held) {
        RealmResource realmResource = keycloak.realm(realm);
        UserResource user = realmResource.users().get(subject);
        Set<String> current = user.groups().stream()
                .map(GroupRepresentation::getName)
                .filter(n -> n.startsWith(GROUP_PREFIX))
                .collect(Collectors.toSet());
        for (Tier tier : Tier.values()) {
            String name = groupName(tier);
            if (held.contains(tier) && !current.contains(name)) {
                user.joinGroup(groupId(realmResource, tier));
            } else if (!held.contains(tier) && current.contains(name)) {
                user.leaveGroup(groupId(realmResource, tier));
            }
        }
    }

    private String groupId(RealmResource realmResource, Tier tier) {
        return groupIds.computeIfAbsent(
                tier, t -> realmResource.getGroupByPath("/" + groupName(t)).getId());
    }

    static String groupName(Tier tier) {
        return GROUP_PREFIX + tier.name().toLowerCase(Locale.ROOT);
    }
}
