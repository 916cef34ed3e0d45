using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>How one site's run ended: its exit code and its report (recorded, or only held in memory when it could not be written).</summary>
internal sealed record SiteOutcome(int ExitCode, Report Report);
