using System.Reflection;
using CreatioIdentity.Creatio;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Sandbox;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>Every Creatio route is classified read, write or session, and the classification is the one a read-only run relies on.</summary>
public sealed class CreatioRoutesTests
{
    /// <summary>
    /// The specification of what each call does to Creatio. A new route fails <see cref="TheRouteTable"/> until it is
    /// classified here too: a second, deliberate look at whether it writes.
    /// </summary>
    private static readonly Dictionary<string, RouteKind> Specified = new(StringComparer.Ordinal)
    {
        [nameof(CreatioRoutes.Login)] = RouteKind.Session,
        [nameof(CreatioRoutes.Logout)] = RouteKind.Session,
        [nameof(CreatioRoutes.Ping)] = RouteKind.Read,
        [nameof(CreatioRoutes.NetFrameworkLoginPage)] = RouteKind.Read,
        [nameof(CreatioRoutes.NetLoginPage)] = RouteKind.Read,
        [nameof(CreatioRoutes.SelectQuery)] = RouteKind.Read,
        [nameof(CreatioRoutes.GetFeatureState)] = RouteKind.Read,
        [nameof(CreatioRoutes.QuerySysSettings)] = RouteKind.Read,
        [nameof(CreatioRoutes.OAuthHealthCheck)] = RouteKind.Read,
        [nameof(CreatioRoutes.UpdateQuery)] = RouteKind.Write,
        [nameof(CreatioRoutes.ClearFeaturesCacheForAllUsers)] = RouteKind.Write,
        [nameof(CreatioRoutes.PostSysSettingsValues)] = RouteKind.Write,
        [nameof(CreatioRoutes.AddDefaultResource)] = RouteKind.Write,
        [nameof(CreatioRoutes.AddClient)] = RouteKind.Write,
        [nameof(CreatioRoutes.UpdateClient)] = RouteKind.Write,
        [nameof(CreatioRoutes.DeleteClient)] = RouteKind.Write,
        [nameof(CreatioRoutes.CreateTechnicalUser)] = RouteKind.Write,
    };

    /// <summary>Every route of <see cref="CreatioRoutes"/>, by its name there, found by reflection so that none is forgotten.</summary>
    public static IReadOnlyDictionary<string, CreatioRoute> All { get; } =
        typeof(CreatioRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(CreatioRoute))
            .ToDictionary(field => field.Name, field => (CreatioRoute)field.GetValue(null)!, StringComparer.Ordinal);

    /// <summary>The names of the write routes.</summary>
    public static IReadOnlyList<string> WriteRouteNames { get; } = [.. All.Where(route => route.Value.IsWrite).Select(route => route.Key).Order(StringComparer.Ordinal)];

    public static TheoryData<string> WriteRoutes() => [.. WriteRouteNames];

    public sealed class TheRouteTable
    {
        [Fact]
        public void Should_Classify_Every_Route_As_The_Specification_Does()
        {
            // Given
            var routes = All;

            // Then: no route without a deliberate classification, none classified otherwise
            Assert.All(routes, route => Assert.True(Specified.ContainsKey(route.Key),
                $"CreatioRoutes.{route.Key} is new: classify it read, write or session in {nameof(CreatioRoutesTests)}.{nameof(Specified)}."));
            Assert.All(routes, route => Assert.Equal(Specified[route.Key], route.Value.Kind));
            Assert.Equal(Specified.Keys.Order(StringComparer.Ordinal), routes.Keys.Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Should_Have_A_Write_To_Refuse_For_Each_Call_That_Changes_Creatio()
        {
            // Then: the feature, setting, cache, resource and integrated-application writes
            Assert.Equal(
                ["AddClient", "AddDefaultResource", "ClearFeaturesCacheForAllUsers", "CreateTechnicalUser", "DeleteClient", "PostSysSettingsValues", "UpdateClient", "UpdateQuery"],
                WriteRouteNames);
        }
    }

    public sealed class TheHandling
    {
        private static string[] Where(Func<CreatioRoute, bool> holds) =>
            [.. All.Where(route => holds(route.Value)).Select(route => route.Key).Order(StringComparer.Ordinal)];

        [Fact]
        public void Should_Never_Quote_Or_Resend_The_Answer_Of_A_Call_That_Carries_A_Secret()
        {
            // Then: the password, a setting that may be the client secret, and a new app's secret
            Assert.Equal(["AddClient", "Login", "PostSysSettingsValues"], Where(route => route.CarriesSecret));
        }

        [Fact]
        public void Should_Send_Again_After_A_Transient_Fault_Only_What_Is_Safe_To_Repeat()
        {
            // Then: every read and session call, and the one write by GET (clearing a cache)
            Assert.Equal(
                ["AddClient", "AddDefaultResource", "CreateTechnicalUser", "DeleteClient", "PostSysSettingsValues", "UpdateClient", "UpdateQuery"],
                Where(route => !route.IsIdempotent));
        }

        [Fact]
        public void Should_Address_At_The_Site_Root_Only_The_Login_Calls_And_Pages()
        {
            // Then: the rest go under /0 on .NET Framework
            Assert.Equal(["Login", "Logout", "NetFrameworkLoginPage", "NetLoginPage"], Where(route => route.AtSiteRoot));
        }

        [Fact]
        public void Should_Call_Without_A_Session_Only_The_Runtime_Probes()
        {
            Assert.Equal(["NetFrameworkLoginPage", "NetLoginPage", "Ping"], Where(route => route.Anonymous));
        }

        [Fact]
        public void Should_Read_A_500_As_An_Answer_Only_From_The_Health_Check()
        {
            // Then: the Diagnostic tab's service answers a red check with HTTP 500 and its report
            Assert.Equal(["OAuthHealthCheck"], Where(route => route.AnswersWith500));
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheSandbox
    {
        [Fact]
        public async Task Should_Mark_As_Writes_Exactly_The_Routes_Classified_As_Writes()
        {
            // Given: a read-write session and a Creatio that says itself which of its calls change it
            await using var sandbox = await SandboxHost.StartAsync();
            var session = ReadOnlySessionTests.SessionFor(sandbox, CreatioAccess.ReadWrite);
            await session.LoginAsync(CancellationToken.None);

            foreach (var (name, route) in All.Where(route => route.Value.Kind != RouteKind.Session))
            {
                // When
                sandbox.Creatio.ClearRecord();
                try
                {
                    _ = await session.SendAsync(route, CancellationToken.None);
                }
                catch (CreatioException)
                {
                    // An empty body may be refused; what the sandbox recorded is what counts.
                }

                // Then
                var served = sandbox.Creatio.Requests.Where(request => request.Path.EndsWith(route.Path, StringComparison.Ordinal) && request.StatusCode != 404).ToList();
                if (route.IsWrite || served.Count > 0)
                {
                    Assert.True(served.Count > 0, $"The sandbox does not serve {name}.");
                    Assert.All(served, request => Assert.True(request.IsWrite == route.IsWrite,
                        $"CreatioRoutes.{name} is a {route.Kind}, but the sandbox {(request.IsWrite ? "records it as a write" : "does not record it as a write")}."));
                }
            }
        }
    }
}
