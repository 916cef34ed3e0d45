namespace CreatioIdentity.Tests.BadInput;

/// <summary>
/// The bad input corpus through the real command path: each file is refused with exit code 3 and
/// one error at the line and column it is about, before any connection is made, and without a
/// secret in the console or the report.
/// </summary>
public sealed class BadInputTests
{
    public sealed class EachBadFile
    {
        [Theory]
        [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
        public async Task Should_Exit_3_At_Its_Position_Without_Touching_The_Network(string name)
        {
            // Given
            var @case = BadInputCorpus.Find(name);
            using var fixture = new BadInputFixture();
            foreach (var (variable, value) in @case.Environment ?? new Dictionary<string, string?>())
            {
                fixture.Environment[variable] = value;
            }

            // When
            var run = await fixture.RunAsync(@case.File);

            // Then
            Assert.True(run.ExitCode == ExitCodes.InvalidConfiguration, $"exit {run.ExitCode}:{Environment.NewLine}{run.Output}");
            var position = $"{fixture.ConfigPath}:{@case.Line}:{@case.Column}: ";
            var line = run.Output.Split('\n').FirstOrDefault(line => line.Contains(position, StringComparison.Ordinal));
            Assert.True(line is not null, $"no error at {position}; the output was:{Environment.NewLine}{run.Output}");
            Assert.All(@case.Fragments, fragment => Assert.Contains(fragment, line, StringComparison.Ordinal));
            Assert.Equal(0, fixture.Connections);
            Assert.False(run.Report!.Ok);
            foreach (var secret in (string[])[BadInputFixture.Password, BadInputFixture.ClientSecret, .. @case.Unsaid ?? []])
            {
                Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
                Assert.All(run.ReportFiles.Values, content => Assert.DoesNotContain(secret, content, StringComparison.Ordinal));
            }
        }
    }

    public sealed class TheValidFile
    {
        [Fact]
        public async Task Should_Reach_The_Listener_That_Proves_The_Bad_Ones_Did_Not()
        {
            // Given
            using var fixture = new BadInputFixture();

            // When
            var run = await fixture.RunAsync(System.Text.Encoding.UTF8.GetBytes(BadInputFixture.ValidYaml), "preflight");

            // Then
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.True(fixture.Connections > 0, run.Output);
        }
    }
}
