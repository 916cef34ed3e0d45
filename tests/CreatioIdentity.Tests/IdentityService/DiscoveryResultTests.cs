using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Tests.IdentityService;

/// <summary>The token check skipped after a failed discovery says how far the discovery got, not more.</summary>
public sealed class DiscoveryResultTests
{
    public sealed class TheTokenSkipReasonProperty
    {
        [Theory]
        [InlineData(DiscoveryStage.NotRead, "Skipped: the discovery document could not be read, so no token endpoint is known (see IdentityServiceDiscovery).")]
        [InlineData(DiscoveryStage.NoTokenEndpoint, "Skipped: the discovery document named no token endpoint.")]
        [InlineData(DiscoveryStage.TokenEndpoint, "Skipped: the client secret was not sent to the token endpoint the discovery document named (see IdentityServiceDiscovery).")]
        public void Should_Say_How_Far_The_Discovery_Got(DiscoveryStage reached, string reason)
        {
            // Given
            var discovery = new DiscoveryResult(false, null, "failed", Reached: reached);

            // When, Then
            Assert.Equal(reason, discovery.TokenSkipReason);
        }

        [Fact]
        public void Should_Not_Claim_A_Document_Was_Read_By_Default()
        {
            // Given: a failure made where nothing was read (a transport failure, an HTTP error)
            var discovery = new DiscoveryResult(false, null, "unreachable");

            // When, Then
            Assert.Equal(DiscoveryStage.NotRead, discovery.Reached);
            Assert.DoesNotContain("named no token endpoint", discovery.TokenSkipReason, StringComparison.Ordinal);
        }
    }
}
