namespace CreatioIdentity.Configuration;

/// <summary>
/// The YAML key paths the engine names outside the readers: what a check points at (reporters turn it
/// into file:line:column with <see cref="ConfigSource.Locate"/>) and what a message or a change quotes.
/// Locate falls back to a parent, or to the top of the file, without a word, so a misspelt path would
/// only point at the wrong line; each path is therefore written here once, and a test holds every one
/// of them against schema/creatio-identity.schema.json. Paths are those of one site: under
/// <c>environments:</c> the same keys live in each environment.
/// </summary>
public static class ConfigPaths
{
    public const string AllowInsecureHttp = "allowInsecureHttp";

    public static class Creatio
    {
        public const string Section = "creatio";
        public const string Url = "creatio.url";
        public const string Runtime = "creatio.runtime";
        public const string Username = "creatio.username";
        public const string Password = "creatio.password";

        public static class Tls
        {
            public const string Section = "creatio.tls";
            public const string CaCertificate = "creatio.tls.caCertificate";
            public const string InsecureSkipVerify = "creatio.tls.insecureSkipVerify";
        }
    }

    public static class IdentityService
    {
        public const string Section = "identityService";
        public const string Url = "identityService.url";
        public const string ClientId = "identityService.clientId";
        public const string ClientSecret = "identityService.clientSecret";
        public const string TokenEndpointHosts = "identityService.tokenEndpointHosts";

        public static class Tls
        {
            public const string Section = "identityService.tls";
            public const string CaCertificate = "identityService.tls.caCertificate";
            public const string InsecureSkipVerify = "identityService.tls.insecureSkipVerify";
        }
    }

    public static class Features
    {
        public const string Section = "features";

        /// <summary>One feature of <c>features:</c>, by its code.</summary>
        public static string Entry(string code) => $"{Section}.{code}";
    }

    public static class Settings
    {
        public const string Section = "settings";

        /// <summary>One system setting of <c>settings:</c>, by its code.</summary>
        public static string Entry(string code) => $"{Section}.{code}";
    }

    public static class OAuthApps
    {
        public const string Section = "oauthApps";

        /// <summary>One app of <c>oauthApps:</c>, by its name.</summary>
        public static string Entry(string name) => $"{Section}.{name}";
    }
}
