package io.tiergate.audit.shredding;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiergate.commons.crypto.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Subject keys in {@code subject_key}, each wrapped under a key-encryption key and stored with its id
 * ({@link KeyEncryptionKeys}). A key that does not unwrap is an integrity incident: the read fails, naming the subject
 * (never a key), and is counted in {@code tiergate_audit_subject_keys_unreadable_total}.
 */
@ApplicationScoped
public class DatabaseSubjectKeyStore implements SubjectKeyStore {

    private static final Logger LOG = Logger.getLogger(DatabaseSubjectKeyStore.class);
    static final String UNREADABLE = "tiergate.audit.subject.keys.unreadable";

    @Inject
    EntityManager entityManager;

    @Inject
    KeyEncryptionKeys keks;

    @Inject
    MeterRegistry meters;

    @Override
    @Transactional
    public Optional<byte[]> keyFor(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT kek_id, wrapped_key FROM subject_key WHERE subject = ?1")
                .setParameter(1, subject)
                .getResultList();
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(unwrap(subject, (String) rows.get(0)[0], (byte[]) rows.get(0)[1]));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Optional<byte[]>> keysFor(Set<String> subjects) {
        Map<String, Optional<byte[]>> keys = new HashMap<>();
        if (subjects.isEmpty()) {
            return keys;
        }
        String[] wanted = subjects.toArray(String[]::new);
        Session session = entityManager.unwrap(Session.class);
        session.doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT subject, kek_id, wrapped_key FROM subject_key WHERE subject = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("text", wanted));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String subject = rows.getString(1);
                        keys.put(subject, Optional.of(unwrap(subject, rows.getString(2), rows.getBytes(3))));
                    }
                }
            }
            Set<String> erased = new HashSet<>();
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT subject FROM subject_erasure WHERE subject = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("text", wanted));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        erased.add(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO subject_key (subject, kek_id, wrapped_key, created_at) VALUES (?, ?, ?, now())")) {
                for (String subject : subjects) {
                    if (keys.containsKey(subject)) {
                        continue;
                    }
                    if (erased.contains(subject)) {
                        keys.put(subject, Optional.empty());
                        continue;
                    }
                    byte[] key = Aead.randomKey();
                    KeyEncryptionKeys.Wrapped wrapped = keks.wrap(subject, key);
                    insert.setString(1, subject);
                    insert.setString(2, wrapped.kekId());
                    insert.setBytes(3, wrapped.wrappedKey());
                    insert.addBatch();
                    keys.put(subject, Optional.of(key));
                }
                insert.executeBatch();
            }
        });
        return keys;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean destroy(String subject, String requestedBy) {
        int deleted = entityManager
                .createNativeQuery("DELETE FROM subject_key WHERE subject = ?1")
                .setParameter(1, subject)
                .executeUpdate();
        entityManager
                .createNativeQuery("""
                        INSERT INTO subject_erasure (subject, erased_at, requested_by) VALUES (?1, ?2, ?3)
                        ON CONFLICT (subject) DO NOTHING""")
                .setParameter(1, subject)
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(3, requestedBy)
                .executeUpdate();
        return deleted == 1;
    }

    @Override
    public boolean isErased(String subject) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM subject_erasure WHERE subject = ?1")
                .setParameter(1, subject)
                .getResultList()
                .isEmpty();
    }

    /** What one batch of a rotation did: rows looked at, rows rewrapped, and the last subject (the next batch's start). */
    public record Rewrapped(int seen, int rewrapped, String lastSubject) {}

    /**
     * Rewraps, under the active key-encryption key, up to {@code limit} keys after {@code afterSubject} (in subject
     * order; null from the first) that are stored under another KEK or without a KEK id. Rows another instance is rewrapping are skipped; a
     * key that does not unwrap stays as it is, for the incident, and is counted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Rewrapped rewrapBatch(String afterSubject, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            int seen = 0;
            int rewrapped = 0;
            String last = afterSubject;
            try (PreparedStatement query = connection.prepareStatement("""
                            SELECT subject, kek_id, wrapped_key FROM subject_key
                            WHERE (kek_id IS NULL OR kek_id <> ?) AND (?::text IS NULL OR subject > ?)
                            ORDER BY subject LIMIT ? FOR UPDATE SKIP LOCKED""");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE subject_key SET kek_id = ?, wrapped_key = ? WHERE subject = ?")) {
                query.setString(1, keks.activeId());
                query.setString(2, afterSubject);
                query.setString(3, afterSubject);
                query.setInt(4, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        seen++;
                        last = rows.getString(1);
                        byte[] key;
                        try {
                            key = unwrap(last, rows.getString(2), rows.getBytes(3));
                        } catch (KeyEncryptionKeys.Unreadable logged) {
                            continue;
                        }
                        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(last, key);
                        update.setString(1, wrapped.kekId());
                        update.setBytes(2, wrapped.wrappedKey());
                        update.setString(3, last);
                        update.addBatch();
                        rewrapped++;
                    }
                }
                update.executeBatch();
            }
            return new Rewrapped(seen, rewrapped, last);
        });
    }

    /** Keys not yet under the active key-encryption key (including any that do not unwrap). */
    @Transactional
    public long notUnderActiveKek() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM subject_key WHERE kek_id IS NULL OR kek_id <> ?1")
                        .setParameter(1, keks.activeId())
                        .getSingleResult())
                .longValue();
    }

    private byte[] unwrap(String subject, String kekId, byte[] wrapped) {
        try {
            return keks.unwrap(subject, kekId, wrapped);
        } catch (KeyEncryptionKeys.Unreadable e) {
            meters.counter(UNREADABLE).increment();
            LOG.error(e.getMessage());
            throw e;
        }
    }
}
