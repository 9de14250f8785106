package io.tiergate.audit.shredding;

import io.tiergate.audit.config.AuditConfig;
import io.tiergate.commons.crypto.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/** Subject keys in {@code subject_key}, each wrapped with AES-256-GCM under the configured key-encryption key. */
@ApplicationScoped
public class DatabaseSubjectKeyStore implements SubjectKeyStore {

    @Inject
    EntityManager entityManager;

    @Inject
    AuditConfig config;

    @Override
    @Transactional
    public Optional<byte[]> keyFor(String subject) {
        @SuppressWarnings("unchecked")
        List<byte[]> wrapped = entityManager
                .createNativeQuery("SELECT wrapped_key FROM subject_key WHERE subject = ?1")
                .setParameter(1, subject)
                .getResultList();
        return wrapped.isEmpty() ? Optional.empty() : Optional.of(unwrap(subject, wrapped.get(0)));
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
                    "SELECT subject, wrapped_key FROM subject_key WHERE subject = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("text", wanted));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.put(rows.getString(1), Optional.of(unwrap(rows.getString(1), rows.getBytes(2))));
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
                    "INSERT INTO subject_key (subject, wrapped_key, created_at) VALUES (?, ?, now())")) {
                for (String subject : subjects) {
                    if (keys.containsKey(subject)) {
                        continue;
                    }
                    if (erased.contains(subject)) {
                        keys.put(subject, Optional.empty());
                        continue;
                    }
                    byte[] key = Aead.randomKey();
                    insert.setString(1, subject);
                    insert.setBytes(2, wrap(subject, key));
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

    private byte[] wrap(String subject, byte[] key) {
        return Aead.seal(kek(), key, subject.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] unwrap(String subject, byte[] wrapped) {
        return Aead.open(kek(), wrapped, subject.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] kek() {
        byte[] kek = Base64.getDecoder().decode(config.keyEncryptionKey());
        if (kek.length != 32) {
            throw new IllegalStateException("tiergate.audit.key-encryption-key must be 32 bytes, base64");
        }
        return kek;
    }
}
