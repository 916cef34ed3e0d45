namespace CreatioIdentity.Configuration;

/// <summary>Reads the configuration file's bytes into text, refusing a missing, unreadable, oversized or undecodable file at 1:1.</summary>
internal static class ConfigFile
{
    /// <summary>The file's text: found, at most <see cref="ConfigText.MaxBytes"/>, and valid UTF-8.</summary>
    public static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw Failure(path, $"the configuration file was not found (looked for {Path.GetFullPath(path)}); pass its path with --config FILE, or put {ConfigLoader.DefaultFileName} in the working directory");
        }

        byte[] bytes;
        try
        {
            bytes = ReadBounded(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, $"the configuration file could not be read: {exception.Message}");
        }

        List<ConfigDiagnostic> errors = [];
        return ConfigText.Decode(bytes, path, errors) ?? throw new ConfigurationException(errors);
    }

    /// <summary>The file's bytes, refusing one larger than <see cref="ConfigText.MaxBytes"/> before reading it (or while, if it grows).</summary>
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.CanSeek && stream.Length > ConfigText.MaxBytes)
        {
            throw Failure(path, TooLarge(stream.Length));
        }

        var buffer = new byte[ConfigText.MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return length > ConfigText.MaxBytes ? throw Failure(path, TooLarge(length)) : buffer[..length];
    }

    internal static string TooLarge(long size) =>
        $"the configuration file is {ConfigText.Size(size)}; one is at most {ConfigText.Size(ConfigText.MaxBytes)} (a few hundred bytes is usual): is --config pointing at the right file?";

    internal static ConfigurationException Failure(string path, string message) =>
        new([new ConfigDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), message)]);
}
