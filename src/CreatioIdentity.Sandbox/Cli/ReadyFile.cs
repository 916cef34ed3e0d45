using CreatioIdentity.Protocol;

namespace CreatioIdentity.Sandbox.Cli;

/// <summary>The ready file of a started sandbox (<see cref="SandboxReadyFile"/>, the contract its starter reads).</summary>
internal static class ReadyFile
{
    public static SandboxReadyFile From(SandboxHost sandbox) => new(
        sandbox.CreatioUrl.ToString(),
        sandbox.IdentityServiceUrl.ToString(),
        sandbox.Options.CreatioUsername,
        sandbox.Options.CreatioPassword,
        sandbox.Options.ClientId,
        sandbox.Options.ClientSecret,
        SandboxArguments.RuntimeName(sandbox.Options.Runtime),
        Environment.ProcessId);
}
