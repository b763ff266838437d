package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sanity.json} of {@code sanity}: parameter randomisation (Adebayo et al. 2018) and the random-logit test. */
final class SanityResult implements ResultReader {
  @Override
  public String file() {
    return "sanity.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<String> fail = new ArrayList<>();
    List<String> pass = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    List<String> partial = new ArrayList<>();
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      JsonNode v = m.getValue();
      JsonNode cascade = v.path("cascading");
      JsonNode last = cascade.isArray() && cascade.size() > 0 ? cascade.get(cascade.size() - 1) : null;
      double rho = Numbers.num(last, "spearman");
      double ssim = Numbers.num(last, "ssim");
      double logit = Numbers.num(v, "random_logit_ssim");
      boolean passes = v.path("passes").asBoolean(false);
      (passes ? pass : fail).add(m.getKey());
      // Spearman is undefined for a constant map: say on how many items the mean rests
      int items = last == null ? 0 : last.path("items").asInt(0);
      int defined = last == null ? 0 : last.path("spearman_items").asInt(items);
      String rhoText = Numbers.fmt(rho) + (defined < items ? " (" + defined + " of " + items + " items)" : "");
      if (defined < items) {
        int constant = items - defined;
        partial.add(String.format(java.util.Locale.ROOT, "%s's Spearman rests on %d of %d items (the other %s constant once every layer is randomised%s)",
            m.getKey(), defined, items, constant == 1 ? "map is" : constant + " maps are", defined == 0 ? "; its verdict rests on SSIM alone" : ""));
      }
      rows.add(List.of(m.getKey(), rhoText, Numbers.fmt(ssim), Numbers.fmt(logit), passes ? "passes" : "FAILS"));
      numbers.put(m.getKey(), Map.of("spearman_all_randomised", rho, "ssim_all_randomised", ssim, "random_logit_ssim", logit, "passes", passes,
          "spearman_items", defined, "items", items));
    }
    String text = fail.isEmpty() ? "Every method's maps change when the model's weights are randomised: " + String.join(", ", pass) + " pass."
        : "Maps that stay alike when the model's weights are randomised describe the input, not the model: " + String.join(", ", fail)
            + (fail.size() == 1 ? " fails" : " fail") + " the randomisation test" + (pass.isEmpty() ? "." : "; " + String.join(", ", pass) + " pass.");
    blocks.add(new Block.Text(text));
    if (!partial.isEmpty()) blocks.add(new Block.Text(String.join("; ", partial) + "."));
    blocks.add(new Block.Table("Similarity of each method's maps after every layer is randomised (cascading, top down), and between two classes' maps",
        List.of("method", "Spearman |rho|", "SSIM", "random-logit SSIM", "verdict"), rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("sanity", "Sanity checks: " + label, dir.resolve(file()), blocks, numbers);
  }
}
