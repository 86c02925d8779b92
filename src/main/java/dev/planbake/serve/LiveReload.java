package dev.planbake.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-sent events to open pages: each rebuild sends {@code reload}, and the small script
 * injected into every page (in serve mode only) reloads it.
 */
final class LiveReload {
  static final String EVENTS = "/__planbake/events";
  static final String SCRIPT_PATH = "/__planbake/live.js";

  static final String SCRIPT =
      """
      // Injected by `planbake serve` only: reloads the page when the site is rebuilt.
      (function () {
        "use strict";
        if (!window.EventSource) { return; }
        var source = new EventSource("%s");
        source.addEventListener("reload", function () { window.location.reload(); });
        // The server says goodbye when it stops: stop reconnecting, so no errors pile up.
        source.addEventListener("bye", function () { source.close(); });
      })();
      """
          .formatted(EVENTS);

  private final List<OutputStream> clients = new ArrayList<>();
  private long builds;

  /** Keeps the connection open; returns when the client goes away. */
  void subscribe(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    out.write("retry: 500\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    synchronized (this) {
      clients.add(out);
    }
    // Hold the exchange's thread until the stream breaks; heartbeats detect closed tabs.
    try {
      while (true) {
        Thread.sleep(15_000);
        synchronized (this) {
          out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      synchronized (this) {
        clients.remove(out);
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    } finally {
      ex.close();
    }
  }

  /** Tells every open page to reload; returns how many were told. */
  synchronized int reload() {
    builds++;
    byte[] event = ("event: reload\ndata: " + builds + "\n\n").getBytes(StandardCharsets.UTF_8);
    List<OutputStream> gone = new ArrayList<>();
    for (OutputStream out : clients) {
      try {
        out.write(event);
        out.flush();
      } catch (IOException e) {
        gone.add(out);
      }
    }
    clients.removeAll(gone);
    return clients.size();
  }

  /** Tells every open page that the server stops, and ends their streams cleanly. */
  synchronized void close() {
    byte[] event = "event: bye\ndata: stop\n\n".getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : clients) {
      try {
        out.write(event);
        out.close();
      } catch (IOException e) {
        // Already gone.
      }
    }
    clients.clear();
  }

  synchronized int clients() {
    return clients.size();
  }
}
