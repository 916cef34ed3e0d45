namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>A row of SysAdminUnit: a user (type 4) or a role.</summary>
internal sealed record AdminUnit(Guid Id, string Name, int TypeValue);

/// <summary>
/// The sandbox's SysAdminUnit: its one user and the roles that user belongs to. The ids are Creatio's
/// own: "System administrators" and "All employees" as the OAuth20 packages' data names them
/// (<c>Data/AdminUnitFeatureState_*</c>), Supervisor's as every Creatio ships it.
/// </summary>
internal sealed class AdminUnits
{
    /// <summary>SysAdminUnitTypeValue of a user.</summary>
    public const int UserType = 4;

    /// <summary>Roles are organisations, departments or functional roles; the wire doc uses 1 for them all.</summary>
    public const int RoleType = 1;

    public const string SystemAdministrators = "System administrators";
    public const string AllEmployees = "All employees";

    public static readonly Guid UserId = new("410006e1-ca4e-4502-a9ec-e54d922d2c00");
    public static readonly Guid SystemAdministratorsId = new("83a43ebc-f36b-1410-298d-001e8c82bcad");
    public static readonly Guid AllEmployeesId = new("a29a3ba5-4b0d-de11-9a51-005056c00008");

    public AdminUnits(string userName)
    {
        User = new AdminUnit(UserId, userName, UserType);
        All = [User, new AdminUnit(SystemAdministratorsId, SystemAdministrators, RoleType), new AdminUnit(AllEmployeesId, AllEmployees, RoleType)];
    }

    /// <summary>The user every session of the sandbox belongs to.</summary>
    public AdminUnit User { get; }

    public IReadOnlyList<AdminUnit> All { get; }

    public AdminUnit? Find(Guid id) => All.FirstOrDefault(unit => unit.Id == id);

    public AdminUnit? Find(string name) => All.FirstOrDefault(unit => string.Equals(unit.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a row for this unit applies to the user: 8.1 joins SysAdminUnitInRole, which lists the
    /// user itself and every role it is in. Here the user is in every role there is.
    /// </summary>
    public bool AppliesToUser(Guid unitId) => Find(unitId) is not null;
}
