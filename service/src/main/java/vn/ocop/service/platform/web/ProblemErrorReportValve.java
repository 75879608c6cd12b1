package vn.ocop.service.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals, made before any servlet runs (a request line with raw non-ASCII bytes or bad characters, an
 * oversized header), as problem+json like every other error, in place of Tomcat's HTML page. Installed on the host
 * by {@link WebConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus http = HttpStatus.resolve(status);
        String code = http == null
                ? "BAD_REQUEST"
                : switch (http) {
                    case BAD_REQUEST -> "BAD_REQUEST";
                    case NOT_FOUND -> "NOT_FOUND";
                    case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
                    case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "BAD_REQUEST";
                    default -> http.is5xxServerError() ? "INTERNAL_ERROR" : http.name();
                };
        String title = http == null ? "Yêu cầu không hợp lệ" : ProblemTitles.of(code, http);
        String detail = status >= 500
                ? "Lỗi không mong đợi (an unexpected error occurred)"
                : "Máy chủ web không đọc được yêu cầu: dòng yêu cầu, đường dẫn hoặc tiêu đề không hợp lệ "
                        + "(the request line, path or headers are not valid HTTP; percent-encode non-ASCII characters)";
        String json = "{\"type\":\"https://ocop.vn/problems/"
                + code.toLowerCase().replace('_', '-') + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing to answer
        }
    }
}
