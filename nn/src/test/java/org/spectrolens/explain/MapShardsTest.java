package org.spectrolens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Npy;

/** An explain folder's stacks in shards ({@link MapShards}) read back as the single files would hold them, and its index checked. */
class MapShardsTest {
  @TempDir Path dir;

  static final int N = 23, H = 5, W = 7, RH = 2, RW = 3;
  /** Rows per part: uneven, the last part short. */
  static final int[] PARTS = {0, 8, 16, 23};
  static final List<String> METHODS = List.of("gradcam", "smoothgrad:saliency");

  /** One folder with the stacks as single files, one with the same stacks in shards. */
  Path[] folders() {
    Path single = dir.resolve("single");
    Path sharded = dir.resolve("sharded");
    Random r = new Random(7);
    List<MapShards.Shard> shards = new ArrayList<>();
    for (String m : METHODS) {
      for (boolean raw : new boolean[] {false, true}) {
        int h = raw ? RH : H, w = raw ? RW : W;
        float[][] rows = new float[N][h * w];
        // any float bit pattern a map may hold: signed raw values, subnormals, exact zeros
        for (float[] row : rows) for (int k = 0; k < row.length; k++) row[k] = k % 5 == 0 ? 0f : (float) (r.nextGaussian() * Math.pow(10, r.nextInt(60) - 40));
        float[] flat = new float[N * h * w];
        for (int i = 0; i < N; i++) System.arraycopy(rows[i], 0, flat, i * h * w, h * w);
        Npy.write(single.resolve(MapStack.fileStem(m) + (raw ? ".raw.npy" : ".npy")), new Npy.Array(new int[] {N, h, w}, flat));
        for (int p = 0; p + 1 < PARTS.length; p++) {
          float[][] part = java.util.Arrays.copyOfRange(rows, PARTS[p], PARTS[p + 1]);
          shards.add(MapShards.write(sharded, m, raw, p, PARTS[p], part, h, w));
        }
      }
    }
    MapShards.writeIndex(sharded, new MapShards.Index(N, MapShards.Index.FLOAT32, shards));
    return new Path[] {single, sharded};
  }

  @Test
  void shardsReadAsTheSingleStackBitForBit() {
    Path[] f = folders();
    assertTrue(MapShards.sharded(f[1]));
    assertFalse(MapShards.sharded(f[0]));
    for (String m : METHODS) {
      for (boolean raw : new boolean[] {false, true}) {
        MapStack.Maps a = MapStack.read(f[0], m, raw);
        MapStack.Maps b = MapStack.read(f[1], m, raw);
        assertEquals(a.height(), b.height());
        assertEquals(a.width(), b.width());
        assertEquals(N, b.maps().length);
        for (int i = 0; i < N; i++) assertArrayEquals(bits(a.maps()[i]), bits(b.maps()[i]), m + " raw " + raw + " row " + i);
        // a reader given the stack's path (segment, decompose) gets the same array from the shards
        String name = MapStack.fileStem(m) + (raw ? ".raw.npy" : ".npy");
        assertTrue(MapStack.exists(f[1].resolve(name)));
        Npy.Array x = Npy.read(f[0].resolve(name));
        Npy.Array y = MapStack.stack(f[1].resolve(name));
        assertArrayEquals(x.shape(), y.shape());
        assertArrayEquals(bits(x.data()), bits(y.data()));
      }
    }
    assertFalse(MapStack.exists(dir.resolve("elsewhere/gradcam.npy")));
  }

  @Test
  void aMissingShardIsNamedInOneLine() throws Exception {
    Path sharded = folders()[1];
    Path gone = sharded.resolve(MapShards.DIR).resolve(MapShards.fileName("gradcam", false, 1));
    Files.delete(gone);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> MapStack.read(sharded, "gradcam", false));
    assertEquals(gone.toString(), e.subject());
    assertTrue(e.problem().startsWith("missing"), e.getMessage());
    assertTrue(e.problem().contains("rows 8 to 15"), e.getMessage());
    oneLine(e);
    // the other method and the raw maps are whole still
    assertEquals(N, MapStack.read(sharded, "gradcam", true).maps().length);
  }

  @Test
  void aShardOfAnotherShapeIsNamed() {
    Path sharded = folders()[1];
    Path bad = sharded.resolve(MapShards.DIR).resolve(MapShards.fileName("smoothgrad:saliency", true, 2));
    Npy.write(bad, new Npy.Array(new int[] {7, RH, RW + 1}, new float[7 * RH * (RW + 1)]));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> MapStack.read(sharded, "smoothgrad:saliency", true));
    assertEquals(bad.toString(), e.subject());
    assertEquals("shape [7, 2, 4], maps/index.json says [7, 2, 3]", e.problem());
    oneLine(e);
  }

  @Test
  void anIndexThatMissesRowsOrIsNotJsonIsNamed() throws Exception {
    Path sharded = folders()[1];
    Path index = sharded.resolve(MapShards.DIR).resolve(MapShards.INDEX);
    MapShards.Index i = MapShards.index(sharded);
    List<MapShards.Shard> fewer = new ArrayList<>(i.shards());
    fewer.removeIf(s -> s.method().equals("gradcam") && !s.raw() && s.from() == 8);
    MapShards.writeIndex(sharded, new MapShards.Index(N, MapShards.Index.FLOAT32, fewer));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> MapStack.read(sharded, "gradcam", false));
    assertEquals(index.toString(), e.subject());
    assertTrue(e.problem().contains("rows 8 to 15"), e.getMessage());
    oneLine(e);
    SpectrolensException none = assertThrows(SpectrolensException.class, () -> MapStack.read(sharded, "occlusion", false));
    assertEquals(index + ": lists no shards of occlusion", none.getMessage());
    Files.writeString(index, "{\"count\": 3, \"shards\": [");
    SpectrolensException broken = assertThrows(SpectrolensException.class, () -> MapStack.read(sharded, "gradcam", false));
    assertEquals(index.toString(), broken.subject());
    oneLine(broken);
  }

  private static void oneLine(SpectrolensException e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("--"), e.getMessage());
  }

  private static int[] bits(float[] v) {
    int[] b = new int[v.length];
    for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits(v[i]);
    return b;
  }
}
