package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestEngineConfiguration;

/** With a JWK set configured, bearer tokens are accepted and roles come from the configured claim. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ocop.security.jwt.roles-claim=ocop_roles")
@Import(TestEngineConfiguration.class)
class JwtBearerIT {
    static RSAKey key;
    static HttpServer jwks;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        registry.add(
                "ocop.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        registry.add("ocop.storage.embedded.path", () -> {
            try {
                return Files.createTempDirectory("ocop-jwt").resolve("ocop.mv").toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    static String token(String subject, List<String> roles) throws Exception {
        return token(subject, roles, key);
    }

    static String token(String subject, List<String> roles, RSAKey signer) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .claim("ocop_roles", roles)
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                        .build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void rolesComeFromTheConfiguredClaim() throws Exception {
        Http http = new Http(port);
        String body = Http.dossierJson("Trà mãng cầu", "86", null);
        Http.Response created = http.send(
                "POST",
                "/api/v1/dossiers",
                null,
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + token("portal-dongthap", List.of("INTEGRATION")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("createdBy").asString()).isEqualTo("portal-dongthap");

        Http.Response denied = http.send(
                "POST",
                "/api/v1/dossiers",
                null,
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + token("member-1", List.of("COUNCIL")));
        ApiContract.assertProblem(denied, 403, "FORBIDDEN");

        Http.Response forged = http.send(
                "GET",
                "/api/v1/editions",
                null,
                null,
                null,
                "Authorization",
                "Bearer "
                        + token(
                                "x",
                                List.of("ADMIN"),
                                new RSAKeyGenerator(2048).keyID("k1").generate()));
        ApiContract.assertProblem(forged, 401, "UNAUTHENTICATED");
        ApiContract.assertProblem(http.get("/api/v1/editions", null), 401, "UNAUTHENTICATED");
    }
}
