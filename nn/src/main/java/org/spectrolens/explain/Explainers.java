package org.spectrolens.explain;

import java.util.List;
import org.spectrolens.SpectrolensException;

/** The methods by id (DESIGN.md's method ids). */
public final class Explainers {
  public static final List<String> IDS = List.of("cam", "gradcam", "gradcam++", "layercam", "hirescam", "xgradcam",
      "eigencam", "ablationcam", "scorecam", "faster-scorecam", "saliency", "smoothgrad", "integrated-gradients", "occlusion");

  private Explainers() {}

  /** A fresh instance of the method (instances keep per-call state). */
  public static Method of(String id) {
    return switch (id) {
      case "cam" -> new Cam();
      case "gradcam" -> new GradCam();
      case "gradcam++" -> new GradCamPlusPlus();
      case "layercam" -> new LayerCam();
      case "hirescam" -> new HiResCam();
      case "xgradcam" -> new XGradCam();
      case "eigencam" -> new EigenCam();
      case "ablationcam" -> new AblationCam();
      case "scorecam" -> ScoreCam.full();
      case "faster-scorecam" -> ScoreCam.faster();
      case "saliency" -> new Saliency();
      case "smoothgrad" -> new SmoothGrad();
      case "integrated-gradients" -> new IntegratedGradients();
      case "occlusion" -> new Occlusion();
      default -> throw new SpectrolensException("--methods", "unknown method '" + id + "'; expected one of " + String.join(", ", IDS));
    };
  }

  /** Explains a request with one method. */
  public static Explanation explain(String id, Request r) {
    return of(id).explain(r);
  }
}
