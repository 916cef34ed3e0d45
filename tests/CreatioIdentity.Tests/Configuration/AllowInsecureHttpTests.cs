namespace CreatioIdentity.Tests.Configuration;

/// <summary>The password and the client secret never cross a network in clear unless the file says so.</summary>
public sealed class AllowInsecureHttpTests
{
    private static string Minimal(string creatioUrl, string identityUrl, string extra = "") =>
        extra + ConfigFixture.MinimalYaml
            .Replace("https://creatio.example.com", creatioUrl, StringComparison.Ordinal)
            .Replace("https://identity.example.com", identityUrl, StringComparison.Ordinal);

    public sealed class WhenItIsAbsent
    {
        [Theory]
        [InlineData("http://creatio.example.com", "https://identity.example.com", 3, "creatio.url is plain http to creatio.example.com", "the password")]
        [InlineData("https://creatio.example.com", "http://identity.example.com", 7, "identityService.url is plain http to identity.example.com", "identityService.clientSecret")]
        [InlineData("http://10.0.0.5:5000", "https://identity.example.com", 3, "plain http to 10.0.0.5", "allowInsecureHttp: true")]
        public void Should_Refuse_Plain_Http_To_Another_Host_At_The_Url(string creatioUrl, string identityUrl, int line, params string[] fragments)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(Minimal(creatioUrl, identityUrl));

            // Then
            ConfigFixture.AssertError(exception, line, 8, fragments);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000")]
        [InlineData("http://localhost:5000")]
        [InlineData("http://[::1]:5000")]
        public void Should_Accept_Plain_Http_To_This_Machine(string url)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse(Minimal(url, url));

            // Then
            Assert.False(config.AllowInsecureHttp);
            Assert.Empty(config.Warnings);
        }
    }

    public sealed class WhenItIsTrue
    {
        [Fact]
        public void Should_Accept_Plain_Http_With_A_Loud_Warning_At_Each_Url()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse(Minimal("http://creatio.example.com", "http://identity.example.com", "allowInsecureHttp: true\n"));

            // Then
            Assert.True(config.AllowInsecureHttp);
            Assert.Collection(
                config.Warnings,
                warning => Assert.Equal((4, 8, true), (warning.Location.Line, warning.Location.Column, warning.Message.StartsWith("INSECURE: creatio.url is plain http", StringComparison.Ordinal))),
                warning => Assert.Equal((8, 8, true), (warning.Location.Line, warning.Location.Column, warning.Message.StartsWith("INSECURE: identityService.url is plain http", StringComparison.Ordinal))));
        }

        [Fact]
        public void Should_Say_Nothing_When_Every_Url_Is_Https()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse("allowInsecureHttp: true\n" + ConfigFixture.MinimalYaml);

            // Then
            Assert.True(config.AllowInsecureHttp);
            Assert.Empty(config.Warnings);
        }
    }
}
