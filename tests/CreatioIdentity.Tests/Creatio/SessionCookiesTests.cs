using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>The cookies of a session: taken from any answer, masked as soon as known, a broken one named but never quoted.</summary>
public sealed class SessionCookiesTests
{
    private static readonly Uri Site = new("https://creatio.example.com/");
    private static readonly Uri LoginUri = new(Site, "ServiceModel/AuthService.svc/Login");

    private static HttpResponseMessage Setting(params string[] cookies)
    {
        var response = new HttpResponseMessage();
        foreach (var cookie in cookies)
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", cookie);
        }

        return response;
    }

    public sealed class TheTakeMethod
    {
        [Fact]
        public void Should_Take_Nothing_From_An_Answer_Without_Cookies()
        {
            // Given
            var jar = new SessionCookies(Site);
            var warnings = new List<string>();

            // When
            var taken = jar.Take(Setting(), LoginUri, warnings);

            // Then
            Assert.False(taken);
            Assert.False(jar.HasSession);
            Assert.Null(jar.Csrf);
            Assert.Empty(jar.All());
            Assert.Empty(warnings);
        }

        [Fact]
        public void Should_Keep_The_Session_And_The_Csrf_Token()
        {
            // Given
            var jar = new SessionCookies(Site);

            // When
            var taken = jar.Take(Setting(".ASPXAUTH=aspxauth-value; path=/", "BPMCSRF=csrf-value; path=/"), LoginUri, []);

            // Then
            Assert.True(taken);
            Assert.True(jar.HasSession);
            Assert.Equal("csrf-value", jar.Csrf);
            Assert.Equal(".ASPXAUTH=aspxauth-value; BPMCSRF=csrf-value", jar.Header(new Uri(Site, "0/DataService/json/SyncReply/SelectQuery")));
            Assert.Equal([".ASPXAUTH=aspxauth-value at / on creatio.example.com", "BPMCSRF=csrf-value at / on creatio.example.com"],
                jar.All().Select(cookie => $"{cookie.Name}={cookie.Value} at {cookie.Path} on {cookie.Domain}").Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Should_Say_It_Took_A_Cookie_When_Another_Was_Refused()
        {
            // Given
            var warnings = new List<string>();

            // When
            var taken = new SessionCookies(Site).Take(Setting("Broken=x; domain=other.example", "BPMSESSIONID=bpmsessionid-value; path=/"), LoginUri, warnings);

            // Then
            Assert.True(taken);
            Assert.Single(warnings);
        }

        [Fact]
        public void Should_Say_It_Took_Nothing_When_Every_Cookie_Was_Refused()
        {
            // When
            var taken = new SessionCookies(Site).Take(Setting("Broken=x; domain=other.example"), LoginUri, []);

            // Then
            Assert.False(taken);
        }

        [Theory]
        [InlineData("Broken=x; domain=other.example", "Broken")]
        [InlineData(" Spaced.Name_1-2 =x; domain=other.example", "Spaced.Name_1-2")]
        [InlineData("=x; domain=other.example", "unnamed")]
        [InlineData(" =x; domain=other.example", "an unreadable name")]
        [InlineData("a b=x; domain=other.example", "an unreadable name")]
        [InlineData("naïve=x; domain=other.example", "an unreadable name")]
        public void Should_Name_A_Refused_Cookie_Only_When_Its_Name_Is_Plain(string header, string named)
        {
            // Given
            var warnings = new List<string>();

            // When
            new SessionCookies(Site).Take(Setting(header), LoginUri, warnings);

            // Then
            Assert.Equal(
                $"Creatio set a cookie that cannot be parsed ({named}) on /ServiceModel/AuthService.svc/Login; it was skipped. If later calls are refused, a proxy in front of Creatio may be rewriting cookies.",
                Assert.Single(warnings));
        }

        [Theory]
        [InlineData(64, true)]
        [InlineData(65, false)]
        public void Should_Name_A_Refused_Cookie_Of_At_Most_64_Characters(int length, bool named)
        {
            // Given
            var name = new string('n', length);
            var warnings = new List<string>();

            // When
            new SessionCookies(Site).Take(Setting(name + "=x; domain=other.example"), LoginUri, warnings);

            // Then
            Assert.Contains(named ? $"({name})" : "(an unreadable name)", Assert.Single(warnings), StringComparison.Ordinal);
        }
    }

    public sealed class TheMasking
    {
        [Fact]
        public void Should_Mask_Every_Cookie_But_The_User_Name_In_Clear_And_Escaped()
        {
            // Given
            SecretMasker.BeginRun();

            // When
            new SessionCookies(Site).Take(Setting(".ASPXAUTH=abc%2Fdef-1; path=/", "UserName=Supervisor; path=/"), LoginUri, []);

            // Then
            Assert.Equal($"{Secret.Mask} {Secret.Mask} Supervisor", SecretMasker.Shared.Mask("abc%2Fdef-1 abc/def-1 Supervisor"));
        }

        [Fact]
        public void Should_Mask_Restored_Cookies_As_Well()
        {
            // Given
            SecretMasker.BeginRun();

            // When
            var jar = SessionCookies.From(Site, [new SessionCookie(".ASPXAUTH", "restored-1", "/", "creatio.example.com"), new SessionCookie("USERNAME", "Supervisor", "/", "creatio.example.com")]);

            // Then
            Assert.True(jar.HasSession);
            Assert.Equal($"{Secret.Mask} Supervisor", SecretMasker.Shared.Mask("restored-1 Supervisor"));
        }
    }
}
