package dev.invoicekit.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a Retrofit method that is safe to retry although its HTTP method is not, such as a
 * read-only {@code POST} search.
 *
 * <p>{@code GET} and {@code HEAD} calls are always idempotent and need no annotation. Calls that
 * are neither are never retried after a failure, because the vendor may have acted on them.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Idempotent {
}
