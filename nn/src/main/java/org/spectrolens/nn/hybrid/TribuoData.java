package org.spectrolens.nn.hybrid;

import java.time.OffsetDateTime;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Standardised vectors as Tribuo examples (feature names are the column names). */
final class TribuoData {
  static final LabelFactory LABELS = new LabelFactory();

  private TribuoData() {}

  /** One example; {@code label} null for an unlabelled one (prediction). */
  static Example<Label> example(String[] names, double[] standardised, String label) {
    return new ArrayExample<>(label == null ? LabelFactory.UNKNOWN_LABEL : new Label(label), names, standardised);
  }

  static MutableDataset<Label> dataset(String name, String[] names, double[][] standardised, List<String> labels) {
    java.util.List<Example<Label>> examples = new java.util.ArrayList<>();
    for (int i = 0; i < standardised.length; i++) examples.add(example(names, standardised[i], labels.get(i)));
    var provenance = new SimpleDataSourceProvenance(name, OffsetDateTime.now(), LABELS);
    return new MutableDataset<>(new ListDataSource<>(examples, LABELS, provenance));
  }
}
