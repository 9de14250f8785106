package io.tiergate.campaign.detection;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A detection store in memory, ordered like a RocksDB store, for tests of the stages without a broker. */
final class MapStore<V> implements DetectionStore<String, V> {

    private final TreeMap<String, V> map = new TreeMap<>();

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public void forEachWithPrefix(String prefix, BiConsumer<String, V> action) {
        for (Map.Entry<String, V> e :
                map.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        map.forEach(action);
    }

    int size() {
        return map.size();
    }
}
