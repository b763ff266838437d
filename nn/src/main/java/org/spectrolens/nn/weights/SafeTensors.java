package org.spectrolens.nn.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Finite;
import org.spectrolens.io.IoErrors;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Json;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {str: str}}}, then the
 * raw little-endian data. Reads F32, F16, BF16 (widened to float), F64 (narrowed) and I64; writes
 * F32 and I64. Every size the header claims is checked against the file before anything is
 * allocated, so a corrupt or hostile file fails with a clear message instead of exhausting memory.
 */
public final class SafeTensors {
  /** Headers larger than this are rejected (the reference implementation's limit is 100 MB). */
  static final long MAX_HEADER = 100L << 20;
  public static final String METADATA = "__metadata__";

  private SafeTensors() {}

  /** The tensors of a file (in data order) and its string metadata. */
  public record Contents(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {}

  public static LinkedHashMap<String, Tensor> read(Path file) {
    return readAll(file).tensors();
  }

  public static Contents readAll(Path file) {
    String name = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) throw new SpectrolensException(name, "not a safetensors file (" + size + " bytes, shorter than the 8-byte header length)");
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0);
      long headerLen = lenBuf.getLong(0);
      if (headerLen < 2 || headerLen > MAX_HEADER || headerLen > size - 8) {
        throw new SpectrolensException(name, "bad safetensors header length " + Long.toUnsignedString(headerLen)
            + " (file has " + size + " bytes)");
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      readFully(ch, hb, 8);
      String header = new String(hb.array(), StandardCharsets.UTF_8);
      long dataStart = 8 + headerLen;
      List<Entry> entries = new ArrayList<>();
      Map<String, String> metadata = parseHeader(name, header, size - dataStart, entries);
      LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
      for (Entry e : entries) {
        ByteBuffer data = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, data, dataStart + e.begin);
        data.flip();
        Tensor t = decode(e, data);
        if (t.isFloat()) Finite.check(name, "tensor '" + e.name + "' value", e.shape, t.floats());
        out.put(e.name, t);
      }
      return new Contents(out, metadata);
    } catch (NoSuchFileException e) {
      throw new SpectrolensException(name, "no such file");
    } catch (IOException e) {
      throw new SpectrolensException(name, "cannot read: " + IoErrors.reason(e), e);
    }
  }

  private record Entry(String name, String dtype, long[] shape, long begin, long end) {}

  static int width(String dtype) {
    return switch (dtype) {
      case "F32" -> 4;
      case "F16", "BF16" -> 2;
      case "F64", "I64" -> 8;
      default -> -1;
    };
  }

  private static Map<String, String> parseHeader(String name, String header, long dataSize, List<Entry> entries) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(header);
    } catch (JsonProcessingException e) {
      throw new SpectrolensException(name, "malformed safetensors header (not JSON): " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) throw new SpectrolensException(name, "malformed safetensors header (not a JSON object)");
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String key = f.getKey();
      JsonNode v = f.getValue();
      if (key.equals(METADATA)) {
        if (!v.isObject()) throw new SpectrolensException(name, "malformed safetensors header: __metadata__ is not an object");
        v.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      String where = "tensor '" + key + "'";
      if (!v.isObject() || !v.path("dtype").isTextual() || !v.path("shape").isArray() || !v.path("data_offsets").isArray()
          || v.path("data_offsets").size() != 2) {
        throw new SpectrolensException(name, "malformed safetensors header: " + where + " needs dtype, shape and data_offsets [begin, end]");
      }
      String dtype = v.get("dtype").asText();
      int w = width(dtype);
      if (w < 0) throw new SpectrolensException(name, where + ": unsupported dtype " + dtype + " (expected F32, F16, BF16, F64 or I64)");
      long[] shape = new long[v.get("shape").size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        JsonNode d = v.get("shape").get(i);
        if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
          throw new SpectrolensException(name, where + ": bad shape " + v.get("shape"));
        }
        shape[i] = d.asLong();
        count = Math.multiplyHigh(count, shape[i]) != 0 || count * shape[i] < 0 ? -1 : count * shape[i];
        if (count < 0) throw new SpectrolensException(name, where + ": shape " + v.get("shape") + " overflows");
      }
      JsonNode b = v.get("data_offsets").get(0);
      JsonNode e = v.get("data_offsets").get(1);
      if (!b.isIntegralNumber() || !e.isIntegralNumber() || !b.canConvertToLong() || !e.canConvertToLong()) {
        throw new SpectrolensException(name, where + ": bad data_offsets " + v.get("data_offsets"));
      }
      long begin = b.asLong();
      long end = e.asLong();
      if (begin < 0 || end < begin || end > dataSize) {
        throw new SpectrolensException(name, where + ": data_offsets [" + begin + ", " + end + "] outside the "
            + dataSize + " data bytes of the file");
      }
      if (count > Integer.MAX_VALUE - 8 || count * w != end - begin) {
        throw new SpectrolensException(name, where + ": shape " + v.get("shape") + " of " + dtype + " needs "
            + (count > Long.MAX_VALUE / 8 ? "too many" : Long.toString(count * w)) + " bytes, data_offsets give " + (end - begin));
      }
      entries.add(new Entry(key, dtype, shape, begin, end));
    }
    entries.sort(Comparator.comparingLong(Entry::begin));
    long at = 0;
    for (Entry e : entries) {
      if (e.begin != at) {
        throw new SpectrolensException(name, "tensor '" + e.name + "': data starts at " + e.begin + ", expected " + at
            + " (tensors must be contiguous and must not overlap)");
      }
      at = e.end;
    }
    if (at != dataSize) {
      throw new SpectrolensException(name, "tensors cover " + at + " data bytes but the file holds " + dataSize);
    }
    return metadata;
  }

  private static Tensor decode(Entry e, ByteBuffer data) {
    int n = (int) Tensor.count(e.shape);
    switch (e.dtype) {
      case "I64": {
        long[] v = new long[n];
        data.asLongBuffer().get(v);
        return Tensor.i64(e.shape, v);
      }
      case "F32": {
        float[] v = new float[n];
        data.asFloatBuffer().get(v);
        return Tensor.f32(e.shape, v);
      }
      case "F64": {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) data.getDouble();
        return Tensor.f32(e.shape, v);
      }
      case "BF16": {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat((data.getShort() & 0xffff) << 16);
        return Tensor.f32(e.shape, v);
      }
      case "F16": {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = halfToFloat(data.getShort());
        return Tensor.f32(e.shape, v);
      }
      default:
        throw new IllegalStateException(e.dtype);
    }
  }

  /** IEEE 754 binary16 to float (subnormals, infinities and NaN included). */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** Writes tensors (in map order) and optional string metadata, atomically. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    Map<String, Object> header = new LinkedHashMap<>();
    if (metadata != null && !metadata.isEmpty()) header.put(METADATA, metadata);
    long at = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      long bytes = Tensor.count(t.shape()) * (t.isFloat() ? 4 : 8);
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("dtype", t.dtype());
      h.put("shape", t.shape());
      h.put("data_offsets", new long[] {at, at + bytes});
      header.put(e.getKey(), h);
      at += bytes;
    }
    String json;
    try {
      json = Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(header);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    byte[] hj = json.getBytes(StandardCharsets.UTF_8);
    int padded = (hj.length + 7) / 8 * 8; // spaces keep the data 8-byte aligned, as the reference writer does
    AtomicFiles.write(file, out -> {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(len.array());
      out.write(hj);
      for (int i = hj.length; i < padded; i++) out.write(' ');
      for (Tensor t : tensors.values()) {
        ByteBuffer buf = ByteBuffer.allocate((t.isFloat() ? t.floats().length * 4 : t.longs().length * 8))
            .order(ByteOrder.LITTLE_ENDIAN);
        if (t.isFloat()) buf.asFloatBuffer().put(t.floats());
        else buf.asLongBuffer().put(t.longs());
        out.write(buf.array());
      }
    });
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos + buf.position());
      if (n < 0) throw new IOException("unexpected end of file");
    }
  }
}
