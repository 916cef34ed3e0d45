using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.Commands;

/// <summary>
/// Turns the file into the sites to run (through <paramref name="load"/>: as written, or with the
/// sandbox standing in) and opens the session folder they keep their logins in.
/// </summary>
internal sealed class ConfigLoading(
    IBuildAgent agent,
    Func<string, string?> environment,
    Func<string, Func<string, string?>, IReadOnlyCollection<string>, ConfigSelection> load)
{
    /// <summary>The selected sites, their secrets masked from here on; null when the file is invalid (said, recorded and published).</summary>
    public ConfigSelection? Load(Run run, string configPath, IReadOnlyCollection<string> environments)
    {
        ConfigSelection loaded;
        try
        {
            loaded = load(configPath, environment, environments);
        }
        catch (ConfigurationException exception)
        {
            new RunRecorder(run).Invalid(agent, exception.Errors, creatio: string.Empty);
            return null;
        }

        // Masked from here on, in every writer and agent, before anything can quote them.
        SecretMasker.Shared.Add(loaded.HasEnvironments
            ? loaded.Environments.SelectMany(selected => selected.Config?.SecretValues() ?? [])
            : loaded.Site!.SecretValues());
        return loaded;
    }

    /// <summary>The session folder; null when another user could read or swap it (said): no login may be kept there.</summary>
    public SessionCache? OpenSessions()
    {
        try
        {
            return SessionCache.FromEnvironment(environment);
        }
        catch (UnsafePathException exception)
        {
            agent.Error(exception.Message);
            return null;
        }
    }
}
