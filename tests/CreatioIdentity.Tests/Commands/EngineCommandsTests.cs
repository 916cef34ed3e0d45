using CreatioIdentity.Commands;

namespace CreatioIdentity.Tests.Commands;

/// <summary>Which engine process of a Cake target opens the run and which publishes its report.</summary>
public sealed class EngineCommandsTests
{
    [Theory]
    [InlineData("connect", "validate", true, false)]
    [InlineData("connect", "preflight", false, false)]
    [InlineData("connect", "diagnose", false, false)]
    [InlineData("connect", "oauth-apps", false, true)]
    [InlineData("connect", "connect", true, true)]
    [InlineData("sandbox", "connect", true, true)]
    [InlineData("plan", "plan", true, true)]
    [InlineData("monitor", "monitor", true, true)]
    public void Should_Know_The_First_And_The_Last_Process_Of_A_Target(string target, string command, bool begins, bool completes)
    {
        // Then: the Sandbox target is one `sandbox` process that runs connect: it both begins and completes the run
        Assert.Equal(begins, EngineCommands.Begins(target, command));
        Assert.Equal(completes, EngineCommands.Completes(target, command));
    }
}
