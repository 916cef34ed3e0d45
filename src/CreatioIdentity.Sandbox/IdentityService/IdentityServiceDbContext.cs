using Microsoft.EntityFrameworkCore;

namespace CreatioIdentity.Sandbox.IdentityService;

/// <summary>Holds OpenIddict's applications; the entity sets come from <c>UseOpenIddict()</c>.</summary>
internal sealed class IdentityServiceDbContext(DbContextOptions<IdentityServiceDbContext> options) : DbContext(options);
