package org.spectrolens.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The DJL PyTorch engine, set up once per process: natives from the class path (never a download:
 * DJL's offline mode is forced on), a fixed number of intra-op threads, one inter-op thread.
 *
 * <p>CPU is the default. A GPU is used when the engine reports one, which needs DJL's CUDA
 * natives on the class path instead of {@code pytorch-native-cpu} (see the {@code cuda} profile
 * note in {@code nn/pom.xml}: Maven Central carries {@code pytorch-native-cu124} for PyTorch
 * 2.5.1, so a GPU build also pins that PyTorch version).
 */
public final class Engines {
  /** System property naming the thread count; 0 or unset = all available cores. */
  public static final String THREADS_PROPERTY = "spectrolens.threads";

  private static Engine engine;
  private static int threads;

  private Engines() {}

  /** The engine with {@code n} intra-op threads (n <= 0: all cores); the first call fixes it. */
  public static synchronized Engine init(int n) {
    if (engine != null) return engine;
    int cores = Runtime.getRuntime().availableProcessors();
    threads = n > 0 ? n : Integer.getInteger(THREADS_PROPERTY, 0) > 0 ? Integer.getInteger(THREADS_PROPERTY) : cores;
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    System.setProperty("java.awt.headless", "true");
    engine = Engine.getEngine("PyTorch");
    quietLibtorchWarnings();
    return engine;
  }

  /**
   * Raises libtorch's log threshold to errors, so that its deprecation warning about
   * {@code AutoNonVariableTypeMode} (printed by native code straight to file descriptor 2 the first
   * time DJL runs an operator) never precedes spectrolens's own one-line message. DJL never calls
   * libtorch's {@code initLogging}, so the {@code TORCH_CPP_LOG_LEVEL} variable is not read; the
   * flag {@code FLAGS_caffe2_log_level} of the loaded {@code libc10.so} is set through JNA instead.
   * A user who sets {@code TORCH_CPP_LOG_LEVEL} keeps libtorch's warnings. Returns whether it worked.
   */
  static boolean quietLibtorchWarnings() {
    if (System.getenv("TORCH_CPP_LOG_LEVEL") != null) return false;
    try {
      String c10 = loadedLibrary("libc10.so");
      if (c10 == null) return false;
      com.sun.jna.NativeLibrary lib = com.sun.jna.NativeLibrary.getInstance(c10);
      lib.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, 2); // 2 = ERROR
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false; // another platform or build: the warning may show, nothing else changes
    }
  }

  /** The path of a shared library this process has loaded (from /proc/self/maps; null elsewhere). */
  private static String loadedLibrary(String name) {
    try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/maps"))) {
      return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
          .filter(p -> p.endsWith("/" + name)).findFirst().orElse(null);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  /** The engine, initialised with the default thread count if nobody asked for another. */
  public static Engine get() {
    return init(0);
  }

  /** Intra-op threads in use (after {@link #init}). */
  public static synchronized int threads() {
    get();
    return threads;
  }

  /** GPU 0 when the engine has one, else the CPU. */
  public static Device device() {
    Engine e = get();
    return e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
