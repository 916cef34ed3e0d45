using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Reporting;

public sealed class MarkdownTextTests
{
    public sealed class TheCodeMethod
    {
        [Theory]
        [InlineData("plain", "`plain`")]
        [InlineData("a `tick` inside", "``a `tick` inside``")]
        [InlineData("``double``", "``` ``double`` ```")]
        [InlineData("`starts", "`` `starts ``")]
        [InlineData(" both ends ", "`both ends`")]
        [InlineData("two\nlines", "`two lines`")]
        [InlineData("", "")]
        public void Should_Fence_The_Text_So_That_No_Backtick_Inside_Ends_It(string text, string expected)
        {
            Assert.Equal(expected, MarkdownText.Code(text));
        }

        [Fact]
        public void Should_Keep_Links_Images_Html_And_Mentions_From_Taking_Effect()
        {
            MarkdownAssert.DoesNothing("Creatio said " + MarkdownText.Code(CreatioIdentity.Sandbox.HostileText.Value));
        }
    }

    public sealed class TheCellMethod
    {
        [Theory]
        [InlineData("CreatioLogin", "CreatioLogin")]
        [InlineData("eu-prod", "`eu-prod`")]
        [InlineData("GH-1", "`GH-1`")]
        [InlineData("a | b\nc", "`a \\| b`<br>`c`")]
        public void Should_Write_An_Identifier_As_It_Is_And_Anything_Else_As_Code_Line_By_Line(string text, string expected)
        {
            Assert.Equal(expected, MarkdownText.Cell(text));
        }

        [Fact]
        public void Should_Keep_A_Table_Row_Whole_Whatever_The_Text()
        {
            // Given
            var table = $"| A | B |\n| --- | --- |\n| {MarkdownText.Cell(CreatioIdentity.Sandbox.HostileText.Value)} | {MarkdownText.CodeCell("x\\|y|z")} |\n";

            // Then
            MarkdownAssert.TablesKeepTheirColumns(table);
            MarkdownAssert.DoesNothing(table);
        }
    }
}
