package org.spectrolens.serve;

import java.nio.file.Path;
import java.util.List;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.MaskedAudio;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The sounds of a map, as {@code explain --audio} makes them ({@link MaskedAudio#fromAudio}): the
 * item's span of the recording at the model's rate, split by the map into what it keeps and the
 * rest, with the recording's own phase, so the two add up to the item. Rendered on request (an
 * STFT and two inverse STFTs of a fraction of a second), not read from an explain folder: most
 * folders were made without {@code --audio}, and the recording is at hand.
 */
final class MapSounds {
  /** The audio endpoint's {@code kind}s: the sound the map keeps, the sound it leaves out. */
  static final List<String> KINDS = List.of("kept", "complement");

  private MapSounds() {}

  /** Whether a map has sounds: its rows are in Hz and its columns in s, on a front end with an STFT. */
  static boolean audible(DatasetInfo info, ItemView.ItemMap m) {
    return m.axes() != null && m.axes().times() != null && m.axes().frequencies().scale().isFrequency()
        && info.spec().kind() != SpectrogramSpec.Kind.MFCC;
  }

  /** The item's own span (explain's input), within the part of the recording the item view shows. */
  static ItemView.Span span(DatasetItem item, ItemView.Span shown) {
    return new ItemView.Span(Double.isNaN(item.start()) ? shown.from() : item.start(), Double.isNaN(item.end()) ? shown.to() : item.end());
  }

  /**
   * The {@code kind} sound of the item's map of {@code method}, at the model's rate, its offset the
   * item's start in the recording.
   *
   * @throws ApiError 404 where the item has no such map, or the map no sound
   */
  static Clip render(ExplorerRun run, DatasetItem item, Path source, ItemView.Span shown, String method, String kind) {
    ItemView.ItemMap m = method == null ? null : ItemView.map(run, item, method);
    if (m == null) throw ApiError.notFound("method: '" + item.id() + "' has no map of '" + method + "' (the item view lists its maps)");
    DatasetInfo info = run.dataset().info();
    if (!audible(info, m)) throw ApiError.notFound("kind: the " + method + " map of '" + item.id() + "' has no Hz and s axes to listen to");
    ItemView.Span s = span(item, shown);
    Clip clip = AudioFile.read(source, s.from(), s.to());
    SpectrogramSpec spec = info.spec();
    if (clip.sampleRate() != spec.sampleRate()) clip = Resampler.resample(clip, spec.sampleRate());
    MaskedAudio.Sounds sounds = MaskedAudio.fromAudio(clip, MaskedAudio.stftOf(spec), m.values(), m.axes());
    return kind.equals("kept") ? sounds.masked() : sounds.complement();
  }
}
