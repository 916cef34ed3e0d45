using System.Net;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox.Faults;

/// <summary>The faults that end a session or refuse its CSRF token, as each runtime answers them.</summary>
public static partial class FaultTests
{
    [Collection(SandboxGroup.Name)]
    public sealed class TheSessionExpiredFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_End_The_Session_For_Good_With_The_Runtimes_Answer_For_The_Route()
        {
            // Given
            Sandbox.Faults.Add(Fault.SessionExpired("QuerySysSettings"));

            // When
            using var expired = await Client.PostAsync(QuerySysSettings, Query);
            using var later = await Client.PostAsync("rest/FeatureService/GetFeatureState", new { code = "OAuth20Integration" });

            // Then: DataService redirects to the login page, a WCF service answers 401
            Assert.Equal(HttpStatusCode.Found, expired.StatusCode);
            Assert.StartsWith("/Login/Login.html?ReturnUrl=", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
            Assert.Empty(Sandbox.Faults.Armed);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheLoginPageFault
    {
        [Theory]
        [InlineData(SandboxRuntime.NetFramework, "/0/Login/NuiLogin.aspx")]
        [InlineData(SandboxRuntime.Net, "/Login/Login.html")]
        public async Task Should_Redirect_To_The_Runtimes_Html_Login_Page_And_End_The_Session(SandboxRuntime runtime, string loginPage)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            sandbox.Faults.Add(Fault.LoginPage("GetFeatureState"));

            // When
            using var redirect = await client.PostAsync("rest/FeatureService/GetFeatureState", new { code = "OAuth20Integration" });
            using var page = await client.Http.GetAsync(redirect.Headers.Location);
            using var later = await client.PostAsync(QuerySysSettings, Query);

            // Then
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            Assert.StartsWith(loginPage + "?ReturnUrl=", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.Found, later.StatusCode);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheCsrfRejectedFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Answer_403_While_The_Session_Stays_Valid()
        {
            // Given
            Sandbox.Faults.Add(Fault.CsrfRejected("QuerySysSettings"));

            // When
            using var rejected = await Client.PostAsync(QuerySysSettings, Query);
            using var next = await Client.PostAsync(QuerySysSettings, Query);

            // Then
            Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }
    }
}
