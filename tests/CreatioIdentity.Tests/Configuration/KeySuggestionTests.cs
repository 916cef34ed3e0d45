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

        [Fact]
        public void Should_Take_The_First_Of_Two_Equally_Close_Keys()
        {
            // Given, When
            var suggestion = KeySuggestion.Closest("ab", ["ac", "ad"]);

            // Then
            Assert.Equal("ac", suggestion);
        }

        [Theory]
        [InlineData("usrnme", "username")]
        [InlineData("tmeoutSecnds", "timeoutSeconds")]
        public void Should_Allow_A_Third_Of_A_Long_Key_To_Be_Wrong(string written, string meant)
        {
            // Given, When
            var suggestion = KeySuggestion.Closest(written, CreatioKeys);

            // Then
            Assert.Equal(meant, suggestion);
        }
    }

    public sealed class TheDistanceMethod
    {
        [Theory]
        [InlineData("", "", 0)]
        [InlineData("abc", "", 3)]
        [InlineData("", "abc", 3)]
        [InlineData("abc", "abc", 0)]
        [InlineData("ab", "ba", 1)]
        [InlineData("SERIVCE", "SERVICE", 1)]
        [InlineData("abcd", "badc", 2)]
        [InlineData("kitten", "sitting", 3)]
        [InlineData("ca", "abc", 3)]
        public void Should_Count_Insertions_Deletions_Substitutions_And_Swapped_Neighbours(string a, string b, int expected)
        {
            // Given, When
            var distance = KeySuggestion.Distance(a, b);

            // Then
            Assert.Equal(expected, distance);
        }
    }
}
