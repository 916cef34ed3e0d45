using System.Net;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>Each runtime's prefix, its anonymous answers (clio's runtime detection), and a site that answers both prefixes.</summary>
public static class RuntimePrefixTests
{
    [Collection(SandboxGroup.Name)]
    public sealed class TheServicePrefix
    {
        [Theory]
        [InlineData(SandboxRuntime.Net, "rest/FeatureService/GetFeaturesInfo", HttpStatusCode.OK)]
        [InlineData(SandboxRuntime.Net, "0/rest/FeatureService/GetFeaturesInfo", HttpStatusCode.NotFound)]
        [InlineData(SandboxRuntime.NetFramework, "0/rest/FeatureService/GetFeaturesInfo", HttpStatusCode.OK)]
        [InlineData(SandboxRuntime.NetFramework, "rest/FeatureService/GetFeaturesInfo", HttpStatusCode.NotFound)]
        public async Task Should_Serve_Services_Only_Under_The_Runtime_Prefix(SandboxRuntime runtime, string path, HttpStatusCode expected)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            using var response = await client.SendAsync(HttpMethod.Post, path, new { }, withPrefix: false);

            // Then
            Assert.Equal(expected, response.StatusCode);
        }

        [Theory]
        [InlineData(SandboxRuntime.Net)]
        [InlineData(SandboxRuntime.NetFramework)]
        public async Task Should_Serve_Login_At_The_Site_Root_On_Both_Runtimes(SandboxRuntime runtime)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
            using var client = new CreatioTestClient(sandbox);

            // When
            using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);

            // Then
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(client.Cookie(".ASPXAUTH"));
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheAnonymousAnswers
    {
        [Theory]
        [InlineData(SandboxRuntime.Net, "Login/Login.html", "\"bootstrap.login\"")]
        [InlineData(SandboxRuntime.NetFramework, "0/Login/NuiLogin.aspx", "/Login/")]
        public async Task Should_Serve_The_Runtimes_Login_Page_And_Ping_Without_A_Session(SandboxRuntime runtime, string page, string marker)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
            using var client = new CreatioTestClient(sandbox);

            // When
            using var loginPage = await client.Http.GetAsync(page);
            using var ping = await client.GetAsync("api/HealthCheck/Ping");

            // Then
            Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
            Assert.Equal("text/html", loginPage.Content.Headers.ContentType!.MediaType);
            Assert.Contains(marker, await loginPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        }

        [Fact]
        public async Task Should_Answer_The_Other_Runtimes_Probes_With_404_Or_A_Redirect()
        {
            // Given
            await using var net = await SandboxHost.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.Net });
            await using var netFramework = await SandboxHost.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.NetFramework });
            using var netClient = new CreatioTestClient(net);
            using var frameworkClient = new CreatioTestClient(netFramework);

            // When
            using var netZeroPing = await netClient.Http.GetAsync("0/api/HealthCheck/Ping");
            using var netZeroPage = await netClient.Http.GetAsync("0/Login/NuiLogin.aspx");
            using var frameworkRootPing = await frameworkClient.Http.GetAsync("api/HealthCheck/Ping");
            using var frameworkRootPage = await frameworkClient.Http.GetAsync("Login/Login.html");
            using var frameworkZeroLogin = await frameworkClient.Http.PostAsync("0/ServiceModel/AuthService.svc/Login", CreatioTestClient.Json(new { }));

            // Then
            Assert.Equal(HttpStatusCode.NotFound, netZeroPing.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, netZeroPage.StatusCode);
            Assert.Equal(HttpStatusCode.Found, frameworkRootPing.StatusCode);
            Assert.StartsWith("/0/Login/NuiLogin.aspx", frameworkRootPing.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, frameworkRootPage.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, frameworkZeroLogin.StatusCode);
        }

        [Fact]
        public async Task Should_Answer_Some_Routes_On_Both_Prefixes_When_Told()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.Net, BothPrefixes = true });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            using var ping = await client.Http.GetAsync("0/api/HealthCheck/Ping");
            using var service = await client.SendAsync(HttpMethod.Post, "0/rest/FeatureService/GetFeaturesInfo", new { }, withPrefix: false);
            using var page = await client.Http.GetAsync("0/Login/NuiLogin.aspx");

            // Then
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
            Assert.Equal(HttpStatusCode.OK, service.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
    }
}
