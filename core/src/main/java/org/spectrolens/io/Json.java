package org.spectrolens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.spectrolens.SpectrolensException;

/** The project's one JSON mapper: pretty, key order kept, unknown keys ignored on read. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  public static String toString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Writes {@code value} as JSON to {@code file} atomically. */
  public static void write(Path file, Object value) {
    AtomicFiles.writeString(file, toString(value) + "\n");
  }

  /** {@code file} as a {@code type}; a missing, malformed or empty ({@code null}) file is one clear error. */
  public static <T> T read(Path file, Class<T> type) {
    try {
      T value = MAPPER.readValue(file.toFile(), type);
      if (value == null) throw new SpectrolensException(file.toString(), "holds JSON null, not an object"); // found by fuzzing
      return value;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new SpectrolensException(file.toString(), "no such file");
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      String where = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("");
      throw new SpectrolensException(file.toString(), "malformed JSON: " + (where.isEmpty() ? "expected an object"
          : "'" + where + "' has the wrong type"), e);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
