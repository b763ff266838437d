package org.spectrolens.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spectrolens.render.OverlayImage;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * The figures of one explained input: an overlay per method ({@code <method>.png}: the map over the
 * input's spectrogram, axes in Hz and s, titled with the explained class and its probability) and
 * all methods side by side ({@code methods.png}).
 */
public final class ExplanationFigures implements BatchExplainer.Sink {
  private final Path dir;
  private final InputSet set;
  private final List<String> classes;

  /** Figures of the inputs of {@code set} under {@code dir/<row>-<id>/}. */
  public ExplanationFigures(Path dir, InputSet set, List<String> classes) {
    this.dir = dir;
    this.set = set;
    this.classes = classes;
  }

  /** The folder of input {@code row}'s figures. */
  public Path folder(int row) {
    return dir.resolve(row + "-" + set.item(row).id().replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  @Override
  public void accept(int from, Map<String, Explanation> byMethod) {
    int n = byMethod.values().iterator().next().n();
    for (int i = 0; i < n; i++) write(from + i, i, byMethod);
  }

  private void write(int row, int i, Map<String, Explanation> byMethod) {
    Path out = folder(row);
    Spectrogram display = set.display(row);
    List<PanelFigure.Panel> panels = new ArrayList<>();
    for (Explanation e : byMethod.values()) {
      int t = e.targets()[i];
      OverlayImage overlay = OverlayImage.defaults().withTitle(e.method() + ": " + OverlayImage.predictionTitle(classes.get(t), e.targetProbability(i)));
      // the overlay's title names the method, so the panel needs no caption
      panels.add(PanelFigure.Panel.of(overlay.write(display, e.map(i), out.resolve(MapStack.fileStem(e.method()) + ".png")), ""));
    }
    PanelFigure.defaults().withTitle(set.item(row).id()).write(panels, out.resolve("methods.png"));
  }
}
