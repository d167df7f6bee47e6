package dev.invoicekit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code invoicekit} command: lists, gets and previews invoices through any provider on the
 * class path, with one set of options.
 *
 * <p>Stdout carries only data; messages, warnings and progress go to stderr. Exit codes, mapped in
 * {@link ExitCodes}: 0 success, 1 a vendor or runtime error, 2 a usage or configuration error, 3
 * {@code get} of an unknown id. {@link #main} is the only place that exits the JVM; everything
 * else reports through picocli's handlers ({@link ErrorHandler}).
 * This command object also carries what its subcommands share: the global options, the
 * environment and the terminal.
 */
@Command(
    name = "invoicekit",
    scope = ScopeType.INHERIT, // --help and --version on every subcommand too
    mixinStandardHelpOptions = true, // the version provider is set in commandLine(): see there
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Reads invoices from any billing vendor on the class path, through one API.%n"
        + "--sandbox reads made-up invoices from a provider's embedded sandbox instead.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:vendor or runtime error",
        "2:usage or configuration error (a missing credential too)",
        "3:get of an invoice id the vendor does not know"})
public final class InvoiceKitCli implements Runnable {
  /** The environment variable naming the provider when neither --provider nor the config does. */
  static final String PROVIDER_ENV = "INVOICEKIT_PROVIDER";

  /** The subcommands by name, in the order help lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> subcommands = new LinkedHashMap<>();
    subcommands.put("providers", ProvidersCommand.class);
    subcommands.put("list", ListCommand.class);
    subcommands.put("get", GetCommand.class);
    subcommands.put("preview", PreviewCommand.class);
    subcommands.put("demo", DemoCommand.class);
    subcommands.put("sandbox", SandboxCommand.class);
    subcommands.put("completion", CompletionCommand.class);
    return Collections.unmodifiableMap(subcommands);
  }

  private final Map<String, String> environment;
  private final boolean interactive;
  private final LongSupplier nanoTime;
  private final StopSignal stopSignal;

  @Spec CommandSpec spec;

  /** The provider the command is working with, for error messages; null before one is chosen. */
  private String activeProvider;
  /** The progress line on stderr; made on first use unless {@link #main} made it. */
  private StatusLine statusLine;
  /** True once this run has set the transport's log level ({@link TransportLog}). */
  private boolean transportLogSet;

  @Option(names = "--provider", paramLabel = "ID", scope = ScopeType.INHERIT, order = 1,
      description = "The provider or instance to use (else invoicekit.provider from --config, else $"
          + PROVIDER_ENV + "). list reads several as one: a,b or all.")
  String provider;

