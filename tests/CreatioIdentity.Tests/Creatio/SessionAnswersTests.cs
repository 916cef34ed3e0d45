using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>What Creatio's answer to a call with a session means (clio ReauthExecutor's forms of an expired session).</summary>
public sealed class SessionAnswersTests
{
    private static readonly Uri Site = new("https://creatio.example.com/");

    private static CreatioResponse Answer(int status, string mediaType = "application/json", string body = "{}", string? location = null) =>
        new(CreatioRoutes.SelectQuery, status, mediaType, body, location is null ? null : new Uri(location, UriKind.RelativeOrAbsolute));

    private static CreatioOptions Options(CreatioRuntime runtime) =>
        new(Site, runtime, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default);

    public sealed class TheIsSessionRejectedMethod
    {
        [Theory]
        [InlineData(401, "application/json", null, true)]
        [InlineData(403, "application/json", null, true)]
        [InlineData(302, "text/html", "/Login/Login.html", true)]
        [InlineData(302, "text/html", "/0/Shell/", true)]
        [InlineData(301, "text/html", "/0/Login/NuiLogin.aspx?ReturnUrl=%2f0%2f", true)]
        [InlineData(301, "text/html", "/0/Shell/", false)]
        [InlineData(307, "text/html", "/0/Shell/", false)]
        [InlineData(200, "text/html", null, true)]
        [InlineData(500, "text/html", null, false)]
        [InlineData(200, "application/json", null, false)]
        [InlineData(404, "application/json", null, false)]
        public void Should_Know_An_Expired_Session_In_Each_Form(int status, string mediaType, string? location, bool rejected) =>
            Assert.Equal(rejected, SessionAnswers.IsSessionRejected(Answer(status, mediaType, mediaType == "text/html" ? "<html></html>" : "{}", location)));
    }

    public sealed class TheJudgedMethod
    {
        [Fact]
        public void Should_Name_The_Csrf_Token_Or_The_Rights_For_A_403()
        {
            // When
            var exception = Assert.Throws<CreatioException>(() => SessionAnswers.Judged(Answer(403), Site, string.Empty, Options(CreatioRuntime.Net)));

            // Then
            Assert.Equal(CreatioFailure.Csrf, exception.Failure);
            Assert.Equal(
                "Creatio refused DataService/json/SyncReply/SelectQuery with HTTP 403 after a fresh login: the BPMCSRF token was rejected, or user 'Supervisor' lacks the rights for it (a system administrator is needed).",
                exception.Message);
        }

        [Theory]
        [InlineData(401, "application/json", null, "HTTP 401")]
        [InlineData(302, "text/html", "/0/Shell/", "HTTP 302, its login page")]
        [InlineData(302, "application/json", "/0/Shell/", "HTTP 302")]
        [InlineData(302, "application/json", "/Login/Login.html", "HTTP 302, its login page")]
        [InlineData(200, "text/html", null, "HTTP 200, its login page")]
        public void Should_Say_The_Session_Was_Not_Accepted_After_A_Fresh_Login(int status, string mediaType, string? location, string what)
        {
            // When
            var exception = Assert.Throws<CreatioException>(() =>
                SessionAnswers.Judged(Answer(status, mediaType, mediaType == "text/html" ? "<html></html>" : "{}", location), Site, string.Empty, Options(CreatioRuntime.Net)));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Equal(
                $"Creatio did not accept the session for DataService/json/SyncReply/SelectQuery ({what}) even after a fresh login: check that the user may use the web services.",
                exception.Message);
        }

        [Theory]
        [InlineData(CreatioRuntime.Auto, "0/", "https://creatio.example.com/0/DataService/json/SyncReply/SelectQuery): this Creatio version may not have it.")]
        [InlineData(CreatioRuntime.NetFramework, "0/", "https://creatio.example.com/0/DataService/json/SyncReply/SelectQuery): this Creatio version may not have it, or creatio.runtime is wrong.")]
        [InlineData(CreatioRuntime.Net, "", "https://creatio.example.com/DataService/json/SyncReply/SelectQuery): this Creatio version may not have it, or creatio.runtime is wrong.")]
        public void Should_Suspect_The_Runtime_Of_A_404_Only_When_It_Was_Configured(CreatioRuntime runtime, string prefix, string end)
        {
            // When
            var exception = Assert.Throws<CreatioException>(() => SessionAnswers.Judged(Answer(404), Site, prefix, Options(runtime)));

            // Then
            Assert.Equal(CreatioFailure.NotFound, exception.Failure);
            Assert.Equal("Creatio has no DataService/json/SyncReply/SelectQuery (HTTP 404 at " + end, exception.Message);
        }

        [Theory]
        [InlineData(200)]
        [InlineData(500)]
        [InlineData(400)]
        public void Should_Return_Any_Other_Answer_For_The_Caller_To_Judge(int status)
        {
            // Given
            var answer = Answer(status);

            // When
            var judged = SessionAnswers.Judged(answer, Site, string.Empty, Options(CreatioRuntime.Net));

            // Then
            Assert.Same(answer, judged);
        }
    }
}
