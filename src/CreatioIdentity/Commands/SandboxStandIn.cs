using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;
using CreatioIdentity.Protocol;

namespace CreatioIdentity.Commands;

/// <summary>
/// The sandbox standing in for the Creatio and the Identity Service a user's file names
/// (<c>sandbox --config FILE</c>): the file is loaded and validated as a real run loads it, then
/// every site's URLs and credentials become the sandbox's, and what cannot apply to a loopback
/// sandbox (the file's TLS trust, other token endpoint hosts, a runtime the sandbox does not play)
/// is set aside. Nothing the file names outside loopback is ever reached. A variable the file reads
/// only for a value the sandbox replaces (a real site's password) need not be set.
/// </summary>
internal sealed class SandboxStandIn(SandboxReadyFile ready, IBuildAgent agent)
{
    /// <summary>The keys whose values the sandbox replaces or sets aside: an unset variable there is no error.</summary>
    private static readonly string[] ReplacedKeys =
    [
        ConfigPaths.Creatio.Url, ConfigPaths.Creatio.Runtime, ConfigPaths.Creatio.Username, ConfigPaths.Creatio.Password,
        ConfigPaths.Creatio.Tls.CaCertificate, ConfigPaths.Creatio.Tls.InsecureSkipVerify,
        ConfigPaths.IdentityService.Url, ConfigPaths.IdentityService.ClientId, ConfigPaths.IdentityService.ClientSecret,
        ConfigPaths.IdentityService.Tls.CaCertificate, ConfigPaths.IdentityService.Tls.InsecureSkipVerify, ConfigPaths.IdentityService.TokenEndpointHosts,
    ];

    private readonly Uri creatioUrl = new(ready.CreatioUrl);
    private readonly Uri identityServiceUrl = new(ready.IdentityServiceUrl);
    private readonly CreatioRuntime runtime = ready.Runtime == "netframework" ? CreatioRuntime.NetFramework : CreatioRuntime.Net;

    /// <summary>Loads the file as <see cref="ConfigLoader.LoadSelection"/> does, with the sandbox in place of every site.</summary>
    public ConfigSelection Load(string path, Func<string, string?> environment, IReadOnlyCollection<string> requested)
    {
        var loaded = LoadTolerant(path, environment, requested);
        if (!loaded.HasEnvironments)
        {
            Say(null, loaded.Site!);
            return loaded with { Site = StandIn(loaded.Site!) };
        }

        foreach (var selected in loaded.Environments.Where(selected => selected.Config is not null))
        {
            Say(selected.Name, selected.Config!);
        }

        return loaded with
        {
            Environments = [.. loaded.Environments.Select(selected => selected.Config is null ? selected : selected with { Config = StandIn(selected.Config) })],
        };
    }

    /// <summary>
    /// The file as a real run loads it; where that fails only because a variable is unset at a key
    /// the sandbox replaces, the site as loaded with a placeholder for each unset variable.
    /// </summary>
    private static ConfigSelection LoadTolerant(string path, Func<string, string?> environment, IReadOnlyCollection<string> requested)
    {
        ConfigSelection strict;
        try
        {
            strict = ConfigLoader.LoadSelection(path, environment, requested);
        }
        catch (ConfigurationException failure)
        {
            if (TryLoadWithPlaceholders(path, environment, requested)?.Site is { } site && Covered(failure.Errors, site))
            {
                return new ConfigSelection(site, []);
            }

            throw;
        }

        if (!strict.HasEnvironments || strict.Environments.All(selected => selected.Config is not null))
        {
            return strict;
        }

        var lenient = TryLoadWithPlaceholders(path, environment, requested)?.Environments ?? [];
        return strict with
        {
            Environments =
            [
                .. strict.Environments.Select(selected => selected.Config is null
                    && lenient.FirstOrDefault(other => other.Name == selected.Name)?.Config is { } config
                    && Covered(selected.Errors, config)
                        ? selected with { Config = config, Errors = [] }
                        : selected),
            ],
        };
    }

    private static ConfigSelection? TryLoadWithPlaceholders(string path, Func<string, string?> environment, IReadOnlyCollection<string> requested)
    {
        try
        {
            // Loopback and one path per variable: a valid URL, and never one site for two variables.
            return ConfigLoader.LoadSelection(path, name => environment(name) ?? $"http://127.0.0.1/stand-in/{name}", requested);
        }
        catch (ConfigurationException)
        {
            return null;
        }
    }

    /// <summary>Every error is at a key whose value the sandbox replaces.</summary>
    private static bool Covered(IReadOnlyList<ConfigDiagnostic> errors, IdentityConfig config)
    {
        var replaced = ReplacedKeys.Select(config.Source.Find).OfType<SourceLocation>().ToHashSet();
        return errors.Count > 0 && errors.All(error => replaced.Contains(error.Location));
    }

    private IdentityConfig StandIn(IdentityConfig config) => config with
    {
        Creatio = config.Creatio with
        {
            Url = creatioUrl,
            Runtime = config.Creatio.Runtime == CreatioRuntime.Auto ? CreatioRuntime.Auto : runtime,
            Username = ready.CreatioUsername,
            Password = new Secret(ready.CreatioPassword),
            Tls = TlsOptions.Default,
        },
        IdentityService = new IdentityServiceOptions(identityServiceUrl, ready.ClientId, new Secret(ready.ClientSecret)),
        AllowInsecureHttp = false,
    };

    /// <summary>One line per site, naming only what differs (examples/sandbox.yml has nothing to replace).</summary>
    private void Say(string? name, IdentityConfig config)
    {
        List<string> parts = [];
        if (config.Creatio.Url != creatioUrl)
        {
            parts.Add($"Creatio {config.Creatio.Url.AbsoluteUri} → {creatioUrl.AbsoluteUri}");
        }

        if (config.IdentityService.Url != identityServiceUrl)
        {
            parts.Add($"Identity Service {config.IdentityService.Url.AbsoluteUri} → {identityServiceUrl.AbsoluteUri}");
        }

        if (config.Creatio.Runtime is not CreatioRuntime.Auto && config.Creatio.Runtime != runtime)
        {
            parts.Add($"creatio.runtime {Runtime(config.Creatio.Runtime)} → {Runtime(runtime)} (--sandbox-runtime {Runtime(config.Creatio.Runtime)} plays the other)");
        }

        if (parts.Count > 0)
        {
            parts.Add("user, password, client id and secret → the sandbox's");
        }

        string[] setAside =
        [
            .. config.Creatio.Tls == TlsOptions.Default ? [] : new[] { ConfigPaths.Creatio.Tls.Section },
            .. config.IdentityService.Tls == TlsOptions.Default ? [] : new[] { ConfigPaths.IdentityService.Tls.Section },
            .. config.IdentityService.TokenEndpointHosts.Count == 0 ? [] : new[] { ConfigPaths.IdentityService.TokenEndpointHosts },
            .. config.AllowInsecureHttp ? new[] { ConfigPaths.AllowInsecureHttp } : [],
        ];
        if (setAside.Length > 0)
        {
            parts.Add($"set aside (nothing of them applies to the sandbox on loopback): {string.Join(", ", setAside)}");
        }

        if (parts.Count > 0)
        {
            agent.Info($"The sandbox stands in for {(name is null ? "the file's site" : $"environment {name}")}: {string.Join("; ", parts)}.");
        }
    }

    private static string Runtime(CreatioRuntime value) => value == CreatioRuntime.NetFramework ? "netframework" : "net";
}
