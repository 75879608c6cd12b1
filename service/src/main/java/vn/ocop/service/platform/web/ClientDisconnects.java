package vn.ocop.service.platform.web;

import java.io.IOException;

/** Whether a failure is only the client going away (broken pipe, reset, Tomcat's ClientAbortException). */
public final class ClientDisconnects {
    private ClientDisconnects() {}

    public static boolean isDisconnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("ClientAbortException")
                    || name.equals("AsyncRequestNotUsableException")
                    || name.equals("EofException")) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage();
                if (m.contains("Broken pipe") || m.contains("Connection reset") || m.contains("connection was aborted"))
                    return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }
}
