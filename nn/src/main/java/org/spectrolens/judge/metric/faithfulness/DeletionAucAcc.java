package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.CurveArea;
import org.spectrolens.judge.Curves;

/** Area under the deletion curve of the accuracy against the true labels (thesis Table 3.3). */
public final class DeletionAucAcc extends CurveArea {
  public DeletionAucAcc() {
    super("deletion_auc_acc", Curves.Kind.DELETION, true, "Area under the deletion curve of the accuracy against the true labels (thesis Table 3.3).");
  }
}
