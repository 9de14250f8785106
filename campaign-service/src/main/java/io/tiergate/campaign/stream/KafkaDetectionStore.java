package io.tiergate.campaign.stream;

import io.tiergate.campaign.detection.DetectionStore;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A detection store over a Kafka Streams key-value store (RocksDB, changelog-backed). */
final class KafkaDetectionStore<V> implements DetectionStore<String, V> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, V> store;

    KafkaDetectionStore(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void forEachWithPrefix(String prefix, BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                action.accept(kv.key, kv.value);
            }
        }
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                action.accept(kv.key, kv.value);
            }
        }
    }
}
