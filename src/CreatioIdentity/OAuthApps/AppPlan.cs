using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.OAuthApps;

public enum AppAction
{
    /// <summary>Not in Creatio: AddClient.</summary>
    Create,

    /// <summary>Managed and different: UpdateClient and/or the description.</summary>
    Update,

    /// <summary>Managed and as declared: nothing is written.</summary>
    Unchanged,

    /// <summary>Cannot be done as declared (unknown user, a role, a hand-made app of that name): nothing is written.</summary>
    Blocked,
}

/// <summary>What one declared app needs, with the fields that differ (item, from, to) and, when blocked, why.</summary>
public sealed record AppStep(
    OAuthAppOptions App,
    AppAction Action,
    OAuthClientAppRecord? Existing,
    Guid? SystemUserId,
    IReadOnlyList<(string Item, string? From, string? To)> Differences,
    string? Problem = null);

/// <summary>
/// Compares what the file declares with what Creatio has, from two reads (every app, every named user): by name,
/// as Creatio compares names (without letter case), and only with apps that carry the <see cref="ManagedMarker"/>.
/// </summary>
public static class AppPlanner
{
    public static IReadOnlyList<AppStep> Plan(OAuthAppsOptions declared, IReadOnlyList<OAuthClientAppRecord> apps, IReadOnlyList<AdminUnitRecord> units) =>
        [.. declared.Apps.Select(app => PlanOne(app, apps, units))];

    /// <summary>Managed apps that no app of the file names any more: pruned with prune: true, else a warning.</summary>
    public static IReadOnlyList<OAuthClientAppRecord> Undeclared(OAuthAppsOptions declared, IReadOnlyList<OAuthClientAppRecord> apps) =>
        [.. apps.Where(app => ManagedMarker.Parse(app.Description).Managed && declared.Find(app.Name) is null)];

    private static AppStep PlanOne(OAuthAppOptions app, IReadOnlyList<OAuthClientAppRecord> apps, IReadOnlyList<AdminUnitRecord> units)
    {
        Guid? userId = null;
        if (app.SystemUser is { } userName)
        {
            var matches = units.Where(unit => string.Equals(unit.Name, userName, StringComparison.OrdinalIgnoreCase)).ToList();
            var user = matches.FirstOrDefault(unit => unit.IsUser);
            if (user is null)
            {
                return Blocked(app, matches.Count == 0
                    ? $"Creatio has no user '{userName}' (SysAdminUnit): create the user first, or name an existing one in {app.KeyPath}.systemUser."
                    : $"'{userName}' is a role in Creatio, not a user: an app acts as one user. Name a user in {app.KeyPath}.systemUser.");
            }

            userId = user.Id;
        }

        var named = apps.Where(existing => string.Equals(existing.Name, app.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            return new AppStep(app, AppAction.Create, null, userId, [(app.KeyPath, "absent", "created")]);
        }

        if (named.Count > 1)
        {
            return Blocked(app, $"Creatio has {named.Count} apps named '{app.Name}' (client ids {string.Join(", ", named.Select(existing => existing.ClientId))}): which one is meant cannot be known. Delete or rename the extra ones on the \"OAuth 2.0 integrated applications\" page.");
        }

        var existing = named[0];
        var (managed, description) = ManagedMarker.Parse(existing.Description);
        if (!managed)
        {
            return Blocked(app, $"Creatio has an app named '{existing.Name}' (client id {existing.ClientId}) that creatio-identity did not create, and apps made by hand are never changed. " +
                $"Rename one of them; or, to hand it over, end its description with '{ManagedMarker.Text}' in Creatio (its secret must then be delivered by hand, or rotated with rotate-secrets).", existing);
        }

        var differences = new List<(string, string?, string?)>();
        if (!SameUrl(existing.ApplicationUrl, app.ApplicationUrl))
        {
            differences.Add(($"{app.KeyPath}.applicationUrl", existing.ApplicationUrl, app.ApplicationUrl.OriginalString));
        }

        if (userId is not null && existing.SystemUserId != userId)
        {
            differences.Add(($"{app.KeyPath}.systemUser", existing.SystemUserName ?? existing.SystemUserId?.ToString(), app.SystemUser));
        }

        if (existing.IsActive != app.Active)
        {
            differences.Add(($"{app.KeyPath}.active", Flag(existing.IsActive), Flag(app.Active)));
        }

        if (!string.Equals(description, app.Description, StringComparison.Ordinal))
        {
            differences.Add(($"{app.KeyPath}.description", description, app.Description));
        }

        return new AppStep(app, differences.Count == 0 ? AppAction.Unchanged : AppAction.Update, existing, userId, differences);
    }

    private static AppStep Blocked(OAuthAppOptions app, string problem, OAuthClientAppRecord? existing = null) =>
        new(app, AppAction.Blocked, existing, null, [], problem);

    private static bool SameUrl(string? stored, Uri declared) =>
        string.Equals(stored?.Trim().TrimEnd('/'), declared.OriginalString.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Flag(bool value) => value ? "true" : "false";
}
