using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>
/// ConfigPaths names the YAML keys the engine points at. ConfigSource.Locate falls back to a parent without
/// a word, so these tests are what stops a misspelt or outdated path: each must exist in the JSON Schema,
/// and no other key path may be written as a string anywhere in the engine.
/// </summary>
public sealed class ConfigPathsTests
{
    public static TheoryData<string> Paths() => [.. SchemaKeyPaths.DefinedBy(typeof(ConfigPaths))];

    public sealed class ThePaths
    {
        [Theory]
        [MemberData(nameof(Paths), MemberType = typeof(ConfigPathsTests))]
        public void Should_Exist_In_The_Schema_Wherever_A_Site_Is_Written(string path)
        {
            // Given
            var roots = SchemaKeyPaths.SiteRoots;

            // When
            var missing = roots.Where(root => !SchemaKeyPaths.Exists(root.Value, path)).Select(root => root.Key).ToList();

            // Then
            Assert.True(missing.Count == 0, $"{path} is not a key of the schema under {string.Join(", ", missing)}");
        }

        [Fact]
        public void Should_Name_Each_Entry_Under_Its_Section()
        {
            // Given, When
            string[] entries = [ConfigPaths.Features.Entry("OAuth20Integration"), ConfigPaths.Settings.Entry("UsrPortal"), ConfigPaths.OAuthApps.Entry("Erp")];

            // Then
            Assert.Equal(["features.OAuth20Integration", "settings.UsrPortal", "oauthApps.Erp"], entries);
        }

        [Fact]
        public void Should_Cover_Every_Section_Of_A_Site()
        {
            // Given
            var defined = SchemaKeyPaths.DefinedBy(typeof(ConfigPaths)).ToHashSet(StringComparer.Ordinal);

            // When
            var missing = SchemaKeyPaths.TopLevelKeys.Except(["version", "defaults", "environments"]).Where(key => !defined.Contains(key)).ToList();

            // Then
            Assert.Empty(missing);
        }
    }

    public sealed class TheSchemaCheck
    {
        [Theory]
        [InlineData("identityService.urll")]
        [InlineData("creatio.tls.caCert")]
        [InlineData("identityservice.url")]
        [InlineData("oauthApps.Erp.credentials.folder")]
        public void Should_Refuse_A_Path_The_Schema_Does_Not_Have(string path)
        {
            // Given
            var topLevel = SchemaKeyPaths.SiteRoots["the top level"];

            // When
            var exists = SchemaKeyPaths.Exists(topLevel, path);

            // Then
            Assert.False(exists, $"{path} was taken for a key of the schema");
        }

        [Theory]
        [InlineData("oauthApps.Erp.credentials.githubSecret.environment")]
        [InlineData("settings.UsrApiKey.secret")]
        [InlineData("identityService.tls.insecureSkipVerify")]
        public void Should_Follow_References_And_Entries(string path)
        {
            // Given
            var environment = SchemaKeyPaths.SiteRoots["an environment"];

            // When
            var exists = SchemaKeyPaths.Exists(environment, path);

            // Then
            Assert.True(exists, $"{path} was not found");
        }
    }

    public sealed class TheEngineSource
    {
        [Fact]
        public void Should_Write_No_Key_Path_As_A_String_Outside_ConfigPaths()
        {
            // Given
            var engine = RepositoryRoot.Combine("src", "CreatioIdentity");
            var sources = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj"]).Any())
                .Where(file => Path.GetFileName(file) != "ConfigPaths.cs");

            // When
            var found = sources
                .SelectMany(file => KeyPathLiterals.In(File.ReadAllText(file), SchemaKeyPaths.TopLevelKeys)
                    .Select(literal => $"{Path.GetRelativePath(engine, file)}:{literal.Line}: {literal.Literal}"))
                .ToList();

            // Then
            Assert.True(found.Count == 0, "write these through ConfigPaths:" + Environment.NewLine + string.Join(Environment.NewLine, found));
        }

        [Fact]
        public void Should_Name_Only_Keys_The_Schema_Has_In_Its_Messages()
        {
            // Given: every message that tells the user which key to change
            var engine = RepositoryRoot.Combine("src", "CreatioIdentity");
            var sources = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj"]).Any());
            var topLevel = SchemaKeyPaths.SiteRoots["the top level"];

            // When
            var unknown = sources
                .SelectMany(file => KeyPathMentions.In(File.ReadAllText(file), SchemaKeyPaths.TopLevelKeys)
                    .Where(mention => !SchemaKeyPaths.Exists(topLevel, mention.Path))
                    .Select(mention => $"{Path.GetRelativePath(engine, file)}:{mention.Line}: {mention.Path}"))
                .ToList();

            // Then
            Assert.True(unknown.Count == 0, "these messages name a key the schema does not have:" + Environment.NewLine + string.Join(Environment.NewLine, unknown));
        }

        [Theory]
        [InlineData("""$"Check identityService.url: {reason}" """, "identityService.url")]
        [InlineData("""$"creatio.runtime is auto, and {site} does not say" """, "creatio.runtime")]
        [InlineData("""Fail(id, "Set settings.UsrPortal.secret to true.")""", "settings.UsrPortal.secret")]
        public void Should_Find_A_Key_Path_A_Message_Names(string line, string path)
        {
            // Given, When
            var found = KeyPathMentions.In(line, SchemaKeyPaths.TopLevelKeys);

            // Then
            Assert.Equal(path, Assert.Single(found).Path);
        }

        [Theory]
        [InlineData("""$"Creatio at https://creatio.example.com refused {config.Creatio.Url}" """)]
        [InlineData("""// Check identityService.urll in a comment""")]
        [InlineData("""var count = settings.Count; Log("done.");""")]
        public void Should_Leave_Urls_Code_And_Comments_Alone(string line)
        {
            // Given, When
            var found = KeyPathMentions.In(line, SchemaKeyPaths.TopLevelKeys);

            // Then
            Assert.Empty(found);
        }

        [Theory]
        [InlineData("""CheckResult.Fail(id, message, "identityService.url");""")]
        [InlineData("""var path = "features." + code;""")]
        [InlineData("""outcome.Changed($"oauthApps.{app.Name}", "present", "deleted");""")]
        [InlineData("""new[] { "creatio.tls" },""")]
        public void Should_Find_A_Key_Path_Written_As_A_String(string line)
        {
            // Given, When
            var found = KeyPathLiterals.In(line, SchemaKeyPaths.TopLevelKeys);

            // Then
            Assert.Single(found);
        }

        [Theory]
        [InlineData("""Skip(id, "features: is empty; no feature was checked or changed.", path);""")]
        [InlineData("""$"creatio.runtime is auto, and {site} does not say" """)]
        [InlineData("""private const string CreatioClient = "creatio";""")]
        [InlineData("""/// dotted path such as "identityService.clientSecret" or "settings.SomeCode".""")]
        [InlineData("""var file = "creatio-identity.yml";""")]
        public void Should_Leave_Wording_Names_And_Comments_Alone(string line)
        {
            // Given, When
            var found = KeyPathLiterals.In(line, SchemaKeyPaths.TopLevelKeys);

            // Then
            Assert.Empty(found);
        }
    }
}
