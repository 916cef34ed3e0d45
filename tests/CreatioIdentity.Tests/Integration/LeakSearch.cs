using System.Text.Json.Nodes;
using CreatioIdentity.Tests.Configuration;
using CreatioIdentity.Tests.GitHub;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// Searches texts for secrets in every spelling a server, a proxy or a library gives them
/// (<see cref="SecretSpellings"/>, base64 at any offset included). The only lines allowed to carry
/// a secret are the registrations that hand it to the runner's log masking (the runner consumes them).
/// </summary>
internal static class LeakSearch
{
    /// <summary>"where holds secret #n as spelling" for each leak found.</summary>
    public static IEnumerable<string> Leaks(IEnumerable<(string Where, string Text)> texts, IReadOnlyList<string> secrets)
    {
        foreach (var (where, text) in texts)
        {
            foreach (var line in text.Split('\n').Where(line => !IsMaskRegistration(line)))
            {
                for (var i = 0; i < secrets.Count; i++)
                {
                    if (SecretSpellings.FoundIn(line, secrets[i]) is { } spelling)
                    {
                        yield return $"{where} holds secret #{i + 1} ({Describe(secrets[i])}) {spelling}";
                    }
                }
            }
        }
    }

    public static bool IsMaskRegistration(string line) =>
        line.StartsWith("::add-mask::", StringComparison.Ordinal) || line.StartsWith("##vso[task.setsecret]", StringComparison.Ordinal)
        || (line.StartsWith("##vso[task.setvariable ", StringComparison.Ordinal) && line.Contains(";issecret=true;", StringComparison.Ordinal));

    /// <summary>Every file under a folder but the YAML files the test wrote (which may hold a literal secret on purpose).</summary>
    public static IEnumerable<(string Where, string Text)> FilesUnder(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(path => !path.EndsWith(".yml", StringComparison.Ordinal))
                .Select(path => (Path.GetRelativePath(directory, path), File.ReadAllText(path)))
            : [];

    /// <summary>What GitHub received: every request body, as sent and as every string in it reads once parsed.</summary>
    public static IEnumerable<(string Where, string Text)> SentTo(GitHubStandIn gitHub) =>
        gitHub.Requests.Where(request => request.Body is not null).SelectMany(request =>
            new[] { request.Body!.ToJsonString() }.Concat(Strings(request.Body!)).Select(text => ($"GitHub {request.Method} {request.Path}", text)));

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject json => json.Select(property => property.Value).OfType<JsonNode>().SelectMany(Strings),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    // A secret is never printed by the search either: its length and first character say which it is.
    private static string Describe(string secret) => $"{secret.Length} characters, starting '{secret[0]}'";
}
