package org.spectrolens.nn.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Json;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainConfig;
import org.spectrolens.nn.weights.SafeTensors;
import org.spectrolens.nn.weights.Tensor;

/**
 * Everything a run needs to continue after being killed at any moment, in one safetensors file
 * written atomically after every epoch: the network ({@code model.*}, batch-norm buffers
 * included), Adam's moments ({@code adam.m.*}, {@code adam.v.*}) and, as JSON in the metadata,
 * the epoch count, Adam's step count, the early-stopping state and the log so far. Shuffling
 * and augmentation are derived from (seed, epoch), so no generator state is needed.
 */
public final class Checkpoint {
  public static final String FILE = "checkpoint.safetensors";

  /** The scalar state of a run after {@code epochsDone} epochs. */
  public record State(
      @JsonProperty("epochs_done") int epochsDone, @JsonProperty("adam_steps") long adamSteps,
      @JsonProperty("best_val_loss") double bestValLoss, @JsonProperty("best_epoch") int bestEpoch,
      @JsonProperty("bad_epochs") int badEpochs, boolean stopped, TrainConfig config, List<EpochLog> log,
      @JsonProperty("dataset_id") String datasetId) {}

  private Checkpoint() {}

  public static void write(Path file, Network net, Adam adam, State state) {
    LinkedHashMap<String, Tensor> all = new LinkedHashMap<>();
    net.stateDict().forEach((n, t) -> all.put("model." + n, t));
    adam.state().forEach((n, t) -> all.put("adam." + n, t));
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    SafeTensors.write(file, all, Map.of("state", json, "architecture", net.architecture()));
  }

  public static boolean exists(Path file) {
    return Files.isRegularFile(file);
  }

  /** The run's state alone (to check a resume against it before building anything). */
  public static State state(Path file) {
    return state(file, SafeTensors.readAll(file));
  }

  private static State state(Path file, SafeTensors.Contents c) {
    String json = c.metadata().get("state");
    if (json == null) throw new SpectrolensException(file.toString(), "not a spectrolens checkpoint (no state)");
    try {
      return Json.MAPPER.readValue(json, State.class);
    } catch (JsonProcessingException e) {
      throw new SpectrolensException(file.toString(), "malformed checkpoint state: " + e.getOriginalMessage());
    }
  }

  /** Restores {@code net} and {@code adam} and returns the run's state. */
  public static State read(Path file, Network net, Adam adam) {
    SafeTensors.Contents c = SafeTensors.readAll(file);
    State state = state(file, c);
    Map<String, Tensor> model = new LinkedHashMap<>();
    Map<String, Tensor> moments = new LinkedHashMap<>();
    c.tensors().forEach((n, t) -> {
      if (n.startsWith("model.")) model.put(n.substring(6), t);
      else if (n.startsWith("adam.")) moments.put(n.substring(5), t);
    });
    net.load(model, name -> false, file.toString());
    adam.load(moments, net.trainable(), state.adamSteps(), file.toString());
    return state;
  }
}
