package dev.invoicekit.http;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.spi.Quoting;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads wire records (non-generic Java records) the way Moshi's own record adapter does: by JSON
 * name ({@code @Json(name = ...)} or the component name), unknown names skipped, absent
 * components null. But it calls the canonical constructor through reflection rather than
 * {@code MethodHandle.invokeWithArguments}, which builds a spreader on every call and cost about a
 * tenth of the time spent reading an invoice page. Writing is left to Moshi's adapter.
 *
 * <p>Records with qualifier annotations or conflicting names are left to Moshi.
 */
final class RecordAdapterFactory implements JsonAdapter.Factory {
  @Override public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class) || !((Class<?>) type).isRecord()) return null;
    Class<?> recordClass = (Class<?>) type;
    if (recordClass.getTypeParameters().length > 0) return null;
    RecordComponent[] components = recordClass.getRecordComponents();
    String[] names = new String[components.length];
    Class<?>[] types = new Class<?>[components.length];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < components.length; i++) {
      if (hasQualifier(components[i])) return null;
      names[i] = jsonName(components[i]);
      types[i] = components[i].getType();
      if (!seen.add(names[i])) return null; // Moshi reports the conflict
    }
    Constructor<?> constructor;
    try {
      constructor = recordClass.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      return null;
    }
    if (!constructor.trySetAccessible()) return null;
    JsonAdapter<?>[] adapters = new JsonAdapter<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      adapters[i] = moshi.adapter(components[i].getGenericType());
    }
    JsonAdapter<Object> writer = moshi.nextAdapter(this, type, annotations);
    return new RecordAdapter(recordClass, constructor, names, adapters, writer).nullSafe();
  }

  private static String jsonName(RecordComponent component) {
    Json json = component.getAnnotation(Json.class);
    if (json == null) json = component.getAccessor().getAnnotation(Json.class);
    return json == null || json.name().equals(Json.UNSET_NAME) ? component.getName() : json.name();
  }

  private static boolean hasQualifier(RecordComponent component) {
    for (Annotation annotation : component.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(JsonQualifier.class)) return true;
    }
    return false;
  }

  private static final class RecordAdapter extends JsonAdapter<Object> {
    private final Class<?> recordClass;
    private final Constructor<?> constructor;
    private final String[] names;
    private final JsonAdapter<?>[] adapters;
    private final JsonReader.Options options;
    private final JsonAdapter<Object> writer;

    RecordAdapter(Class<?> recordClass, Constructor<?> constructor, String[] names,
        JsonAdapter<?>[] adapters, JsonAdapter<Object> writer) {
      this.recordClass = recordClass;
      this.constructor = constructor;
      this.names = names;
      this.adapters = adapters;
      this.options = JsonReader.Options.of(names);
      this.writer = writer;
    }

    @Override public Object fromJson(JsonReader reader) throws IOException {
      Object[] values = new Object[adapters.length];
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(options);
        if (index == -1) {
          reader.skipName();
          reader.skipValue();
        } else {
          try {
            values[index] = adapters[index].fromJson(reader);
          } catch (JsonDataException e) {
            throw readable(e);
          }
        }
      }
      reader.endObject();
      try {
        return constructor.newInstance(values);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) throw (RuntimeException) cause;
        if (cause instanceof Error) throw (Error) cause;
        throw new JsonDataException(cause.getMessage() + " at " + reader.getPath(), cause);
      } catch (IllegalArgumentException e) { // null for a primitive component
        for (int i = 0; i < values.length; i++) {
          if (values[i] == null && constructor.getParameterTypes()[i].isPrimitive()) {
            throw new JsonDataException("Required value '" + names[i] + "' missing at " + reader.getPath());
          }
        }
        throw e;
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    /**
     * Moshi's own messages quote the value they could not read whole ("Expected a long but was
     * <100 KB> at path $.x"): this cuts and escapes it ({@link Quoting}), keeping the path.
     */
    private static JsonDataException readable(JsonDataException e) {
      String message = e.getMessage();
      if (message == null) return e;
      int at = message.lastIndexOf(" at path ");
      String head = at < 0 ? message : message.substring(0, at);
      String tail = at < 0 ? "" : message.substring(at);
      String shown = Quoting.text(head) + Quoting.text(tail);
      if (shown.equals(message)) return e;
      JsonDataException copy = new JsonDataException(shown);
      copy.setStackTrace(e.getStackTrace());
      return copy;
    }

    @Override public void toJson(JsonWriter out, Object value) throws IOException {
      writer.toJson(out, value);
    }

    @Override public String toString() {
      return "JsonAdapter(" + recordClass.getSimpleName() + ")";
    }
  }
}
