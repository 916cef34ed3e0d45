using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

public sealed class KeySuggestionTests
{
    public sealed class TheClosestMethod
    {
        private static readonly string[] CreatioKeys = ["url", "runtime", "username", "password", "timeoutSeconds", "tls"];

        [Theory]
        [InlineData("usrname", "username")]
        [InlineData("userName", "username")]
        [InlineData("URL", "url")]
        [InlineData("pasword", "password")]
        [InlineData("passowrd", "password")]
        [InlineData("timeout_seconds", "timeoutSeconds")]
        [InlineData("runtim", "runtime")]
        public void Should_Suggest_The_Key_A_Typo_Was_Meant_To_Be(string written, string meant)
        {
            // Given, When
            var suggestion = KeySuggestion.Closest(written, CreatioKeys);

            // Then
            Assert.Equal(meant, suggestion);
        }

        [Theory]
        [InlineData("proxy")]
        [InlineData("timeout")]
        [InlineData("x")]
        public void Should_Suggest_Nothing_When_No_Key_Is_Close(string written)
        {
            // Given, When
            var suggestion = KeySuggestion.Closest(written, CreatioKeys);

            // Then
            Assert.Null(suggestion);
        }
    }
}
