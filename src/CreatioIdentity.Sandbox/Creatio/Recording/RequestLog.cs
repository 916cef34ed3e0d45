namespace CreatioIdentity.Sandbox.Creatio.Recording;

internal sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private int loginCount;

    public int LoginCount
    {
        get
        {
            lock (gate)
            {
                return loginCount;
            }
        }
    }

    public void Add(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }

    public void CountLogin()
    {
        lock (gate)
        {
            loginCount++;
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
            loginCount = 0;
        }
    }
}
