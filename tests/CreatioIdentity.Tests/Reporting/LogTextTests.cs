using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Reporting;

public sealed class LogTextTests
{
    public sealed class TheCleanMethod
    {
        [Fact]
        public void Should_Make_Every_Line_Break_A_Line_Feed()
        {
            Assert.Equal("a\nb\nc\nd\ne\nf", LogText.Clean("a\r\nb\rc\u0085d\u2028e\u2029f"));
        }

        [Fact]
        public void Should_Show_Control_And_Bidirectional_Characters_As_Replacement_Characters_And_Keep_Tabs()
        {
            Assert.Equal("\uFFFD[31mred\uFFFD\t\uFFFDevil\uFFFD\uFFFD", LogText.Clean("\u001b[31mred\u0007\t\u202Eevil\u009b\u007f"));
        }
    }

    public sealed class ThePrintableMethod
    {
        [Fact]
        public void Should_Not_Let_Cleaning_Put_A_Secret_Back_Together()
        {
            // Given: a secret with a line feed, quoted with CR LF
            var masker = new SecretMasker();
            masker.Add("line one\nline two");

            // When
            var printable = LogText.Printable("said: line one\r\nline two", masker);

            // Then
            Assert.Equal("said: ***", printable);
        }
    }

    public sealed class TheNeutralizeMethod
    {
        [Theory]
        [InlineData("::error::pwned", ":\u200B:error::pwned")]
        [InlineData("   ::set-output name=x::y", "   :\u200B:set-output name=x::y")]
        [InlineData("text ##[error]pwned", "text #\u200B#[error]pwned")]
        [InlineData("##[group]pwned", "#\u200B#[group]pwned")]
        [InlineData("text ##vso[task.complete result=Succeeded;]", "text #\u200B#vso[task.complete result=Succeeded;]")]
        [InlineData("text ##VSO[task.setvariable variable=x]y", "text #\u200B#vso[task.setvariable variable=x]y")]
        [InlineData("a :: in the middle", "a :: in the middle")]
        public void Should_Break_What_A_Runner_Would_Execute_And_Nothing_Else(string line, string expected)
        {
            Assert.Equal(expected, LogText.Neutralize(line));
        }
    }
}
