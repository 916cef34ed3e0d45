using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxGroup.Name)]
public sealed class RequestRecordTests
{
    [Fact]
    public async Task Should_Record_Every_Request_With_Path_Body_Status_And_Headers()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.NetFramework });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        var started = DateTimeOffset.UtcNow;

        // When
        await client.PostJsonAsync("rest/FeatureService/GetFeatureState", new { code = "OAuth20Integration" });
        (await client.SendAsync(HttpMethod.Post, "rest/FeatureService/GetFeaturesInfo", new { }, withCsrf: false)).Dispose();

        // Then
        var requests = sandbox.Creatio.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(("POST", "/ServiceModel/AuthService.svc/Login", 200), (requests[0].Method, requests[0].Path, requests[0].StatusCode));
        Assert.Equal(("application/json", "true"), (requests[0].Header("Accept"), requests[0].Header("ForceUseSession")));
        Assert.Equal(("POST", "/0/rest/FeatureService/GetFeatureState", 200), (requests[1].Method, requests[1].Path, requests[1].StatusCode));
        Assert.Equal("{\"code\":\"OAuth20Integration\"}", requests[1].Body);
        Assert.Equal(requests[1].Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), requests[1].Header("content-length"));
        Assert.StartsWith("application/json", requests[1].Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(requests[1].Header("User-Agent"));
        Assert.True(requests[1].At >= started.AddSeconds(-1));
        Assert.Equal(403, requests[2].StatusCode);
        Assert.DoesNotContain(requests, request => request.IsWrite);
    }

    [Fact]
    public async Task Should_Mark_The_Calls_That_Change_Creatio_As_Writes()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        await client.PostJsonAsync(CreatioBodies.SelectQueryPath, CreatioBodies.Select("AppFeature", ["Code"]));
        await client.PostJsonAsync(CreatioBodies.UpdateQueryPath, CreatioBodies.Update("AppFeature", "State", CreatioBodies.BooleanType, true,
            CreatioBodies.And(CreatioBodies.Equal("Code", CreatioBodies.TextType, "OAuth20Integration"))));
        await client.PostJsonAsync("rest/FeatureService/SetFeatureStateForAllUsers", new { code = "OAuth20Integration", state = 1 });
        await client.GetJsonAsync("rest/FeatureService/ClearFeaturesCacheForAllUsers/");
        await client.PostJsonAsync("DataService/json/SyncReply/QuerySysSettings", CreatioBodies.QuerySysSettings("SiteUrl"));
        await client.PostJsonAsync("DataService/json/SyncReply/PostSysSettingsValues", new { isPersonal = false, sysSettingsValues = new { SiteUrl = "x" } });
        await client.PostJsonAsync("rest/OAuthConfigService/AddDefaultResource", new { });
        (await client.GetAsync("api/OAuthHealthCheck")).Dispose();

        // Then
        Assert.Equal(
            [
                "/DataService/json/SyncReply/UpdateQuery",
                "/rest/FeatureService/SetFeatureStateForAllUsers",
                "/rest/FeatureService/ClearFeaturesCacheForAllUsers/",
                "/DataService/json/SyncReply/PostSysSettingsValues",
                "/rest/OAuthConfigService/AddDefaultResource",
            ],
            sandbox.Creatio.Writes.Select(write => write.Path));
        Assert.Null(sandbox.Creatio.Writes[2].Body);
        Assert.Equal(9, sandbox.Creatio.Requests.Count);
    }

    [Fact]
    public async Task Should_Record_A_Refused_Chunked_Body()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        (await client.Http.PostAsync("DataService/json/SyncReply/QuerySysSettings",
            System.Net.Http.Json.JsonContent.Create(CreatioBodies.QuerySysSettings("SiteUrl")))).Dispose();

        // Then
        var refused = sandbox.Creatio.Requests[^1];
        Assert.Equal(411, refused.StatusCode);
        Assert.Equal("chunked", refused.Header("Transfer-Encoding"));
        Assert.Null(refused.Header("Content-Length"));
    }

    [Fact]
    public async Task Should_Start_Afresh_After_The_Record_Is_Cleared()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        sandbox.Creatio.ClearRecord();
        (await client.GetAsync("api/OAuthHealthCheck")).Dispose();

        // Then
        Assert.Equal(0, sandbox.Creatio.LoginCount);
        Assert.Equal("/api/OAuthHealthCheck", Assert.Single(sandbox.Creatio.Requests).Path);
    }

    [Fact]
    public async Task Should_Serve_The_Record_Without_Bodies_To_Another_Process_And_Clear_It()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using (var client = await CreatioTestClient.LoggedInAsync(sandbox))
        {
            await client.PostJsonAsync("rest/FeatureService/SetFeatureStateForAllUsers", new { code = "OAuth20Integration", state = 1 });
        }

        using var http = new HttpClient { BaseAddress = sandbox.CreatioUrl };

        // When
        var record = await http.GetStringAsync("_sandbox/record");
        (await http.DeleteAsync("_sandbox/record")).EnsureSuccessStatusCode();

        // Then
        using var json = System.Text.Json.JsonDocument.Parse(record);
        Assert.Equal(1, json.RootElement.GetProperty("logins").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("writes").GetInt32());
        Assert.DoesNotContain(sandbox.Options.CreatioPassword, record, StringComparison.Ordinal);
        Assert.Empty(sandbox.Creatio.Requests);
        Assert.Equal(0, sandbox.Creatio.LoginCount);
    }
}
