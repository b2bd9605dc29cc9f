package org.tollgate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError(series + " not in\n" + scrape));
    }

    @Test
    @DisplayName("the issue's meters exist at zero and follow the adapter calls")
    void meters() {
        GatewayMetrics m = new GatewayMetrics();
        String s = m.scrape();
        assertEquals(0, value(s, "tollgate_calls_active"));
        assertEquals(0, value(s, "tollgate_fac_total{result=\"success\"}"));
        assertEquals(0, value(s, "tollgate_radius_latency_seconds_count"));
        assertEquals(0, value(s, "tollgate_records_queued{sink=\"radius\"}"));
        m.callStarted();
        m.callStarted();
        m.callEnded("answered");
        m.facAttempt(true);
        m.facAttempt(false);
        m.facAttempt(false);
        m.radiusLatency(Duration.ofMillis(20));
        m.recordsQueued("file", 7);
        s = m.scrape();
        assertEquals(1, value(s, "tollgate_calls_active"));
        assertEquals(1, value(s, "tollgate_calls_total{outcome=\"answered\"}"));
        assertEquals(1, value(s, "tollgate_fac_total{result=\"success\"}"));
        assertEquals(2, value(s, "tollgate_fac_total{result=\"failure\"}"));
        assertEquals(1, value(s, "tollgate_radius_latency_seconds_count"));
        assertEquals(7, value(s, "tollgate_records_queued{sink=\"file\"}"));
    }

    @Test
    @DisplayName("HTTP: /metrics is Prometheus text, /health is 200 {\"status\":\"UP\"}, others 404")
    void http() throws IOException, InterruptedException {
        GatewayMetrics m = new GatewayMetrics();
        try (HttpEndpoint e = HttpEndpoint.start(m, "127.0.0.1", 0); HttpClient c = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + e.port();
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("# TYPE tollgate_calls_active gauge"), r.body());
            r = c.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("{\"status\":\"UP\"}", r.body());
            r = c.send(HttpRequest.newBuilder(URI.create(base + "/metrics/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            r = c.send(HttpRequest.newBuilder(URI.create(base + "/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode());
        }
    }
}
