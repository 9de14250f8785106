package io.tiergate.identity.screening;

import io.tiergate.identity.screening.lists.EntryKind;
import io.tiergate.identity.screening.lists.ListEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * An immutable in-memory index of list entries: every name and alias, normalized, reachable by its tokens and
 * by token prefixes and suffixes (so that a one-letter typo still finds candidates); identifiers by exact value.
 * Candidates are scored with Jaro-Winkler over tokens in any order, then moved by date of birth and nationality.
 * A new list version builds a new index, swapped in whole, so screening never sees a half-built one.
 */
public final class ScreeningIndex {

    /** Date of birth agreeing, or not, moves the score: a common name with another birth date is not a hit. */
    static final double DOB_MATCH = 0.04;

    static final double DOB_MISMATCH = -0.20;
    static final double NATIONALITY_MATCH = 0.02;
    static final double NATIONALITY_MISMATCH = -0.04;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final int AFFIX = 3;
    private static final int MAX_HITS = 10;
    /** Per-thread scratch counters for candidate retrieval, so that a query allocates no index-sized array. */
    private static final int[] NONE = new int[0];

    private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[0]);

    /**
     * Two tokens with one consonant skeleton (of at least two consonants) score at least this much: the same name
     * romanised from another script ("lejla"/"leyla"/"leila", "krympwr"/"karimpour") rarely reaches the
     * threshold on letters alone.
     */
    static final double SKELETON_MATCH = 0.93;

    private static final int MIN_SKELETON = 2;

    /** Tokens, their skeletons, and which tokens were transliterated from another script. */
    private record Variant(
            int entry, String name, boolean alias, String[] tokens, String[] skeletons, boolean[] transliterated) {}

    private final String version;
    private final List<ListEntry> entries;
    private final List<Variant> variants = new ArrayList<>();
    private final Map<String, int[]> byKey;
    private final Map<String, List<Integer>> byIdentifier = new HashMap<>();

    public ScreeningIndex(String version, List<ListEntry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
        Map<String, List<Integer>> keys = new HashMap<>();
        for (int e = 0; e < this.entries.size(); e++) {
            ListEntry entry = this.entries.get(e);
            addVariant(keys, e, entry.name(), false);
            for (String alias : entry.aliases()) {
                addVariant(keys, e, alias, true);
            }
            for (String identifier : entry.identifiers()) {
                String normalized = NameNormalizer.identifier(identifier);
                if (normalized.length() >= 5) { // shorter numbers are too ambiguous to be decisive
                    byIdentifier
                            .computeIfAbsent(normalized, k -> new ArrayList<>())
                            .add(e);
                }
            }
        }
        Map<String, int[]> packed = new HashMap<>(keys.size() * 2);
        keys.forEach((key, ids) ->
                packed.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.byKey = packed;
    }

    public static ScreeningIndex empty() {
        return new ScreeningIndex("empty", List.of());
    }

    public String version() {
        return version;
    }

    public int size() {
        return entries.size();
    }

    /** The hits at or above the threshold, best first, each explained. */
    public List<ScreeningHit> screen(ScreeningQuery query, double threshold) {
        Map<Integer, ScreeningHit> best = new LinkedHashMap<>();
        for (String identifier : query.identifiers()) {
            for (int e : byIdentifier.getOrDefault(NameNormalizer.identifier(identifier), List.of())) {
                ListEntry entry = entries.get(e);
                best.put(
                        e,
                        new ScreeningHit(
                                entry.listId(),
                                entry.entryId(),
                                entry.name(),
                                identifier,
                                ScreeningHit.MatchedOn.IDENTIFIER,
                                1.0,
                                1.0,
                                List.of("identifier: exact match (decisive)")));
            }
        }
        List<NameNormalizer.Token> romanised = NameNormalizer.romanisedTokens(query.name());
        String[] queryTokens =
                romanised.stream().map(NameNormalizer.Token::text).toArray(String[]::new);
        String[] querySkeletons = skeletons(queryTokens);
        boolean[] queryTransliterated = transliterated(romanised);
        if (queryTokens.length > 0) {
            for (int v : candidates(queryTokens, querySkeletons, queryTransliterated)) {
                Variant variant = variants.get(v);
                if (best.containsKey(variant.entry)
                        && best.get(variant.entry).matchedOn() == ScreeningHit.MatchedOn.IDENTIFIER) {
                    continue;
                }
                ListEntry entry = entries.get(variant.entry);
                if (query.organization() == (entry.kind() == EntryKind.PERSON)) {
                    continue; // people are screened against people, organizations against the rest
                }
                double nameScore = nameScore(
                        queryTokens,
                        querySkeletons,
                        queryTransliterated,
                        variant.tokens,
                        variant.skeletons,
                        variant.transliterated);
                if (nameScore + DOB_MATCH + NATIONALITY_MATCH < threshold) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                fields.add(String.format(
                        "name: %.3f against %s \"%s\"", nameScore, variant.alias ? "alias" : "name", variant.name));
                double score = nameScore + dateOfBirth(query, entry, fields) + nationality(query, entry, fields);
                score = Math.max(0, Math.min(1, score));
                ScreeningHit previous = best.get(variant.entry);
                if (score >= threshold && (previous == null || score > previous.score())) {
                    best.put(
                            variant.entry,
                            new ScreeningHit(
                                    entry.listId(),
                                    entry.entryId(),
                                    entry.name(),
                                    variant.name,
                                    variant.alias ? ScreeningHit.MatchedOn.ALIAS : ScreeningHit.MatchedOn.NAME,
                                    round(nameScore),
                                    round(score),
                                    List.copyOf(fields)));
                }
            }
        }
        List<ScreeningHit> hits = new ArrayList<>(best.values());
        hits.sort(Comparator.comparingDouble(ScreeningHit::score).reversed());
        return hits.size() > MAX_HITS ? hits.subList(0, MAX_HITS) : hits;
    }

    /**
     * Similarity of two names whose tokens may come in any order: each token is paired with its most similar
     * token on the other side, weighted by length, both ways, and the two directions averaged (so that a name
     * missing a middle name scores a little lower, not zero).
     */
    static double nameScore(String[] a, String[] b) {
        boolean[] latin = new boolean[Math.max(a.length, b.length)];
        return nameScore(a, skeletons(a), latin, b, skeletons(b), latin);
    }

    static double nameScore(
            String[] a,
            String[] aSkeletons,
            boolean[] aTransliterated,
            String[] b,
            String[] bSkeletons,
            boolean[] bTransliterated) {
        return (directed(a, aSkeletons, aTransliterated, b, bSkeletons, bTransliterated)
                        + directed(b, bSkeletons, bTransliterated, a, aSkeletons, aTransliterated))
                / 2;
    }

    /**
     * Each token's best similarity on the other side: Jaro-Winkler, raised to {@link #SKELETON_MATCH} when the two
     * share a skeleton and one of them was transliterated (two Latin spellings are compared by their letters alone).
     * A shared skeleton says the two are one word spelled twice, so a token lends it to one token only, the most
     * similar by letters: "mhdy ahmdy" (Mahdi Ahmadi) is not "mhmd" (Mohammed) twice, though all three are "md".
     */
    private static double directed(
            String[] from,
            String[] fromSkeletons,
            boolean[] fromTransliterated,
            String[] to,
            String[] toSkeletons,
            boolean[] toTransliterated) {
        double sum = 0;
        int weight = 0;
        for (int i = 0; i < from.length; i++) {
            String f = from[i];
            double bestToken = 0;
            for (int j = 0; j < to.length; j++) {
                double similarity = similarity(f, to[j]);
                if (similarity < SKELETON_MATCH
                        && shareSkeleton(fromSkeletons[i], fromTransliterated[i], toSkeletons[j], toTransliterated[j])
                        && ownsSkeleton(
                                i,
                                similarity,
                                from,
                                fromSkeletons,
                                fromTransliterated,
                                to[j],
                                toSkeletons[j],
                                toTransliterated[j])) {
                    similarity = SKELETON_MATCH;
                }
                bestToken = Math.max(bestToken, similarity);
            }
            sum += bestToken * f.length();
            weight += f.length();
        }
        return weight == 0 ? 0 : sum / weight;
    }

    private static double similarity(String a, String b) {
        return a.equals(b) ? 1.0 : JARO_WINKLER.apply(a, b);
    }

    private static boolean shareSkeleton(String a, boolean aTransliterated, String b, boolean bTransliterated) {
        return (aTransliterated || bTransliterated) && a.length() >= MIN_SKELETON && a.equals(b);
    }

    /** Whether token i is, of the tokens sharing t's skeleton, the most similar to t by letters (first on ties). */
    private static boolean ownsSkeleton(
            int i,
            double similarity,
            String[] from,
            String[] fromSkeletons,
            boolean[] fromTransliterated,
            String t,
            String tSkeleton,
            boolean tTransliterated) {
        for (int k = 0; k < from.length; k++) {
            if (k != i && shareSkeleton(fromSkeletons[k], fromTransliterated[k], tSkeleton, tTransliterated)) {
                double rival = similarity(from[k], t);
                if (rival > similarity || (rival == similarity && k < i)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean[] transliterated(List<NameNormalizer.Token> tokens) {
        boolean[] flags = new boolean[tokens.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = tokens.get(i).transliterated();
        }
        return flags;
    }

    static String[] skeletons(String[] tokens) {
        String[] skeletons = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            skeletons[i] = NameNormalizer.skeleton(tokens[i]);
        }
        return skeletons;
    }

    private static double dateOfBirth(ScreeningQuery query, ListEntry entry, List<String> fields) {
        if (query.dateOfBirth() == null || entry.datesOfBirth().isEmpty()) {
            return 0;
        }
        for (String listed : entry.datesOfBirth()) {
            if (compatible(query.dateOfBirth(), listed)) {
                fields.add("dateOfBirth: matches " + listed);
                return DOB_MATCH;
            }
        }
        fields.add("dateOfBirth: differs from " + String.join(", ", entry.datesOfBirth()));
        return DOB_MISMATCH;
    }

    /** A list date may be partial (yyyy or yyyy-MM): it agrees with every date it contains. */
    static boolean compatible(LocalDate date, String listed) {
        return date.toString().startsWith(listed) && !listed.isEmpty();
    }

    private static double nationality(ScreeningQuery query, ListEntry entry, List<String> fields) {
        if (query.nationalities().isEmpty() || entry.nationalities().isEmpty()) {
            return 0;
        }
        if (!Collections.disjoint(query.nationalities(), entry.nationalities())) {
            fields.add("nationality: shares " + entry.nationalities());
            return NATIONALITY_MATCH;
        }
        fields.add("nationality: differs from " + entry.nationalities());
        return NATIONALITY_MISMATCH;
    }

    /**
     * Variants that share enough index keys with the query to be worth scoring: at least 40% of the query's keys
     * (each token gives its exact form, and for longer tokens its 3-letter prefix and suffix), or at least half of
     * its consonant skeletons. A true match with a typo in one token keeps the other tokens' keys and one affix of
     * the typo'd token; the same name from another script keeps its skeletons; a stranger sharing only a common
     * prefix does not get scored at all.
     */
    private int[] candidates(String[] tokens, String[] skeletons, boolean[] transliterated) {
        List<String> keys = new ArrayList<>();
        for (String token : tokens) {
            keys.add(token);
            if (token.length() > AFFIX) {
                keys.add("<" + token.substring(0, AFFIX));
                keys.add(">" + token.substring(token.length() - AFFIX));
            }
        }
        List<String> skeletonKeys = new ArrayList<>();
        for (int i = 0; i < skeletons.length; i++) {
            String key = "#" + skeletons[i];
            if (transliterated[i] && skeletons[i].length() >= MIN_SKELETON && !skeletonKeys.contains(key)) {
                skeletonKeys.add(key); // only a transliterated token is compared by skeleton
            }
        }
        int[] byLetters = select(keys, n -> Math.max(1, (int) (n * 0.4)));
        if (skeletonKeys.isEmpty()) {
            return byLetters;
        }
        int[] bySkeleton = select(skeletonKeys, n -> Math.max(1, (n + 1) / 2));
        int[] both = java.util.Arrays.copyOf(byLetters, byLetters.length + bySkeleton.length);
        System.arraycopy(bySkeleton, 0, both, byLetters.length, bySkeleton.length);
        return java.util.Arrays.stream(both).distinct().toArray();
    }

    private int[] select(List<String> queryKeys, java.util.function.IntUnaryOperator requiredOf) {
        int[] counts = COUNTS.get();
        if (counts.length < variants.size()) {
            counts = new int[variants.size()];
            COUNTS.set(counts);
        }
        // Keys as common as stop words ("trading", "mohammed" in a large list) retrieve nothing on their own:
        // they are left out of retrieval when rarer keys exist, and still count in scoring.
        List<int[]> postings = new ArrayList<>();
        int keys = 0;
        int common = Math.max(1_000, variants.size() / 50);
        List<int[]> commonPostings = new ArrayList<>();
        for (String key : queryKeys) {
            int[] ids = byKey.getOrDefault(key, NONE);
            if (ids.length > common) {
                commonPostings.add(ids);
            } else {
                postings.add(ids);
                keys++;
            }
        }
        if (keys == 0) {
            postings = commonPostings;
            keys = commonPostings.size();
        }
        int[] touched = new int[64];
        int touchedCount = 0;
        for (int[] ids : postings) {
            for (int id : ids) {
                if (counts[id]++ == 0) {
                    if (touchedCount == touched.length) {
                        touched = java.util.Arrays.copyOf(touched, touched.length * 2);
                    }
                    touched[touchedCount++] = id;
                }
            }
        }
        int required = requiredOf.applyAsInt(keys);
        int[] selected = new int[touchedCount];
        int n = 0;
        for (int i = 0; i < touchedCount; i++) {
            int id = touched[i];
            if (counts[id] >= required) {
                selected[n++] = id;
            }
            counts[id] = 0; // leave the scratch array clean for the thread's next query
        }
        return java.util.Arrays.copyOf(selected, n);
    }

    private void addVariant(Map<String, List<Integer>> keys, int entry, String name, boolean alias) {
        List<NameNormalizer.Token> romanised = NameNormalizer.romanisedTokens(name);
        if (romanised.isEmpty()) {
            return;
        }
        List<String> tokens = romanised.stream().map(NameNormalizer.Token::text).toList();
        int id = variants.size();
        String[] tokenArray = tokens.toArray(String[]::new);
        String[] skeletonArray = skeletons(tokenArray);
        variants.add(new Variant(entry, name, alias, tokenArray, skeletonArray, transliterated(romanised)));
        for (String skeleton : new java.util.LinkedHashSet<>(List.of(skeletonArray))) {
            if (skeleton.length() >= MIN_SKELETON) {
                keys.computeIfAbsent("#" + skeleton, k -> new ArrayList<>()).add(id);
            }
        }
        for (String token : tokens) {
            keys.computeIfAbsent(token, k -> new ArrayList<>()).add(id);
            if (token.length() > AFFIX) {
                keys.computeIfAbsent("<" + token.substring(0, AFFIX), k -> new ArrayList<>())
                        .add(id);
                keys.computeIfAbsent(">" + token.substring(token.length() - AFFIX), k -> new ArrayList<>())
                        .add(id);
            }
        }
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
