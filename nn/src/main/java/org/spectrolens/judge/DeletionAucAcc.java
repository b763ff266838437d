package org.spectrolens.judge;

/** Area under the deletion curve of the accuracy against the true labels (thesis Table 3.3). */
public final class DeletionAucAcc extends CurveArea {
  public DeletionAucAcc() {
    super("deletion_auc_acc", Curves.Kind.DELETION, true, "Area under the deletion curve of the accuracy against the true labels (thesis Table 3.3).");
  }
}
