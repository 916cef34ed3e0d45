// creatio-identity, from this repository's sources: the same task graph as the recipe package
// CreatioIdentity.Cake (build/recipe/, see main.cake for the targets and arguments), with the
// engine built from source (build/source.cake), and the Pack target (build/pack.cake).
//
//   dotnet cake [--target=ConnectIdentity] [--config=creatio-identity.yml] [--report-dir=artifacts/creatio-identity]
//   dotnet cake --target=Sandbox [--sandbox-runtime=net|netframework]
//   dotnet cake --target=Pack     (the packages, into artifacts/packages/)
//
// Source-only arguments: --configuration (Release), --engine=native|jit (native AOT by default,
// JIT as the fallback), --engine-dll / --sandbox-dll (use a prebuilt dll).

#load "build/recipe/protocol.cake"
#load "build/recipe/callerdirectory.cake"
#load "build/recipe/parameters.cake"
#load "build/recipe/engine.cake"
#load "build/recipe/tasks.cake"
#load "build/recipe/loggroups.cake"
#load "build/recipe/github.cake"
#load "build/recipe/exitcode.cake"
#load "build/recipe/main.cake"
#load "build/source.cake"
#load "build/pack.cake"

var source = new SourceEngine(Context);
if (source.Problem() is { } problem)
{
    Error(problem);
    System.Environment.Exit(3);
}

RunCreatioIdentity(source, DefinePackTasks);
