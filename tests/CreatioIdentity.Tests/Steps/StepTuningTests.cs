using CreatioIdentity.Configuration;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

/// <summary>How long the steps wait: from the environment, and never shorter than one health check needs.</summary>
public sealed class StepTuningTests
{
    private static StepTuning From(string? settle = null, string? deadline = null)
    {
        var environment = new Dictionary<string, string?> { [StepTuning.SettleVariable] = settle, [StepTuning.DeadlineVariable] = deadline };
        return StepTuning.FromEnvironment(name => environment.GetValueOrDefault(name));
    }

    private static CreatioOptions Site(int healthCheckSeconds) =>
        new(new Uri("https://creatio.example.com/"), CreatioRuntime.Net, "Supervisor", new Secret("p"), TimeSpan.FromSeconds(30), TlsOptions.Default)
        {
            HealthCheckTimeout = TimeSpan.FromSeconds(healthCheckSeconds),
        };

    public sealed class TheFromEnvironmentMethod
    {
        [Fact]
        public void Should_Wait_A_Minute_With_Five_Seconds_Of_Stable_Red_By_Default()
        {
            Assert.Equal(new StepTuning(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120)), From());
        }

        [Theory]
        [InlineData("1", 1, 1)]
        [InlineData("4.5", 4.5, 4.5)]
        [InlineData("5", 5, 5)]
        [InlineData("300", 300, 5)]
        [InlineData("0", 0, 0)]
        public void Should_Cap_Both_Waits_At_The_Settle_Seconds(string settle, double settleSeconds, double stableSeconds)
        {
            // When
            var tuning = From(settle);

            // Then
            Assert.Equal(TimeSpan.FromSeconds(settleSeconds), tuning.SettleTimeout);
            Assert.Equal(TimeSpan.FromSeconds(stableSeconds), tuning.StableRedWindow);
            Assert.Equal(TimeSpan.FromSeconds(settleSeconds + 60), tuning.StepDeadline);
            Assert.False(tuning.DeadlineSet);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("86400")]
        [InlineData("soon")]
        [InlineData("")]
        public void Should_Ignore_A_Settle_Time_That_Is_No_Number_Of_Seconds_Within_A_Day(string settle)
        {
            Assert.Equal(StepTuning.Default, From(settle));
        }

        [Fact]
        public void Should_Take_A_Deadline_Set_On_Purpose_As_It_Is()
        {
            // When
            var tuning = From(deadline: "7");

            // Then
            Assert.Equal(TimeSpan.FromSeconds(7), tuning.StepDeadline);
            Assert.True(tuning.DeadlineSet);
        }

        [Fact]
        public void Should_Ignore_A_Deadline_Of_Zero()
        {
            Assert.Equal(StepTuning.Default, From(deadline: "0"));
        }
    }

    public sealed class TheDeadlineForMethod
    {
        [Fact]
        public void Should_Give_A_Slow_Health_Check_Half_A_Minute_On_Top()
        {
            // Given: the default deadline of 120 s is shorter than a 110 s health check plus 30 s
            var tuning = StepTuning.Default;

            // When / Then
            Assert.Equal(TimeSpan.FromSeconds(140), tuning.DeadlineFor(Site(110)));
        }

        [Fact]
        public void Should_Keep_A_Deadline_Longer_Than_The_Health_Check_Needs()
        {
            Assert.Equal(TimeSpan.FromSeconds(120), StepTuning.Default.DeadlineFor(Site(10)));
        }

        [Fact]
        public void Should_Keep_The_Deadline_When_It_Equals_What_The_Health_Check_Needs()
        {
            Assert.Equal(TimeSpan.FromSeconds(140), (StepTuning.Default with { StepDeadline = TimeSpan.FromSeconds(140) }).DeadlineFor(Site(110)));
        }

        [Fact]
        public void Should_Keep_A_Deadline_Set_On_Purpose_However_Short()
        {
            // Given
            var tuning = From(deadline: "2");

            // When / Then
            Assert.Equal(TimeSpan.FromSeconds(2), tuning.DeadlineFor(Site(110)));
        }
    }
}
