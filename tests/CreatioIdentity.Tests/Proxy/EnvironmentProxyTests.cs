using CreatioIdentity.Configuration;
using CreatioIdentity.Hosting;

namespace CreatioIdentity.Tests.Proxy;

public sealed class EnvironmentProxyTests
{
    private static EnvironmentProxy From(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(variable => variable.Name, variable => variable.Value);
        return EnvironmentProxy.FromEnvironment(name => environment.GetValueOrDefault(name), "creatio-identity.yml");
    }

    public sealed class TheGetProxyMethod
    {
        [Theory]
        [InlineData("https://creatio.example.com/", "http://https-proxy:3128/")]
        [InlineData("http://creatio.example.com/", "http://http-proxy:8080/")]
        public void Should_Take_The_Proxy_Of_The_Url_Scheme(string destination, string expected)
        {
            // Given
            var proxy = From(("HTTPS_PROXY", "https-proxy:3128"), ("HTTP_PROXY", "http://http-proxy:8080"));

            // When
            var used = proxy.GetProxy(new Uri(destination));

            // Then
            Assert.Equal(new Uri(expected), used);
        }

        [Fact]
        public void Should_Prefer_The_Lower_Case_Name_And_Fall_Back_To_All_Proxy()
        {
            // Given
            var proxy = From(("https_proxy", "http://lower:1"), ("HTTPS_PROXY", "http://upper:2"), ("ALL_PROXY", "socks5://all:3"));

            // When
            var https = proxy.GetProxy(new Uri("https://creatio.example.com/"));
            var http = proxy.GetProxy(new Uri("http://creatio.example.com/"));

            // Then
            Assert.Equal(new Uri("http://lower:1/"), https);
            Assert.Equal(new Uri("socks5://all:3/"), http);
        }

        [Fact]
        public void Should_Keep_The_Credentials_Out_Of_The_Proxy_Url()
        {
            // Given
            var proxy = From(("HTTPS_PROXY", "http://user:p%40ss@proxy.example.com:3128"));

            // When
            var used = proxy.GetProxy(new Uri("https://creatio.example.com/"))!;

            // Then
            Assert.Equal(string.Empty, used.UserInfo);
            Assert.Equal("p@ss", proxy.Credentials!.GetCredential(used, "Basic")!.Password);
            Assert.Null(proxy.Credentials.GetCredential(new Uri("http://elsewhere.example.com:3128/"), "Basic"));
            Assert.Equal(["p@ss"], proxy.Passwords);
        }

        [Theory]
        [InlineData("http://proxy")]
        [InlineData("ftp://user:secret@proxy:21")]
        [InlineData("http://")]
        public void Should_Name_The_Variable_But_Not_Its_Value_When_It_Is_No_Proxy_Url(string value)
        {
            // Given
            var environment = new Dictionary<string, string> { ["HTTPS_PROXY"] = value };

            // When
            var exception = Record.Exception(() => EnvironmentProxy.FromEnvironment(environment.GetValueOrDefault, "creatio-identity.yml"));

            // Then
            if (value == "http://proxy")
            {
                Assert.Null(exception);
                return;
            }

            var error = Assert.Single(Assert.IsType<ConfigurationException>(exception).Errors);
            Assert.Contains("HTTPS_PROXY", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheIsBypassedMethod
    {
        [Theory]
        [InlineData("https://creatio.example.com/", "", false)]
        [InlineData("https://creatio.example.com/", "*", true)]
        [InlineData("https://creatio.example.com/", "example.com", true)]
        [InlineData("https://creatio.example.com/", ".example.com", true)]
        [InlineData("https://creatio.example.com/", "*.example.com", true)]
        [InlineData("https://creatio.example.com/", "EXAMPLE.COM", true)]
        [InlineData("https://creatio.example.com/", "ample.com", false)]
        [InlineData("https://creatio.example.com/", "other.com, creatio.example.com", true)]
        [InlineData("https://creatio.example.com/", "creatio.example.com:443", true)]
        [InlineData("https://creatio.example.com/", "creatio.example.com:8443", false)]
        [InlineData("https://10.1.2.3/", "10.0.0.0/8", true)]
        [InlineData("https://192.168.1.3/", "10.0.0.0/8", false)]
        [InlineData("https://10.1.2.3/", "10.1.2.3", true)]
        [InlineData("https://[2001:db8::1]/", "2001:db8::/32", true)]
        [InlineData("https://127.0.0.1:5000/", "", true)]
        [InlineData("https://localhost:5000/", "", true)]
        [InlineData("https://[::1]:5000/", "", true)]
        public void Should_Follow_No_Proxy_And_Never_Proxy_Loopback(string destination, string noProxy, bool bypassed)
        {
            // Given
            var proxy = From(("HTTPS_PROXY", "http://proxy.example.com:3128"), ("NO_PROXY", noProxy));

            // When
            var result = proxy.IsBypassed(new Uri(destination));

            // Then
            Assert.Equal(bypassed, result);
            Assert.Equal(bypassed, proxy.GetProxy(new Uri(destination)) is null);
        }
    }
}
