package dev.precis.cli;

import dev.precis.server.PrecisServer;
import dev.precis.server.ServerConfig;
import dev.precis.store.Store;
import dev.precis.summarize.SummaryOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis serve}: the HTTP API and the web reader over the database. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web reader at / and the JSON API at /api.",
      "The OpenAPI document is at /api/openapi.json. Ctrl-C or SIGTERM stop it gracefully: requests in flight finish first."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SummaryChoiceMixin summary;

  @Mixin DatabaseOption database;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "Require this key (X-API-Key or Authorization: Bearer) on POST /api/articles and /api/summarize. Default: $PRECIS_API_KEY; none when unset; blank is refused.")
  String apiKey;

  @Option(
      names = "--allow-host",
      paramLabel = "NAME",
      description =
          "Also answer requests whose Host header is NAME (besides IP addresses and localhost;"
              + " other names are refused against DNS rebinding). Repeatable.")
  java.util.List<String> allowHosts = new java.util.ArrayList<>();

  @Option(
      names = "--max-body-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_BODY_BYTES,
      description = "Largest request body (default: ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--max-articles",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_ARTICLES,
      description = "Most articles in one request (default: ${DEFAULT-VALUE}).")
  int maxArticles;

  @Option(
      names = "--threads",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "64",
      description = "Most request threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws InterruptedException {
    SummaryOptions summaryOptions = summary.options(false);
    String key = apiKey != null ? apiKey : System.getenv("PRECIS_API_KEY");
    if (key != null && key.isBlank()) {
      // a blank key used to switch authentication off without a word
      throw new IllegalArgumentException(
          (apiKey != null ? "--api-key" : "PRECIS_API_KEY")
              + " is blank: give a key, or leave it out to serve without one");
    }
    ServerConfig config =
        new ServerConfig(
            host,
            port,
            key,
            maxBodyBytes,
            maxArticles,
            summaryOptions,
            Math.max(4, threads),
            java.util.Set.copyOf(allowHosts),
            ServerConfig.DEFAULT_BODY_TIMEOUT_MILLIS);
    PrintWriter err = spec.commandLine().getErr();
    Store store = database.open();
    try (PrecisServer server = new PrecisServer(store, config, Main.PRECIS).start()) {
      err.printf(
          "precis: serving %s (API: %s/api, database %s%s)%n",
          server.boundUrl(),
          server.boundUrl(),
          store.url().display(),
          config.apiKey() != null ? ", API key required for writes" : "");
      if (server.listensBeyondLoopback()) {
        err.printf(
            "precis: warning: listening on %s, reachable from other machines%s%n",
            config.host(),
            config.apiKey() == null ? " with no API key: anyone who can connect can write" : "");
      }
      err.flush();
      stopOnSignals(server, err);
      server.join();
      err.println("precis: stopped");
      err.flush();
    } finally {
      store.close();
    }
    return 0;
  }

  /**
   * Ctrl-C and SIGTERM stop the server gracefully before the JVM starts exiting: requests in flight
   * finish with the database still open (the embedded database closes itself once the JVM exits),
   * then {@link #call} returns and the process ends normally.
   */
  private static void stopOnSignals(PrecisServer server, PrintWriter err) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(
            new sun.misc.Signal(name),
            signal -> {
              Thread stopper =
                  new Thread(
                      () -> {
                        err.println(
                            "precis: stopping (SIG" + name + "): finishing requests in flight");
                        err.flush();
                        server.close();
                      },
                      "precis-stop");
              stopper.start();
            });
      } catch (IllegalArgumentException e) {
        // the signal is not available here: the JVM's own shutdown still stops the server
      }
    }
  }
}
