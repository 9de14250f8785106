package io.tiergate.identity.screening.bench;

import io.tiergate.identity.screening.ScreeningIndex;
import io.tiergate.identity.screening.ScreeningQuery;
import io.tiergate.identity.screening.lists.ListEntry;
import io.tiergate.identity.screening.lists.ListFormat;
import io.tiergate.identity.screening.lists.ListLoaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Screening benchmark, not a test (surefire skips it unless asked):
 * {@code ./mvnw -o -pl identity-service test -Dtest=ScreeningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Generates 20,000 list entries with aliases in the OFAC SDN XML layout, loads them through the OFAC loader,
 * then screens 10,000 names (a third near-copies of listed names with a typo, the rest unrelated) and prints
 * p50, p99 and throughput. Goal on 2 cores: p50 <= 1 ms, p99 <= 5 ms.
 */
class ScreeningBenchmark {

    static final int ENTRIES = 20_000;
    static final int QUERIES = 10_000;
    static final int WARMUP = 3_000;
    static final String[] SYLLABLES = {
        "al", "an", "ar", "ba", "be", "da", "de", "el", "fa", "ha", "ib", "ka", "ko", "la", "li", "ma", "mi", "mo",
        "na", "ne", "ni", "ol", "pe", "ra", "re", "ri", "sa", "se", "si", "ta", "te", "to", "va", "vi", "ya", "za",
        "zo", "ch", "sh", "kh"
    };
    static final String[] COUNTRIES = {"RU", "IR", "SY", "KP", "CN", "VE", "BY", "CU", "AF", "IQ"};

    @Test
    void screen10kNamesAgainst20kEntries() throws Exception {
        Random random = new Random(42);
        List<String[]> names = new ArrayList<>();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sdnList xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\">\n"
                + "<publshInformation><Publish_Date>11/23/2026</Publish_Date><Record_Count>" + ENTRIES
                + "</Record_Count></publshInformation>\n");
        for (int i = 1; i <= ENTRIES; i++) {
            boolean person = i % 4 != 0;
            String first = word(random, 2 + random.nextInt(2));
            String last = word(random, 2 + random.nextInt(3)) + (person ? "" : " Trading Ltd");
            names.add(new String[] {first, last, person ? "P" : "O"});
            xml.append("<sdnEntry><uid>").append(i).append("</uid>");
            if (person) {
                xml.append("<firstName>").append(first).append("</firstName>");
            }
            xml.append("<lastName>")
                    .append(person ? last : first + " " + last)
                    .append("</lastName><sdnType>")
                    .append(person ? "Individual" : "Entity")
                    .append("</sdnType><programList><program>SDGT</program></programList>");
            xml.append("<akaList>");
            for (int a = 0; a < 1 + random.nextInt(3); a++) {
                xml.append("<aka><uid>")
                        .append(i * 10 + a)
                        .append("</uid><type>a.k.a.</type><category>strong</category>")
                        .append("<lastName>")
                        .append(word(random, 2))
                        .append(' ')
                        .append(word(random, 3))
                        .append("</lastName></aka>");
            }
            xml.append("</akaList>");
            if (person) {
                xml.append("<nationalityList><nationality><uid>")
                        .append(i)
                        .append("</uid><country>")
                        .append(new java.util.Locale("", COUNTRIES[random.nextInt(COUNTRIES.length)])
                                .getDisplayCountry(java.util.Locale.ENGLISH))
                        .append("</country></nationality></nationalityList>")
                        .append("<dateOfBirthList><dateOfBirthItem><uid>")
                        .append(i)
                        .append("</uid><dateOfBirth>")
                        .append(String.format("%02d Jan %d", 1 + random.nextInt(28), 1940 + random.nextInt(60)))
                        .append("</dateOfBirth></dateOfBirthItem></dateOfBirthList>");
            }
            xml.append("</sdnEntry>\n");
        }
        xml.append("</sdnList>\n");

        long loadStart = System.nanoTime();
        List<ListEntry> entries = ListLoaders.forFormat(ListFormat.OFAC_SDN_XML)
                .load(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), "BENCH");
        ScreeningIndex index = new ScreeningIndex("bench", entries);
        double buildMillis = (System.nanoTime() - loadStart) / 1e6;

        List<ScreeningQuery> queries = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int q = 0; q < WARMUP + QUERIES; q++) {
            if (q % 3 == 0) {
                int pick = random.nextInt(names.size());
                String[] listed = names.get(pick);
                // people keep the listed date of birth unknown to the query: only the name and a typo count
                expected.add(String.valueOf(pick + 1));
                String typo = listed[1].substring(0, listed[1].length() - 1) + "x";
                queries.add(
                        "P".equals(listed[2])
                                ? ScreeningQuery.person(listed[0] + " " + typo, null, List.of())
                                : ScreeningQuery.organization(listed[0] + " " + listed[1], null));
            } else {
                expected.add(null);
                queries.add(ScreeningQuery.person(
                        word(random, 2) + " " + word(random, 3),
                        LocalDate.of(1980 + random.nextInt(20), 1 + random.nextInt(12), 1),
                        List.of("DE")));
            }
        }
        long[] nanos = new long[QUERIES];
        long hits = 0;
        for (int q = 0; q < WARMUP; q++) {
            hits += index.screen(queries.get(q), 0.88).size();
        }
        hits = 0;
        int planted = 0;
        int found = 0;
        long start = System.nanoTime();
        for (int q = 0; q < QUERIES; q++) {
            long t0 = System.nanoTime();
            List<io.tiergate.identity.screening.ScreeningHit> result = index.screen(queries.get(WARMUP + q), 0.88);
            nanos[q] = System.nanoTime() - t0;
            hits += result.size();
            String want = expected.get(WARMUP + q);
            if (want != null) {
                planted++;
                if (result.stream().anyMatch(h -> want.equals(h.entryId()))) {
                    found++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(
                "%nSCREENING-BENCHMARK: %d entries (%d names and aliases loaded from OFAC SDN XML, index built "
                        + "in %.0f ms); %d queries, %d hits, listed names with a typo found %d of %d; p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.0f queries/s "
                        + "(one thread; goal p50 <= 1 ms, p99 <= 5 ms)%n%n",
                entries.size(),
                entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum(),
                buildMillis,
                QUERIES,
                hits,
                found,
                planted,
                nanos[QUERIES / 2] / 1e6,
                nanos[(int) (QUERIES * 0.99)] / 1e6,
                nanos[QUERIES - 1] / 1e6,
                QUERIES / seconds);
    }

    static String word(Random random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
