using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

public sealed class EnvironmentInterpolatorTests
{
    public sealed class TheInterpolateMethod
    {
        private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
        {
            ["HOST"] = "creatio.example.com",
            ["PORT"] = "8443",
            ["EMPTY"] = "",
        };

        private static InterpolationResult Interpolate(string text) =>
            EnvironmentInterpolator.Interpolate(text, name => Environment.GetValueOrDefault(name));

        [Theory]
        [InlineData("https://${HOST}/", "https://creatio.example.com/")]
        [InlineData("https://${HOST}:${PORT}", "https://creatio.example.com:8443")]
        [InlineData("${EMPTY}", "")]
        [InlineData("no reference", "no reference")]
        [InlineData("costs $5 or $ {HOST}", "costs $5 or $ {HOST}")]
        [InlineData("$${HOST}", "${HOST}")]
        [InlineData("a$${b}c", "a${b}c")]
        [InlineData("$${", "${")]
        [InlineData("$$HOST", "$HOST")]
        [InlineData("pa$$word", "pa$word")]
        [InlineData("$$_x and $$5", "$_x and $$5")]
        [InlineData("price: 5$", "price: 5$")]
        [InlineData("secret$$", "secret$$")]
        public void Should_Replace_References_And_Keep_Everything_Else(string text, string expected)
        {
            // Given, When
            var result = Interpolate(text);

            // Then
            Assert.Empty(result.Problems);
            Assert.Equal(expected, result.Value);
        }

        [Theory]
        [InlineData("$HOST", "HOST")]
        [InlineData("https://$HOST:8443/", "HOST")]
        [InlineData("pa$word", "word")]
        [InlineData("$_PRIVATE_1", "_PRIVATE_1")]
        public void Should_Report_A_Name_Without_Braces(string text, string name)
        {
            // Given, When
            var result = Interpolate(text);

            // Then: a shell's reference is a mistake here, not text
            Assert.Equal([new InterpolationProblem(InterpolationProblemKind.WithoutBraces, name)], result.Problems);
        }

        [Fact]
        public void Should_Take_A_Value_With_Dollars_As_It_Is()
        {
            // Given: a password with '$' in it, passed the way the file should take one
            var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PASSWORD"] = "pa$word${X}$$" };

            // When
            var result = EnvironmentInterpolator.Interpolate("${PASSWORD}", name => environment.GetValueOrDefault(name));

            // Then
            Assert.Empty(result.Problems);
            Assert.Equal("pa$word${X}$$", result.Value);
        }

        [Fact]
        public void Should_List_The_Variables_It_Took()
        {
            // Given, When
            var result = Interpolate("${HOST}:${PORT} $${LITERAL}");

            // Then
            Assert.Equal(["HOST", "PORT"], result.References);
        }

        [Fact]
        public void Should_Report_An_Unset_Variable_By_Name()
        {
            // Given, When
            var result = Interpolate("https://${MISSING}/");

            // Then
            Assert.Equal([new InterpolationProblem(InterpolationProblemKind.Unset, "MISSING")], result.Problems);
        }

        [Theory]
        [InlineData("${HOST")]
        [InlineData("https://${")]
        public void Should_Report_A_Reference_Without_Closing_Brace(string text)
        {
            // Given, When
            var result = Interpolate(text);

            // Then
            Assert.Equal(InterpolationProblemKind.Unterminated, Assert.Single(result.Problems).Kind);
        }

        [Theory]
        [InlineData("${}", "")]
        [InlineData("${1HOST}", "1HOST")]
        [InlineData("${HOST-NAME}", "HOST-NAME")]
        [InlineData("${ HOST }", " HOST ")]
        public void Should_Report_A_Reference_That_Is_No_Variable_Name(string text, string name)
        {
            // Given, When
            var result = Interpolate(text);

            // Then
            Assert.Equal([new InterpolationProblem(InterpolationProblemKind.InvalidName, name)], result.Problems);
        }
    }

    public sealed class TheUnexpandedMacroMethod
    {
        [Theory]
        [InlineData("$(A)", "A")]
        [InlineData("$(CREATIO_PASSWORD)", "CREATIO_PASSWORD")]
        [InlineData("$(_secret.v-2)", "_secret.v-2")]
        public void Should_Name_The_Variable_Azure_Left_Unexpanded(string value, string name)
        {
            // Given, When
            var found = EnvironmentInterpolator.UnexpandedMacro(value);

            // Then
            Assert.Equal(name, found);
        }

        [Theory]
        [InlineData("$()")]
        [InlineData("$(1A)")]
        [InlineData("$(A B)")]
        [InlineData("$(A")]
        [InlineData("x$(A)")]
        [InlineData("pa$(A)ss")]
        public void Should_Take_Any_Other_Value_For_What_It_Is(string value)
        {
            // Given, When
            var found = EnvironmentInterpolator.UnexpandedMacro(value);

            // Then
            Assert.Null(found);
        }
    }
}
