package vn.ocop.service.docs;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The options of curl the documents use, sent with Java's HTTP client (no curl needed on the machine):
 * {@code -u -H -X -d --data --data-binary -F -o -i -s}; {@code @file} reads a file of the working folder, {@code @-}
 * what the previous command of the pipe wrote.
 */
final class Curl {

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Curl() {}

    static Answer run(List<String> args, byte[] stdin, Path folder) throws Exception {
        String method = null;
        String url = null;
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] data = null;
        List<String[]> form = new ArrayList<>();
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-u" ->
                    headers.put(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(args.get(++i).getBytes(StandardCharsets.UTF_8)));
                case "-H" -> {
                    String h = args.get(++i);
                    int colon = h.indexOf(':');
                    headers.put(
                            h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                case "-X" -> method = args.get(++i);
                case "-d", "--data" -> data = append(data, stripNewlines(read(args.get(++i), stdin, folder)));
                case "--data-binary" -> data = append(data, read(args.get(++i), stdin, folder));
                case "-F" -> form.add(args.get(++i).split("=", 2));
                case "-o" -> output = args.get(++i);
                case "-i", "-s", "-S", "-sS", "-f" -> {}
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException(
                                "curl option " + a + " is not translated here (add it to Curl)");
                    }
                    url = a;
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!form.isEmpty()) {
            String boundary = "----ocop-docs-" + UUID.randomUUID();
            headers.putIfAbsent("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofByteArray(multipart(form, boundary, folder));
        } else if (data != null) {
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofByteArray(data);
        }
        boolean hasBody = data != null || !form.isEmpty();
        headers.forEach(request::header);
        request.method(method != null ? method : hasBody ? "POST" : "GET", body);
        HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (output != null) {
            Files.write(folder.resolve(output), response.body());
        }
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static byte[] read(String value, byte[] stdin, Path folder) throws Exception {
        if (value.equals("@-")) {
            return stdin;
        }
        if (value.startsWith("@")) {
            return Files.readAllBytes(folder.resolve(value.substring(1)));
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code curl -d @file} drops the file's line breaks, as curl does. */
    private static byte[] stripNewlines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8)
                .replace("\r", "")
                .replace("\n", "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] append(byte[] data, byte[] more) {
        if (data == null) {
            return more;
        }
        byte[] joined = new byte[data.length + 1 + more.length];
        System.arraycopy(data, 0, joined, 0, data.length);
        joined[data.length] = '&';
        System.arraycopy(more, 0, joined, data.length + 1, more.length);
        return joined;
    }

    private static byte[] multipart(List<String[]> parts, String boundary, Path folder) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] part : parts) {
            String name = part[0];
            String value = part[1];
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (value.startsWith("@")) {
                String[] fileAndOptions = value.substring(1).split(";");
                String filename = fileAndOptions[0];
                for (String option : fileAndOptions) {
                    if (option.startsWith("filename=")) {
                        filename = option.substring("filename=".length());
                    }
                }
                out.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                                + "\"\r\n" + "Content-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(Files.readAllBytes(folder.resolve(fileAndOptions[0])));
            } else {
                out.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
