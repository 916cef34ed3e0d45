namespace CreatioIdentity.Agents;

/// <summary>The end of a log group; ends it once, however often it is disposed.</summary>
internal sealed class GroupScope(Action end) : IDisposable
{
    private int ended;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref ended, 1) == 0)
        {
            end();
        }
    }
}
