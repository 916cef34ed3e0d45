using System.Text;

namespace CreatioIdentity.Tests.BadInput;

/// <summary>Every kind of bad file the issue lists, and the error each must give.</summary>
public static class BadInputCorpus
{
    private const string UrlWithPassword = "Hunter2-in-the-url";

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        // Not YAML at all, or not what YAML allows.
        BadInputCase.Edit("an unclosed flow sequence", "  username: ${CREATIO_USERNAME}", "  username: [Supervisor, Admin", 5, 3, "not valid YAML"),
        BadInputCase.Edit("an unclosed quote", "  username: ${CREATIO_USERNAME}", "  username: \"Supervisor", 4, 13, "not valid YAML"),
        BadInputCase.Edit("a key without a value separator", "  username: ${CREATIO_USERNAME}", "  username ${CREATIO_USERNAME}\n  oops", 4, 3, "not valid YAML"),
        BadInputCase.Text("two YAML documents", BadInputFixture.ValidYaml + "---\nversion: 1\n", 11, 1, "more than one YAML document"),
        BadInputCase.Edit("a tab as the indentation of a key", "  username: ${CREATIO_USERNAME}", "\tusername: ${CREATIO_USERNAME}", 4, 1, "tab is used for indentation", "spaces"),
        BadInputCase.Edit("a tab after spaces in the indentation", "  password: ${CREATIO_PASSWORD}", "  \tpassword: ${CREATIO_PASSWORD}", 5, 3, "tab is used for indentation"),

