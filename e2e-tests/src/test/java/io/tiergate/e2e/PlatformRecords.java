package io.tiergate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the services wrote, read from their own databases: the ground truth a fault suite checks against, never the
 * driver's own count. Domain events are the rows of each service's transactional outbox (they carry the event id);
 * the audit trail is audit-service's {@code audit_entry} (one row per appended event, by event id).
 */
final class PlatformRecords {

    /** The services whose outboxes hold the domain events of the flow. */
    static final List<String> EVENT_SOURCES =
            List.of(PlatformProcesses.IDENTITY, PlatformProcesses.TIER, PlatformProcesses.ENTITLEMENT);

    /**
     * The topics audit-service consumes, read from its configuration, the one home of that list: an outbox event on
     * any other topic is not the audit trail's to hold.
     */
    static final Set<String> AUDITED_TOPICS = auditedTopics();

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformRecords() {}

    /** One outbox row: the domain event's id, where it goes, what it is, when it was written. */
    record OutboxEvent(String source, UUID id, String topic, String type, Instant createdAt) {}

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + Ports.test("postgres") + "/" + database
                        + "?connectTimeout=5&socketTimeout=30",
                "tiergate",
                "tiergate");
    }

    static String database(String service) {
        return PlatformProcesses.DATABASES.get(service);
    }

    /** The highest outbox sequence of each source now: the flow's events are those above it. */
    static Map<String, Long> outboxMarks() {
        Map<String, Long> marks = new HashMap<>();
        for (String source : EVENT_SOURCES) {
            marks.put(source, single(database(source), "SELECT coalesce(max(seq), 0) FROM outbox_event"));
        }
        return marks;
    }

    /** The highest audit leaf index now (-1 for an empty log): the flow's entries are those above it. */
    static long auditMark() {
        return single("audit", "SELECT coalesce(max(leaf_index), -1) FROM audit_entry");
    }

    /** Every outbox event written after the marks (and, when {@code until} is given, before it). */
    static List<OutboxEvent> outboxSince(Map<String, Long> marks, Instant until) {
        List<OutboxEvent> events = new ArrayList<>();
        for (String source : EVENT_SOURCES) {
            String sql = "SELECT event_id, topic, type, created_at FROM outbox_event WHERE seq > ?"
                    + (until == null ? "" : " AND created_at <= ?");
            try (Connection db = connect(database(source));
                    PreparedStatement query = db.prepareStatement(sql)) {
                query.setLong(1, marks.get(source));
                if (until != null) {
                    query.setTimestamp(2, Timestamp.from(until));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        events.add(new OutboxEvent(
                                source,
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getTimestamp(4).toInstant()));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read " + source + "'s outbox", e);
            }
        }
        return events;
    }

    /** Outbox rows not yet relayed to Kafka, over every source. */
    static long unpublished(Map<String, Long> marks) {
        long pending = 0;
        for (String source : EVENT_SOURCES) {
            pending += single(
                    database(source),
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND seq > " + marks.get(source));
        }
        return pending;
    }

    /** How many audit entries hold each of these event ids (absent: none). */
    static Map<UUID, Integer> auditEntriesOf(Collection<UUID> eventIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (eventIds.isEmpty()) {
            return counts;
        }
        try (Connection db = connect("audit");
                PreparedStatement query = db.prepareStatement(
                        "SELECT event_id, count(*) FROM audit_entry WHERE event_id = ANY(?) GROUP BY event_id")) {
            Array ids = db.createArrayOf("uuid", eventIds.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, UUID.class), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
        return counts;
    }

    /** The audit entries appended after the mark whose topic is a source's, by event id (to find strangers). */
    static Map<UUID, String> auditEntriesSince(long leafMark, Collection<String> topics) {
        Map<UUID, String> entries = new HashMap<>();
        try (Connection db = connect("audit");
                PreparedStatement query = db.prepareStatement(
                        "SELECT event_id, type FROM audit_entry WHERE leaf_index > ? AND topic = ANY(?)")) {
            query.setLong(1, leafMark);
            query.setArray(2, db.createArrayOf("text", topics.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
        return entries;
    }

    /** Those of these event ids that some source's outbox holds, at any time. */
    static Set<UUID> inAnyOutbox(Collection<UUID> eventIds) {
        Set<UUID> found = new java.util.HashSet<>();
        for (String source : EVENT_SOURCES) {
            try (Connection db = connect(database(source));
                    PreparedStatement query =
                            db.prepareStatement("SELECT event_id FROM outbox_event WHERE event_id = ANY(?)")) {
                query.setArray(1, db.createArrayOf("uuid", eventIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read " + source + "'s outbox", e);
            }
        }
        return found;
    }

    /** tier-service's state of each subject: its live grants held directly, id to tier (the projection's form). */
    static Map<String, Map<String, String>> activeGrantsOf(Collection<String> subjects) {
        Map<String, Map<String, String>> grants = new HashMap<>();
        try (Connection db = connect("tier");
                PreparedStatement query = db.prepareStatement("SELECT subject, id, tier FROM tier_grant"
                        + " WHERE subject = ANY(?) AND status = 'ACTIVE' AND holder_kind = 'SUBJECT'"
                        + " AND (expires_at IS NULL OR expires_at > now())")) {
            query.setArray(1, db.createArrayOf("text", subjects.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    grants.computeIfAbsent(rows.getString(1), s -> new TreeMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tier", e);
        }
        return grants;
    }

    static long auditSize() {
        return single("audit", "SELECT count(*) FROM audit_entry");
    }

    /** identity-service's state of a subject: its latest case's verdict and claims, as the projection keeps them. */
    record IdentityState(String status, List<String> nationalities, String residence) {}

    static Map<String, IdentityState> identityOf(Collection<String> subjects) {
        return query(
                "identity",
                "SELECT DISTINCT ON (subject) subject, status, nationalities, residence_country FROM verification_case"
                        + " WHERE subject = ANY(?) ORDER BY subject, submitted_at DESC",
                subjects,
                rows -> new IdentityState(rows.getString(2), jsonList(rows.getString(3)), rows.getString(4)));
    }

    /** entitlement-service's projection of a subject: the identity part and the active grants (id to tier). */
    record Projected(IdentityState identity, Map<String, String> activeGrants) {}

    static Map<String, Projected> projectionOf(Collection<String> subjects) {
        return query(
                "entitlement",
                "SELECT subject, identity_status, nationalities, residence_country, active_grants"
                        + " FROM subject_projection WHERE subject = ANY(?)",
                subjects,
                rows -> new Projected(
                        new IdentityState(rows.getString(2), jsonList(rows.getString(3)), rows.getString(4)),
                        jsonMap(rows.getString(5))));
    }

    /** The state changes of the flow, counted by kind from the services' own tables (a retried call counts once). */
    static Map<String, Long> changesByKind(Collection<String> subjects, Instant since, String directiveMark) {
        Map<String, Long> changes = new TreeMap<>();
        Object[] ids = subjects.toArray();
        changes.put(
                "verifications",
                count("identity", "SELECT count(*) FROM verification_case WHERE subject = ANY(?)", ids));
        changes.put(
                "grants (automatic on verification)",
                count(
                        "tier",
                        "SELECT count(*) FROM tier_grant WHERE subject = ANY(?) AND justification NOT LIKE 'faults:%'",
                        ids));
        changes.put(
                "grants (by an officer)",
                count(
                        "tier",
                        "SELECT count(*) FROM tier_grant WHERE subject = ANY(?) AND justification LIKE 'faults:%'",
                        ids));
        changes.put(
                "revocations",
                count("tier", "SELECT count(*) FROM tier_grant WHERE subject = ANY(?) AND status = 'REVOKED'", ids));
        String directives = "SELECT count(*) FROM directive WHERE reason LIKE '" + directiveMark + "%'";
        changes.put("directives issued", single("entitlement", directives));
        changes.put("directives confirmed", single("entitlement", directives + " AND confirmed_at IS NOT NULL"));
        changes.put("directives lifted", single("entitlement", directives + " AND status = 'REVOKED'"));
        changes.put(
                "policy publications",
                single(
                        "entitlement",
                        "SELECT count(*) FROM policy_publication WHERE published_at > '" + Timestamp.from(since)
                                + "'"));
        return changes;
    }

    /** Outbox events of the flow by source and type, for the figures. */
    static Map<String, Long> byType(List<OutboxEvent> events) {
        Map<String, Long> types = new TreeMap<>();
        events.forEach(e -> types.merge(e.source() + " " + e.type(), 1L, Long::sum));
        return types;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> Map<String, T> query(
            String database, String sql, Collection<String> subjects, RowReader<T> reader) {
        Map<String, T> states = new HashMap<>();
        try (Connection db = connect(database);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", subjects.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), reader.read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database, e);
        }
        return states;
    }

    private static long count(String database, String sql, Object[] subjects) {
        try (Connection db = connect(database);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", subjects));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database, e);
        }
    }

    private static long single(String database, String sql) {
        try (Connection db = connect(database);
                PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database, e);
        }
    }

    private static List<String> jsonList(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        read(json).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> jsonMap(String json) {
        Map<String, String> values = new TreeMap<>();
        if (json != null) {
            read(json)
                    .fields()
                    .forEachRemaining(
                            field -> values.put(field.getKey(), field.getValue().asText()));
        }
        return values;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> auditedTopics() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                PlatformProcesses.ROOT.resolve("audit-service/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String topics = properties.getProperty("mp.messaging.incoming.audited-events.topics");
        if (topics == null) {
            throw new IllegalStateException("audit-service's configuration names no audited topics");
        }
        return new TreeSet<>(List.of(topics.split(",")));
    }
}
