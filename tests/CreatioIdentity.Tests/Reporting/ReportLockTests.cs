using System.Runtime.Versioning;
using CreatioIdentity.PrivateFiles;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.PrivateFiles;
using static CreatioIdentity.Tests.Reporting.Results;

namespace CreatioIdentity.Tests.Reporting;

/// <summary>The report folder's .report.lock: owner-only, and never a link someone planted.</summary>
public sealed class ReportLockTests
{
    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Should_Make_The_Lock_File_Owner_Only()
    {
        // Given
        using var fixture = new ReportStoreFixture();

        // When
        fixture.Record(Step("Validate"));

        // Then
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(fixture.ReportDir, ReportStore.LockFileName)));
    }

    [UnixFact]
    public void Should_Refuse_A_Lock_File_That_Is_A_Symbolic_Link_At_Once()
    {
        // Given: .report.lock points at a file that does not exist yet (opening it would create it)
        using var fixture = new ReportStoreFixture();
        using var temp = new OwnTempFolder();
        var target = temp.PathOf("created-through-the-link");
        Directory.CreateDirectory(fixture.ReportDir);
        File.CreateSymbolicLink(Path.Combine(fixture.ReportDir, ReportStore.LockFileName), target);

        // When
        var refusal = Assert.Throws<UnsafePathException>(() =>
            ReportStore.Record(fixture.ReportDir, "connect", fixture.CreatioUrl, "run-42", [Step("Validate")], TimeSpan.FromSeconds(30)));

        // Then: refused, not waited on for the lock timeout; nothing made at the link's target
        Assert.Contains(ReportStore.LockFileName, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link", refusal.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(target));
        Assert.False(File.Exists(fixture.ReportPath));
    }
}
