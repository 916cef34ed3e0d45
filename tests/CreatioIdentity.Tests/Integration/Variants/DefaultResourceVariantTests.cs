using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Integration.Variants.Variant;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>Diagnose and DefaultResourceRegistered: a site without the default OAuth resource, and one that has it.</summary>
public static class DefaultResourceVariantTests
{
    private static bool ReadsTheDefaultResource(RecordedRequest request) =>
        request.Path.EndsWith("SelectQuery", StringComparison.Ordinal) && request.Body?.Contains("\"OAuthResource\"", StringComparison.Ordinal) == true;

    public sealed class AFreshSite
    {
        [Fact]
        public async Task Should_Register_It_Once_Read_It_Back_And_Name_It()
        {
            // Given
            await using var world = await EngineRun.StartAsync();

            // When
            var run = await world.RunAsync("connect");

            // Then: AddDefaultResource once, then OAuthResource read back
            Assert.True(run.ExitCode == 0, run.Output);
            var requests = world.Sandbox.Creatio.Requests.ToList();
            var added = Assert.Single(requests, request => request.Path.EndsWith("rest/OAuthConfigService/AddDefaultResource", StringComparison.Ordinal));
            Assert.Contains(requests.Skip(requests.IndexOf(added) + 1), ReadsTheDefaultResource);

            var name = world.Sandbox.Creatio.DefaultResourceName;
            Assert.NotNull(name);
            Assert.StartsWith("ApplicationAccess_", name, StringComparison.Ordinal);
            var check = Check(run, CheckIds.DefaultResourceRegistered);
            Assert.Equal(CheckStatus.Pass, check.Status);
            Assert.Contains(name, check.Message, StringComparison.Ordinal);
            Assert.Contains(("default OAuth resource", "not registered", "registered"), Step(run, "Diagnose").Changes.Select(change => (change.Item, change.From, change.To)));
        }
    }

    public sealed class ASiteThatHasIt
    {
        [Fact]
        public async Task Should_Not_Call_AddDefaultResource_At_All()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            world.Sandbox.Creatio.DefaultResourceRegistered = true;

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(0, RequestsTo(world, "AddDefaultResource"));
            Assert.Contains(world.Sandbox.Creatio.Requests, ReadsTheDefaultResource);
            var check = Check(run, CheckIds.DefaultResourceRegistered);
            Assert.Equal(CheckStatus.Pass, check.Status);
            Assert.Contains(world.Sandbox.Creatio.DefaultResourceName!, check.Message, StringComparison.Ordinal);
            Assert.Equal(StepStatus.Unchanged, Step(run, "Diagnose").Status);
        }
    }
}
