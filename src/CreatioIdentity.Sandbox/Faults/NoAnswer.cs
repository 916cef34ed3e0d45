namespace CreatioIdentity.Sandbox.Faults;

/// <summary>Marks a request that gets no answer (a reset or a hang), so the record says status 0 whatever the server does after.</summary>
internal static class NoAnswer
{
    private static readonly object Key = new();

    public static void Mark(HttpContext context) => context.Items[Key] = true;

    public static bool IsMarked(HttpContext context) => context.Items.ContainsKey(Key);
}