        // Keys.
        BadInputCase.Edit("a duplicate key", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  username: Admin", 6, 3, "the key 'username' is written twice", "first at line 4"),
        BadInputCase.Text("a duplicate section", BadInputFixture.ValidYaml + "creatio:\n  url: https://other.example.com\n", 10, 1, "the key 'creatio' is written twice", "first at line 2"),
        BadInputCase.Edit("a duplicate key in a flow mapping", "  url: ${IDENTITY_URL}", "  url: ${IDENTITY_URL}\nfeatures: {OAuth20Integration: true, OAuth20Integration: false}", 8, 38, "the key 'OAuth20Integration' is written twice"),
        BadInputCase.Edit("an unknown key", "  username:", "  usernme:", 4, 3, "unknown key 'usernme' in creatio", "did you mean 'username'?"),
        BadInputCase.Edit("an unknown top-level key", "identityService:", "identitySevice:", 6, 1, "unknown key 'identitySevice'", "did you mean 'identityService'?"),
        BadInputCase.Edit("a misspelt allowInsecureHttp", "version: 1", "version: 1\nallowInsecureHtp: true", 2, 1, "unknown key 'allowInsecureHtp'", "did you mean 'allowInsecureHttp'?"),

        // Wrong types.
        BadInputCase.Edit("text for a number", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: soon", 6, 19, "creatio.timeoutSeconds must be a positive whole number of seconds", "not 'soon'"),
        BadInputCase.Edit("a list for a mapping", "identityService:\n", "features: [OAuth20Integration]\nidentityService:\n", 6, 11, "features must be a mapping", "not a list"),
        BadInputCase.Edit("a value for a section", "creatio:\n  url: ${CREATIO_URL}\n  username: ${CREATIO_USERNAME}\n  password: ${CREATIO_PASSWORD}\n", "creatio: https://creatio.example.com\n", 2, 10, "creatio must be a mapping", "not a single value"),
        BadInputCase.Edit("a word for true or false", "version: 1", "version: 1\nallowInsecureHttp: yes", 2, 20, "allowInsecureHttp must be true or false", "not 'yes'"),
        BadInputCase.Edit("a mapping as a key", "  username: ${CREATIO_USERNAME}", "  ? {a: 1}\n  : x\n  username: ${CREATIO_USERNAME}", 4, 5, "must be a plain name"),
        BadInputCase.Edit("version 2", "version: 1", "version: 2", 1, 10, "version must be 1"),

        // Whole-file problems.
        new("an empty file", [], 1, 1, ["the configuration file is empty"]),
        BadInputCase.Text("a file of comments and blank lines", "# nothing here\n\n   \n# still nothing\n", 1, 1, "the configuration file is empty"),
        BadInputCase.Text("a 10 MB file", string.Concat(Enumerable.Repeat("# padding padding padding padding padding padding padding padding padding padding\n", 128 * 1024)), 1, 1, "the configuration file is 10.", "at most 1 MB"),
        BadInputCase.Text("a billion laughs alias bomb", BadInputFixture.ValidYaml + BillionLaughs(), 10, 7, "'&a' is a YAML anchor", "does not take anchors or aliases"),
        BadInputCase.Edit("an alias as a value", "  username: ${CREATIO_USERNAME}", "  username: *user", 4, 13, "'*user' is a YAML alias"),
        BadInputCase.Edit("a merge key", "identityService:\n", "identityService:\n  <<: *defaults\n", 7, 7, "'*defaults' is a YAML alias"),
        BadInputCase.Text("a nesting bomb", BadInputFixture.ValidYaml + "settings: " + new string('[', 100_000) + new string(']', 100_000) + "\n", 10, 26, "nested more than 16 levels deep"),

        // Bytes and characters.
        new("invalid UTF-8 bytes", Bytes("  username: ${CREATIO_USERNAME}", "  username: Supervis\xFF\xFEor"), 4, 21, ["not valid UTF-8", "byte 0xFF", "byte offset"]),
        new("a Latin-1 file", Bytes("  username: ${CREATIO_USERNAME}", "  username: J\xFCrgen"), 4, 14, ["not valid UTF-8", "byte 0xFC"]),
        new("a UTF-16 file", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(BadInputFixture.ValidYaml)], 1, 1, ["UTF-16", "save it as UTF-8"]),
        BadInputCase.Edit("a bell character", "  username: ${CREATIO_USERNAME}", "  username: Super\avisor", 4, 18, "control character U+0007"),
        BadInputCase.Edit("a NUL character", "  username: ${CREATIO_USERNAME}", "  username: Super\0visor", 4, 18, "control character U+0000"),
        BadInputCase.Edit("an escape sequence in a comment", "version: 1", "version: 1 # \u001b[31mred", 1, 14, "control character U+001B"),
        BadInputCase.Edit("a control character written as an escape", "  username: ${CREATIO_USERNAME}", "  username: \"Super\\avisor\"", 4, 13, "control character U+0007", "written as an escape"),
        BadInputCase.Edit("a unicode escape of a control character", "  username: ${CREATIO_USERNAME}", "  username: \"Super\\u0007visor\"", 4, 13, "control character U+0007", "written as an escape"),
        BadInputCase.Edit("a bidirectional override written as an escape", "  url: ${CREATIO_URL}", "  url: \"https://creatio.example.com/\\u202Egro.live\"", 3, 8, "bidirectional text control U+202E", "written as an escape"),
        BadInputCase.Edit("a tab written as an escape", "  username: ${CREATIO_USERNAME}", "  username: \"Super\\tvisor\"", 4, 13, "control character U+0009", "written as an escape"),
        BadInputCase.Edit("a C1 control character", "  username: ${CREATIO_USERNAME}", "  username: Super\u0085visor", 4, 18, "control character U+0085"),
        BadInputCase.Edit("a bidirectional override", "  username: ${CREATIO_USERNAME}", "  username: Super\u202Evisor", 4, 18, "bidirectional text control U+202E"),
        BadInputCase.Edit("a byte order mark inside the text", "  username: ${CREATIO_USERNAME}", "  username: Super\uFEFFvisor", 4, 18, "byte order mark", "U+FEFF"),

        // URLs.
        BadInputCase.Edit("a URL with user and password", "  url: ${CREATIO_URL}", $"  url: https://admin:{UrlWithPassword}@creatio.example.com", 3, 8, "must not carry a user name or password", "creatio.username and creatio.password") with { Unsaid = [UrlWithPassword] },
        new("a URL with user and password from the environment", Encoding.UTF8.GetBytes(BadInputFixture.ValidYaml), 7, 8, ["identityService.url must not carry a user name or password"])
        {
            Environment = new Dictionary<string, string?> { ["IDENTITY_URL"] = $"https://client:{UrlWithPassword}@identity.example.com/" },
            Unsaid = [UrlWithPassword],
        },
        BadInputCase.Edit("plain http to another host", "  url: ${CREATIO_URL}", "  url: http://creatio.example.com", 3, 8, "plain http to creatio.example.com", "allowInsecureHttp: true"),
        BadInputCase.Edit("a relative URL", "  url: ${CREATIO_URL}", "  url: creatio.example.com", 3, 8, "must be an absolute http or https URL"),
        BadInputCase.Edit("a URL of another scheme", "  url: ${CREATIO_URL}", "  url: ftp://creatio.example.com", 3, 8, "must use http or https, not ftp"),

        // ${VAR}.
        new("an unset variable", Encoding.UTF8.GetBytes(BadInputFixture.ValidYaml), 5, 13, ["environment variable CREATIO_PASSWORD is not set"]) { Environment = new Dictionary<string, string?> { ["CREATIO_PASSWORD"] = null } },
        new("a variable set but empty", Encoding.UTF8.GetBytes(BadInputFixture.ValidYaml), 9, 17, ["must not be empty", "IDENTITY_CLIENT_SECRET is set but empty"]) { Environment = new Dictionary<string, string?> { ["IDENTITY_CLIENT_SECRET"] = string.Empty } },
        BadInputCase.Edit("an escaped reference", "  url: ${CREATIO_URL}", "  url: $${CREATIO_URL}", 3, 8, "must be an absolute http or https URL"),
        BadInputCase.Edit("a nested reference", "  username: ${CREATIO_USERNAME}", "  username: ${CREATIO_${USER}}", 4, 13, "does not name an environment variable"),
        BadInputCase.Edit("a shell reference without braces", "  username: ${CREATIO_USERNAME}", "  username: $CREATIO_USERNAME", 4, 13, "'$CREATIO_USERNAME' in creatio.username takes no environment variable", "write '${CREATIO_USERNAME}'"),
        BadInputCase.Edit("a misspelt required key", "  clientSecret:", "  clientSecrte:", 9, 3, "unknown key 'clientSecrte' in identityService", "did you mean 'clientSecret'?"),
        BadInputCase.Edit("the OAuth feature in another letter case", "  clientSecret: ${IDENTITY_CLIENT_SECRET}", "  clientSecret: ${IDENTITY_CLIENT_SECRET}\nfeatures:\n  oauth20integration: true", 11, 3, "feature codes are case-sensitive", "write 'OAuth20Integration'"),
        BadInputCase.Edit("an unterminated reference", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD", 5, 13, "without a closing '}'", "$${"),
        BadInputCase.Edit("an empty reference", "  username: ${CREATIO_USERNAME}", "  username: ${}", 4, 13, "does not name an environment variable"),
        BadInputCase.Edit("a reference starting with a digit", "  username: ${CREATIO_USERNAME}", "  username: ${1USER}", 4, 13, "'${1USER}'", "does not name an environment variable"),
        BadInputCase.Edit("a reference with a dash", "  username: ${CREATIO_USERNAME}", "  username: ${CREATIO-USER}", 4, 13, "does not name an environment variable"),
        new("a variable whose value holds a reference", Encoding.UTF8.GetBytes(BadInputFixture.ValidYaml), 3, 8, ["must be an absolute http or https URL"])
        {
            // The value is taken as it is, never expanded a second time, so ${HOST} stays literal and is no host.
            Environment = new Dictionary<string, string?> { ["CREATIO_URL"] = "https://${HOST}/", ["HOST"] = "creatio.example.com" },
        },
    ];

    public static TheoryData<string> Names() => [.. All.Select(@case => @case.Name)];

    public static BadInputCase Find(string name) => All.Single(@case => @case.Name == name);

    /// <summary>Nine levels of nine aliases each: a billion "lol"s if expanded.</summary>
    private static string BillionLaughs()
    {
        var lines = new StringBuilder("lol1: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 2; level <= 9; level++)
        {
            var previous = (char)('a' + level - 2);
            var anchor = (char)('a' + level - 1);
            lines.Append($"lol{level}: &{anchor} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        return lines.ToString();
    }

    /// <summary>The valid file with a line replaced by one holding raw bytes (each char below 256 is one byte).</summary>
    private static byte[] Bytes(string find, string replace)
    {
        var parts = BadInputFixture.ValidYaml.Split(find);
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. replace.Select(c => (byte)c), .. Encoding.UTF8.GetBytes(parts[1])];
    }
}
