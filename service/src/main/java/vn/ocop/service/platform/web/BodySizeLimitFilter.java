package vn.ocop.service.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over {@code ocop.web.max-body-size} with 413: by Content-Length before anything is read,
 * and by counting bytes for chunked bodies (the reader then fails and {@link ProblemHandler} answers 413).
 * Paths with a larger limit of their own (the ruleset uploads: {@code ocop.web.upload-max-body-size}) are listed
 * in {@code larger}. A body that takes longer than {@code ocop.web.body-read-timeout} in all to arrive is cut off
 * (408): Tomcat's connection timeout bounds each read, this bounds a sender that drips one byte per read.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final long largerMaxBytes;
    private final java.util.function.Predicate<HttpServletRequest> larger;
    private final long deadlineNanos;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(DataSize max, ProblemWriter problems) {
        this(max, max, r -> false, java.time.Duration.ofMinutes(1), problems);
    }

    public BodySizeLimitFilter(
            DataSize max,
            DataSize largerMax,
            java.util.function.Predicate<HttpServletRequest> larger,
            java.time.Duration bodyReadTimeout,
            ProblemWriter problems) {
        this.maxBytes = max.toBytes();
        this.largerMaxBytes = largerMax.toBytes();
        this.larger = larger;
        this.deadlineNanos = bodyReadTimeout.toNanos();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bodyIsUtf8(request)) {
            response.setHeader("Connection", "close");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_CHARSET",
                    "Chỉ nhận nội dung mã hóa UTF-8, không nhận " + request.getCharacterEncoding() + " (send UTF-8)");
            return;
        }
        long max = larger.test(request) ? largerMaxBytes : maxBytes;
        if (request.getContentLengthLong() > max) {
            response.setHeader("Connection", "close");
            problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "Nội dung lớn hơn " + max + " byte (the body is larger than " + max + " bytes)");
            return;
        }
        chain.doFilter(new LimitedRequest(request, max, System.nanoTime() + deadlineNanos), response);
    }

    /** Text bodies are read as UTF-8 only: another declared charset would be decoded into mojibake or '?' and stored. */
    private static boolean bodyIsUtf8(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || request.getCharacterEncoding() == null) return true;
        try {
            return StrictJson.isUtf8(org.springframework.http.MediaType.parseMediaType(type));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Thrown while reading once the limit is passed. */
    public static class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("The body is larger than " + max + " bytes");
        }
    }

    /** Thrown while reading once the body has taken longer than the body read timeout. */
    public static class BodyTooSlowException extends IOException {
        BodyTooSlowException() {
            super("the body did not arrive within the body read timeout");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private final long deadline;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max, long deadline) {
            super(request);
            this.max = max;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max, deadline);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final long deadline;
        private long count;

        Counting(ServletInputStream in, long max, long deadline) {
            this.in = in;
            this.max = max;
            this.deadline = deadline;
        }

        private void add(long n) throws IOException {
            if (n > 0 && (count += n) > max) {
                throw new BodyTooLargeException(max);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BodyTooSlowException();
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            add(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener l) {
            in.setReadListener(l);
        }
    }
}
