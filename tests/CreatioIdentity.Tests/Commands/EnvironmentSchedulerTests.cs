using System.Collections.Concurrent;
using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Agents;

namespace CreatioIdentity.Tests.Commands;

public sealed class EnvironmentSchedulerTests
{
    public sealed class TheRunAsyncMethod
    {
        [Fact]
        public async Task Should_Return_The_Outcomes_In_The_Files_Order_Whatever_Order_They_Finish()
        {
            // Given: prod finishes first, test once prod's block is out, dev once test's is
            var agent = new FlushWatchingAgent(new ConsoleAgentFixture().Agent);
            var after = new Dictionary<string, string>(StringComparer.Ordinal) { ["dev"] = "test", ["test"] = "prod" };

            // When
            var outcomes = await EnvironmentScheduler.RunAsync(agent, Environments("dev", "test", "prod"), 3,
                async (output, selected, token) =>
                {
                    if (after.TryGetValue(selected.Name, out var earlier))
                    {
                        await agent.Flushed(earlier).WaitAsync(token);
                    }

                    return Outcome(selected.Name, ok: selected.Name != "test");
                },
                CancellationToken.None);

            // Then: the outcomes follow the file; the blocks follow the finish
            Assert.Equal(["https://dev/", "https://test/", "https://prod/"], outcomes.Select(outcome => outcome.Report.Creatio));
            Assert.Equal(
                ["prod: Creatio Identity Service: preflight found nothing red (the connection was not tested)", "test: Creatio Identity Service: not connected", "dev: Creatio Identity Service: preflight found nothing red (the connection was not tested)"],
                agent.Headlines);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public async Task Should_Run_At_Most_Parallel_Environments_At_Once(int parallel)
        {
            // Given
            var fixture = new ConsoleAgentFixture();
            var running = 0;
            var most = 0;

            // When
            await EnvironmentScheduler.RunAsync(fixture.Agent, Environments("a", "b", "c", "d", "e"), parallel,
                async (output, selected, token) =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    await Task.Delay(50, token);
                    Interlocked.Decrement(ref running);
                    return Outcome(selected.Name, ok: true);
                },
                CancellationToken.None);

            // Then
            Assert.InRange(most, 1, parallel);
        }

        [Fact]
        public async Task Should_Keep_Each_Sites_Lines_Together_While_They_Run_Side_By_Side()
        {
            // Given
            var fixture = new ConsoleAgentFixture();

            // When: both sites write, turn about, while the other is running
            await EnvironmentScheduler.RunAsync(fixture.Agent, Environments("dev", "prod"), 2,
                async (output, selected, token) =>
                {
                    for (var line = 1; line <= 3; line++)
                    {
                        output.Info($"{selected.Name} line {line}");
                        await Task.Delay(20, token);
                    }

                    return Outcome(selected.Name, ok: true);
                },
                CancellationToken.None);

            // Then: each site's three lines follow its headline, uninterrupted
            var lines = fixture.Lines.Where(line => line.Length > 0 && !line.StartsWith('─')).ToList();
            foreach (var name in new[] { "dev", "prod" })
            {
                var headline = lines.FindIndex(line => line.StartsWith($"{name}: ", StringComparison.Ordinal));
                Assert.Equal([$"{name} line 1", $"{name} line 2", $"{name} line 3"], lines[(headline + 1)..(headline + 4)]);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    /// <summary>Says when a site's block has been written (its headline opens it).</summary>
    private sealed class FlushWatchingAgent(IBuildAgent inner) : IBuildAgent
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> flushed = new(StringComparer.Ordinal);

        public List<string> Headlines { get; } = [];

        public string Name => inner.Name;

        public Task Flushed(string name) => Signal(name).Task;

        public void MaskSecrets(IEnumerable<string> values) => inner.MaskSecrets(values);

        public IDisposable BeginGroup(string title) => inner.BeginGroup(title);

        public void Progress(string message) => inner.Progress(message);

        public void Info(string message)
        {
            inner.Info(message);
            if (message.Contains(": Creatio Identity Service: ", StringComparison.Ordinal))
            {
                Headlines.Add(message);
                Signal(message[..message.IndexOf(':', StringComparison.Ordinal)]).TrySetResult();
            }
        }

        public void Warning(string message, SourceLocation? location = null) => inner.Warning(message, location);

        public void Error(string message, SourceLocation? location = null) => inner.Error(message, location);

        public void ShowStep(StepResult step) => inner.ShowStep(step);

        public void ShowReport(Report report, string reportDir) => inner.ShowReport(report, reportDir);

        public void PublishReport(Report report, string reportDir) => inner.PublishReport(report, reportDir);

        // Asynchronous continuations: the next site must not run on the flushing thread, inside its lock.
        private TaskCompletionSource Signal(string name) => flushed.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private static List<EnvironmentConfig> Environments(params string[] names) => [.. names.Select(name => new EnvironmentConfig(name, null, []))];

    private static SiteOutcome Outcome(string name, bool ok)
    {
        StepResult[] steps = [new StepResult("Preflight", ok ? StepStatus.Unchanged : StepStatus.Failed, 1, [], [], ok ? null : "down")];
        return new SiteOutcome(ok ? ExitCodes.Ok : ExitCodes.Failed, new Report(Report.CurrentSchemaVersion, ok, "preflight", $"https://{name}/", null, steps, []));
    }
}
