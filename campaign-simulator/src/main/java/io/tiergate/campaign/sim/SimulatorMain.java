package io.tiergate.campaign.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes a simulated request-record file (JSON Lines, gzip) and its labels (CSV: accountId,population,campaign). */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws IOException {
        int accounts = 100_000, days = 2, loud = -1, stealthy = -1;
        long seed = 1;
        Path out = Path.of("requests.jsonl.gz"), labels = Path.of("labels.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--loud" -> loud = Integer.parseInt(args[++i]);
                case "--stealthy" -> stealthy = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--labels" -> labels = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: SimulatorMain [--accounts N] [--days D] [--seed S] [--loud N]"
                            + " [--stealthy N] [--out F.jsonl.gz] [--labels F.csv]");
                    System.exit(2);
                }
            }
        }
        Simulator.Config config = Simulator.Config.of(seed, accounts, days);
        if (loud >= 0 || stealthy >= 0) {
            config = config.withCampaigns(
                    loud >= 0 ? loud : config.loudAccounts(), stealthy >= 0 ? stealthy : config.stealthyAccounts());
        }
        Simulator simulator = new Simulator(config);
        long[] count = {0};
        try (Writer w = new BufferedWriter(
                new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8),
                1 << 16)) {
            simulator.run(line -> {
                try {
                    w.write(line);
                    w.write('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        try (Writer w = Files.newBufferedWriter(labels)) {
            w.write("accountId,population,campaign\n");
            for (Simulator.Label label : simulator.labels().values()) {
                w.write(label.accountId() + "," + label.population() + ","
                        + (label.campaign() == null ? "" : label.campaign()) + "\n");
            }
        }
        System.out.printf(
                "simulated %,d records of %,d accounts over %d days into %s (labels in %s)%n",
                count[0], simulator.labels().size(), days, out, labels);
    }
}
