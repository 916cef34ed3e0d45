// This repository only: `dotnet cake --target=Pack` writes the packages to artifacts/packages/.
//
//   CreatioIdentity            the pointer package of the .NET tool (names the RID packages)
//   CreatioIdentity.any        framework-dependent, for any machine with .NET 10
//   CreatioIdentity.<rid>      native AOT for this machine (linux-x64, linux-arm64, osx-arm64,
//                              win-x64: native AOT cannot cross operating systems, so each
//                              release runner packs its own; see .github/workflows/release.yml)
//   CreatioIdentity.Cake       the Cake recipe (build/recipe/*.cake and a #tool of the same version)
//
// The sandbox and the GitHub reporter are published first and ride inside each tool package
// (sandbox/, github/). The version is MinVer's (git tags vX.Y.Z), computed once and used for every
// package; artifacts/packages/version.txt holds it for the workflows.
//   --native-only=true   only this machine's RID package (the other release runners)

void DefinePackTasks(BuildParameters parameters)
{
    Task("Pack")
        .Description("Packs the .NET tool (pointer, any, this machine's native RID) and the Cake recipe into artifacts/packages/.")
        .Does(() => Pack(Argument("native-only", false)));
}

void Pack(bool nativeOnly)
{
    var root = Context.Environment.WorkingDirectory;
    var packages = root.Combine("artifacts/packages");
    var companions = root.Combine("artifacts/obj/companions");
    var engineProject = root.CombineWithFilePath("src/CreatioIdentity/CreatioIdentity.csproj");
    var version = PackageVersion(engineProject);
    var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
    Information("Packing version {0} ({1}).", version, nativeOnly ? $"{rid} only" : $"pointer, any, {rid} and the recipe");

    EnsureDirectoryExists(packages);
    CleanDirectory(companions);
    // One restore of the solution, then none per project: a project restored on its own (or with a
    // runtime) records its references under other names and would rewrite the committed lock files.
    DotNetRestore(root.CombineWithFilePath("CreatioIdentity.slnx").FullPath);
    DotNetMSBuildSettings Versioned() => new DotNetMSBuildSettings().WithProperty("MinVerVersionOverride", version);
    DotNetMSBuildSettings Tool(DotNetMSBuildSettings settings) => settings
        .WithProperty("MinVerVersionOverride", version)
        .WithProperty("CompanionsDirectory", companions.FullPath);
    foreach (var (project, folder) in new[] { ("CreatioIdentity.Sandbox", "sandbox"), ("CreatioIdentity.GitHub", "github") })
    {
        DotNetPublish(root.CombineWithFilePath($"src/{project}/{project}.csproj").FullPath, new DotNetPublishSettings
        {
            Configuration = "Release",
            OutputDirectory = companions.Combine(folder),
            NoLogo = true,
            NoRestore = true,
            MSBuildSettings = Versioned(),
        });
    }

    if (!nativeOnly)
    {
        PackTool(engineProject, packages, Tool(new DotNetMSBuildSettings()), runtime: null); // the pointer package
        PackTool(engineProject, packages, Tool(new DotNetMSBuildSettings()), runtime: "any");
    }

    PackTool(engineProject, packages, Tool(NativeLinker.Settings()), runtime: rid);

    if (!nativeOnly)
    {
        DotNetPack(root.CombineWithFilePath("src/CreatioIdentity.Cake/CreatioIdentity.Cake.csproj").FullPath, new DotNetPackSettings
        {
            Configuration = "Release",
            OutputDirectory = packages,
            NoLogo = true,
            MSBuildSettings = Versioned(),
        });
    }

    System.IO.File.WriteAllText(packages.CombineWithFilePath("version.txt").FullPath, version + "\n");
    foreach (var package in GetFiles(packages.FullPath + $"/*.{version}.nupkg"))
    {
        Information("  {0}  {1:0.0} MB", package.GetFilename(), new System.IO.FileInfo(package.FullPath).Length / 1048576.0);
    }
}

void PackTool(FilePath project, DirectoryPath output, DotNetMSBuildSettings msbuild, string runtime)
{
    DotNetPack(project.FullPath, new DotNetPackSettings
    {
        Configuration = "Release",
        OutputDirectory = output,
        Runtime = runtime,
        NoLogo = true,
        MSBuildSettings = msbuild,
    });
}

// MinVer's version for the current commit, asked of the engine project once.
string PackageVersion(FilePath project)
{
    var exitCode = StartProcess(DotNetHost.Path, new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("msbuild").AppendQuoted(project.FullPath)
            .Append("-nologo").Append("-restore").Append("-t:MinVer").Append("-getProperty:MinVerVersion"),
        RedirectStandardOutput = true,
    }, out var output);
    var version = output.Select(line => line.Trim()).LastOrDefault(line => line.Length > 0);
    if (exitCode != 0 || string.IsNullOrEmpty(version))
    {
        throw new CakeException(1, $"MinVer could not tell the version (exit {exitCode}): {string.Join(" ", output)}");
    }

    return version;
}
