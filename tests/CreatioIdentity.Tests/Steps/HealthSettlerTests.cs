using System.Net;
using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>
/// Polling Creatio's health check until it is green or a red answer is final. The polls wait 0.25 s,
/// 0.5 s, 1 s, then 2 s; the windows below sit between those points, so that a slow machine moves
/// no answer across one.
/// </summary>
public sealed class HealthSettlerTests
{
    private const string HealthPath = "/api/OAuthHealthCheck";

    private sealed record Settled(HealthReading Reading, int Requests, IReadOnlyList<string> Progress);

    /// <summary>Settles on a Creatio that gives the answers in turn, the last one from then on.</summary>
    private static async Task<Settled> SettleAsync(double settleSeconds, double stableSeconds, params Func<HttpResponseMessage>[] answers)
    {
        var given = 0;
        var world = new StepWorld();
        world.Creatio.Answer(HealthPath, _ => answers[Math.Min(given++, answers.Length - 1)]());
        var tuning = new StepTuning(TimeSpan.FromSeconds(settleSeconds), TimeSpan.FromSeconds(stableSeconds), TimeSpan.FromSeconds(120));
        var reading = await world.Context(StepWorld.Config(), tuning).HealthSettler.SettleAsync(CancellationToken.None);
        return new Settled(reading, world.Creatio.Received.Count(request => request.Path == HealthPath), world.Progress);
    }

    private static Func<HttpResponseMessage> Json(string body) => () => CreatioFixture.Json(body);

    public sealed class TheSettleAsyncMethod
    {
        [Fact]
        public async Task Should_Take_A_Green_First_Answer_Without_Waiting()
        {
            // When
            var settled = await SettleAsync(10, 5, Json(StepWorld.Green));

            // Then
            Assert.True(settled.Reading.IsConnected);
            Assert.Null(settled.Reading.Failure);
            Assert.Equal(1, settled.Requests);
            Assert.Empty(settled.Progress);
        }

        [Fact]
        public async Task Should_Ask_Again_Until_Green_And_Say_What_It_Waits_For()
        {
            // When
            var settled = await SettleAsync(10, 5, Json(StepWorld.Unreachable), Json(StepWorld.NoToken), Json(StepWorld.Green));

            // Then
            Assert.True(settled.Reading.IsConnected);
            Assert.Equal(3, settled.Requests);
            Assert.Equal(2, settled.Progress.Count);
            Assert.StartsWith("Waiting for Creatio's health check to settle (attempt 2, ", settled.Progress[0], StringComparison.Ordinal);
            Assert.EndsWith(" s): settings ok, availability red, token red", settled.Progress[0], StringComparison.Ordinal);
            Assert.StartsWith("Waiting for Creatio's health check to settle (attempt 3, ", settled.Progress[1], StringComparison.Ordinal);
            Assert.EndsWith(" s): settings ok, availability ok, token red", settled.Progress[1], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Mark_A_Flag_Creatio_Did_Not_Send_And_A_Problem_No_Flag_Explains()
        {
            // When
            var settled = await SettleAsync(10, 5,
                Json("""{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsAccessTokenRetrievableForSystemActions":true}"""),
                Json(StepWorld.Unexplained),
                Json(StepWorld.Green));

            // Then
            Assert.EndsWith(" s): settings ok, availability ?, token ok", settled.Progress[0], StringComparison.Ordinal);
            Assert.EndsWith(" s): settings ok, availability ok, token ok, a problem no flag explains", settled.Progress[1], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Take_A_Red_Answer_That_Stays_The_Same_For_The_Stable_Window_As_Final()
        {
            // When: asked at 0, 0.25 and 0.75 s; the same red since 0 is final once 0.6 s have passed
            var settled = await SettleAsync(10, 0.6, Json(StepWorld.NoToken));

            // Then
            Assert.False(settled.Reading.IsConnected);
            Assert.False(settled.Reading.Answer!.IsAccessTokenRetrievableForSystemActions);
            Assert.InRange(settled.Requests, 2, 3);
        }

        [Fact]
        public async Task Should_Count_The_Stable_Window_From_The_Last_Change()
        {
            // When: asked at 0, 0.25, 0.75, 1.75, 3.75 and 5.75 s; the red changed at 1.75 s, so with a
            // window of 3 s it is final at 5.75 s (4 s after the change), not at 3.75 s (only 2 s after it,
            // though 3.75 s after the first answer). Each side of each comparison has 0.75 s to spare.
            var settled = await SettleAsync(10, 3, Json(StepWorld.Unreachable), Json(StepWorld.Unreachable), Json(StepWorld.Unreachable), Json(StepWorld.NoToken));

            // Then
            Assert.False(settled.Reading.Answer!.IsAccessTokenRetrievableForSystemActions);
            Assert.True(settled.Reading.Answer!.IsIdentityServiceAvailable);
            Assert.Equal(6, settled.Requests);
        }

        [Fact]
        public async Task Should_Stop_Asking_When_The_Next_Wait_Would_Pass_The_Settle_Timeout()
        {
            // When: a red that keeps changing, asked at 0, 0.25 and 0.75 s; the next wait would end at
            // 1.75 s, past 1.4 s (the waits before it end 0.65 s inside)
            var settled = await SettleAsync(1.4, 5, Json(StepWorld.Unreachable), Json(StepWorld.NoToken), Json(StepWorld.Unreachable), Json(StepWorld.NoToken));

            // Then
            Assert.Equal(3, settled.Requests);
            Assert.False(settled.Reading.Answer!.IsIdentityServiceAvailable);
        }

        [Fact]
        public async Task Should_Report_A_Creatio_Without_A_Health_Check_As_A_Finding()
        {
            // When
            var settled = await SettleAsync(10, 5, () => new HttpResponseMessage(HttpStatusCode.NotFound));

            // Then
            Assert.Null(settled.Reading.Answer);
            Assert.Equal(CreatioFailure.NotFound, settled.Reading.Failure?.Failure);
            Assert.Equal(OAuthHealthClient.MissingRouteRemedy, settled.Reading.Failure?.Message);
            Assert.False(settled.Reading.IsConnected);
        }

        [Fact]
        public async Task Should_Report_A_Health_Check_That_Disappears_While_Polling()
        {
            // When
            var settled = await SettleAsync(10, 5, Json(StepWorld.NoToken), () => new HttpResponseMessage(HttpStatusCode.NotFound));

            // Then
            Assert.Null(settled.Reading.Answer);
            Assert.Equal(CreatioFailure.NotFound, settled.Reading.Failure?.Failure);
            Assert.Equal(2, settled.Requests);
        }

        [Fact]
        public async Task Should_Let_Any_Other_Failure_Through()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() =>
                SettleAsync(10, 5, Json(StepWorld.NoToken), () => CreatioFixture.Json("{}", HttpStatusCode.ServiceUnavailable)));

            // Then
            Assert.NotEqual(CreatioFailure.NotFound, exception.Failure);
            Assert.NotEqual(CreatioFailure.Timeout, exception.Failure);
        }
    }
}
