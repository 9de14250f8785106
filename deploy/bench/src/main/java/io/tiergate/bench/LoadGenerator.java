package io.tiergate.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives HTTP load from one Vert.x event loop over a fixed pool of keep-alive connections.
 * <ul>
 *   <li>{@link #constantRate}: wrk2-style. Request i is due at start + i/rate; its latency is measured from when it
 *   was due, not from when it was sent, so a stall delays every request behind it and shows in the percentiles
 *   (coordinated omission corrected).</li>
 *   <li>{@link #closedLoop}: each connection sends its next request as soon as the last one answers: the maximum
 *   throughput.</li>
 * </ul>
 */
final class LoadGenerator implements AutoCloseable {

    /** What one run measured. */
    record Result(String name, long requests, long errors, double seconds, Histogram latencyMicros) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        String summary() {
            return String.format(
                    "%-34s %8d req %6d err %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %8.2f ms",
                    name,
                    requests,
                    errors,
                    throughput(),
                    percentileMillis(50),
                    percentileMillis(99),
                    percentileMillis(99.9),
                    latencyMicros.getMaxValue() / 1000.0);
        }
    }

    /** Where a constant-rate run's slow requests (over 5 ms) fell: second of the run → how many. */
    private static final long SLOW_MICROS = 5_000;

    String lastSlowSeconds = "";

    private static String slowSeconds(AtomicLongArray perSecond) {
        StringBuilder seconds = new StringBuilder();
        for (int i = 0; i < perSecond.length(); i++) {
            if (perSecond.get(i) > 0) {
                seconds.append(seconds.length() == 0 ? "" : " ")
                        .append(i)
                        .append("s:")
                        .append(perSecond.get(i));
            }
        }
        return seconds.toString();
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

    Result constantRate(Target target, int rate, int connections, int seconds) throws Exception {
        HttpClient client = client(target, connections);
        Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CompletableFuture<Double> done = new CompletableFuture<>();
        long total = (long) rate * seconds;
        AtomicLongArray slowPerSecond = new AtomicLongArray(seconds + 1);
        vertx.runOnContext(ignored -> {
            long start = System.nanoTime();
            double intervalNanos = 1e9 / rate;
            long[] sent = {0};
            vertx.setPeriodic(1, timer -> {
                long now = System.nanoTime();
                while (sent[0] < total && start + (long) (sent[0] * intervalNanos) <= now) {
                    long due = start + (long) (sent[0] * intervalNanos);
                    sent[0]++;
                    int second = (int) ((due - start) / 1_000_000_000L);
                    send(client, target, due, histogram, errors, () -> {
                        long latencyMicros = (System.nanoTime() - due) / 1000;
                        if (latencyMicros > SLOW_MICROS && second < slowPerSecond.length()) {
                            slowPerSecond.incrementAndGet(second);
                        }
                        if (completed.incrementAndGet() == total) {
                            done.complete((System.nanoTime() - start) / 1e9);
                        }
                    });
                }
                if (sent[0] >= total) {
                    vertx.cancelTimer(timer);
                }
            });
        });
        double elapsed = done.get(seconds * 10L + 60, TimeUnit.SECONDS);
        client.close();
        lastSlowSeconds = slowSeconds(slowPerSecond);
        return new Result(
                target.name() + " @" + rate + "/s", total, errors.get(), Math.max(elapsed, seconds), histogram);
    }

    Result closedLoop(Target target, int connections, int seconds) throws Exception {
        HttpClient client = client(target, connections);
        Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CompletableFuture<Double> done = new CompletableFuture<>();
        AtomicLong running = new AtomicLong(connections);
        vertx.runOnContext(ignored -> {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            for (int c = 0; c < connections; c++) {
                loop(client, target, deadline, histogram, errors, completed, () -> {
                    if (running.decrementAndGet() == 0) {
                        done.complete((System.nanoTime() - start) / 1e9);
                    }
                });
            }
        });
        double elapsed = done.get(seconds * 10L + 60, TimeUnit.SECONDS);
        client.close();
        return new Result(
                target.name() + " x" + connections + " conns", completed.get(), errors.get(), elapsed, histogram);
    }

    private void loop(
            HttpClient client,
            Target target,
            long deadline,
            Histogram histogram,
            AtomicLong errors,
            AtomicLong completed,
            Runnable finished) {
        if (System.nanoTime() >= deadline) {
            finished.run();
            return;
        }
        send(client, target, System.nanoTime(), histogram, errors, () -> {
            completed.incrementAndGet();
            loop(client, target, deadline, histogram, errors, completed, finished);
        });
    }

    private static void send(
            HttpClient client, Target target, long dueNanos, Histogram histogram, AtomicLong errors, Runnable after) {
        RequestOptions options = new RequestOptions()
                .setMethod(target.method())
                .setHost(target.uri().getHost())
                .setPort(target.uri().getPort())
                .setURI(target.uri().getRawPath());
        target.headers().forEach(options::putHeader);
        Buffer body = target.nextBody();
        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(ignored -> response))
                .onComplete(outcome -> {
                    histogram.recordValue(Math.max(0, (System.nanoTime() - dueNanos) / 1000));
                    HttpClientResponse response = outcome.result();
                    if (outcome.failed() || response.statusCode() != target.expectedStatus()) {
                        errors.incrementAndGet();
                    }
                    after.run();
                });
    }

    private HttpClient client(Target target, int connections) {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setDefaultHost(target.uri().getHost())
                        .setDefaultPort(target.uri().getPort()),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
