package org.spectrolens.explain;

import org.spectrolens.params.ParameterRecords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/**
 * The registry of explanation methods: the one place their ids are listed. The built-in methods
 * are DESIGN.md's; {@link #register} adds one from outside the package (a method is one class that
 * extends {@link LayerMethod} or {@link InputMethod} and declares a {@link MethodDefinition}).
 *
 * <p>A method is named by its id, or {@code wrapper:id} for a wrapper around another method
 * ({@code smoothgrad:integrated-gradients}); {@code smoothgrad} alone wraps {@code saliency}.
 */
public final class Explainers {
  private static final Map<String, MethodDefinition<?>> DEFINITIONS = new LinkedHashMap<>();

  static {
    for (MethodDefinition<?> d : List.of(Cam.DEFINITION, GradCam.DEFINITION, GradCamPlusPlus.DEFINITION, LayerCam.DEFINITION,
        HiResCam.DEFINITION, XGradCam.DEFINITION, EigenCam.DEFINITION, AblationCam.DEFINITION, ScoreCam.DEFINITION,
        ScoreCam.FASTER, Saliency.DEFINITION, SmoothGrad.DEFINITION, IntegratedGradients.DEFINITION, Occlusion.DEFINITION,
        RegionOcclusion.DEFINITION)) {
      DEFINITIONS.put(d.id(), d);
    }
  }

  /** The ids of the built-in methods, in the registry's order. */
  public static final List<String> IDS = List.copyOf(DEFINITIONS.keySet());

  private Explainers() {}

  /** Adds a method; its id must be new and free of ':' and ','. */
  public static synchronized void register(MethodDefinition<?> d) {
    if (d.id().isEmpty() || d.id().contains(":") || d.id().contains(",")) throw new IllegalArgumentException("bad method id '" + d.id() + "'");
    MethodDefinition<?> was = DEFINITIONS.putIfAbsent(d.id(), d);
    if (was != null && was != d) throw new IllegalArgumentException("a method '" + d.id() + "' is registered already");
  }

  /** Every registered method, built-in ones first. */
  public static synchronized List<MethodDefinition<?>> all() {
    return List.copyOf(DEFINITIONS.values());
  }

  /** The ids of every registered method. */
  public static synchronized List<String> ids() {
    return List.copyOf(DEFINITIONS.keySet());
  }

  /** The definition of a method id, or the one-line error listing the ids. */
  public static synchronized MethodDefinition<?> definition(String id) {
    MethodDefinition<?> d = DEFINITIONS.get(id);
    if (d == null) throw new SpectrolensException("methods", "unknown method '" + id + "'; expected one of " + String.join(", ", DEFINITIONS.keySet()));
    return d;
  }

  /** A method whose parameters follow the request's profile ({@code gradcam}, {@code smoothgrad:gradcam}). */
  public static Method of(String name) {
    return of(name, null, Map.of());
  }

  /**
   * A method under a profile with some parameters set from text.
   *
   * @param name id, or {@code wrapper:id}
   * @param profile whose defaults; null: the request's at explain time (then {@code set} must be empty)
   * @param set parameter values by method id, then by parameter name ({@code {"smoothgrad": {"samples": "50"}}})
   */
  public static Method of(String name, Profile profile, Map<String, Map<String, String>> set) {
    int colon = name.indexOf(':');
    String id = colon < 0 ? name : name.substring(0, colon);
    MethodDefinition<?> d = definition(id);
    Method inner = colon < 0 ? null : of(name.substring(colon + 1), profile, set);
    if (inner != null && !d.wrapper()) throw new SpectrolensException("methods", "'" + id + "' wraps no method (in '" + name + "')");
    if (inner == null && d.wrapper() && id.equals(SmoothGrad.DEFINITION.id())) inner = new Saliency();
    Map<String, String> own = set.getOrDefault(id, Map.of());
    if (profile == null) {
      if (!own.isEmpty()) throw new IllegalArgumentException("parameters need a profile");
      return d.factory().create(null, inner);
    }
    return d.create(profile, own, inner);
  }

  /** Explains a request with one method (parameters from the request's profile). */
  public static Explanation explain(String name, Request r) {
    return of(name).explain(r);
  }

  /**
   * The methods table of {@code docs/explain.md}: id, description, cost, and each parameter with
   * its spectrolens default and, where they differ, the pytorch-grad-cam and tf-keras-vis values.
   */
  public static String markdownTable() {
    StringBuilder b = new StringBuilder("| id | what it computes | cost per batch | parameters: default (pytorch-grad-cam / tf-keras-vis) |\n");
    b.append("| --- | --- | --- | --- |\n");
    for (MethodDefinition<?> d : all()) {
      Map<String, Object> sp = ParameterRecords.values(d.spectrolens());
      Map<String, Object> pg = ParameterRecords.values(d.pytorchGradCam());
      Map<String, Object> tk = ParameterRecords.values(d.tfKerasVis());
      List<String> ps = new ArrayList<>();
      for (ParameterRecords.Parameter p : d.parameters()) {
        String v = "`" + p.name() + "` " + sp.get(p.name());
        if (!pg.get(p.name()).equals(sp.get(p.name())) || !tk.get(p.name()).equals(sp.get(p.name()))) {
          v += " (" + pg.get(p.name()) + " / " + tk.get(p.name()) + ")";
        }
        ps.add(v);
      }
      b.append("| `").append(d.id()).append("` | ").append(d.description()).append(" | ").append(d.cost()).append(" | ")
          .append(String.join("; ", ps)).append(" |\n");
    }
    return b.toString();
  }

  /** One line per method and parameter, as {@code explain --list} prints them. */
  public static List<String> describe() {
    List<String> out = new ArrayList<>();
    for (MethodDefinition<?> d : all()) {
      out.add(d.id() + "  " + d.description() + " [" + d.cost() + "]");
      Map<String, Object> sp = ParameterRecords.values(d.spectrolens());
      Map<String, Object> pg = ParameterRecords.values(d.pytorchGradCam());
      Map<String, Object> tk = ParameterRecords.values(d.tfKerasVis());
      for (ParameterRecords.Parameter p : d.parameters()) {
        String values = "default " + sp.get(p.name());
        if (!pg.get(p.name()).equals(sp.get(p.name())) || !tk.get(p.name()).equals(sp.get(p.name()))) {
          values += "; pytorch-grad-cam " + pg.get(p.name()) + "; tf-keras-vis " + tk.get(p.name());
        }
        String choices = p.choices().isEmpty() ? "" : " {" + String.join(", ", p.choices()) + "}";
        out.add("    " + d.id() + "." + p.name() + choices + "  " + p.description() + " (" + values + ")");
      }
    }
    return out;
  }
}
