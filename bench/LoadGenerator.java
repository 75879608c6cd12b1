import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small closed-loop load generator for the OCOP service (JDK only; run with `java bench/LoadGenerator.java`).
 *
 *   java bench/LoadGenerator.java --url http://127.0.0.1:8080 --mode evaluate    --concurrency 16 --seconds 30
 *   java bench/LoadGenerator.java --url http://127.0.0.1:8080 --mode evaluations --concurrency 8  --seconds 30
 *
 * It reads the sheet from the catalogue (--edition, --sheet; default ocop-2023 / the edition's first sheet),
 * scores three members choosing varied options, and for --mode evaluations first creates --dossiers dossiers
 * with three assessments each (user admin). Prints throughput and latency percentiles; bounded in time.
 */
public class LoadGenerator {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("url", "http://127.0.0.1:8080", "mode", "evaluate",
                "concurrency", "16", "seconds", "30", "warmup", "10", "user", "admin", "password", "admin-pass",
                "edition", "ocop-2023", "dossiers", "50"));
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        String base = o.get("url");
        String auth = "Basic " + Base64.getEncoder().encodeToString((o.get("user") + ":" + o.get("password")).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        String edition = o.get("edition");
        String sheet = o.get("sheet");
        if (sheet == null) {
            sheet = first(call(http, "GET", base + "/api/v1/editions/" + edition + "/sheets", auth, null, 200), "\"id\":\"([^\"]+)\"");
        }
        String sheetJson = call(http, "GET", base + "/api/v1/editions/" + edition + "/sheets/" + sheet, auth, null, 200);
        List<String> codes = new ArrayList<>();
        List<Integer> optionCounts = new ArrayList<>();
        // criteria appear as {"code":"A1.1",...,"options":[{"number":1,...},...]}
        Matcher m = Pattern.compile("\"code\":\"([^\"]+)\"[^\\[]*\"options\":\\[(.*?)\\]").matcher(sheetJson);
        while (m.find()) {
            codes.add(m.group(1));
            optionCounts.add((int) Pattern.compile("\"number\"").matcher(m.group(2)).results().count());
        }
        String[] members = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"};
        List<String> assessments = new ArrayList<>();
        for (int k = 0; k < members.length; k++) {
            StringBuilder sel = new StringBuilder();
            for (int c = 0; c < codes.size(); c++) {
                if (sel.length() > 0) sel.append(',');
                sel.append('"').append(codes.get(c)).append("\":").append(1 + (c + k) % Math.max(1, optionCounts.get(c)));
            }
            assessments.add("{\"member\":\"" + members[k] + "\",\"selections\":{" + sel + "}}");
        }
        System.out.printf("sheet %s/%s: %d criteria%n", edition, sheet, codes.size());

        List<String> urls = new ArrayList<>();
        String body;
        if (o.get("mode").equals("evaluate")) {
            body = "{\"edition\":\"" + edition + "\",\"sheet\":\"" + sheet + "\",\"assessments\":[" + String.join(",", assessments) + "]}";
            urls.add(base + "/api/v1/evaluate");
        } else {
            body = null;
            int n = Integer.parseInt(o.get("dossiers"));
            for (int d = 0; d < n; d++) {
                String created = call(http, "POST", base + "/api/v1/dossiers", auth, """
                        {"product":{"name":"Sản phẩm %d"},"producer":{"name":"HTX %d","type":"COOPERATIVE"},
                         "location":{"provinceCode":"82","communeCode":"29869"},"edition":"%s","sheet":"%s"}"""
                        .formatted(d, d, edition, sheet), 201);
                String id = first(created, "\"id\":\"([^\"]+)\"");
                for (String a : assessments) call(http, "POST", base + "/api/v1/dossiers/" + id + "/assessments", auth, a, 201);
                urls.add(base + "/api/v1/dossiers/" + id + "/evaluations");
            }
            System.out.printf("prepared %d dossiers with %d assessments each%n", n, assessments.size());
        }
        int expected = o.get("mode").equals("evaluate") ? 200 : 201;
        int concurrency = Integer.parseInt(o.get("concurrency"));
        run(http, urls, auth, body, expected, concurrency, Integer.parseInt(o.get("warmup")), false);
        run(http, urls, auth, body, expected, concurrency, Integer.parseInt(o.get("seconds")), true);
    }

    static void run(HttpClient http, List<String> urls, String auth, String body, int expected, int concurrency, int seconds,
                    boolean report) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicInteger errors = new AtomicInteger();
        Thread[] threads = new Thread[concurrency];
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String url = urls.get((me + n * concurrency) % urls.size());
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", auth).header("Content-Type", "application/json");
                    b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != expected) errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
                    lat[n++] = System.nanoTime() - s;
                }
                latencies[me] = lat;
                counts[me] = n;
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            System.out.printf("warm-up: %d s%n", seconds);
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("%d requests in %.1f s = %.0f req/s, errors %d, concurrency %d%n", total, elapsed, total / elapsed, errors.get(), concurrency);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String call(HttpClient http, String method, String url, String auth, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
        return r.body();
    }

    static String first(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + regex + " in " + json);
        return m.group(1);
    }
}
