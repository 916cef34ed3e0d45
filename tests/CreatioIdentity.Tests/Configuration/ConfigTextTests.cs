using System.Text;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>What the file must be before YAML reads it, and the position each complaint points at.</summary>
public sealed class ConfigTextTests
{
    private const string File = "creatio-identity.yml";

    public sealed class TheDecodeMethod
    {
        [Theory]
        [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 })]
        [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' })]
        public void Should_Refuse_A_UTF16_File_At_Its_Start(byte[] bytes)
        {
            // Given
            var errors = new List<ConfigDiagnostic>();

            // When
            var text = ConfigText.Decode(bytes, File, errors);

            // Then
            Assert.Null(text);
            var error = Assert.Single(errors);
            Assert.Equal((1, 1), (error.Location.Line, error.Location.Column));
            Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("ab\ncd", 2, 3, 5)]
        [InlineData("é", 1, 2, 2)]
        [InlineData("😀", 1, 3, 4)]
        public void Should_Point_At_The_First_Byte_That_Is_Not_UTF8(string before, int line, int column, int offset)
        {
            // Given: the text, then a byte no UTF-8 character starts with
            var bytes = Encoding.UTF8.GetBytes(before).Append((byte)0xFF).ToArray();
            var errors = new List<ConfigDiagnostic>();

            // When
            var text = ConfigText.Decode(bytes, File, errors);

            // Then
            Assert.Null(text);
            var error = Assert.Single(errors);
            Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
            Assert.Contains($"byte 0xFF at byte offset {offset}", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Drop_A_UTF8_Byte_Order_Mark()
        {
            // Given
            var errors = new List<ConfigDiagnostic>();

            // When
            var text = ConfigText.Decode([0xEF, 0xBB, 0xBF, (byte)'v', (byte)':'], File, errors);

            // Then
            Assert.Equal("v:", text);
            Assert.Empty(errors);
        }
    }

    public sealed class TheFindHiddenCharacterMethod
    {
        [Theory]
        [InlineData("a\u202Eb", 1, 2, "bidirectional")]
        [InlineData("a😀\u202Eb", 1, 4, "bidirectional")]
        [InlineData("x: 1\ny: \u0007", 2, 4, "control character U+0007")]
        [InlineData("\u0080", 1, 1, "control character")]
        [InlineData("\u009F", 1, 1, "control character")]
        [InlineData("\u007F", 1, 1, "control character")]
        [InlineData("\u202A", 1, 1, "bidirectional")]
        [InlineData("\u2066", 1, 1, "bidirectional")]
        [InlineData("\u2069", 1, 1, "bidirectional")]
        [InlineData("\u2028", 1, 1, "line separator")]
        [InlineData("a\uFEFF", 1, 2, "byte order mark")]
        public void Should_Name_The_Character_And_Where_It_Is(string text, int line, int column, string what)
        {
            // Given, When
            var error = ConfigText.FindHiddenCharacter(text, File);

            // Then
            Assert.NotNull(error);
            Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
            Assert.Contains(what, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Name_A_Broken_Surrogate_Pair()
        {
            // Given: built here, since a lone surrogate does not survive a test case's serialization
            string[] texts = ["a" + (char)0xD83D, "a" + (char)0xDE00 + "b", "a" + (char)0xDE00 + (char)0xD83D];

            // When
            var errors = texts.Select(text => ConfigText.FindHiddenCharacter(text, File)).ToList();

            // Then
            Assert.All(errors, error =>
            {
                Assert.NotNull(error);
                Assert.Equal((1, 2), (error.Location.Line, error.Location.Column));
                Assert.Contains("broken surrogate", error.Message, StringComparison.Ordinal);
            });
        }

        [Theory]
        [InlineData("key: value\twith a tab\r\n")]
        [InlineData("name: Ünïcödé 😀 \u00A0")]
        [InlineData("\u202F\u2065\u206A\u00A0")]
        [InlineData("\uFEFFversion: 1")]
        public void Should_Let_Text_Tabs_Line_Breaks_And_The_Neighbours_Of_Each_Refused_Range_Pass(string text)
        {
            // Given, When
            var error = ConfigText.FindHiddenCharacter(text, File);

            // Then
            Assert.Null(error);
        }
    }

    public sealed class TheDescribeInValueMethod
    {
        [Theory]
        [InlineData('\t', "the control character")]
        [InlineData('\r', "the control character")]
        [InlineData('\u0001', "the control character")]
        [InlineData('\u202E', "the bidirectional text control")]
        [InlineData('\uFEFF', "a byte order mark inside the text,")]
        public void Should_Name_A_Character_A_Value_Must_Not_Hold(char c, string what)
        {
            // Given, When
            var described = ConfigText.DescribeInValue(c);

            // Then
            Assert.Equal(what, described);
        }

        [Theory]
        [InlineData('\n')]
        [InlineData('a')]
        [InlineData(' ')]
        public void Should_Let_A_Line_Break_And_Visible_Text_Pass(char c)
        {
            // Given, When
            var described = ConfigText.DescribeInValue(c);

            // Then
            Assert.Null(described);
        }
    }

    public sealed class TheFindIndentationTabMethod
    {
        [Theory]
        [InlineData("a:\n\tb: 1", 2, 1)]
        [InlineData("a:\n  \tb: 1", 2, 3)]
        [InlineData("a:\n  b: 1\n\t c: 2", 3, 1)]
        public void Should_Point_At_The_Tab(string text, int line, int column)
        {
            // Given, When
            var error = ConfigText.FindIndentationTab(text, File, untilLine: 10);

            // Then
            Assert.NotNull(error);
            Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        }

        [Theory]
        [InlineData("a:\n\t# a comment\n  b: 1")]
        [InlineData("a:\n\t\n  b: 1")]
        [InlineData("a: x\tb")]
        public void Should_Let_A_Tab_That_Indents_Nothing_Pass(string text)
        {
            // Given, When
            var error = ConfigText.FindIndentationTab(text, File, untilLine: 10);

            // Then
            Assert.Null(error);
        }

        [Fact]
        public void Should_Look_No_Further_Than_The_Line_YAML_Stopped_At()
        {
            // Given
            var text = "a:\n  b: 1\n\tc: 2";

            // When
            var error = ConfigText.FindIndentationTab(text, File, untilLine: 2);

            // Then
            Assert.Null(error);
        }
    }

    public sealed class TheSizeMethod
    {
        [Theory]
        [InlineData(512, "0.5 KB")]
        [InlineData(1536, "1.5 KB")]
        [InlineData(1024 * 1024 - 1, "1024 KB")]
        [InlineData(1024 * 1024, "1 MB")]
        [InlineData(5 * 1024 * 1024 / 2, "2.5 MB")]
        public void Should_Say_The_Size_In_KB_Below_A_Megabyte_And_In_MB_From_It(long bytes, string expected)
        {
            // Given, When
            var size = ConfigText.Size(bytes);

            // Then
            Assert.Equal(expected, size);
        }
    }
}
