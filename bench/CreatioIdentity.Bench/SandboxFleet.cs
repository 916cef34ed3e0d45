using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Bench;

/// <summary>N fresh sandboxes (a Creatio simulator and an Identity Service each), all with the same latency.</summary>
internal sealed class SandboxFleet : IAsyncDisposable
{
    private SandboxFleet(IReadOnlyList<SandboxHost> sites) => Sites = sites;

    public IReadOnlyList<SandboxHost> Sites { get; }

    public static async Task<SandboxFleet> StartAsync(int count, TimeSpan latency, CancellationToken cancellationToken)
    {
        var sites = new List<SandboxHost>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                sites.Add(await SandboxHost.StartAsync(new SandboxOptions { Latency = latency }, cancellationToken));
            }

            return new SandboxFleet(sites);
        }
        catch
        {
            await new SandboxFleet(sites).DisposeAsync();
            throw;
        }
    }

    public int Requests => Sites.Sum(site => site.Creatio.Requests.Count);

    public int Logins => Sites.Sum(site => site.Creatio.LoginCount);

    public int Writes => Sites.Sum(site => site.Creatio.Writes.Count);

    public void ClearRecords()
    {
        foreach (var site in Sites)
        {
            site.Creatio.ClearRecord();
        }
    }

    /// <summary>The YAML of a many-sites file: one environment per sandbox, the credentials in defaults.</summary>
    public string Configuration()
    {
        var yaml = new System.Text.StringBuilder();
        yaml.AppendLine("version: 1");
        yaml.AppendLine("defaults:");
        yaml.AppendLine("  creatio:");
        yaml.AppendLine("    runtime: net");
        yaml.AppendLine("    username: ${CREATIO_USERNAME}");
        yaml.AppendLine("    password: ${CREATIO_PASSWORD}");
        yaml.AppendLine("  identityService:");
        yaml.AppendLine("    clientId: ${IDENTITY_CLIENT_ID}");
        yaml.AppendLine("    clientSecret: ${IDENTITY_CLIENT_SECRET}");
        yaml.AppendLine("environments:");
        for (var i = 0; i < Sites.Count; i++)
        {
            yaml.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  site-{i + 1:D2}:");
            yaml.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    creatio: {{ url: \"{Sites[i].CreatioUrl}\" }}");
            yaml.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    identityService: {{ url: \"{Sites[i].IdentityServiceUrl}\" }}");
        }

        return yaml.ToString();
    }

    /// <summary>The sandbox's throwaway credentials (the same on every site), as the file reads them.</summary>
    public Dictionary<string, string> Credentials()
    {
        var options = Sites[0].Options;
        return new()
        {
            ["CREATIO_USERNAME"] = options.CreatioUsername,
            ["CREATIO_PASSWORD"] = options.CreatioPassword,
            ["IDENTITY_CLIENT_ID"] = options.ClientId,
            ["IDENTITY_CLIENT_SECRET"] = options.ClientSecret,
        };
    }

    /// <summary>True when every site holds the connected state: feature on, settings right, resource registered.</summary>
    public bool AllConnected() => Sites.All(site =>
        site.Creatio.GetFeatureState("OAuth20Integration")
        && site.Creatio.GetSetting("OAuth20IdentityServerUrl") is { } url
        && url.TrimEnd('/') == site.IdentityServiceUrl.AbsoluteUri.TrimEnd('/')
        && site.Creatio.GetSetting("OAuth20IdentityServerClientId") == site.Options.ClientId
        && site.Creatio.DefaultResourceRegistered);

    public async ValueTask DisposeAsync()
    {
        foreach (var site in Sites)
        {
            await site.DisposeAsync();
        }
    }
}
