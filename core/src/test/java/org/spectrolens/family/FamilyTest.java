package org.spectrolens.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;

/** The one registry shape: ids, order, the registration rule, text parsing and the generated tables. */
class FamilyTest {
  record Gain(@Param(value = "factor", min = 0, max = 10) double factor) {}

  /** A parameterised member: a gain, configured into a function. */
  record Scale(String id, String description) implements Parameterised<Gain, Double> {
    @Override
    public Gain defaults() {
      return new Gain(2);
    }

    @Override
    public Double create(Gain p) {
      return p.factor();
    }
  }

  static Family<Scale> family() {
    return new Family<>("scale", "scales", List.of(new Scale("double", "times two"), new Scale("other", "another")));
  }

  @Test
  void builtInMembersComeFirstInOrderAndRegisteredOnesAfter() {
    Family<Scale> f = family();
    Scale mine = new Scale("mine", "mine");
    f.register(mine);
    f.register(mine); // the same member twice is harmless
    assertEquals(List.of("double", "other", "mine"), f.ids());
    assertSame(mine, f.get("mine"));
  }

  @Test
  void oneRegistrationRuleForEveryFamily() {
    Family<Scale> f = family();
    assertEquals("a scale 'double' is registered already",
        assertThrows(IllegalArgumentException.class, () -> f.register(new Scale("double", "again"))).getMessage());
    for (String bad : new String[] {"", "a:b", "a,b"}) {
      assertThrows(IllegalArgumentException.class, () -> f.register(new Scale(bad, "bad")), bad);
    }
    assertEquals(List.of("double", "other"), f.ids());
  }

  @Test
  void anUnknownIdIsOneLineNamingTheParameterAndTheIds() {
    Family<Scale> f = family();
    assertEquals("scales: unknown scale 'triple'; expected one of double, other",
        assertThrows(SpectrolensException.class, () -> f.get("triple")).getMessage());
    assertEquals("in.json: unknown scale 'triple'; expected one of double, other",
        assertThrows(SpectrolensException.class, () -> f.get("triple", "in.json")).getMessage());
  }

  @Test
  void textSetsParametersWithinTheirRanges() {
    Family<Scale> f = family();
    assertEquals(2.0, Parameterised.parse(f, "double", "scales"));
    assertEquals(3.5, Parameterised.parse(f, "double:factor=3.5", "scales"));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Parameterised.parse(f, "double:factor=11", "scales"));
    assertEquals("scales", e.subject());
    assertEquals(3.0, f.get("other").create(Map.of("factor", "3")));
  }

  @Test
  void tablesAndListsComeFromTheDefinitions() {
    Family<Scale> f = family();
    assertEquals("| id | parameters |\n| --- | --- |\n| `double` | `factor` 2.0: factor |\n| `other` | `factor` 2.0: factor |\n",
        f.markdownTable(List.of("id", "parameters"), d -> List.of("`" + d.id() + "`", Parameterised.parameterCell(d, d.defaults()))));
    assertEquals(List.of("double  times two", "    double.factor  factor (default 2.0)", "other  another", "    other.factor  factor (default 2.0)"),
        Parameterised.describe(f, d -> "", d -> d.id() + "."));
  }
}