  @Option(names = "--sandbox", scope = ScopeType.INHERIT, order = 2,
      description = "Read from the provider's embedded sandbox (made-up invoices), whatever "
          + "credentials are set. Without it, a missing credential is an error.")
  boolean sandbox;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 3,
      description = "A properties file: invoicekit.provider and invoicekit.<id>.<key> settings.")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT, order = 4,
      description = "A setting, as invoicekit.<id>.<key>=VALUE or, for the chosen provider, "
          + "<key>=VALUE (base-url, timeout, page-size, api-token, ...). Repeatable.")
  Map<String, String> setOptions = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT, order = 5,
      defaultValue = "table", completionCandidates = OutputFormat.Names.class,
      description = "table (default), json, csv or focus (FOCUS 1.2 Cost and Usage CSV).")
  OutputFormat format;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 6,
      description = "No progress and no informational messages on stderr.")
  boolean quiet;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, order = 7,
      description = "Stack traces with errors; the resolved configuration (secrets masked); "
          + "each HTTP attempt and retry (hidden otherwise).")
  boolean verbose;

  InvoiceKitCli(Map<String, String> environment, boolean interactive, LongSupplier nanoTime,
      StopSignal stopSignal) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    this.interactive = interactive;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal == null");
  }

  /** Runs the tool with the process environment and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    InvoiceKitCli cli = new InvoiceKitCli(System.getenv(), System.console() != null, System::nanoTime,
        StopSignal.shutdownHook(10));
    cli.statusLine = new StatusLine(err);
    // Data is UTF-8 (JSON requires it); on a shared terminal it first erases the progress line.
    PrintWriter out = new PrintWriter(new BufferedWriter(
        cli.statusLine.erasingBefore(new OutputStreamWriter(System.out, UTF_8))));
    int exitCode = commandLine(cli, named(args))
        .setOut(out)
        .setErr(err)
        .execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * Returns the command line of the tool, reading environment-variable settings from
   * {@code environment} only (tests pass their own map, so a real token cannot change results).
   * Progress is shown only if {@code interactive}.
   */
  static CommandLine commandLine(Map<String, String> environment, boolean interactive) {
    return commandLine(environment, interactive, System::nanoTime);
  }

  static CommandLine commandLine(Map<String, String> environment, boolean interactive,
      LongSupplier nanoTime) {
    return commandLine(environment, interactive, nanoTime, StopSignal.shutdownHook(10));
  }

  /**
   * As above, with only the subcommands {@code args} can run, as {@link #main} builds it: what
   * tests run {@code args} through.
   */
  static CommandLine commandLine(Map<String, String> environment, boolean interactive,
      LongSupplier nanoTime, String... args) {
    return commandLine(new InvoiceKitCli(environment, interactive, nanoTime, StopSignal.shutdownHook(10)),
        named(args));
  }

  /** As above, with commands that serve until stopped waiting for {@code stopSignal}. */
  static CommandLine commandLine(Map<String, String> environment, boolean interactive,
      LongSupplier nanoTime, StopSignal stopSignal) {
    return commandLine(new InvoiceKitCli(environment, interactive, nanoTime, stopSignal), SUBCOMMANDS.keySet());
  }

  /**
   * Returns the tool's command line with the subcommands {@code names} (in help order).
   *
   * <p>Start-up: picocli reflects over every option of every subcommand it is given, and copies the
   * version text into each one, so {@link #main} gives it only the subcommands its arguments name
   * ({@link #named}) and sets the version provider afterwards, which picocli then calls only for
   * {@code --version}.
   */
  private static CommandLine commandLine(InvoiceKitCli cli, Set<String> names) {
    ErrorHandler errors = new ErrorHandler();
    CommandLine commandLine = new CommandLine(cli);
    SUBCOMMANDS.forEach((name, type) -> {
      if (names.contains(name)) commandLine.addSubcommand(name, type);
    });
    VersionProvider version = new VersionProvider();
    commandLine.getCommandSpec().versionProvider(version);
    commandLine.getSubcommands().values()
        .forEach(subcommand -> subcommand.getCommandSpec().versionProvider(version));
    return commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExitCodeExceptionMapper(new ExitCodes())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  /**
   * The subcommands {@code args} can run: those it names, or every one when it names none (help,
   * a usage error, a misspelt command with its suggestions) or names {@code completion}, which
   * describes the whole tree.
   */
  static Set<String> named(String[] args) {
    Set<String> names = new LinkedHashSet<>();
    for (String arg : args) {
      if (SUBCOMMANDS.containsKey(arg)) names.add(arg);
    }
    return names.isEmpty() || names.contains("completion") ? SUBCOMMANDS.keySet() : names;
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing required subcommand: providers, list, get, preview, demo, sandbox or completion");
  }

  /** Where data goes. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where messages go. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** How a command that serves until stopped learns that it must stop. */
  StopSignal stopSignal() {
    return stopSignal;
  }

  OutputFormat format() {
    return format;
  }

  boolean verbose() {
    return verbose;
  }

  String activeProvider() {
    return activeProvider;
  }

  /** Prints an informational {@code message} on stderr, unless {@code --quiet}. */
  void info(String message) {
    if (!quiet) err().println(message);
  }

  /** Prints a warning on stderr, even under {@code --quiet}: what the user must not miss. */
  void warn(String message) {
    err().println(message);
  }

  /** Returns a progress indicator on stderr: live only on a terminal and never under {@code --quiet}. */
  Progress progress() {
    if (statusLine == null) statusLine = new StatusLine(err());
    return new Progress(statusLine, interactive && !quiet, nanoTime);
  }

  /** Returns the configuration of {@code --config}, {@code --set} and the environment. */
  Settings settings() {
    return Settings.load(configFile, setOptions, environment);
  }

  /** Opens provider {@code id} against a new embedded sandbox, whatever its credentials. */
  ProviderSession openSandboxed(String id, Settings settings) {
    activeProvider = id;
    setTransportLog();
    ProviderSession session = ProviderSession.sandboxed(id, settings.config(id));
    if (verbose) info("using " + session.config());
    return session;
  }

  /**
   * Opens the chosen provider: against its embedded sandbox under {@code --sandbox}, else against
   * the vendor, failing with {@link MissingCredentialException} if a credential is missing.
   */
  ProviderSession openChosenProvider() {
    Settings settings = settings();
    String name = settings.providerId(provider);
    if (name.contains(",") || name.equals(Settings.ALL)) {
      throw new ConfigurationException("--provider", "--provider " + name
          + ": several providers are read together by list only; give one here");
    }
    return openInstance(name, settings);
  }

  /**
   * Opens instance {@code name} (a provider id or an instance name): against a new embedded
   * sandbox under {@code --sandbox}, else against the vendor.
   */
  ProviderSession openInstance(String name, Settings settings) {
    ProviderConfig config = settings.config(name);
    activeProvider = name;
    setTransportLog();
    ProviderSession session = sandbox
        ? ProviderSession.sandboxed(config.providerId(), config)
        : ProviderSession.open(config.providerId(), config);
    if (verbose) info("using " + session.config());
    return session;
  }

  /**
   * Quiets the transport's retry lines unless {@code --verbose}, which shows every attempt: once
   * per run, before the first provider (and so the first transport) exists. Here rather than in
   * {@link #main} so that commands that open no provider never load java.util.logging.
   */
  private void setTransportLog() {
    if (transportLogSet) return;
    TransportLog.configure(verbose, err());
    transportLogSet = true;
  }

  /**
   * The instances {@code list} reads: {@code --provider a,b} (ids or instance names),
   * {@code --provider all}, {@code invoicekit.providers}, or the one chosen provider. With
   * {@code --sandbox}, {@code all} without {@code invoicekit.providers} is every provider that
   * has a sandbox.
   */
  List<String> chosenInstances(Settings settings) {
    return settings.instances(provider, () -> {
      Set<String> ids = new TreeSet<>(InvoiceProviders.available());
      if (sandbox) ids.retainAll(Sandboxes.available());
      return ids;
    });
  }

  /** Names the instances at work in error messages. */
  void activeInstances(List<String> names) {
    activeProvider = String.join(",", names);
  }

  /** True under {@code --sandbox}. */
  boolean sandbox() {
    return sandbox;
  }
}
