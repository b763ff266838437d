package org.spectrolens.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.AudioInfo;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.FileInputs;
import org.spectrolens.explain.MaskedAudio;
import org.spectrolens.explain.ModelInput;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Live explanation of uploaded audio ({@code serve --model}): an upload is checked (size, format
 * through spectrolens's own WAV/FLAC readers, duration, span), queued, and explained by one worker
 * thread method by method, so the page can draw each map as it arrives. The queue is bounded
 * ({@link #QUEUE} waiting jobs): a full queue answers 429 with a line the page shows.
 */
final class LiveExplainer implements AutoCloseable {
  /** Largest upload, bytes. */
  static final int MAX_BYTES = 16 << 20;
  /** Longest recording accepted, s. */
  static final double MAX_SECONDS = 30;
  /** Jobs that may wait behind the running one. */
  static final int QUEUE = 2;
  /** The methods run on an upload, in order. */
  static final List<String> METHODS = List.of("gradcam", "layercam", "gradcam++", "saliency");
  /** Jobs kept for the page to read (the most recent). */
  private static final int KEPT = 32;

  private final TrainedModel model;
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "spectrolens-live");
        t.setDaemon(true);
        return t;
      });
  private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
      return size() > KEPT;
    }
  });

  /** Held shut by a test to keep the worker busy (a full queue without timing); null in use. */
  private final java.util.concurrent.CountDownLatch gate;

  LiveExplainer(Path modelDir) {
    this(modelDir, null);
  }

  LiveExplainer(Path modelDir, java.util.concurrent.CountDownLatch gate) {
    Engines.init(0);
    model = TrainedModel.open(modelDir);
    this.gate = gate;
  }

  /** A job as the page polls it: its state, the methods done of all, and what is ready so far. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Status(String id, String state, int done, int total, String error, String name, Double seconds, String predicted,
      Map<String, Double> probabilities, ItemView.Grid input, Map<String, ItemView.MethodMap> maps, String audio,
      @com.fasterxml.jackson.annotation.JsonProperty("audio_start") double audioStart, Map<String, ItemView.Sound> sounds) {}

  /** A map with Hz and s axes, which the upload's sounds are split by. */
  record Audible(float[][] map, org.spectrolens.explain.MapAxes axes) {}

  static final class Job {
    final String id;
    final String name;
    final Path file;
    final ModelInput.Span span;
    volatile String state = "queued";
    volatile String error;
    volatile String predicted;
    volatile Map<String, Double> probabilities;
    volatile ItemView.Grid input;
    volatile Double seconds;
    volatile byte[] wav;
    /** The span at the model's rate (its offset in the file): what each map's sounds are made from; null for a front end without an STFT. */
    volatile Clip heard;
    final Map<String, ItemView.MethodMap> maps = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Audible> audible = new java.util.concurrent.ConcurrentHashMap<>();
    /** The sounds made, as WAV (the audio element asks for a sound in several ranges). */
    private final Map<String, byte[]> sounds = new java.util.concurrent.ConcurrentHashMap<>();

    Job(String id, String name, Path file, ModelInput.Span span) {
      this.id = id;
      this.name = name;
      this.file = file;
      this.span = span;
    }

    Status status() {
      Map<String, ItemView.MethodMap> m;
      synchronized (maps) {
        m = new LinkedHashMap<>(maps);
      }
      Map<String, ItemView.Sound> heardAs = new LinkedHashMap<>();
      Clip c = heard;
      for (String method : m.keySet()) {
        if (c == null || !audible.containsKey(method)) continue;
        for (String kind : MapSounds.KINDS) {
          heardAs.put(method + " " + kind, new ItemView.Sound("/api/upload/audio?id=" + id + "&kind=" + kind + "&method=" + ItemView.url(method),
              c.offsetSeconds(), c.offsetSeconds() + c.samples().length / (double) c.sampleRate()));
        }
      }
      return new Status(id, state, m.size(), METHODS.size(), error, name, seconds, predicted, probabilities, input, m,
          wav == null ? null : "/api/upload/audio?id=" + id, span.start() == null ? 0 : span.start(), heardAs.isEmpty() ? null : heardAs);
    }

    /**
     * The sound method's map keeps ({@code kept}) or leaves ({@code complement}) as WAV, made as
     * {@code explain --audio} makes it, with the recording's phase ({@link MaskedAudio#fromAudio}).
     *
     * @throws ApiError 404 where the upload has no such map with Hz and s axes
     */
    byte[] sound(String method, String kind, org.spectrolens.spectrogram.SpectrogramSpec spec) {
      Audible a = method == null ? null : audible.get(method);
      if (a == null || heard == null) throw ApiError.notFound("method: upload '" + id + "' has no map of '" + method + "' to listen to");
      return sounds.computeIfAbsent(method + "\u0000" + kind, k -> {
        MaskedAudio.Sounds s = MaskedAudio.fromAudio(heard, MaskedAudio.stftOf(spec), a.map(), a.axes());
        return WavWriter.pcm16(kind.equals("kept") ? s.masked() : s.complement());
      });
    }
  }

  /**
   * Checks and queues an upload.
   *
   * @throws ApiError 413 for a file too large, 400 for one spectrolens cannot read or a bad span, 429 when the queue is full
   */
  Job submit(byte[] body, String name, Double start, Double end) {
    if (body.length == 0) throw ApiError.badRequest("upload: empty body (send a WAV or FLAC file)");
    if (body.length > MAX_BYTES) throw new ApiError(413, "upload: " + body.length + " bytes, more than " + MAX_BYTES);
    Path file;
    try {
      file = Files.createTempFile("spectrolens-upload", ".audio");
      file.toFile().deleteOnExit();
      Files.write(file, body);
    } catch (IOException e) {
      throw new ApiError(500, "upload: cannot store: " + e.getMessage());
    }
    try {
      AudioInfo info;
      try {
        info = AudioFile.probe(file);
      } catch (SpectrolensException e) {
        throw ApiError.badRequest("upload: " + reason(e));
      }
      double duration = info.durationSeconds();
      if (duration > MAX_SECONDS) throw ApiError.badRequest(String.format(java.util.Locale.ROOT, "upload: %.1f s long, more than %.0f s", duration, MAX_SECONDS));
      double a = start == null ? 0 : start, b = end == null ? duration : end;
      if (!(a >= 0 && b > a && b <= duration + 1e-9)) {
        throw ApiError.badRequest(String.format(java.util.Locale.ROOT, "upload: span %.3f-%.3f s is not inside the recording (0-%.3f s)", a, b, duration));
      }
      Job job = new Job(HexFormat.of().formatHex(java.security.SecureRandom.getSeed(8)), name, file, new ModelInput.Span(start, end));
      try {
        worker.execute(() -> run(job));
      } catch (RejectedExecutionException e) {
        throw new ApiError(429, "busy: " + QUEUE + " uploads are already waiting; try again in a moment");
      }
      jobs.put(job.id, job);
      return job;
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  Job job(String id) {
    Job j = id == null ? null : jobs.get(id);
    if (j == null) throw ApiError.notFound("id: no upload '" + id + "' (uploads are kept while recent)");
    return j;
  }

  private void run(Job job) {
    long t0 = System.nanoTime();
    job.state = "running";
    try {
      if (gate != null) gate.await();
      FileInputs inputs = FileInputs.of(model, List.of(job.file), job.span, ModelInput.Columns.UNKNOWN);
      ModelInput in = inputs.input(0);
      job.input = ItemView.Grid.packed(in.display());
      Clip span = AudioFile.read(job.file, job.span.start() == null ? 0 : job.span.start(),
          job.span.end() == null ? Double.POSITIVE_INFINITY : job.span.end());
      job.wav = WavWriter.pcm16(span);
      SpectrogramSpec spec = spec();
      if (spec != null) job.heard = span.sampleRate() == spec.sampleRate() ? span : Resampler.resample(span, spec.sampleRate());
      List<String> classes = model.config().classes();
      for (String method : METHODS) {
        BatchExplainer engine = new BatchExplainer(model.network(), List.of(Explainers.of(method)), Options.defaults(), null, null, 1);
        Explanation e = engine.explain(inputs, 0, 1).get(method);
        if (job.probabilities == null) {
          double[] p = e.probabilities(0);
          Map<String, Double> probabilities = new LinkedHashMap<>();
          for (int k = 0; k < classes.size(); k++) probabilities.put(classes.get(k), p[k]);
          job.probabilities = probabilities;
          job.predicted = classes.get(e.predicted(0));
        }
        GridAxes axes = e.axes() == null ? null : GridAxes.of(e.axes().frequencies(), e.axes().times());
        if (e.axes() != null && e.axes().times() != null && e.axes().frequencies().scale().isFrequency()) {
          job.audible.put(method, new Audible(e.map(0), e.axes()));
        }
        job.maps.put(method, new ItemView.MethodMap(e.layer(), ItemView.Grid.of(e.map(0), axes, e.axes() == null ? null : e.axes().times())));
      }
      job.state = "done";
    } catch (RuntimeException | InterruptedException e) {
      job.error = e instanceof SpectrolensException s ? reason(s) : e.toString();
      job.state = "failed";
    } finally {
      job.seconds = (System.nanoTime() - t0) / 1e9;
      delete(job.file);
    }
  }

  /** A reader's message without the temporary file's name (the page knows the file by its own name). */
  private static String reason(SpectrolensException e) {
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return colon > 0 && m.substring(0, colon).contains("spectrolens-upload") ? m.substring(colon + 2) : m;
  }

  private static void delete(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      // a temporary file left behind is removed on exit
    }
  }

  /** The model's front end where its grids come from an STFT (what a map's sounds are split on); null otherwise (MFCC, or none). */
  SpectrogramSpec spec() {
    org.spectrolens.dataset.DatasetInfo info = model.config().dataset();
    return info == null || info.spec().kind() == SpectrogramSpec.Kind.MFCC ? null : info.spec();
  }

  String modelName() {
    return model.dir().getFileName().toString();
  }

  List<String> classes() {
    return model.config().classes();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    model.close();
  }
}
