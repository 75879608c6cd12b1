package vn.ocop.service.robustness;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TempStore;

/** One application (real engine, fresh embedded store, no rate limit) shared by the robustness suites. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ocop.web.rate-limit.enabled=false")
@ActiveProfiles("local")
abstract class RealEngineApp {
    @LocalServerPort
    int port;

    @Autowired
    RulesEngine engine;

    @Autowired
    MongoTemplate mongo;

    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-robustness");
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A GET sent as raw bytes on a socket: the JDK client refuses to send a malformed URI such as {@code ?a=%zz}. */
    Http.Response rawGet(String pathAndQuery, String user) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (user == null ? "" : "Authorization: " + Http.basic(user) + "\r\n") + "\r\n";
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String raw = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            int headersEnd = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, headersEnd);
            String contentType = head.lines()
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim())
                    .findFirst()
                    .orElse(null);
            String body = raw.substring(headersEnd + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) body = unchunk(body);
            return new Http.Response(status, contentType, null, null, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) return out.toString();
            byte[] all = chunked.substring(eol + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String chunk = new String(all, 0, size, java.nio.charset.StandardCharsets.UTF_8);
            out.append(chunk);
            i = eol + 2 + chunk.length() + 2;
        }
    }

    long stored(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }
}
