package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the pinned connection: the socket goes to the checked address, TLS still verifies
 * the certificate against the host name. Certificates are made with the JDK's keytool.
 */
class HttpsFetchTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  private static HttpsServer server;
  private static SSLContext clientTls;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks); // the client trusts exactly this self-signed certificate
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/a",
        ex -> {
          byte[] b =
              "<html><body><p>Secure page.</p></body></html>".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }

  private static FetchOptions options(String allowedHost) {
    return FetchOptions.defaults()
        .withHostDelay(Duration.ZERO)
        .withObeyRobots(false)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20))
        .withAllowedHosts(Set.of(allowedHost));
  }

  @Test
  void fetchesOverTlsWithTheHostNameVerified() throws GeneralSecurityException {
    int port = server.getAddress().getPort();
    FetchResult r =
        new HttpFetcher(options("localhost:" + port), clientTls)
            .fetch("https://localhost:" + port + "/a");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).contains("Secure page.");
  }

  @Test
  void untrustedCertificateFailsWithOneLine() {
    int port = server.getAddress().getPort();
    assertThatThrownBy(
            () ->
                new HttpFetcher(options("localhost:" + port))
                    .fetch("https://localhost:" + port + "/a"))
        .isInstanceOf(FetchException.class)
        .hasMessageStartingWith("https://localhost:" + port + "/a: TLS failed");
  }

  @Test
  void defaultPolicyRefusesBeforeAnyHandshake() {
    int port = server.getAddress().getPort();
    assertThatThrownBy(
            () ->
                new HttpFetcher(FetchOptions.defaults(), clientTls)
                    .fetch("https://localhost:" + port + "/a"))
        .hasMessageContaining("loopback address (use --allow-private)");
  }
}
