package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.CurveArea;
import org.spectrolens.judge.Curves;

/** Area under the deletion curve of the target probability, most relevant units first (Petsiuk 2018; thesis Table 3.4). */
public final class DeletionAucProb extends CurveArea {
  public DeletionAucProb() {
    super("deletion_auc_prob", Curves.Kind.DELETION, false, "Area under the deletion curve of the target probability, most relevant units first (Petsiuk 2018; thesis Table 3.4).");
  }
}
