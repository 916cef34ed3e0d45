using CreatioIdentity.Sandbox.Creatio.Features;

namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// The SysAdminUnit rows integrated applications act as: the user <c>ErpIntegration</c>, a role
/// <c>Integrations</c> (not a user: AddClient refuses it, as 8.1's <c>IsSysAdminUnitValid</c> wants type 4),
/// and every technical user CreateTechnicalUser made.
/// </summary>
internal sealed class IntegrationUsers
{
    public const string ErpIntegration = "ErpIntegration";
    public const string IntegrationsRole = "Integrations";

    public static readonly Guid ErpIntegrationId = new("5f0c7a8e-3b52-4d0e-9a51-2c1f8e4b7d01");
    public static readonly Guid IntegrationsRoleId = new("5f0c7a8e-3b52-4d0e-9a51-2c1f8e4b7d02");

    private readonly Lock gate = new();
    private readonly List<AdminUnit> units =
    [
        new(ErpIntegrationId, ErpIntegration, AdminUnits.UserType),
        new(IntegrationsRoleId, IntegrationsRole, AdminUnits.RoleType),
    ];

    public IReadOnlyList<AdminUnit> All()
    {
        lock (gate)
        {
            return [.. units];
        }
    }

    /// <summary>A new user (type 4) for an application, as 8.2's CreateTechnicalUser makes one.</summary>
    public AdminUnit AddTechnicalUser(string name)
    {
        lock (gate)
        {
            var user = new AdminUnit(Guid.NewGuid(), name, AdminUnits.UserType);
            units.Add(user);
            return user;
        }
    }
}
