namespace CreatioIdentity.Tests.Configuration;

/// <summary>The checkout the tests run from: the nearest folder above them holding Directory.Build.props.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Directory.Build.props")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Directory.Build.props above {AppContext.BaseDirectory}");
    });

    public static string FullPath => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
