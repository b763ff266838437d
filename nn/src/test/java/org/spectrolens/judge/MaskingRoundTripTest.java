package org.spectrolens.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.explain.Baseline;
import org.spectrolens.judge.result.FaithfulnessResult;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.result.MapScores;
import org.spectrolens.report.Block;
import org.spectrolens.report.Report;
import org.spectrolens.report.Section;

/**
 * The masking settings go from {@link Judging} through {@code faithfulness.json} to the report
 * unchanged: the report once read {@code grid} and {@code unit} where the file says
 * {@code units}, and said "grid 32x32, unit cell" whatever was judged.
 */
class MaskingRoundTripTest {
  @Test
  void theReportSaysTheUnitsAndBaselineThatWereJudged(@TempDir Path dir) {
    Judging judging = Judging.defaults(RemovalUnits.bands(16, 64, 40)).withBaseline(Baseline.MEAN).withStep(0.05).withSeed(7);
    JudgeRun run = JudgeRun.of("model", "data", "test", 3, List.of("gradcam"), null, 7).with(judging.describe());
    MapScores scores = new MapScores(Map.of("deletion_auc_prob", 0.2), 1.0, null);
    new FaithfulnessResult(Map.of("gradcam", scores), Map.of("random", scores), run, null).write(dir);

    FaithfulnessResult read = FaithfulnessResult.read(dir.resolve(FaithfulnessResult.FILE));
    assertEquals(judging.masking(), read.masking());
    assertEquals("band 16", read.masking().units());
    assertEquals(16, read.masking().unitCount());
    assertEquals(7L, read.masking().seed());

    Section section = Report.gather("t", List.of(dir)).sections().get(0);
    String first = ((Block.Text) section.blocks().get(0)).text();
    assertTrue(first.contains("(masking baseline: mean; removal units: band 16)"), first);
  }

  @Test
  void aFileWithoutSettingsReadsAsTheDefaults(@TempDir Path dir) {
    JudgeRun run = JudgeRun.of("model", "data", "test", 3, List.of("gradcam"), null, 7);
    new FaithfulnessResult(Map.of(), Map.of(), run, null).write(dir);
    Section section = Report.gather("t", List.of(dir)).sections().get(0);
    String first = ((Block.Text) section.blocks().get(0)).text();
    assertTrue(first.contains("(masking baseline: floor; removal units: grid 32x32)"), first);
    assertEquals(7L, FaithfulnessResult.read(dir.resolve(FaithfulnessResult.FILE)).masking().seed());
  }
}
