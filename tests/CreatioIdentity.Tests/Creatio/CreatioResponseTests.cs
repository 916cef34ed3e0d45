using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

public sealed class CreatioResponseTests
{
    private static CreatioResponse Answer(string body, int status = 200, string? mediaType = "application/json") =>
        new(CreatioRoutes.QuerySysSettings, status, mediaType, body);

    public sealed class TheResultMethod
    {
        [Theory]
        [InlineData("""{"QuerySysSettingsResult":[{"Code":"A"}]}""")]
        [InlineData("""{"d":[{"Code":"A"}]}""")]
        [InlineData("""[{"Code":"A"}]""")]
        public void Should_Read_A_Wrapped_Or_A_Bare_Result(string body)
        {
            // When
            var result = Answer(body).Result("QuerySysSettingsResult");

            // Then
            Assert.Equal("A", result[0].GetProperty("Code").GetString());
        }

        [Fact]
        public void Should_Say_What_Came_Back_When_The_Body_Is_Not_Json()
        {
            // When
            var exception = Assert.Throws<CreatioException>(() => Answer("Service unavailable", 200, "text/plain").Result());

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Contains("Service unavailable", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheExcerptMethod
    {
        [Fact]
        public void Should_Quote_The_Start_Of_An_Answer_On_One_Line()
        {
            // When
            var excerpt = Answer("<html>\r\n<body>Proxy error</body></html>", 502, "text/html").Excerpt();

            // Then
            Assert.Equal("<html> <body>Proxy error</body></html>", excerpt);
        }

        [Theory]
        [InlineData("ServiceModel/AuthService.svc/Login")]
        [InlineData("DataService/json/SyncReply/PostSysSettingsValues")]
        public void Should_Never_Quote_The_Answer_To_A_Request_That_Carried_A_Secret(string path)
        {
            // Given: a server that echoes the request it refuses
            var route = path.Contains("Login", StringComparison.Ordinal) ? CreatioRoutes.Login : CreatioRoutes.PostSysSettingsValues;
            var answer = new CreatioResponse(route, 400, "application/json", """{"Message":"Bad request: {\"UserPassword\":\"s3cret\"}"}""");

            // When
            var excerpt = answer.Excerpt();
            var notUnderstood = answer.NotUnderstood("no Code").Message;

            // Then
            Assert.Equal(route.Path, path);
            Assert.DoesNotContain("s3cret", excerpt, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", notUnderstood, StringComparison.Ordinal);
            Assert.Contains("HTTP 400", notUnderstood, StringComparison.Ordinal);
            Assert.Contains("not quoted", notUnderstood, StringComparison.Ordinal);
        }
    }

    public sealed class TheQuoteLength
    {
        [Theory]
        [InlineData(200, false)]
        [InlineData(201, true)]
        public void Should_Quote_At_Most_200_Characters(int length, bool cut)
        {
            // Given
            var body = new string('x', length);

            // When
            var excerpt = Answer(body, 500, "text/plain").Excerpt();

            // Then
            Assert.Equal(cut ? new string('x', 200) + "…" : body, excerpt);
        }

        [Theory]
        [InlineData("")]
        [InlineData(" \r\n ")]
        public void Should_Say_The_Body_Was_Empty(string body)
        {
            // When
            var failure = Answer(body, 503, "text/plain").Failed("Try again later.");

            // Then
            Assert.Equal("Creatio answered DataService/json/SyncReply/QuerySysSettings with HTTP 503: <empty body>. Try again later.", failure.Message);
        }

        [Fact]
        public void Should_Read_An_Empty_Body_As_Null()
        {
            // When
            var json = Answer(string.Empty).Json();

            // Then
            Assert.Equal(System.Text.Json.JsonValueKind.Null, json.ValueKind);
        }
    }

    public sealed class TheStatus
    {
        [Theory]
        [InlineData(199, false)]
        [InlineData(200, true)]
        [InlineData(299, true)]
        [InlineData(300, false)]
        public void Should_Count_Only_2xx_As_Success(int status, bool success) =>
            Assert.Equal(success, Answer("{}", status).IsSuccess);

        [Theory]
        [InlineData(302, "https://creatio.example.com/0/Login/NuiLogin.aspx?ReturnUrl=%2f0%2f", true)]
        [InlineData(301, "https://creatio.example.com/Login/Login.html", true)]
        [InlineData(300, "/0/Login/NuiLogin.aspx", true)]
        [InlineData(399, "/Login/Login.html", true)]
        [InlineData(400, "/Login/Login.html", false)]
        [InlineData(200, "/Login/Login.html", false)]
        [InlineData(302, "https://creatio.example.com/0/Shell/", false)]
        [InlineData(302, null, false)]
        public void Should_Take_Only_A_Redirect_To_The_Login_Page_For_An_Expired_Session(int status, string? location, bool toLogin)
        {
            // Given
            var answer = new CreatioResponse(CreatioRoutes.SelectQuery, status, "text/html", string.Empty, location is null ? null : new Uri(location, UriKind.RelativeOrAbsolute));

            // Then
            Assert.Equal(toLogin, answer.IsRedirectToLogin);
        }
    }

    public sealed class TheIsHtmlProperty
    {
        [Theory]
        [InlineData("<!DOCTYPE html><html>login</html>", "text/html")]
        [InlineData("  <html>", null)]
        public void Should_Recognise_A_Login_Page(string body, string? mediaType) =>
            Assert.True(Answer(body, 200, mediaType).IsHtml);
    }

    public sealed class TheMessages
    {
        [Fact]
        public void Should_Say_In_Full_That_A_Body_Is_Not_Json()
        {
            // When
            var exception = Assert.Throws<CreatioException>(() => Answer("Service unavailable", 200, "text/plain").Json());

            // Then
            Assert.Equal(
                "Creatio answered DataService/json/SyncReply/QuerySysSettings with HTTP 200 that was not understood (the body is not JSON): Service unavailable. "
                + "Check that the URL points at the Creatio site root and that this Creatio version has the service.",
                exception.Message);
        }

        [Fact]
        public void Should_Say_Why_The_Answer_To_A_Secret_Is_Not_Quoted()
        {
            // Given
            var answer = new CreatioResponse(CreatioRoutes.PostSysSettingsValues, 500, "application/json", """{"Message":"s3cret"}""");

            // When
            var failed = answer.Failed("Look at Creatio's error log.");
            var notUnderstood = answer.NotUnderstood("no \"success\"");

            // Then
            Assert.Equal(
                "Creatio answered DataService/json/SyncReply/PostSysSettingsValues with HTTP 500 (the answer is not quoted, as the request carried a secret). Look at Creatio's error log.",
                failed.Message);
            Assert.Equal(
                "Creatio answered DataService/json/SyncReply/PostSysSettingsValues with HTTP 500 that was not understood (no \"success\") (the answer is not quoted, as the request carried a secret). "
                + "Check that the URL points at the Creatio site root and that this Creatio version has the service.",
                notUnderstood.Message);
            Assert.Equal(CreatioFailure.HttpStatus, failed.Failure);
            Assert.Equal(CreatioFailure.UnexpectedAnswer, notUnderstood.Failure);
        }

        [Fact]
        public void Should_End_Without_A_Space_When_There_Is_No_Remedy() =>
            Assert.Equal("Creatio answered DataService/json/SyncReply/QuerySysSettings with HTTP 502: Bad gateway.", Answer("Bad gateway", 502, "text/plain").Failed(string.Empty).Message);
    }
}
