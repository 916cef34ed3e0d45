namespace CreatioIdentity.PrivateFiles;

/// <summary>
/// A path the engine refuses to use for a private file: a symbolic link, or a folder that another
/// user owns or may enter. Its message says which, why it matters and what to do.
/// </summary>
public sealed class UnsafePathException : IOException
{
    public UnsafePathException()
    {
    }

    public UnsafePathException(string message)
        : base(message)
    {
    }

    public UnsafePathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
