package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.CurveArea;
import org.spectrolens.judge.Curves;

/** Area under the insertion curve of the accuracy against the true labels (thesis Table 3.3). */
public final class InsertionAucAcc extends CurveArea {
  public InsertionAucAcc() {
    super("insertion_auc_acc", Curves.Kind.INSERTION, true, "Area under the insertion curve of the accuracy against the true labels (thesis Table 3.3).");
  }
}
