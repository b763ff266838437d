package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.serve.ExplorerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectrolens serve}: the local web explorer over the folders given (docs/serve.md). It
 * prints the page's address and serves until stopped (Ctrl-C).
 */
@Command(name = "serve",
    description = {"A local web explorer over demo or experiment folders: the items table (filter by class, confusion cell,",
        "group, right or wrong), each item's spectrogram with its maps, tracks and audio, in Hz and s (docs/serve.md)."})
final class ServeCommand implements Callable<Integer>, Checked {
  @Parameters(arity = "0..*", paramLabel = "DIR", description = "Folders to serve (default: the current folder).")
  List<Path> folders;

  @Param(min = 0, max = 65535)
  @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port; 0 = any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to bind (default: ${DEFAULT-VALUE}); any other than loopback requires a token on every request.")
  String host;

  @Option(names = "--token", paramLabel = "T",
      description = "Token every request must carry (default: none on loopback, a random one printed at start elsewhere).")
  String token;

  @Option(names = "--model", paramLabel = "M",
      description = "A model folder: the page then explains uploaded WAV or FLAC files live (gradcam, layercam, gradcam++, saliency).")
  Path model;

  @Option(names = "--data", paramLabel = "DS", description = "A dataset folder to serve beside the DIRs (its run: items, and what was computed on it nearby).")
  Path data;

  @Override
  public void checkOptions() {
    if (token != null && token.isBlank()) throw new SpectrolensException("--token", "is empty");
    if (host.isBlank()) throw new SpectrolensException("--host", "is empty");
  }

  @Override
  public Integer call() throws Exception {
    List<Path> dirs = new java.util.ArrayList<>(folders == null || folders.isEmpty() ? List.of(Path.of(".")) : folders);
    if (data != null) dirs.add(data);
    if (model != null && !java.nio.file.Files.isRegularFile(model.resolve("config.json"))) {
      throw new SpectrolensException(model.toString(), "not a model folder (no config.json)");
    }
    ExplorerServer server;
    try {
      server = ExplorerServer.start(new ExplorerServer.Settings(dirs, host, port, token, model));
    } catch (RuntimeException e) {
      if (e instanceof SpectrolensException) throw e;
      // Jetty's bind failure (port taken, address not ours) as one line
      throw new SpectrolensException("--port", "cannot listen on " + host + ":" + port + ": " + rootMessage(e));
    }
    System.out.printf("spectrolens: serving %d run(s) from %s%n", server.runs().size(), dirs);
    if (model != null) System.out.println("spectrolens: uploads explained live with " + model);
    System.out.println("spectrolens: open " + server.url(host) + "  (Ctrl-C stops)");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
