package io.controlautogeneracion.dashboards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page's files from the classpath: {@code /} and {@code /<file>} from {@code page/}, {@code
 * /webjars/…} from the WebJars on the classpath (the charting library). Nothing else is reachable:
 * a path is a few plain names, never {@code ..}.
 */
final class StaticFiles implements HttpHandler {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Map<String, String> TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "json", "application/json; charset=utf-8",
                    "svg", "image/svg+xml",
                    "png", "image/png");

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Exchanges.requireGet(exchange);
            String path = exchange.getRequestURI().getPath();
            String resource = resource(path.equals("/") ? "/index.html" : path);
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            try (InputStream in =
                    StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null || !TYPES.containsKey(extension)) {
                    throw new DashboardsException(404, "no file at " + path);
                }
                Exchanges.send(exchange, 200, TYPES.get(extension), in.readAllBytes());
            }
        } catch (DashboardsException e) {
            Exchanges.problem(exchange, e.status(), e.getMessage());
        }
    }

    /** The classpath resource of a request path; 404 for anything that is not plain names. */
    static String resource(String path) {
        String[] names = path.substring(1).split("/", -1);
        for (String name : names) {
            if (!SAFE.matcher(name).matches()) {
                throw new DashboardsException(404, "no file at " + path);
            }
        }
        String relative = String.join("/", names);
        return names.length > 1 && names[0].equals("webjars")
                ? "META-INF/resources/" + relative
                : "page/" + relative;
    }
}
