package io.seicheck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the service under test, on loopback. */
public final class ServiceClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String apiKey;

    /** A client with the admin key that the service wrote on its first start (admins may use every endpoint). */
    public ServiceClient(int port) {
        this(port, adminKey());
    }

    /** A client with the given key, or none (null). */
    public ServiceClient(int port, String apiKey) {
        this.port = port;
        this.apiKey = apiKey;
    }

    public String apiKey() {
        return apiKey;
    }

    public ServiceClient withKey(String key) {
        return new ServiceClient(port, key);
    }

    /** The first admin key of this run's test service. */
    public static String adminKey() {
        java.nio.file.Path file = java.nio.file.Path.of("target", "test-data",
                System.getProperty("sei.test.run", "ide"), "admin.key");
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("No admin key at " + file + " (has the service started?)", e);
        }
    }

    /** A reply: status, content type, the raw body and, if it is JSON, its tree. */
    public record Reply(int status, String contentType, String text, JsonNode body) {
    }

    /** POST with any headers given as name, value, name, value... */
    public Reply post(String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    public Reply postJson(String path, String body, String... headers) {
        return post(path, body, "application/json", headers);
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return request;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Reply send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String text = response.body();
            JsonNode body = text.isEmpty() || !type.contains("json") || type.contains("ndjson") ? null
                    : JSON.readTree(text);
            return new Reply(response.statusCode(), type, text, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
