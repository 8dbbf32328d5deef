package io.controlautogeneracion.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Cheap health probes, each bounded by a short timeout. */
public final class Probes {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private Probes() {}

    /** Whether something accepts TCP connections on host:port. */
    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The value of an HTTP basic {@code Authorization} header. */
    public static String basicAuthorization(String user, String password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The body of a GET that answered 200, or null for any other outcome. */
    public static String httpGet(String url, String user, String password) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (user != null) {
            request.header("Authorization", basicAuthorization(user, password));
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Whether ZooKeeper is serving, asked through its admin server: {@code srvr} answers without an
     * error only once the server runs (before that, its error says it is not serving requests).
     */
    public static boolean zookeeperServing(String host, int adminPort) {
        String body = httpGet("http://" + host + ":" + adminPort + "/commands/srvr", null, null);
        if (body == null) {
            return false;
        }
        try {
            JsonNode answer = JSON.readTree(body);
            return answer.has("error") && answer.get("error").isNull();
        } catch (IOException e) {
            return false;
        }
    }
}
