package io.tiergate.campaign.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Gateway request records for a population of legitimate accounts (with the hard negatives that look coordinated)
 * and two extraction campaigns, emitted in event-time order, hour by hour, from one seed. Every account's real
 * population is kept as a label, so that recall and false positives can be measured on the detector's flags.
 */
public final class Simulator {

    /** What to simulate. Rates are median requests per account and active day. */
    public record Config(
            long seed,
            int legitAccounts,
            int days,
            Instant start,
            int loudAccounts,
            int stealthyAccounts,
            double medianRatePerDay) {

        public static Config of(long seed, int legitAccounts, int days) {
            return new Config(
                    seed,
                    legitAccounts,
                    days,
                    Instant.parse("2026-10-05T00:00:00Z"),
                    Math.max(60, legitAccounts / 120),
                    Math.max(40, legitAccounts / 250),
                    10);
        }

        public Config withCampaigns(int loud, int stealthy) {
            return new Config(seed, legitAccounts, days, start, loud, stealthy, medianRatePerDay);
        }
    }

    /** An account's truth: its population and, for a campaign account, the campaign's name. */
    public record Label(String accountId, Population population, String campaign) {}

    static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final long[] RESIDENTIAL_ASNS = {
        7922, 701, 7018, 20115, 3320, 5089, 2856, 12322, 3215, 1136, 6830, 4134, 4837, 9808, 17676, 4766, 9299, 28573,
        8151, 27699, 7545, 1221, 852, 812, 6327, 5650, 22773, 11427, 3269, 12389, 8402, 6805, 6739, 3352, 12479, 2119,
        3301, 1257, 8881, 9121
    };
    private static final long[] MOBILE_ASNS = {21928, 22394, 20057, 3209, 12430};
    private static final long[] HOSTING_ASNS = {16509, 14061, 24940, 16276, 14618, 8075, 396982, 63949, 20473, 9009};
    private static final String[] BROWSER_UAS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/141.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "mythos-python/1.42.0",
        "mythos-python/1.41.2",
        "mythos-node/4.8.1",
        "mythos-go/0.19.0",
        "curl/8.5.0",
        "python-httpx/0.27.2",
        "mythos-java/2.3.0",
        "PostmanRuntime/7.42.0"
    };
    private static final String AGENT_UA = "CodeForge-Agent/3.4.1 (mythos-node/4.8.1)";
    private static final String[] CAPABILITIES = {
        "mythos-5:chat", "mythos-5:code", "mythos-5:reasoning", "mythos-5:tools", "mythos-5:vision"
    };

    private final Config config;
    private final Random random;
    private final List<Actor> actors = new ArrayList<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    /** The coding agent's system prompt dominates its users' prompt hashes. */
    private final long agentCentroid;

    private final List<Integer> vpnPool = new ArrayList<>();

    public Simulator(Config config) {
        this.config = config;
        this.random = new Random(config.seed());
        this.agentCentroid = random.nextLong();
        for (int i = 0; i < 40; i++) {
            vpnPool.add(randomPrefix(random));
        }
        populate();
    }

    public Map<String, Label> labels() {
        return labels;
    }

    public Instant start() {
        return config.start();
    }

    /** Emits every record as one JSON line, in event-time order (records within one hour are sorted). */
    public void run(Consumer<String> out) {
        JsonFactory json = new JsonFactory();
        Random r = new Random(config.seed() ^ 0x5DEECE66DL);
        List<Event> hour = new ArrayList<>();
        int hours = config.days() * 24;
        for (int h = 0; h < hours; h++) {
            Instant from = config.start().plus(Duration.ofHours(h));
            hour.clear();
            for (Actor actor : actors) {
                int n = poisson(r, actor.ratePerDay / 24.0 * actor.weight(from, h / 24));
                for (int i = 0; i < n; i++) {
                    long offset = actor.cron ? r.nextInt(4_000) : r.nextInt(3_600_000);
                    hour.add(new Event(from.toEpochMilli() + offset, actor));
                }
            }
            hour.sort(Comparator.comparingLong(Event::ts));
            for (Event e : hour) {
                out.accept(e.actor.record(json, r, e.ts, h / 24));
            }
        }
    }

    private record Event(long ts, Actor actor) {}

    // ------------------------------------------------------------------ populations

    private void populate() {
        int n = config.legitAccounts();
        int agent = n * 20 / 100, enterprise = n * 3 / 100, nat = n * 8 / 100, benchmark = Math.max(60, n / 400);
        int hackathon = n * 2 / 100, household = n * 4 / 100, vpn = n * 5 / 100;
        int ordinary = n - agent - enterprise - nat - benchmark - hackathon - household - vpn;
        Instant start = config.start();
        int launchRush = ordinary * 3 / 100;
        for (int i = 0; i < ordinary; i++) {
            Actor a = ordinary(Population.ORDINARY);
            if (i < launchRush) { // a launch-day rush: registered in the first twelve hours, otherwise ordinary
                a.registeredAt = start.plusSeconds(random.nextInt(12 * 3600)).toEpochMilli();
                a.activeFrom = a.registeredAt;
            }
        }
        for (int i = 0; i < agent; i++) {
            Actor a = ordinary(Population.CODING_AGENT);
            a.agentShare = 0.6 + random.nextDouble() * 0.35;
            a.ua = AGENT_UA;
            a.cotRate = 0.03 + random.nextDouble() * 0.08;
        }
        enterprises(enterprise);
        nats(nat);
        benchmarks(benchmark);
        hackathons(hackathon);
        households(household);
        for (int i = 0; i < vpn; i++) {
            Actor a = ordinary(Population.VPN);
            a.vpn = true;
            a.asn = HOSTING_ASNS[random.nextInt(HOSTING_ASNS.length)];
        }
        loud(config.loudAccounts());
        stealthy(config.stealthyAccounts());
    }

    private Actor actor(Population population, String campaign) {
        Actor a = new Actor();
        a.id = new UUID(random.nextLong(), random.nextLong()).toString();
        a.population = population;
        a.registeredAt = config.start()
                .minus(Duration.ofDays(1 + random.nextInt(700)))
                .plusSeconds(random.nextInt(86_400))
                .toEpochMilli();
        a.activeFrom = config.start().toEpochMilli();
        a.timezone = new int[] {-8, -5, 0, 1, 2, 3, 5, 8, 9}[random.nextInt(9)];
        a.ratePerDay = config.medianRatePerDay() * Math.exp(random.nextGaussian() * 0.8);
        a.cotRate = 0.02 + random.nextDouble() * 0.18;
        a.capabilityBias = random.nextInt(CAPABILITIES.length);
        actors.add(a);
        labels.put(a.id, new Label(a.id, population, campaign));
        return a;
    }

    private Actor ordinary(Population population) {
        Actor a = actor(population, null);
        a.prefix = randomPrefix(random);
        a.host = 1 + random.nextInt(254);
        a.asn = RESIDENTIAL_ASNS[random.nextInt(RESIDENTIAL_ASNS.length)];
        a.device = uuid();
        a.payment = random.nextDouble() < 0.4 ? null : "pf_" + Long.toHexString(random.nextLong());
        a.ua = BROWSER_UAS[random.nextInt(BROWSER_UAS.length)];
        int contexts = 1 + random.nextInt(3);
        a.contexts = new long[contexts];
        for (int i = 0; i < contexts; i++) {
            a.contexts[i] = random.nextLong();
        }
        return a;
    }

    private void enterprises(int accounts) {
        while (accounts > 0) {
            int size = Math.min(accounts, 5 + random.nextInt(36));
            accounts -= size;
            String org = random.nextDouble() < 0.7 ? uuid() : null; // some run under personal accounts
            int egress = randomPrefix(random);
            long asn = HOSTING_ASNS[random.nextInt(HOSTING_ASNS.length)];
            String payment = "pf_" + Long.toHexString(random.nextLong());
            long[] jobs = new long[1 + random.nextInt(Math.max(1, size / 3))];
            for (int j = 0; j < jobs.length; j++) {
                jobs[j] = random.nextLong();
            }
            Instant registered = config.start().minus(Duration.ofDays(30 + random.nextInt(400)));
            for (int i = 0; i < size; i++) {
                Actor a = actor(Population.ENTERPRISE_BATCH, null);
                a.org = org;
                a.prefix = egress;
                a.host = 10;
                a.asn = asn;
                a.device = "svc-" + org + "-" + i;
                a.payment = payment;
                a.ua = "python-requests/2.32.3";
                a.registeredAt = registered.plusSeconds(random.nextInt(600)).toEpochMilli();
                a.cron = true;
                a.ratePerDay = 24 * (1 + random.nextInt(3));
                a.job = jobs[i % jobs.length];
                a.cotRate = 0.01;
            }
        }
    }

    private void nats(int accounts) {
        while (accounts > 0) {
            int size = Math.min(accounts, 50 + random.nextInt(450));
            accounts -= size;
            boolean carrier = random.nextBoolean();
            int[] prefixes = {randomPrefix(random), randomPrefix(random), randomPrefix(random)};
            long asn = carrier
                    ? MOBILE_ASNS[random.nextInt(MOBILE_ASNS.length)]
                    : RESIDENTIAL_ASNS[random.nextInt(RESIDENTIAL_ASNS.length)];
            // a campus: many of its people work the same assignment prompt, reasoning step by step
            long assignment = random.nextLong();
            for (int i = 0; i < size; i++) {
                Actor a = ordinary(Population.NAT);
                a.prefix = prefixes[random.nextInt(prefixes.length)];
                a.host = 1 + random.nextInt(8);
                a.asn = asn;
                if (!carrier && random.nextDouble() < 0.5) {
                    a.contexts[0] = assignment;
                    a.contextShare = 0.5;
                    a.cotRate = 0.3 + random.nextDouble() * 0.3;
                }
            }
        }
    }

    private void benchmarks(int researchers) {
        long[][] suites = new long[6][];
        for (int s = 0; s < suites.length; s++) {
            suites[s] = new long[40 + random.nextInt(60)];
            for (int p = 0; p < suites[s].length; p++) {
                suites[s][p] = random.nextLong();
            }
        }
        for (int i = 0; i < researchers; i++) {
            Actor a = ordinary(Population.BENCHMARK);
            a.suites = new long[][] {suites[random.nextInt(suites.length)], suites[random.nextInt(suites.length)]};
            a.ratePerDay = 80 + random.nextInt(200);
            a.cotRate = 0.5 + random.nextDouble() * 0.4;
            a.asn = RESIDENTIAL_ASNS[random.nextInt(RESIDENTIAL_ASNS.length)];
        }
    }

    private void hackathons(int accounts) {
        while (accounts > 0) {
            int size = Math.min(accounts, 100 + random.nextInt(400));
            accounts -= size;
            int venue = randomPrefix(random);
            long day = random.nextInt(Math.max(1, config.days()));
            Instant opens = config.start().plus(Duration.ofDays(day)).plus(Duration.ofHours(8));
            long[] starters = {random.nextLong(), random.nextLong()};
            for (int i = 0; i < size; i++) {
                Actor a = ordinary(Population.HACKATHON);
                a.registeredAt = opens.plusSeconds(random.nextInt(4 * 3600)).toEpochMilli();
                a.activeFrom = a.registeredAt;
                a.eventUntil = opens.plus(Duration.ofHours(14)).toEpochMilli();
                a.eventPrefix = venue;
                a.contexts = new long[] {starters[random.nextInt(2)], random.nextLong()};
                a.contextShare = 0.6;
                a.ratePerDay *= 2;
            }
        }
    }

    private void households(int accounts) {
        while (accounts > 0) {
            int size = Math.min(accounts, 2 + random.nextInt(3));
            accounts -= size;
            Actor first = null;
            for (int i = 0; i < size; i++) {
                Actor a = ordinary(Population.HOUSEHOLD);
                if (first == null) {
                    first = a;
                } else {
                    a.prefix = first.prefix;
                    a.host = first.host;
                    a.asn = first.asn;
                    a.payment = first.payment;
                    if (random.nextBoolean()) {
                        a.device = first.device;
                    }
                }
            }
        }
    }

    private void loud(int accounts) {
        if (accounts == 0) {
            return;
        }
        long[] curriculum = new long[40];
        for (int i = 0; i < curriculum.length; i++) {
            curriculum[i] = random.nextLong();
        }
        int[] datacenter = new int[60];
        for (int i = 0; i < datacenter.length; i++) { // some of the proxies share the VPN providers' networks
            datacenter[i] = i < 10 ? vpnPool.get(i) : randomPrefix(random);
        }
        int[] residentialProxies = new int[accounts * 2];
        for (int i = 0; i < residentialProxies.length; i++) {
            residentialProxies[i] = randomPrefix(random);
        }
        String[] payments = new String[Math.max(2, accounts / 20)];
        for (int i = 0; i < payments.length; i++) {
            payments[i] = "pf_" + Long.toHexString(random.nextLong());
        }
        String[] devices = new String[Math.max(2, accounts / 4)];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = uuid();
        }
        long burst = 0;
        for (int i = 0; i < accounts; i++) {
            if (i % 100 == 0) { // registered in bursts over the three days before the campaign
                burst = config.start()
                        .minus(Duration.ofHours(6 + random.nextInt(66)))
                        .toEpochMilli();
            }
            Actor a = actor(Population.CAMPAIGN_LOUD, "loud");
            a.registeredAt = burst + random.nextInt(2 * 3600_000);
            a.activeFrom = config.start().plus(Duration.ofHours(6)).toEpochMilli();
            a.flat = true;
            a.ratePerDay = 25 * Math.exp(random.nextGaussian() * 0.3);
            a.templates = pick(curriculum, 2 + random.nextInt(2));
            a.templateShare = 0.9;
            a.templateCot = 0.75;
            a.proxyPrefixes = random.nextBoolean() ? datacenter : residentialProxies;
            a.asn = a.proxyPrefixes == datacenter ? HOSTING_ASNS[random.nextInt(HOSTING_ASNS.length)] : 0;
            a.payment = payments[random.nextInt(payments.length)];
            a.device = devices[random.nextInt(devices.length)];
            a.ua = BROWSER_UAS[4 + random.nextInt(3)];
        }
    }

    private void stealthy(int accounts) {
        if (accounts == 0) {
            return;
        }
        long[] templates = new long[30];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = agentCentroid ^ bits(random, 8); // a task template inside the agent's system prompt
        }
        List<Actor> members = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            Actor a = ordinary(Population.CAMPAIGN_STEALTHY);
            labels.put(a.id, new Label(a.id, Population.CAMPAIGN_STEALTHY, "stealthy"));
            a.registeredAt = config.start()
                    .minus(Duration.ofDays(200 + random.nextInt(700)))
                    .toEpochMilli();
            a.business = true;
            a.timezone = 8;
            a.ratePerDay = 30 * Math.exp(random.nextGaussian() * 0.3);
            a.ua = AGENT_UA;
            a.agentShare = 0.5;
            a.templateShare = 0.6;
            a.templateCot = 0.4;
            a.cohortTemplates = templates;
            a.cohortIndex = i;
            members.add(a);
        }
        // small cohorts (10-20) reshuffled daily: each cohort works three of the templates that day
        for (int day = 0; day < config.days(); day++) {
            List<Actor> shuffled = new ArrayList<>(members);
            java.util.Collections.shuffle(shuffled, new Random(config.seed() * 31 + day));
            int i = 0;
            while (i < shuffled.size()) {
                int size = 10 + random.nextInt(11);
                long[] work = pick(templates, 3);
                for (int j = i; j < Math.min(shuffled.size(), i + size); j++) {
                    shuffled.get(j).daily.put(day, work);
                }
                i += size;
            }
        }
    }

    // ------------------------------------------------------------------ one account

    private final class Actor {
        String id;
        Population population;
        String org;
        long registeredAt;
        long activeFrom;
        int timezone;
        double ratePerDay;
        double cotRate;
        int capabilityBias;
        boolean cron;
        boolean flat;
        boolean business;
        int prefix;
        int host;
        long asn;
        boolean vpn;
        int[] proxyPrefixes;
        String device;
        String payment;
        String ua;
        long[] contexts = new long[0];
        double contextShare = 0.3;
        double agentShare;
        long job;
        long[][] suites;
        long eventUntil;
        int eventPrefix;
        long[] templates;
        double templateShare;
        double templateCot;
        long[] cohortTemplates;
        int cohortIndex;
        final Map<Integer, long[]> daily = new HashMap<>();

        /** How active the account is in this hour relative to its daily mean (diurnal, business hours, 24/7, cron). */
        double weight(Instant hour, int day) {
            long ms = hour.toEpochMilli();
            if (ms + 3_600_000 <= activeFrom) {
                return 0;
            }
            if (flat || cron) {
                return 1;
            }
            int local = Math.floorMod(hour.atZone(ZoneOffset.UTC).getHour() + timezone, 24);
            if (business) {
                int weekday =
                        hour.atZone(ZoneOffset.ofHours(timezone)).getDayOfWeek().getValue();
                return weekday <= 5 && local >= 9 && local < 18 ? 24.0 / 9 : 0;
            }
            return local < 7 ? 0.15 : local < 9 ? 0.9 : local < 23 ? 1.5 : 0.6;
        }

        String record(JsonFactory json, Random r, long ts, int day) {
            long simhash;
            boolean cot = r.nextDouble() < cotRate;
            if (templates != null && r.nextDouble() < templateShare) {
                simhash = templates[r.nextInt(templates.length)] ^ bits(r, r.nextInt(4));
                cot = r.nextDouble() < templateCot;
            } else if (cohortTemplates != null && r.nextDouble() < templateShare) {
                long[] work = daily.get(day);
                simhash = work[r.nextInt(work.length)] ^ bits(r, r.nextInt(5));
                cot = r.nextDouble() < templateCot;
            } else if (cron) {
                simhash = job ^ bits(r, r.nextInt(3));
            } else if (suites != null) {
                long[] suite = suites[r.nextInt(suites.length)];
                simhash = suite[r.nextInt(suite.length)];
            } else if (agentShare > 0 && r.nextDouble() < agentShare) {
                simhash = agentCentroid ^ bits(r, r.nextInt(7));
            } else if (contexts.length > 0 && (ts < eventUntil || eventUntil == 0) && r.nextDouble() < contextShare) {
                simhash = contexts[r.nextInt(contexts.length)] ^ bits(r, r.nextInt(4));
            } else {
                simhash = r.nextLong();
            }
            String ip;
            long recordAsn = asn;
            if (proxyPrefixes != null) { // a proxy pool rotates the exit on every request
                ip = address(proxyPrefixes[r.nextInt(proxyPrefixes.length)], 1 + r.nextInt(254));
                if (recordAsn == 0) {
                    recordAsn = RESIDENTIAL_ASNS[r.nextInt(RESIDENTIAL_ASNS.length)];
                }
            } else if (vpn) {
                ip = address(vpnPool.get(r.nextInt(vpnPool.size())), 1 + r.nextInt(254));
            } else if (ts < eventUntil) {
                ip = address(eventPrefix, 1 + r.nextInt(254));
            } else {
                ip = address(prefix, host);
            }
            int capability = r.nextDouble() < 0.7 ? capabilityBias : r.nextInt(CAPABILITIES.length);
            StringWriter out = new StringWriter(420);
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("ts", TS.format(Instant.ofEpochMilli(ts)));
                g.writeStringField("requestId", new UUID(r.nextLong(), r.nextLong()).toString());
                g.writeStringField("accountId", id);
                g.writeStringField("orgId", org);
                g.writeStringField("capability", CAPABILITIES[capability]);
                g.writeNumberField("inputTokens", 200 + r.nextInt(3000));
                g.writeNumberField("outputTokens", 100 + r.nextInt(cot ? 4000 : 1200));
                g.writeStringField("clientIp", ip);
                g.writeNumberField("asn", recordAsn);
                g.writeStringField("userAgent", ua);
                g.writeStringField("deviceId", device);
                g.writeStringField("paymentFingerprint", payment);
                g.writeStringField("promptSimhash", String.format("%016x", simhash));
                g.writeBooleanField("cotElicitation", cot);
                g.writeStringField("registeredAt", TS.format(Instant.ofEpochMilli(registeredAt)));
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    private static String address(int prefix, int host) {
        return ((prefix >>> 16) & 0xff) + "." + ((prefix >>> 8) & 0xff) + "." + (prefix & 0xff) + "." + host;
    }

    private static int randomPrefix(Random r) {
        return ((11 + r.nextInt(200)) << 16) | (r.nextInt(256) << 8) | r.nextInt(256);
    }

    /** A mask of {@code n} distinct random bits: the paraphrase or task noise on a prompt's SimHash. */
    static long bits(Random r, int n) {
        long mask = 0;
        while (Long.bitCount(mask) < n) {
            mask |= 1L << r.nextInt(64);
        }
        return mask;
    }

    private long[] pick(long[] from, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = from[random.nextInt(from.length)];
        }
        return out;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static int poisson(Random r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
