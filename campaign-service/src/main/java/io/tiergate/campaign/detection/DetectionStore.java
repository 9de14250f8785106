package io.tiergate.campaign.detection;

import java.util.function.BiConsumer;

/** A key-value store the detector's stages read and write: a Kafka Streams store in the service, a map in tests. */
public interface DetectionStore<K, V> {

    V get(K key);

    void put(K key, V value);

    void delete(K key);

    /** Every entry whose key starts with {@code prefix} (keys of this store are strings when this is used). */
    void forEachWithPrefix(String prefix, BiConsumer<K, V> action);

    /** Every entry. */
    void forEach(BiConsumer<K, V> action);
}
