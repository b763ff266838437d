package org.spectrolens.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.judge.result.SanityResult;

/** {@code sanity.json} of {@code sanity}: parameter randomisation (Adebayo et al. 2018) and the random-logit test. */
final class SanitySection extends RecordSection<SanityResult> {
  SanitySection() {
    super(SanityResult.FILE, SanityResult.class, "sanity");
  }

  @Override
  String title(SanityResult j, String label) {
    return "Sanity checks: " + label;
  }

  @Override
  void body(SanityResult j, List<Block> blocks, Map<String, Object> numbers) {
    List<List<String>> rows = new ArrayList<>();
    List<String> fail = new ArrayList<>();
    List<String> pass = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    for (Map.Entry<String, SanityResult.Checks> m : j.methods().entrySet()) {
      SanityResult.Checks v = m.getValue();
      SanityResult.Step last = v.last();
      double rho = last == null ? Double.NaN : number(last.spearman());
      double ssim = last == null ? Double.NaN : number(last.ssim());
      double logit = number(v.randomLogitSsim());
      boolean passes = Boolean.TRUE.equals(v.passes());
      (passes ? pass : fail).add(m.getKey());
      // Spearman is undefined for a constant map: say on how many items the mean rests
      int items = last == null || last.items() == null ? 0 : last.items();
      int defined = last == null ? 0 : last.spearmanItems() == null ? items : last.spearmanItems();
      String rhoText = Numbers.fmt(rho) + (defined < items ? " (" + defined + " of " + items + " items)" : "");
      if (defined < items) {
        int constant = items - defined;
        partial.add(String.format(java.util.Locale.ROOT, "%s's Spearman rests on %d of %d items (the other %s constant once every layer is randomised%s)",
            m.getKey(), defined, items, constant == 1 ? "map is" : constant + " maps are", defined == 0 ? "; its verdict rests on SSIM alone" : ""));
      }
      rows.add(List.of(m.getKey(), rhoText, Numbers.fmt(ssim), Numbers.fmt(logit), passes ? "passes" : "FAILS"));
      // in a fixed order (Map.of's order changes from one run to the next)
      Map<String, Object> mine = new LinkedHashMap<>();
      mine.put("spearman_all_randomised", rho);
      mine.put("ssim_all_randomised", ssim);
      mine.put("random_logit_ssim", logit);
      mine.put("passes", passes);
      mine.put("spearman_items", defined);
      mine.put("items", items);
      numbers.put(m.getKey(), mine);
    }
    String text = fail.isEmpty() ? "Every method's maps change when the model's weights are randomised: " + String.join(", ", pass) + " pass."
        : "Maps that stay alike when the model's weights are randomised describe the input, not the model: " + String.join(", ", fail)
            + (fail.size() == 1 ? " fails" : " fail") + " the randomisation test" + (pass.isEmpty() ? "." : "; " + String.join(", ", pass) + " pass.");
    blocks.add(new Block.Text(text));
    if (!partial.isEmpty()) blocks.add(new Block.Text(String.join("; ", partial) + "."));
    blocks.add(new Block.Table("Similarity of each method's maps after every layer is randomised (cascading, top down), and between two classes' maps",
        List.of("method", "Spearman |rho|", "SSIM", "random-logit SSIM", "verdict"), rows));
  }
}
