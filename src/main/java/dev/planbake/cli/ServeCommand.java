package dev.planbake.cli;

import dev.planbake.config.Settings;
import dev.planbake.serve.Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code planbake serve}: a local preview that rebuilds and reloads on every change. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Build the site in memory, serve it locally, rebuild and reload on change.")
final class ServeCommand implements Callable<Integer> {
  @Mixin Common common = new Common();

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: 8080; 0 picks one).")
  int port = 8080;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to listen on (default: 127.0.0.1, this machine only).")
  String host = "127.0.0.1";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    common.settings(err);
    Server server = new Server(() -> settings(err), host, port, out, err, common.verbose);
    server.start(); // a port in use or a failed first build ends the command here
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (IOException e) {
                    // Shutting down anyway.
                  }
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Main.OK;
  }

  /** The settings again for each rebuild: an invalid config file then fails that rebuild only. */
  private Settings settings(PrintWriter err) {
    try {
      return common.settings(err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
