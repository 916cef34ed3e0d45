using CreatioIdentity.Commands;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Commands;

public sealed class RunTests
{
    public sealed class TheStartMethod
    {
        [Fact]
        public void Should_Report_Under_The_Cake_Target_When_A_Run_Id_And_A_Target_Are_Set()
        {
            // Given
            var environment = Environment((SessionCache.RunIdVariable, "run-1"), (CommandRunner.TargetVariable, "connect"));

            // When
            var run = Run.Start(EngineCommands.Find("diagnose")!, "reports", environment, tracePath: null);

            // Then
            Assert.Equal("connect", run.ReportCommand);
            Assert.Equal("run-1", run.RunId);
            Assert.True(run.StepNamedByCaller);
        }

        [Fact]
        public void Should_Report_Under_The_Command_When_It_Runs_Alone()
        {
            // Given: a target without a run id is not a Cake run
            var environment = Environment((CommandRunner.TargetVariable, "connect"));

            // When
            var run = Run.Start(EngineCommands.Find("connect")!, "reports", environment, tracePath: null);

            // Then
            Assert.Equal("connect", run.ReportCommand);
            Assert.Null(run.RunId);
            Assert.False(run.StepNamedByCaller);
            Assert.True(run.OpensReport);
            Assert.True(run.ClosesReport);
        }
    }

    public sealed class TheOpensReportAndClosesReportProperties
    {
        [Theory]
        [InlineData("validate", true, false)]
        [InlineData("diagnose", false, false)]
        [InlineData("oauth-apps", false, true)]
        public void Should_Follow_The_Process_Order_Of_The_Connect_Target(string command, bool opens, bool closes)
        {
            // Given
            var environment = Environment((SessionCache.RunIdVariable, "run-1"), (CommandRunner.TargetVariable, "connect"));

            // When
            var run = Run.Start(EngineCommands.Find(command)!, "reports", environment, tracePath: null);

            // Then
            Assert.Equal(opens, run.OpensReport);
            Assert.Equal(closes, run.ClosesReport);
        }
    }

    public sealed class TheForEnvironmentMethod
    {
        [Fact]
        public void Should_Give_The_Environment_Its_Own_Report_Folder_Under_The_Runs()
        {
            // Given
            var run = Run.Start(EngineCommands.Find("monitor")!, "reports", Environment(), tracePath: null);

            // When
            var prod = run.ForEnvironment("prod");

            // Then
            Assert.Equal(Path.Combine("reports", "prod"), prod.ReportDir);
            Assert.Equal("prod", prod.Environment);
            Assert.Equal(run.ReportCommand, prod.ReportCommand);
        }
    }

    internal static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;
}
