namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// A row of OAuthClientApp (8.1 <c>OAuthClientAppSchema.OAuth20.cs</c>). The secret (a SecureText column) is not
/// kept here: Creatio shows it once, in AddClient's answer, and only the Identity Service checks it.
/// </summary>
internal sealed record OAuthClientAppRow(
    Guid Id,
    string Name,
    string ClientId,
    string ApplicationUrl,
    string? RedirectUrl,
    string? Description,
    bool IsActive,
    Guid SystemUserId);

/// <summary>The OAuthClientApp table of the simulated Creatio.</summary>
internal sealed class OAuthClientApps
{
    private readonly Lock gate = new();
    private readonly List<OAuthClientAppRow> rows = [];

    public IReadOnlyList<OAuthClientAppRow> All()
    {
        lock (gate)
        {
            return [.. rows];
        }
    }

    public OAuthClientAppRow? Find(string? clientId)
    {
        lock (gate)
        {
            return rows.FirstOrDefault(row => string.Equals(row.ClientId, clientId, StringComparison.Ordinal));
        }
    }

    public void Add(OAuthClientAppRow row)
    {
        lock (gate)
        {
            rows.Add(row);
        }
    }

    /// <summary>Replaces the row with the same Id; false when there is none.</summary>
    public bool Replace(OAuthClientAppRow row)
    {
        lock (gate)
        {
            var index = rows.FindIndex(existing => existing.Id == row.Id);
            if (index < 0)
            {
                return false;
            }

            rows[index] = row;
            return true;
        }
    }

    public bool Remove(string clientId)
    {
        lock (gate)
        {
            return rows.RemoveAll(row => string.Equals(row.ClientId, clientId, StringComparison.Ordinal)) > 0;
        }
    }
}
