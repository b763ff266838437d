package org.spectrolens.dataset.channels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spectrolens.SpectrolensException;
import org.spectrolens.family.Family;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The registry of input channels, the only place their ids live. A dataset built with
 * {@code --channels LIST} stores items [C][H][W] with channel c computed by the member named
 * {@code LIST[c]}; dataset.json records the list, so training, evaluation, prediction and
 * explanation on raw audio rebuild the same channels. The empty list (and {@code [spectrogram]})
 * is the single-channel dataset of the front end alone, stored [H][W] as before.
 */
public final class InputChannels {
  /** The dataset's own front end (whatever its kind: dB STFT for the speech defaults, log-mel for the thesis recipe). */
  public static final String SPECTROGRAM = "spectrogram";
  /** The complex STFT as two channels, real then imaginary: a raw-waveform model's input (docs/import.md). */
  public static final List<String> COMPLEX_STFT = List.of("stft-real", "stft-imag");

  private static final Family<InputChannel> FAMILY = new Family<>("channel", "channels", List.of(new SpectrogramChannel(),
      new FrequencyPositionChannel(), new CqtChannel(), new DeltaChannel(1), new DeltaChannel(2),
      new HarmonicPercussiveChannel(true), new HarmonicPercussiveChannel(false), new StftPartChannel(true),
      new StftPartChannel(false)));

  private InputChannels() {}

  /** The family: every registered channel, built-in ones first. */
  public static Family<InputChannel> family() {
    return FAMILY;
  }

  /** Adds a member (one class per channel); its id must be new. */
  public static void register(InputChannel c) {
    FAMILY.register(c);
  }

  /** Every id, in registration order. */
  public static List<String> ids() {
    return FAMILY.ids();
  }

  /** The member named {@code id}, or the one-line error naming the parameter {@code channels}. */
  public static InputChannel get(String id) {
    return FAMILY.get(id);
  }

  /**
   * A comma-separated list ({@code spectrogram,delta,freq-position}), checked: known ids, none
   * twice, none empty. Returned in its {@link #canonical} form.
   */
  public static List<String> parse(String list) {
    List<String> ids = new ArrayList<>();
    for (String s : list.split(",", -1)) ids.add(s.trim());
    String problem = problem(ids);
    if (problem != null) throw SpectrolensException.ofParameter("channels", problem);
    return canonical(ids);
  }

  /**
   * Checks a channel list read from a file: known ids, no duplicates, no empty entries.
   *
   * @param subject the option or file named in the error
   * @return {@code ids}
   */
  public static List<String> check(List<String> ids, String subject) {
    if (ids == null) return List.of();
    String problem = problem(ids);
    if (problem != null) throw new SpectrolensException(subject, problem);
    return ids;
  }

  /** What is wrong with a channel list (an empty or unknown id, one given twice), or null. */
  private static String problem(List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (id == null || id.isEmpty()) return "an empty channel name in " + ids;
      if (!FAMILY.contains(id)) return "unknown channel '" + id + "'; expected one of " + String.join(", ", ids());
      if (!seen.add(id)) return "channel " + id + " is listed twice";
    }
    return null;
  }

  /** The list as recorded: empty for the single front-end channel (so such datasets keep their old form and id). */
  public static List<String> canonical(List<String> ids) {
    if (ids == null || ids.isEmpty() || (ids.size() == 1 && SPECTROGRAM.equals(ids.get(0)))) return List.of();
    return java.util.Collections.unmodifiableList(new ArrayList<>(ids)); // nulls kept for check() to report
  }

  /** The ids in channel order: {@code [spectrogram]} for the canonical empty list. */
  public static List<String> expand(List<String> ids) {
    return ids == null || ids.isEmpty() ? List.of(SPECTROGRAM) : ids;
  }

  /** Refuses channels the front end cannot give: one that {@link InputChannel#needsHzRows needs rows in Hz} on an MFCC front end. */
  public static void check(List<String> ids, SpectrogramSpec spec) {
    for (String id : expand(ids)) {
      if (get(id).needsHzRows() && spec.kind() == SpectrogramSpec.Kind.MFCC) {
        throw SpectrolensException.ofParameter("channels", id + " needs rows in Hz; an MFCC front end has cepstral rows");
      }
    }
  }

  /** The first channel of {@code ids} that needs audio, or null when the model-input grid defines them all. */
  public static String needingAudio(List<String> ids) {
    for (String id : expand(ids)) if (get(id).needsAudio()) return id;
    return null;
  }

  /** The channels {@code ids} of one source, [C][H][W] on {@code in.grid()}. */
  public static ChannelStack stack(List<String> ids, ChannelSource in) {
    List<String> order = expand(ids);
    float[][][] out = new float[order.size()][][];
    for (int c = 0; c < out.length; c++) out[c] = get(order.get(c)).compute(in);
    return new ChannelStack(in.grid(), order, out);
  }
}
