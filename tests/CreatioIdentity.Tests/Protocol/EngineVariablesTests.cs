using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Creatio;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Protocol;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Protocol;

/// <summary>
/// The engine reads the variables the protocol names. Some parts of the engine still spell a
/// name as a constant of their own: each must be the protocol's.
/// </summary>
public sealed class EngineVariablesTests
{
    [Fact]
    public void Should_Be_The_Names_The_Engine_Reads()
    {
        // Then
        Assert.Equal(EngineVariables.RunId, SessionCache.RunIdVariable);
        Assert.Equal(EngineVariables.SessionKey, SessionCache.KeyVariable);
        Assert.Equal(EngineVariables.SessionDirectory, SessionCache.FolderVariable);
        Assert.Equal(EngineVariables.Target, CommandRunner.TargetVariable);
        Assert.Equal(EngineVariables.InLogGroup, CommandAgent.InLogGroupVariable);
        Assert.Equal(EngineVariables.SettleSeconds, StepTuning.SettleVariable);
        Assert.Equal(EngineVariables.StepDeadlineSeconds, StepTuning.DeadlineVariable);
        Assert.Equal(EngineVariables.GitHubSecretsToken, GitHubSecretsDelivery.TokenVariable);
        Assert.Equal(CiSystems.GitHubActionsVariable, GitHubActionsAgent.DetectVariable);
        Assert.Equal(CiSystems.AzurePipelinesVariable, AzurePipelinesAgent.DetectVariable);
    }
}
