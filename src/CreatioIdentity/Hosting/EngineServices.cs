using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;
using CreatioIdentity.Http;
using CreatioIdentity.IdentityService;
using CreatioIdentity.Steps;
using CreatioIdentity.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CreatioIdentity.Hosting;

/// <summary>
/// The services of one engine run, built for one configuration: typed HTTP clients from
/// IHttpClientFactory with the TLS, timeout and retry rules of that configuration.
/// </summary>
public static class EngineServices
{
    private const string CreatioClient = "creatio";

    /// <param name="trace">With --trace-http: records every attempt of both clients.</param>
    /// <param name="access">Whether the command may change Creatio: the session refuses every write otherwise.</param>
    public static ServiceProvider Build(
        IdentityConfig config, SessionCache sessionCache, IProgress<string> progress, StepTuning tuning, CreatioAccess access,
        IWebProxy? proxy = null, HttpTrace? trace = null, Func<string, string?>? environment = null)
    {
        // Read the CAs now, so that a bad file is a configuration error before any request. Each
        // service has its own TLS rules: Creatio's never loosen (or widen) the Identity Service's.
        var creatioAuthority = LoadAuthority(config, config.Creatio.Tls, ConfigPaths.Creatio.Tls.CaCertificate);
        var identityAuthority = LoadAuthority(config, config.IdentityService.Tls, ConfigPaths.IdentityService.Tls.CaCertificate);
        var services = new ServiceCollection();
        services.AddSingleton(config);
        Resilient(services.AddHttpClient(CreatioClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(config.Creatio.Tls, creatioAuthority, config.Creatio.Timeout, proxy)), config, proxy, trace);
        Resilient(services.AddHttpClient<IdentityServiceProbe>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                ProductHeaders.Apply(client.DefaultRequestHeaders);
            })
            .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(config.IdentityService.Tls, identityAuthority, config.Creatio.Timeout, proxy)), config, proxy, trace);

        services.AddSingleton(provider => new CreatioSession(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(CreatioClient), config.Creatio, sessionCache, access));
        services.AddSingleton<DataServiceClient>();
        services.AddSingleton<FeatureClient>();
        services.AddSingleton<SysSettingsClient>();
        services.AddSingleton<OAuthHealthClient>();
        services.AddSingleton<OAuthConfigClient>();
        services.AddSingleton<CreatioFacts>();
        services.AddSingleton<IdentityServiceChecks>();
        services.AddSingleton(provider => new HealthSettler(provider.GetRequiredService<CreatioFacts>(), tuning, progress));
        services.AddSingleton(provider => new StepContext(
            config,
            provider.GetRequiredService<CreatioSession>(),
            provider.GetRequiredService<CreatioFacts>(),
            provider.GetRequiredService<FeatureClient>(),
            provider.GetRequiredService<SysSettingsClient>(),
            provider.GetRequiredService<OAuthConfigClient>(),
            provider.GetRequiredService<IdentityServiceProbe>(),
            progress,
            tuning,
            provider.GetRequiredService<IdentityServiceChecks>(),
            provider.GetRequiredService<HealthSettler>())
        {
            Environment = environment ?? Environment.GetEnvironmentVariable,
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The resilience handler, and with a trace the trace handler after it: handlers added later sit
    /// further in, so the trace handler is next to the primary handler and sees every attempt (a
    /// retried request is recorded twice). Without a trace the chain is what it always was. Between them,
    /// a failed TLS handshake is looked into once more, so that its message says what the port speaks.
    /// </summary>
    private static void Resilient(IHttpClientBuilder client, IdentityConfig config, IWebProxy? proxy, HttpTrace? trace)
    {
        client.AddStandardResilienceHandler(options => Configure(options, config.Creatio.Timeout));
        client.AddHttpMessageHandler(() => new HandshakeDiagnosis(proxy, Timeouts.Connect(config.Creatio.Timeout)));
        if (trace is not null)
        {
            client.AddHttpMessageHandler(trace.CreateHandler);
        }
    }

    /// <summary>
    /// Reads, login, the health check and token requests are retried with backoff and jitter; a write is
    /// sent once (the request says which it is). A name that does not resolve or a certificate that is
    /// not trusted is not retried: waiting does not cure it, so the step stops at once.
    /// </summary>
    private static void Configure(HttpStandardResilienceOptions options, TimeSpan timeout)
    {
        options.AttemptTimeout.Timeout = timeout;

        // A request may bring its own, longer attempt timeout (the health check: Creatio answers it only
        // after its own call to the Identity Service); it then gets one attempt's worth of total time more.
        options.AttemptTimeout.TimeoutGenerator = arguments => ValueTask.FromResult(OwnTimeout(arguments.Context.GetRequestMessage()) ?? timeout);
        options.TotalRequestTimeout.TimeoutGenerator = arguments =>
            ValueTask.FromResult(OwnTimeout(arguments.Context.GetRequestMessage()) is { } own ? own + TimeSpan.FromSeconds(2) : timeout * 3 + TimeSpan.FromSeconds(2));
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.ShouldHandle = arguments =>
        {
            var request = arguments.Context.GetRequestMessage();
            var retryable = request?.Options.TryGetValue(RetryOptions.Retryable, out var flag) == true && flag;
            var answered = arguments.Outcome.Result?.StatusCode == HttpStatusCode.InternalServerError
                && request?.Options.TryGetValue(CreatioSession.AnswersWith500, out var carries) == true && carries;
            // A request with its own timeout that ran out is a finding (Creatio is waiting on something), not a glitch.
            var ranOut = OwnTimeout(request) is not null && arguments.Outcome.Exception is { } failure && Timeouts.IsTimeout(failure);
            return ValueTask.FromResult(retryable && !answered && !ranOut && !TransportFailures.IsPermanent(arguments.Outcome.Exception)
                && HttpClientResiliencePredicates.IsTransient(arguments.Outcome));
        };
        options.TotalRequestTimeout.Timeout = timeout * 3 + TimeSpan.FromSeconds(2);
        options.CircuitBreaker.SamplingDuration = timeout * 2 + TimeSpan.FromSeconds(1);
    }

    private static TimeSpan? OwnTimeout(HttpRequestMessage? request) =>
        request?.Options.TryGetValue(CreatioSession.AttemptTimeout, out var own) == true ? own : null;

    private static SocketsHttpHandler PrimaryHandler(TlsOptions tls, X509Certificate2Collection? authority, TimeSpan timeout, IWebProxy? proxy)
    {
        var handler = new SocketsHttpHandler
        {
            // Cookies belong to the Creatio session, not to a pooled handler; redirects are
            // answers to read (a 302 to the login page means the session expired).
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            // A host that drops packets rather than refusing would otherwise cost the whole request
            // timeout on each attempt; ten seconds is ample for a TCP (and proxy) connect. It ends before
            // the attempt does, so that the failure says "could not be reached", and is not retried.
            ConnectTimeout = Timeouts.Connect(timeout),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // Null keeps .NET's default proxy; the engine hands in the one its environment names.
            UseProxy = true,
            Proxy = proxy,
        };

        if (tls.InsecureSkipVerify)
        {
#pragma warning disable CA5359 // tls.insecureSkipVerify asks for exactly this, and is warned about loudly when loaded.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (authority is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                errors == SslPolicyErrors.None || TrustedBy(authority, certificate, chain, errors);
        }

        return handler;
    }

    /// <summary>
    /// The CA file, relative to the configuration file's folder: DER, or PEM with one or more
    /// certificates (a bundle of root and intermediates). A file that holds a private key is
    /// refused: a CA's key has no business on a build agent.
    /// </summary>
    private static X509Certificate2Collection? LoadAuthority(IdentityConfig config, TlsOptions tls, string keyPath)
    {
        if (tls is not { InsecureSkipVerify: false, CaCertificate: { } caCertificate })
        {
            return null;
        }

        var path = Path.IsPathRooted(caCertificate)
            ? caCertificate
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.Source.Path)) ?? ".", caCertificate);
        var location = config.Source.Locate(keyPath);
        try
        {
            var bytes = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                throw Invalid(location, $"{keyPath}: {path} holds a private key; give only the CA's certificate (-----BEGIN CERTIFICATE-----), and keep the key off this machine.");
            }

            var authority = new X509Certificate2Collection();
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                authority.ImportFromPem(text);
            }
            else
            {
                authority.Add(X509CertificateLoader.LoadCertificate(bytes));
            }

            return authority.Count > 0
                ? authority
                : throw Invalid(location, $"{keyPath}: {path} holds no certificate; give the CA's certificate as PEM (-----BEGIN CERTIFICATE-----) or DER.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw Invalid(location,
                $"{keyPath}: cannot read a certificate from {path} ({exception.Message}); give a PEM or DER file, relative to the configuration file.");
        }
    }

    private static ConfigurationException Invalid(SourceLocation location, string message) =>
        new([new ConfigDiagnostic(DiagnosticSeverity.Error, location, message)]);

    /// <summary>The system store said no; the configured CA may still vouch for the chain.</summary>
    private static bool TrustedBy(X509Certificate2Collection authority, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
