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

    public sealed class TheIsHtmlProperty
    {
        [Theory]
        [InlineData("<!DOCTYPE html><html>login</html>", "text/html")]
        [InlineData("  <html>", null)]
        public void Should_Recognise_A_Login_Page(string body, string? mediaType) =>
            Assert.True(Answer(body, 200, mediaType).IsHtml);
    }
}
