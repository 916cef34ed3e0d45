namespace CreatioIdentity.Tests.Commands;

public sealed class ExitCodesTests
{
    public sealed class TheWorstMethod
    {
        [Theory]
        [InlineData(new[] { 0, 0 }, 0)]
        [InlineData(new[] { 0, 2 }, 2)]
        [InlineData(new[] { 2, 1, 0 }, 1)]
        [InlineData(new[] { 1, 3, 2 }, 3)]
        [InlineData(new int[0], 0)]
        public void Should_Rank_Invalid_Over_Red_Over_Pending_Over_Green(int[] codes, int worst)
        {
            // Given, When
            var result = ExitCodes.Worst(codes);

            // Then
            Assert.Equal(worst, result);
        }
    }
}
