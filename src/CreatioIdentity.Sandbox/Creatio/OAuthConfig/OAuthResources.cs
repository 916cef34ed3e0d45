namespace CreatioIdentity.Sandbox.Creatio.OAuthConfig;

/// <summary>A row of OAuthResource (8.1 <c>OAuthResourceSchema.OAuth20.cs</c>).</summary>
internal sealed record OAuthResourceRow(Guid Id, string Name, string DisplayName, bool IsDefault);

/// <summary>The OAuthResource table. A fresh site has none: the default resource is made by AddDefaultResource.</summary>
internal sealed class OAuthResources
{
    private readonly Lock gate = new();
    private readonly List<OAuthResourceRow> rows = [];

    public IReadOnlyList<OAuthResourceRow> All()
    {
        lock (gate)
        {
            return [.. rows];
        }
    }

    public OAuthResourceRow? Default()
    {
        lock (gate)
        {
            return rows.FirstOrDefault(row => row.IsDefault);
        }
    }

    /// <summary>
    /// 8.1 <c>OAuthConfigService.CreateResource</c>: a new default resource named <c>ApplicationAccess_&lt;guid N&gt;</c>,
    /// or null with the existing one in <paramref name="existing"/> when there is one already.
    /// </summary>
    public OAuthResourceRow? TryAddDefault(out OAuthResourceRow? existing)
    {
        lock (gate)
        {
            existing = rows.FirstOrDefault(row => row.IsDefault);
            if (existing is not null)
            {
                return null;
            }

            var added = new OAuthResourceRow(Guid.NewGuid(), $"ApplicationAccess_{Guid.NewGuid():N}", "Application access", true);
            rows.Add(added);
            return added;
        }
    }

    /// <summary>A test preset: no default resource any more.</summary>
    public void RemoveDefault()
    {
        lock (gate)
        {
            rows.RemoveAll(row => row.IsDefault);
        }
    }
}
