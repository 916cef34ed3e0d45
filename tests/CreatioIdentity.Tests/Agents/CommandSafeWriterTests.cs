using CreatioIdentity.Agents;

namespace CreatioIdentity.Tests.Agents;

public sealed class CommandSafeWriterTests
{
    public sealed class TheWriteMethod
    {
        [Fact]
        public void Should_End_A_Line_At_A_Carriage_Return_So_That_What_Follows_Is_Neutralised_Too()
        {
            // Given
            var inner = new StringWriter();
            using var writer = new CommandSafeWriter(inner);

            // When
            writer.Write("answer\r::error::pwned\r\n##vso[task.complete result=Succeeded;]\nlast ##[error]pwned\n");

            // Then
            Assert.Equal(
                "answer\n:\u200B:error::pwned\n#\u200B#vso[task.complete result=Succeeded;]\nlast #\u200B#[error]pwned\n",
                inner.ToString());
        }

        [Fact]
        public void Should_Write_The_Last_Open_Line_When_Closed()
        {
            // Given
            var inner = new StringWriter();
            using var writer = new CommandSafeWriter(inner);
            writer.Write("  ::warning::indented");

            // When
            writer.CloseLine();

            // Then
            Assert.Equal("  :\u200B:warning::indented\n", inner.ToString());
        }
    }
}
