/**
 * Spring Boot auto-configuration of InvoiceKit: an {@link dev.invoicekit.InvoiceProvider} bean for
 * {@code invoicekit.provider} and a {@code Map<String, InvoiceProvider>} bean named
 * {@value dev.invoicekit.spring.InvoiceKitAutoConfiguration#INSTANCES_BEAN} for
 * {@code invoicekit.providers}, from properties, YAML or environment variables.
 */
package dev.invoicekit.spring;
