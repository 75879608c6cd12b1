package vn.ocop.service.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.storage.CanonicalJson;

/**
 * {@code Idempotency-Key} on every write under /api: the first request with a key runs and its answer (status,
 * Location, ETag, Content-Type, body) is kept; a retry by the same user with the same key and the same request
 * (method, path, query, body) gets that answer again and writes nothing. The same key on another request is 422
 * IDEMPOTENCY_KEY_REUSED; a retry while the first still runs is 409 IDEMPOTENCY_IN_PROGRESS. 5xx answers are not
 * kept (the retry runs). Runs after security (the user scopes the key) and after the body-size limit.
 */
class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag", "Content-Type");
    private final IdempotencyStore store;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1-100 characters of A-Z a-z 0-9 . _ : -");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String user = user(request);
        String id = CanonicalJson.sha256Hex(user + "\n" + key);
        String fingerprint = CanonicalJson.sha256Hex(request.getMethod() + " " + request.getRequestURI() + "?"
                        + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                + java.util.HexFormat.of().formatHex(sha(body));
        IdempotencyStore.Claim claim = store.claim(id, fingerprint);
        if (claim instanceof IdempotencyStore.Reused) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for another request; use a new key");
        } else if (claim instanceof IdempotencyStore.Running) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_IN_PROGRESS",
                    "The first request with this Idempotency-Key has not answered yet; retry later");
        } else if (claim instanceof IdempotencyStore.Answered a) {
            response.setStatus(a.status());
            a.headers().forEach(response::setHeader);
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(a.body());
        } else {
            run(new CachedBody(request, body), response, chain, id);
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String id)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, wrapped);
            int status = wrapped.getStatus();
            if (status < 500) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h : KEPT_HEADERS) {
                    String v = h.equals("Content-Type") ? wrapped.getContentType() : wrapped.getHeader(h);
                    if (v != null) headers.put(h, v);
                }
                store.complete(id, status, headers, wrapped.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) store.release(id);
            wrapped.copyBodyToResponse();
        }
    }

    private static String user(HttpServletRequest request) {
        Object auth = request.getAttribute(CurrentUser.AUTHENTICATION_ATTRIBUTE);
        return auth instanceof Authentication a && a.isAuthenticated() ? a.getName() : CurrentUser.name();
    }

    private static byte[] sha(byte[] body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once and served again to the application. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
