package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.CurveArea;
import org.spectrolens.judge.Curves;

/** Area under the insertion curve of the target probability, most relevant units first (Petsiuk 2018; thesis Table 3.4). */
public final class InsertionAucProb extends CurveArea {
  public InsertionAucProb() {
    super("insertion_auc_prob", Curves.Kind.INSERTION, false, "Area under the insertion curve of the target probability, most relevant units first (Petsiuk 2018; thesis Table 3.4).");
  }
}
