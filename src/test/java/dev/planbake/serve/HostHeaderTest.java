package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} answers only to the names a browser on this machine or the network reaches it by,
 * so that DNS rebinding (a hostile page whose name resolves to 127.0.0.1) cannot read the plans,
 * and says so when it listens beyond this machine (issue 24 item 7).
 */
class HostHeaderTest {
  @Test
  void onlyLocalNamesAddressesAndTheGivenHostAreAnswered() {
    assertAll(
        () -> assertTrue(Requests.allowedHost("127.0.0.1:8080", "127.0.0.1")),
        () -> assertTrue(Requests.allowedHost("localhost:8080", "127.0.0.1")),
        () -> assertTrue(Requests.allowedHost("LOCALHOST", "127.0.0.1")),
        () -> assertTrue(Requests.allowedHost("plans.localhost:8080", "127.0.0.1")),
        () -> assertTrue(Requests.allowedHost("[::1]:8080", "::1")),
        () -> assertTrue(Requests.allowedHost("192.168.1.20:8080", "0.0.0.0")),
        () -> assertTrue(Requests.allowedHost("devbox:8080", "devbox")),
        () -> assertTrue(Requests.allowedHost(null, "127.0.0.1"), "HTTP/1.0, not a browser"),
        () -> assertFalse(Requests.allowedHost("evil.example:8080", "127.0.0.1")),
        () -> assertFalse(Requests.allowedHost("evil.example", "0.0.0.0")),
        () -> assertFalse(Requests.allowedHost("localhost.evil.example", "127.0.0.1")),
        () -> assertFalse(Requests.allowedHost("127.0.0.1.evil.example", "127.0.0.1")),
        () -> assertFalse(Requests.allowedHost("[evil.example]", "127.0.0.1")));
  }

  @Test
  void aRebindingRequestIsRefusedAndALocalOneAnswered(@TempDir Path tmp) throws IOException {
    Settings settings = TestSite.of(tmp, "a.md", "# A\n").settings();
    StringWriter err = new StringWriter();
    try (Server server =
        new Server(
            () -> settings,
            "127.0.0.1",
            0,
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true))) {
      server.start();
      String refused = get(server.port(), "evil.example:" + server.port());
      String answered = get(server.port(), "localhost:" + server.port());
      assertAll(
          () -> assertTrue(refused.startsWith("HTTP/1.1 403"), refused),
          () -> assertTrue(refused.contains("--host NAME"), refused),
          () -> assertFalse(refused.contains("<html"), refused),
          () -> assertTrue(answered.startsWith("HTTP/1.1 200"), answered),
          () -> assertEquals("", err.toString(), "no warning on loopback"));
    }
  }

  @Test
  void listeningOnEveryInterfaceIsWarnedAbout(@TempDir Path tmp) throws IOException {
    Settings settings = TestSite.of(tmp, "a.md", "# A\n").settings();
    StringWriter err = new StringWriter();
    try (Server server =
        new Server(
            () -> settings,
            "0.0.0.0",
            0,
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true))) {
      server.start();
      assertTrue(
          err.toString()
              .startsWith(
                  "warning: listening on 0.0.0.0, so every machine that can reach this one can"
                      + " read the plans"),
          err.toString());
    }
  }

  private static String get(int port, String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10000);
      OutputStream o = s.getOutputStream();
      o.write(
          ("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
