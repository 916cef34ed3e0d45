using CreatioIdentity.Protocol;

namespace CreatioIdentity.Tests.Protocol;

/// <summary>The table of targets and commands, and who begins and who publishes a run's report.</summary>
public sealed class EngineProtocolTests
{
    public sealed class TheTargets
    {
        [Fact]
        public void Should_Name_Each_Target_And_Each_Command_Once()
        {
            // Then
            Assert.Equal(EngineProtocol.Targets.Count, EngineProtocol.Targets.Select(row => row.Target.ToUpperInvariant()).Distinct().Count());
            Assert.Equal(EngineProtocol.Targets.Count, EngineProtocol.Targets.Select(row => row.Command).Distinct().Count());
        }

        [Fact]
        public void Should_Only_Sequence_And_Run_As_Commands_Of_The_Table()
        {
            // Given
            var commands = EngineProtocol.Targets.Select(row => row.Command).ToHashSet();

            // Then
            Assert.All(EngineProtocol.Targets.SelectMany(row => row.Sequence ?? []), command => Assert.Contains(command, commands));
            Assert.All(EngineProtocol.Targets.Select(row => row.RunsAs).OfType<string>(), command => Assert.Contains(command, commands));
        }

        [Fact]
        public void Should_Connect_In_The_Order_Of_SPEC()
        {
            // Then
            Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose", "OAuthApps"], EngineProtocol.ConnectSteps);
        }
    }

    public sealed class TheBeginsAndCompletesMethods
    {
        [Fact]
        public void Should_Publish_Every_Target_Once_By_Its_Last_Process()
        {
            foreach (var target in EngineProtocol.Targets)
            {
                // Given: the processes Cake may run for it: its own command, or its sequence one by one
                var sequence = target.Sequence ?? [];

                // Then: its own process begins and publishes; in a sequence the first begins and only the last publishes
                Assert.True(EngineProtocol.Begins(target.Command, target.Command), target.Target);
                Assert.True(EngineProtocol.Completes(target.Command, target.Command), target.Target);
                for (var index = 0; index < sequence.Count; index++)
                {
                    Assert.Equal(index == 0, EngineProtocol.Begins(target.Command, sequence[index]));
                    Assert.Equal(index == sequence.Count - 1, EngineProtocol.Completes(target.Command, sequence[index]));
                }
            }
        }

        [Theory]
        [InlineData("sandbox", "validate", true, false)]
        [InlineData("sandbox", "oauth-apps", false, true)]
        [InlineData("sandbox", "diagnose", false, false)]
        [InlineData("unknown", "unknown", true, true)]
        [InlineData("unknown", "validate", false, false)]
        public void Should_Take_The_Roles_Of_The_Command_A_Target_Runs_As(string target, string command, bool begins, bool completes)
        {
            // Then: the sandbox runs connect
            Assert.Equal(begins, EngineProtocol.Begins(target, command));
            Assert.Equal(completes, EngineProtocol.Completes(target, command));
        }
    }
}
