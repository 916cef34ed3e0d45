using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CreatioIdentity.Tests.Sandbox.Faults;

/// <summary>/_sandbox/faults: the fault plan for a caller outside the sandbox's process.</summary>
public static partial class FaultTests
{
    [Collection(SandboxGroup.Name)]
    public sealed class TheFaultsEndpoint : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Arm_List_And_Clear_Faults_For_Another_Process()
        {
            // Given
            using var http = new HttpClient { BaseAddress = Sandbox.CreatioUrl };

            // When
            using var armed = await http.PostAsync("_sandbox/faults",
                new StringContent("""{"kind":"status","path":"QuerySysSettings","count":1,"statusCode":500}""", System.Text.Encoding.UTF8, "application/json"));
            var listed = await http.GetFromJsonAsync<JsonElement>("_sandbox/faults");
            using var faulted = await Client.PostAsync(QuerySysSettings, Query);
            using var rearmed = await http.PostAsync("_sandbox/faults",
                new StringContent("""{"kind":"hang","path":"QuerySysSettings","count":null}""", System.Text.Encoding.UTF8, "application/json"));
            using var cleared = await http.DeleteAsync("_sandbox/faults");
            using var healthy = await Client.PostAsync(QuerySysSettings, Query);

            // Then
            Assert.Equal(HttpStatusCode.Created, armed.StatusCode);
            Assert.Equal("QuerySysSettings", listed.GetProperty("armed")[0].GetProperty("path").GetString());
            Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
            Assert.Equal(HttpStatusCode.Created, rearmed.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Empty(Sandbox.Faults.Armed);
        }

        [Fact]
        public async Task Should_Refuse_A_Body_That_Is_Not_A_Fault()
        {
            // Given
            using var http = new HttpClient { BaseAddress = Sandbox.CreatioUrl };

            // When
            using var response = await http.PostAsync("_sandbox/faults",
                new StringContent("""{"kind":"status","statusCode":200}""", System.Text.Encoding.UTF8, "application/json"));

            // Then
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("400-599", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty(Sandbox.Faults.Armed);
        }
    }
}
