package io.tiergate.entitlement.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small IPv4 MaxMind DB (format 2.0) mapping a few networks to countries, records shaped like
 * ip-location-db's ({@code {"country_code": "US"}}). Test-only: the service reads it with MaxMind's own reader, so
 * a mistake here shows up as a failed lookup, never as a false pass.
 */
public final class TestCountryDatabase {

    /** Test networks (RFC 5737 documentation ranges and RFC 2544 benchmark range) and their countries. */
    public static final Map<String, String> NETWORKS = Map.of(
            "203.0.113.0/24", "US",
            "198.51.100.0/24", "CN",
            "192.0.2.0/24", "DE",
            "198.18.0.0/16", "US");

    private TestCountryDatabase() {}

    public static void write(Path file, Map<String, String> networks) throws IOException {
        // a binary trie over the address bits; a leaf holds the data offset of its country's record
        List<int[]> nodes = new ArrayList<>();
        nodes.add(new int[] {-1, -1});
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, String> network : networks.entrySet()) {
            String country = network.getValue();
            Integer offset = offsets.get(country);
            if (offset == null) {
                offset = data.size();
                offsets.put(country, offset);
                map(data, 1);
                string(data, "country_code");
                string(data, country);
            }
            String[] parts = network.getKey().split("/");
            int prefix = Integer.parseInt(parts[1]);
            long address = ipv4(parts[0]);
            int node = 0;
            for (int bit = 0; bit < prefix; bit++) {
                int side = (int) ((address >>> (31 - bit)) & 1);
                if (bit == prefix - 1) {
                    nodes.get(node)[side] = -2 - offset; // a leaf: data, encoded below
                } else {
                    if (nodes.get(node)[side] < 0) {
                        nodes.add(new int[] {-1, -1});
                        nodes.get(node)[side] = nodes.size() - 1;
                    }
                    node = nodes.get(node)[side];
                }
            }
        }
        int nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] n : nodes) {
            for (int record : n) {
                long value = record >= 0 ? record : record == -1 ? nodeCount : nodeCount + 16L + (-2 - record);
                uint(out, value, 4);
            }
        }
        out.write(new byte[16]); // the data section separator
        data.writeTo(out);
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        map(out, 9);
        string(out, "binary_format_major_version");
        unsigned(out, 5, 2);
        string(out, "binary_format_minor_version");
        unsigned(out, 5, 0);
        string(out, "build_epoch");
        out.write(0x08); // extended type, 8 bytes
        out.write(9 - 7); // uint64
        uint(out, System.currentTimeMillis() / 1000, 8);
        string(out, "database_type");
        string(out, "tiergate-test-country");
        string(out, "description");
        map(out, 1);
        string(out, "en");
        string(out, "Tiergate test networks");
        string(out, "ip_version");
        unsigned(out, 5, 4);
        string(out, "languages");
        out.write(0x01); // extended type, 1 element
        out.write(11 - 7); // array
        string(out, "en");
        string(out, "node_count");
        unsigned(out, 6, nodeCount);
        string(out, "record_size");
        unsigned(out, 5, 32);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out.toByteArray());
    }

    private static void map(ByteArrayOutputStream out, int size) {
        out.write((7 << 5) | size);
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= 29) {
            out.write((2 << 5) | 29);
            out.write(bytes.length - 29);
        } else {
            out.write((2 << 5) | bytes.length);
        }
        out.writeBytes(bytes);
    }

    /** An unsigned integer of type 5 (uint16) or 6 (uint32), in as few bytes as it needs. */
    private static void unsigned(ByteArrayOutputStream out, int type, long value) {
        int size = value == 0 ? 0 : (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
        out.write((type << 5) | size);
        uint(out, value, size);
    }

    private static void uint(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
