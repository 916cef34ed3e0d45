using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Packaging;

/// <summary>
/// The product as users get it: the packages `dotnet cake --target=Pack` makes, installed from a
/// feed into folders that hold no source, then run against the sandbox. Nothing is compiled where
/// the user stands: no project, no bin/ or obj/, no dll but the installed tools'.
/// </summary>
public sealed class PackagingTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static readonly string Rid = RuntimeInformation.RuntimeIdentifier;

    private static readonly string Executable = OperatingSystem.IsWindows() ? "creatio-identity.exe" : "creatio-identity";

    [Fact]
    public void Should_Pack_The_Pointer_The_Portable_And_This_Machines_Native_Tool_And_The_Recipe()
    {
        // Then: the pointer names a native package per supported runtime, and the portable fallback
        using (var pointer = ZipFile.OpenRead(feed.Package("CreatioIdentity")))
        {
            var settings = XDocument.Load(pointer.Entries.Single(entry => entry.Name == "DotnetToolSettings.xml").Open());
            Assert.Equal("creatio-identity", settings.Descendants("Command").Single().Attribute("Name")!.Value);
            Assert.Equal(
                ["linux-x64", "linux-arm64", "osx-arm64", "win-x64", "any"],
                settings.Descendants("RuntimeIdentifierPackage").Select(package => package.Attribute("RuntimeIdentifier")!.Value));
            var nuspec = Nuspec(pointer);
            Assert.Equal("MIT", nuspec.Descendants().Single(element => element.Name.LocalName == "license").Value);
            Assert.Equal("https://github.com/creatio-identity/creatio-identity", nuspec.Descendants().Single(element => element.Name.LocalName == "repository").Attribute("url")!.Value);
            Assert.Equal(feed.Version, nuspec.Descendants().Single(element => element.Name.LocalName == "version").Value);
        }

        // Then: the native and the portable package carry the sandbox, the GitHub reporter, the schema and a README; no symbols
        foreach (var (id, folder) in new[] { ($"CreatioIdentity.{Rid}", Rid), ("CreatioIdentity.any", "any") })
        {
            using var package = ZipFile.OpenRead(feed.Package(id));
            var names = package.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
            var toolFolder = folder == "any" ? "tools/net10.0/any/" : $"tools/any/{folder}/";
            Assert.Contains(toolFolder + (folder == "any" ? "creatio-identity.dll" : Executable), names);
            Assert.Contains(toolFolder + "sandbox/CreatioIdentity.Sandbox.dll", names);
            Assert.Contains(toolFolder + "github/creatio-identity-github.dll", names);

            // Then: each program carries the shared library (compiled into the native engine); no program carries another's executable
            Assert.Contains(toolFolder + "sandbox/CreatioIdentity.Contracts.dll", names);
            Assert.Contains(toolFolder + "github/CreatioIdentity.Contracts.dll", names);
            Assert.Equal(folder == "any", names.Contains(toolFolder + "CreatioIdentity.Contracts.dll"));
            Assert.DoesNotContain(toolFolder + "github/creatio-identity.dll", names);
            Assert.DoesNotContain(toolFolder + "sandbox/creatio-identity.dll", names);
            Assert.Contains("schema/creatio-identity.schema.json", names);
            Assert.Contains("README.md", names);
            Assert.DoesNotContain(names, name => name.EndsWith(".dbg", StringComparison.Ordinal) || name.EndsWith(".pdb", StringComparison.Ordinal));

            // Then: the reporter's native library (libsodium) for this package's runtime, or the desktop ones for the portable package
            var runtimes = names.Where(name => name.Contains("/runtimes/", StringComparison.Ordinal)).Select(name => name.Split("/runtimes/")[1].Split('/')[0]).ToHashSet();
            Assert.Contains(folder == "any" ? "linux-x64" : Rid, runtimes);
            Assert.All(runtimes, runtime => Assert.True(folder == "any" ? !runtime.StartsWith("android", StringComparison.Ordinal) && !runtime.StartsWith("ios", StringComparison.Ordinal) : runtime == Rid, runtime));
        }

        // Then: the recipe is the task graph of this repository, and installs the engine of its own version
        using var recipe = ZipFile.OpenRead(feed.Package("CreatioIdentity.Cake"));
        var scripts = recipe.Entries.Where(entry => entry.FullName.StartsWith("content/", StringComparison.Ordinal)).Select(entry => entry.Name).Order(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(EngineRun.RepositoryRoot, "build", "recipe"), "*.cake").Select(Path.GetFileName).Append("tool.cake").Order(StringComparer.Ordinal);
        Assert.Equal(sources, scripts);
        using var tool = new StreamReader(recipe.GetEntry("content/tool.cake")!.Open());
        Assert.Contains($"#tool dotnet:?package=CreatioIdentity&version={feed.Version}", tool.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Run_The_Portable_Package_With_Dotnet_Where_No_Native_One_Fits()
    {
        // Given: the `any` package, as the SDK lays it out on a machine without a native package
        var folder = feed.NewFolder("portable");
        ZipFile.ExtractToDirectory(feed.Package("CreatioIdentity.any"), folder);
        var dll = Path.Combine(folder, "tools", "net10.0", "any", "creatio-identity.dll");

        // When
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet", [dll, "validate", "--config", Path.Combine(folder, "missing.yml")], folder, PackedFeed.Install(folder), Timeout);
        var (versionExit, version) = await ChildProcess.RunAsync("dotnet", [dll, "--version"], folder, PackedFeed.Install(folder), Timeout);

        // Then: the engine runs under the JIT, with its version, and says what is wrong (exit 3)
        Assert.Equal(0, versionExit);
        Assert.StartsWith(feed.Version, version.Trim(), StringComparison.Ordinal);
        Assert.True(exitCode == 3, output);
        Assert.Contains("missing.yml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Install_The_Native_Tool_And_Connect_With_It()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var folder = feed.NewFolder("install");
        var tools = Path.Combine(folder, "tools");
        var environment = PackedFeed.Install(folder);

        // When: installed as a user or a CI job installs it
        await PackedFeed.RunAsync("dotnet", ["tool", "install", "CreatioIdentity", "--version", feed.Version, "--tool-path", tools], folder, environment);
        var engine = Path.Combine(tools, Executable);
        var (versionExit, version) = await ChildProcess.RunAsync(engine, ["--version"], folder, environment, Timeout);
        var reportDir = Path.Combine(folder, "report");
        var (exitCode, output) = await ChildProcess.RunAsync(engine, ["connect", "--config", world.ConfigPath, "--report-dir", reportDir], folder, [.. environment, .. world.Environment], Timeout);

        // Then: this machine's native package, of the packed version
        Assert.Equal(0, versionExit);
        Assert.StartsWith(feed.Version, version.Trim(), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(tools, ".store", "creatioidentity", feed.Version, $"creatioidentity.{Rid}")), "the native package was not the one installed");

        // Then: connected, the report names the version, and Creatio saw it in the User-Agent
        Assert.True(exitCode == 0, output);
        var report = ReportStore.TryRead(reportDir)!;
        Assert.All(report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDir, ReportStore.ReportFileName)));
        Assert.Equal(feed.Version, json.RootElement.GetProperty("toolVersion").GetString());
        Assert.All(world.Sandbox.Creatio.Requests, request => Assert.Equal($"creatio-identity/{feed.Version}", request.Header("User-Agent")));
        Assert.Empty(ConnectedState.Problems(world.Sandbox));
    }

    [Fact]
    public async Task Should_Run_Its_Own_Sandbox_And_Find_Its_GitHub_Reporter_When_Installed()
    {
        // Given
        var folder = feed.NewFolder("companions");
        var tools = Path.Combine(folder, "tools");
        var environment = PackedFeed.Install(folder);
        foreach (var name in new[] { "GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_SHA" })
        {
            environment[name] = null;
        }

        await PackedFeed.RunAsync("dotnet", ["tool", "install", "CreatioIdentity", "--version", feed.Version, "--tool-path", tools], folder, environment);
        var engine = Path.Combine(tools, Executable);

        // When
        var sandbox = await ChildProcess.RunAsync(engine, ["sandbox", "--report-dir", Path.Combine(folder, "report")], folder, environment, Timeout);
        var checkRun = await ChildProcess.RunAsync(engine, ["github", "check-run", "--report-dir", Path.Combine(folder, "report")], folder, environment, Timeout);

        // Then: the sandbox the package carries connects; the reporter it carries runs (and says it has no GitHub job to report to)
        Assert.True(sandbox.ExitCode == 0, sandbox.Output);
        Assert.Contains("Creatio Identity Service: connected", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("was not found", checkRun.Output, StringComparison.Ordinal);
        Assert.Contains("GITHUB_", checkRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Run_In_One_Line_With_Dnx()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var folder = feed.NewFolder("dnx");
        var dnx = Path.Combine(Path.GetDirectoryName(DotNetRoot())!, OperatingSystem.IsWindows() ? "dnx.cmd" : "dnx");
        var reportDir = Path.Combine(folder, "report");

        // When: dnx CreatioIdentity@X -- connect --config FILE
        var (exitCode, output) = await ChildProcess.RunAsync(
            dnx, [$"CreatioIdentity@{feed.Version}", "--yes", "--", "connect", "--config", world.ConfigPath, "--report-dir", reportDir],
            folder, [.. PackedFeed.Install(folder), .. world.Environment], Timeout);

        // Then
        Assert.True(exitCode == 0, output);
        Assert.True(ReportStore.TryRead(reportDir)!.Ok);
        Assert.Empty(ConnectedState.Problems(world.Sandbox));
    }

    [Fact]
    public async Task Should_Connect_From_A_Users_Repository_Through_The_Recipe_With_Nothing_Compiled_There()
    {
        // Given: examples/consumer as a user's repository, pinned to the packed version
        await using var world = await EngineRun.StartAsync();
        var folder = feed.NewFolder("consumer");
        var consumer = Path.Combine(EngineRun.RepositoryRoot, "examples", "consumer");
        foreach (var file in Directory.EnumerateFiles(consumer, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(consumer, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var script = Path.Combine(folder, "build.cake");
        File.WriteAllText(script, File.ReadAllText(script).Replace("version=1.0.0", $"version={feed.Version}", StringComparison.Ordinal));
        var environment = new Dictionary<string, string?>(PackedFeed.Install(folder))
        {
            ["CREATIO_URL"] = world.Sandbox.CreatioUrl.AbsoluteUri,
            ["IDENTITY_SERVICE_URL"] = world.Sandbox.IdentityServiceUrl.AbsoluteUri,
            ["CREATIO_USERNAME"] = world.Sandbox.Options.CreatioUsername,
            ["CREATIO_PASSWORD"] = world.Sandbox.Options.CreatioPassword,
            ["IDENTITY_CLIENT_ID"] = world.Sandbox.Options.ClientId,
            ["IDENTITY_CLIENT_SECRET"] = world.Sandbox.Options.ClientSecret,
        };

        // When: the README's two commands, in that folder
        await PackedFeed.RunAsync("dotnet", ["tool", "restore"], folder, environment);
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet", ["cake", "--target=ConnectIdentity"], folder, environment, Timeout);

        // Then: connected through the recipe's tasks, one engine process per step
        Assert.True(exitCode == 0, output);
        var report = ReportStore.TryRead(Path.Combine(folder, "artifacts", "creatio-identity"))!;
        Assert.True(report.Ok);
        Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"], report.Steps.Select(step => step.Name));
        Assert.Empty(ConnectedState.Problems(world.Sandbox));

        // Then: nothing was compiled there: no project, no build output, no assembly outside the installed tools
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("tools/", StringComparison.Ordinal) && !file.StartsWith(".nuget-packages/", StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(files, file => file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".dll", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal) || file.StartsWith("bin/", StringComparison.Ordinal) || file.StartsWith("obj/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Pass_The_GitHub_Actions_Own_Checks_With_The_Packed_Tool()
    {
        // Given: the action's scripts as the runner runs them (action/test.sh plays the runner)
        var folder = feed.NewFolder("action");

        // When
        var (exitCode, output) = await ChildProcess.RunAsync(
            "bash", [Path.Combine(EngineRun.RepositoryRoot, "action", "test.sh"), feed.Feed, feed.Version], folder, PackedFeed.Install(folder), Timeout);

        // Then: every check of the script passed (Sandbox green, invalid input exit 3, Plan pending, ...)
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Pass_The_Azure_Pipelines_Templates_Own_Checks_With_The_Packed_Tool()
    {
        // Given: the template's bash steps as an agent runs them (.ci/test-azure-template.py plays the agent)
        var folder = feed.NewFolder("azure");

        // When
        var (exitCode, output) = await ChildProcess.RunAsync(
            "python3", [Path.Combine(EngineRun.RepositoryRoot, ".ci", "test-azure-template.py"), feed.Feed, feed.Version], folder, PackedFeed.Install(folder), Timeout);

        // Then
        Assert.True(exitCode == 0, output);
    }

    private static XDocument Nuspec(ZipArchive package) =>
        XDocument.Load(package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());

    private static string DotNetRoot()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (host is { Length: > 0 } && File.Exists(host))
        {
            return ResolveLink(host);
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            .First(File.Exists);
        return ResolveLink(onPath);
    }

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
