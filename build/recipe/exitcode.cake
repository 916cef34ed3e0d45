// `dotnet cake --target=X` exits with the engine's exit code (SPEC §2), not Cake's default 1.

// Runs the target and returns the process exit code. A failed task surfaces as a
// CakeReportException (thrown after the summary has printed) whose InnerException is the
// task's CakeException carrying ExitCode.
int RunTargetWithExitCode(string target)
{
    try
    {
        RunTarget(target);
        return 0;
    }
    catch (CakeReportException ex) when (ex.InnerException is CakeException failure)
    {
        // Cake has already named the failed task; repeat the reason below the summary.
        Error("Error: {0}", failure.Message);
        return failure.ExitCode;
    }
}
