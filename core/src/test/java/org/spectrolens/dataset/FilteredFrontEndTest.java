package org.spectrolens.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spectrolens.audio.Clip;
import org.spectrolens.filter.Filters;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** A front end with filters filters before the crop and resize, and the filters survive dataset.json. */
class FilteredFrontEndTest {
  @Test
  void filtersRunBeforeCropAndResizeAndRoundTrip() throws Exception {
    Random rnd = new Random(4);
    float[] x = new float[8000];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * rnd.nextGaussian() + 0.3 * Math.sin(2 * Math.PI * 700 * i / 16000.0));
    Clip clip = new Clip(x, 16000);
    SpectrogramSpec spec = SpectrogramSpec.torchaudio().withSampleRate(16000).withDb(true, 80.0);
    InputFormat plain = new InputFormat(spec, 0, 4000, 32, 24);
    InputFormat filtered = plain.withFilters(List.of("median:rows=5,columns=3,boundary=reflect", "gaussian"));
    Spectrogram got = new SpectrogramFeaturiser(filtered).featurise(clip);
    Spectrogram full = FrontEnd.compute(clip, spec);
    Spectrogram expected = Filters.apply(Filters.parseAll(filtered.filters(), "t"), full).cropFrequency(0, 4000).resize(32, 24);
    for (int r = 0; r < 32; r++) assertArrayEquals(expected.values()[r], got.values()[r], 1e-5f);
    Spectrogram unfiltered = new SpectrogramFeaturiser(plain).featurise(clip);
    assertFalse(java.util.Arrays.deepEquals(unfiltered.values(), got.values()));
    assertEquals(unfiltered.frequencies(), got.frequencies());

    // dataset.json keeps them; a format without filters writes no "filters" key (content ids unchanged)
    DatasetInfo info = new DatasetInfo(DatasetInfo.FORMAT, "id", "vowels", List.of("a", "b"), spec, 0, 4000, 32, 24, "linear", 0, 10,
        "stratified", 0, 0.3, 0, filtered.filters());
    DatasetInfo back = Json.MAPPER.readValue(Json.toString(info), DatasetInfo.class);
    assertEquals(filtered.filters(), back.filters());
    assertEquals(filtered, InputFormat.of(back));
    assertFalse(Json.toString(plain).contains("filters"));
    DatasetInfo none = Json.MAPPER.readValue(Json.toString(new DatasetInfo(DatasetInfo.FORMAT, "id", "vowels", List.of("a", "b"), spec, 0,
        4000, 32, 24, "linear", 0, 10, "stratified", 0, 0.3)), DatasetInfo.class);
    assertEquals(List.of(), none.filters());
    assertFalse(none.sameFrontEnd(back));
  }
}
