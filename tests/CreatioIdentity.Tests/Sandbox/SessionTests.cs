using System.Net;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class SessionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string FeaturesInfo = "rest/FeatureService/GetFeaturesInfo";

    private SandboxHost Sandbox => fixture.Sandbox;

    [Fact]
    public async Task Should_Answer_401_Without_A_Session()
    {
        // Given
        using var client = new CreatioTestClient(Sandbox);

        // When
        using var response = await client.PostAsync(FeaturesInfo, new { });

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_Answer_401_For_A_Session_The_Server_Never_Issued()
    {
        // Given
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sandbox.CreatioUrl, FeaturesInfo))
        {
            Content = new StringContent("{}"),
        };
        request.Headers.Add("Cookie", ".ASPXAUTH=made-up; BPMCSRF=made-up");
        request.Headers.Add("BPMCSRF", "made-up");

        // When
        using var response = await http.SendAsync(request);

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_Answer_403_Without_The_Csrf_Header()
    {
        // Given
        using var client = await CreatioTestClient.LoggedInAsync(Sandbox);

        // When
        using var response = await client.SendAsync(HttpMethod.Post, FeaturesInfo, new { }, withCsrf: false);

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_Answer_403_When_The_Csrf_Header_Belongs_To_Another_Session()
    {
        // Given
        using var client = await CreatioTestClient.LoggedInAsync(Sandbox);
        using var other = await CreatioTestClient.LoggedInAsync(Sandbox);
        client.Http.DefaultRequestHeaders.Add("BPMCSRF", other.Cookie("BPMCSRF"));

        // When
        using var response = await client.SendAsync(HttpMethod.Post, FeaturesInfo, new { }, withCsrf: false);

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_Answer_200_With_The_Session_And_The_Csrf_Header()
    {
        // Given
        using var client = await CreatioTestClient.LoggedInAsync(Sandbox);

        // When
        using var response = await client.PostAsync(FeaturesInfo, new { });

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
